//! Every user-visible string, in Chinese and English side by side.

pub mod ballots;
pub mod ballotview;
pub mod cli;
pub mod console;
pub mod deadline;
pub mod display;
pub mod docx;
pub mod help;
pub mod import;
pub mod minutes;
pub mod net;
pub mod page;
pub mod planform;
pub mod previous;
pub mod print;
pub mod questionnaire;
pub mod report;
pub mod series;
pub mod sheets;
pub mod stage;
pub mod taskimport;
pub mod tasks;
pub mod taskview;

use crate::jsonpos::path_text;
use crate::plan::{Finding, Plan, Problem};
use crate::scoring::ScoreProblem;
use crate::session::{Event, EventKind, Refusal, Session, Status};
use crate::timer::Phase;

/// The language of everything podium says: `--lang zh|en` on the command line (a
/// `clap::ValueEnum`, so any other value is refused), else the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Also spelled as a locale names it (`zh-CN`, `zh_CN`, `zh-TW`…).
    #[value(
        alias = "zh-CN",
        alias = "zh_CN",
        alias = "zh-cn",
        alias = "zh-TW",
        alias = "zh_TW"
    )]
    #[value(alias = "zh-Hans", alias = "cn", alias = "ZH")]
    Zh,
    #[value(
        alias = "en-US",
        alias = "en_US",
        alias = "en-GB",
        alias = "en_GB",
        alias = "EN"
    )]
    En,
}

impl Lang {
    /// The language the user chose, if any: `--lang` when given, else `PODIUM_LANG`, else
    /// the locale when it names a language (`Lang::of_locale`). `None`: the language of the
    /// file a command reads decides (`Choice`). A `PODIUM_LANG` that names no language podium
    /// speaks is refused (the same as `--lang fr`), naming the variable and its value.
    pub fn explicit(flag: Option<Lang>) -> Result<Option<Lang>, String> {
        if flag.is_some() {
            return Ok(flag);
        }
        match std::env::var("PODIUM_LANG") {
            // `C` or `POSIX` (as a locale spells "no language") leaves the choice to the
            // locale, as `LANG=C` does.
            Ok(v) if Lang::names_none(v.trim()) => Ok(Lang::of_locale()),
            Ok(v) if !v.trim().is_empty() => match Lang::from_code(v.trim()) {
                Some(lang) => Ok(Some(lang)),
                None => Err(help::bad_podium_lang(
                    Lang::of_locale().unwrap_or(Lang::En),
                    &v,
                )),
            },
            _ => Ok(Lang::of_locale()),
        }
    }

    /// `C`, `POSIX` and their variants (`C.UTF-8`): a locale that names no language.
    fn names_none(tag: &str) -> bool {
        let base = tag.split(['.', '@']).next().unwrap_or("");
        base.eq_ignore_ascii_case("C") || base.eq_ignore_ascii_case("POSIX")
    }

    /// The locale's language: the first of LC_ALL, LC_MESSAGES, LANG that is set and not
    /// empty is the locale; `zh*` is Chinese, any other language English, and `C`, `POSIX`
    /// (`C.UTF-8`…) name none. Where none of them is set, on Windows and macOS, the system's
    /// own setting (the `sys-locale` crate); elsewhere none.
    pub fn of_locale() -> Option<Lang> {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return Lang::of_locale_name(&v);
            }
        }
        Lang::of_system()
    }

    #[cfg(any(windows, target_os = "macos"))]
    fn of_system() -> Option<Lang> {
        sys_locale::get_locale().and_then(|tag| Lang::of_locale_name(&tag))
    }

    #[cfg(not(any(windows, target_os = "macos")))]
    fn of_system() -> Option<Lang> {
        None
    }

    /// The language a locale names (`zh_CN.UTF-8`, `en-US`, `fr_FR@euro`): Chinese for
    /// `zh*`, English for any other language, none for `C`, `POSIX` or an empty one.
    pub fn of_locale_name(locale: &str) -> Option<Lang> {
        let name = locale.split(['.', '@']).next().unwrap_or_default().trim();
        if name.is_empty() || name == "C" || name == "POSIX" {
            return None;
        }
        Some(Lang::from_tag(name))
    }

    /// A language as `--lang` takes it (`zh`, `en`, `zh-CN`, `en_US`…), or as a locale
    /// names it (`zh_CN.UTF-8`, and any region or script: `zh_HK`, `zh-Hant`, `en_AU.UTF-8`,
    /// as the locale itself is read); `None` for any other.
    pub fn from_code(code: &str) -> Option<Lang> {
        use clap::ValueEnum;
        Lang::from_str(code, true).ok().or_else(|| {
            let name = code.split(['.', '@']).next().unwrap_or_default();
            Lang::from_str(name, true).ok().or_else(|| {
                let language = name.split(['_', '-']).next().unwrap_or_default();
                match language.to_ascii_lowercase().as_str() {
                    "zh" => Some(Lang::Zh),
                    "en" => Some(Lang::En),
                    _ => None,
                }
            })
        })
    }

    /// The code of the language (`zh`, `en`): what a session file records.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language of a plan: Chinese when its title or a unit's name is written in Chinese
    /// characters, otherwise English.
    pub fn of_plan(plan: &Plan) -> Lang {
        let han = |t: &str| {
            t.chars().any(|c| {
                ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
            })
        };
        if han(&plan.title) || plan.units.iter().any(|u| han(&u.name)) {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn s(self) -> &'static Text {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// The language a command speaks: the user's choice (`Lang::explicit`) when there is one,
/// else the language of the file it reads. Each command resolves it once it has read its
/// file: `plan` for a plan, `session` for a session (the language it was last run in, which
/// it remembers, else its plan's); `first` before any file is read (English when the user
/// chose none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice(pub Option<Lang>);

impl Choice {
    /// From `--lang`, `PODIUM_LANG` and the locale (`Lang::explicit`).
    pub fn of_user(flag: Option<Lang>) -> Result<Choice, String> {
        Lang::explicit(flag).map(Choice)
    }

    /// The language before any file is read.
    pub fn first(self) -> Lang {
        self.0.unwrap_or(Lang::En)
    }

    /// The language for a plan: the user's, else the plan's.
    pub fn plan(self, plan: &Plan) -> Lang {
        self.0.unwrap_or_else(|| Lang::of_plan(plan))
    }

    /// The language for a session: the user's, else the one the session was run in, else its
    /// plan's.
    pub fn session(self, session: &Session) -> Lang {
        self.0
            .or(session.lang())
            .unwrap_or_else(|| Lang::of_plan(session.plan()))
    }
}

/// Fixed strings of the interface.
pub struct Text {
    pub whole_meeting: &'static str,
    pub agenda: &'static str,
    pub col_no: &'static str,
    pub col_unit: &'static str,
    pub col_presenter: &'static str,
    pub col_plan: &'static str,
    pub col_actual: &'static str,
    pub col_status: &'static str,
    pub col_over: &'static str,
    pub col_remarks: &'static str,
    pub remarks: &'static str,
    pub general_remarks: &'static str,
    pub no_remarks: &'static str,
    /// The remarks panel's top row when older remarks are scrolled out of it.
    pub earlier_remarks: &'static str,
    pub task_mark: &'static str,
    pub current_unit: &'static str,
    pub no_current: &'static str,
    pub meeting_over: &'static str,
    pub not_started: &'static str,
    pub paused: &'static str,
    pub now: &'static str,
    pub elapsed: &'static str,
    pub planned_end: &'static str,
    pub projected_end: &'static str,
    pub saved: &'static str,
    pub not_saved: &'static str,
    pub too_small: &'static str,
    pub key_start: &'static str,
    pub key_pause: &'static str,
    pub key_resume: &'static str,
    pub key_next: &'static str,
    pub key_remark: &'static str,
    pub key_general: &'static str,
    pub key_task: &'static str,
    pub key_undo: &'static str,
    pub key_help: &'static str,
    pub key_menu: &'static str,
    pub key_quit: &'static str,
    pub key_select: &'static str,
    pub key_focus: &'static str,
    pub key_edit: &'static str,
    pub key_delete: &'static str,
    pub key_save: &'static str,
    pub key_cancel: &'static str,
    pub key_newline: &'static str,
    pub key_reviewer: &'static str,
    pub key_search: &'static str,
    pub key_close: &'static str,
    pub key_scroll: &'static str,
    pub key_type_score: &'static str,
    pub key_other_unit: &'static str,
    pub key_sheet: &'static str,
    pub key_results: &'static str,
    pub key_publish: &'static str,
    pub key_unlock: &'static str,
    pub key_export: &'static str,
    pub key_import: &'static str,
    pub key_message: &'static str,
    pub key_hide: &'static str,
    pub key_unhide: &'static str,
    pub key_display: &'static str,
    pub key_reveal: &'static str,
    pub key_reveal_all: &'static str,
    pub hidden: &'static str,
    pub on_stage: &'static str,
    pub results_on_stage: &'static str,
    pub private_on: &'static str,
    pub key_pick: &'static str,
    pub key_yes: &'static str,
    pub key_no: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub editor_remark: &'static str,
    pub editor_general: &'static str,
    pub editor_task: &'static str,
    pub editor_edit: &'static str,
    pub editor_add_unit: &'static str,
    pub editor_update_unit: &'static str,
    pub field_reviewer: &'static str,
    pub field_text: &'static str,
    pub field_name: &'static str,
    pub field_presenter: &'static str,
    pub field_role: &'static str,
    pub field_minutes: &'static str,
    pub new_reviewer: &'static str,
    pub search_reviewer: &'static str,
    pub confirm_quit: &'static str,
    pub confirm_discard: &'static str,
    pub confirm_end_meeting: &'static str,
    pub help_title: &'static str,
    pub menu_title: &'static str,
    pub menu_end_meeting: &'static str,
    pub demo_notice: &'static str,
    pub ended_notice: &'static str,
    pub plan_changed: &'static str,
    pub draft_restored: &'static str,
    pub bad_minutes: &'static str,
}

impl Text {
    /// Every string of the table, in the order of its fields: a field added to the table
    /// without being listed here does not compile (the tests read them all).
    pub fn all(&self) -> Vec<&'static str> {
        let Text {
            whole_meeting,
            agenda,
            col_no,
            col_unit,
            col_presenter,
            col_plan,
            col_actual,
            col_status,
            col_over,
            col_remarks,
            remarks,
            general_remarks,
            no_remarks,
            earlier_remarks,
            task_mark,
            current_unit,
            no_current,
            meeting_over,
            not_started,
            paused,
            now,
            elapsed,
            planned_end,
            projected_end,
            saved,
            not_saved,
            too_small,
            key_start,
            key_pause,
            key_resume,
            key_next,
            key_remark,
            key_general,
            key_task,
            key_undo,
            key_help,
            key_menu,
            key_quit,
            key_select,
            key_focus,
            key_edit,
            key_delete,
            key_save,
            key_cancel,
            key_newline,
            key_reviewer,
            key_search,
            key_close,
            key_scroll,
            key_type_score,
            key_other_unit,
            key_sheet,
            key_results,
            key_publish,
            key_unlock,
            key_export,
            key_import,
            key_message,
            key_hide,
            key_unhide,
            key_display,
            key_reveal,
            key_reveal_all,
            hidden,
            on_stage,
            results_on_stage,
            private_on,
            key_pick,
            key_yes,
            key_no,
            yes,
            no,
            editor_remark,
            editor_general,
            editor_task,
            editor_edit,
            editor_add_unit,
            editor_update_unit,
            field_reviewer,
            field_text,
            field_name,
            field_presenter,
            field_role,
            field_minutes,
            new_reviewer,
            search_reviewer,
            confirm_quit,
            confirm_discard,
            confirm_end_meeting,
            help_title,
            menu_title,
            menu_end_meeting,
            demo_notice,
            ended_notice,
            plan_changed,
            draft_restored,
            bad_minutes,
        } = self;
        vec![
            *whole_meeting,
            *agenda,
            *col_no,
            *col_unit,
            *col_presenter,
            *col_plan,
            *col_actual,
            *col_status,
            *col_over,
            *col_remarks,
            *remarks,
            *general_remarks,
            *no_remarks,
            *earlier_remarks,
            *task_mark,
            *current_unit,
            *no_current,
            *meeting_over,
            *not_started,
            *paused,
            *now,
            *elapsed,
            *planned_end,
            *projected_end,
            *saved,
            *not_saved,
            *too_small,
            *key_start,
            *key_pause,
            *key_resume,
            *key_next,
            *key_remark,
            *key_general,
            *key_task,
            *key_undo,
            *key_help,
            *key_menu,
            *key_quit,
            *key_select,
            *key_focus,
            *key_edit,
            *key_delete,
            *key_save,
            *key_cancel,
            *key_newline,
            *key_reviewer,
            *key_search,
            *key_close,
            *key_scroll,
            *key_type_score,
            *key_other_unit,
            *key_sheet,
            *key_results,
            *key_publish,
            *key_unlock,
            *key_export,
            *key_import,
            *key_message,
            *key_hide,
            *key_unhide,
            *key_display,
            *key_reveal,
            *key_reveal_all,
            *hidden,
            *on_stage,
            *results_on_stage,
            *private_on,
            *key_pick,
            *key_yes,
            *key_no,
            *yes,
            *no,
            *editor_remark,
            *editor_general,
            *editor_task,
            *editor_edit,
            *editor_add_unit,
            *editor_update_unit,
            *field_reviewer,
            *field_text,
            *field_name,
            *field_presenter,
            *field_role,
            *field_minutes,
            *new_reviewer,
            *search_reviewer,
            *confirm_quit,
            *confirm_discard,
            *confirm_end_meeting,
            *help_title,
            *menu_title,
            *menu_end_meeting,
            *demo_notice,
            *ended_notice,
            *plan_changed,
            *draft_restored,
            *bad_minutes,
        ]
    }
}

pub static ZH: Text = Text {
    whole_meeting: "会议总体",
    agenda: "议程",
    col_no: "序",
    col_unit: "单位",
    col_presenter: "汇报人",
    col_plan: "计划",
    col_actual: "用时",
    col_status: "状态",
    col_over: "超时",
    col_remarks: "点评",
    remarks: "点评",
    general_remarks: "总体点评",
    no_remarks: "暂无点评",
    earlier_remarks: "↑ 更早的点评",
    task_mark: "【交办】",
    current_unit: "当前汇报",
    no_current: "没有当前单位",
    meeting_over: "会议已结束",
    not_started: "未开始",
    paused: "已暂停",
    now: "现在",
    elapsed: "已进行",
    planned_end: "计划结束",
    projected_end: "预计结束",
    saved: "已保存",
    not_saved: "未保存！",
    too_small: "终端窗口太小，请放大到至少 60×16",
    key_start: "开始",
    key_pause: "暂停",
    key_resume: "继续",
    key_next: "下一个",
    key_remark: "点评",
    key_general: "总体点评",
    key_task: "交办",
    key_undo: "撤销",
    key_help: "帮助",
    key_menu: "菜单",
    key_quit: "退出",
    key_select: "选择",
    key_focus: "切换",
    key_edit: "编辑",
    key_delete: "删除",
    key_save: "保存",
    key_cancel: "取消",
    key_newline: "换行",
    key_reviewer: "点评人",
    key_search: "搜索点评人",
    key_close: "关闭",
    key_scroll: "滚动",
    key_type_score: "输入分数",
    key_other_unit: "换单位",
    key_sheet: "评分表",
    key_results: "结果",
    key_publish: "公布",
    key_unlock: "解锁",
    key_export: "导出",
    key_import: "导入评分",
    key_message: "大屏提示",
    key_hide: "隐藏",
    key_unhide: "显示",
    key_display: "大屏显示",
    key_reveal: "揭晓一名",
    key_reveal_all: "全部揭晓",
    hidden: "已隐藏（本屏可能正投影给会场；按 p 显示）",
    on_stage: "大屏提示：",
    results_on_stage: "大屏正显示结果",
    private_on: "本屏已隐藏点评和评分",
    key_pick: "执行",
    key_yes: "是",
    key_no: "否",
    yes: "是",
    no: "否",
    editor_remark: "新点评",
    editor_general: "新总体点评",
    editor_task: "新交办事项",
    editor_edit: "编辑点评",
    editor_add_unit: "增加汇报单位（排在当前单位之后）",
    editor_update_unit: "修改汇报人和职务",
    field_reviewer: "点评人",
    field_text: "内容",
    field_name: "单位名称",
    field_presenter: "汇报人",
    field_role: "职务",
    field_minutes: "时长（分钟）",
    new_reviewer: "（新点评人）",
    search_reviewer: "搜索点评人：",
    confirm_quit: "退出 podium？所有内容都已保存。",
    confirm_discard: "放弃已输入的内容？",
    confirm_end_meeting: "结束会议？计时将关闭，点评仍可录入。",
    help_title: "按键一览",
    menu_title: "全部操作",
    menu_end_meeting: "结束会议",
    demo_notice: "演示会议",
    ended_notice: "会议已结束：计时已关闭，点评仍可录入。新一期会议请用 podium run 计划文件 --new",
    plan_changed: "计划文件在会议开始后有改动；本场会议按会议记录中的计划进行",
    draft_restored: "已恢复上次退出时未保存的输入",
    bad_minutes: "时长须为 0 到 600 之间的分钟数",
};

pub static EN: Text = Text {
    whole_meeting: "Whole meeting",
    agenda: "Agenda",
    col_no: "#",
    col_unit: "Unit",
    col_presenter: "Presenter",
    col_plan: "Plan",
    col_actual: "Actual",
    col_status: "Status",
    col_over: "Over",
    col_remarks: "Rem",
    remarks: "Remarks",
    general_remarks: "General remarks",
    no_remarks: "No remarks yet",
    earlier_remarks: "↑ earlier remarks",
    task_mark: "[task] ",
    current_unit: "Now presenting",
    no_current: "No current unit",
    meeting_over: "The meeting has ended",
    not_started: "not started",
    paused: "PAUSED",
    now: "Now",
    elapsed: "Elapsed",
    planned_end: "Planned end",
    projected_end: "Projected end",
    saved: "saved",
    not_saved: "NOT SAVED!",
    too_small: "The terminal is too small: enlarge it to at least 60×16",
    key_start: "start",
    key_pause: "pause",
    key_resume: "resume",
    key_next: "next",
    key_remark: "remark",
    key_general: "general",
    key_task: "task",
    key_undo: "undo",
    key_help: "help",
    key_menu: "menu",
    key_quit: "quit",
    key_select: "select",
    key_focus: "focus",
    key_edit: "edit",
    key_delete: "delete",
    key_save: "save",
    key_cancel: "cancel",
    key_newline: "new line",
    key_reviewer: "reviewer",
    key_search: "find reviewer",
    key_close: "close",
    key_scroll: "scroll",
    key_type_score: "type a score",
    key_other_unit: "other unit",
    key_sheet: "score sheet",
    key_results: "results",
    key_publish: "publish",
    key_unlock: "unlock",
    key_export: "export",
    key_import: "import scores",
    key_message: "stage message",
    key_hide: "hide",
    key_unhide: "show",
    key_display: "on stage",
    key_reveal: "reveal one",
    key_reveal_all: "reveal all",
    hidden: "Hidden (this screen may be mirrored to the room; p shows it)",
    on_stage: "On stage: ",
    results_on_stage: "results on stage",
    private_on: "remarks and scores hidden here",
    key_pick: "do it",
    key_yes: "yes",
    key_no: "no",
    yes: "Yes",
    no: "No",
    editor_remark: "New remark",
    editor_general: "New general remark",
    editor_task: "New follow-up task",
    editor_edit: "Edit remark",
    editor_add_unit: "Add a unit (after the current one)",
    editor_update_unit: "Change presenter and role",
    field_reviewer: "Reviewer",
    field_text: "Text",
    field_name: "Unit name",
    field_presenter: "Presenter",
    field_role: "Role",
    field_minutes: "Minutes",
    new_reviewer: "(new reviewer)",
    search_reviewer: "Find reviewer: ",
    confirm_quit: "Quit podium? Everything is saved.",
    confirm_discard: "Discard what you typed?",
    confirm_end_meeting: "End the meeting? Timing closes; remarks can still be added.",
    help_title: "Keys",
    menu_title: "All actions",
    menu_end_meeting: "End the meeting",
    demo_notice: "Demo meeting",
    ended_notice: "The meeting has ended: timing is closed, remarks still work. For the next meeting: podium run PLAN --new",
    plan_changed: "The plan file changed after this meeting started; the meeting keeps the plan it started with",
    draft_restored: "Restored the unsaved text you were typing last time",
    bad_minutes: "Minutes must be a number above 0 and up to 600",
};

pub fn status(lang: Lang, status: Status) -> &'static str {
    match status {
        Status::Pending => lang.pick("待汇报", "pending"),
        Status::Presenting => lang.pick("汇报中", "presenting"),
        Status::Paused => lang.pick("已暂停", "paused"),
        Status::Done => lang.pick("已完成", "done"),
        Status::Skipped => lang.pick("已跳过", "skipped"),
    }
}

pub fn phase(lang: Lang, phase: Phase) -> &'static str {
    match phase {
        Phase::Normal => lang.pick("计时中", "on time"),
        Phase::Warning => lang.pick("即将到时", "time nearly up"),
        Phase::TimeUp => lang.pick("时间到", "time is up"),
        Phase::Overtime => lang.pick("已超时", "overtime"),
        Phase::Elapsed => lang.pick("已用时", "elapsed"),
    }
}

pub fn refusal(lang: Lang, r: &Refusal) -> String {
    match (lang, r) {
        (Lang::Zh, Refusal::NoCurrentUnit) => "没有当前单位：用 ↑↓ 选择单位后按 Enter".into(),
        (Lang::En, Refusal::NoCurrentUnit) => {
            "No unit is current: select one with ↑↓ and press Enter".into()
        }
        (Lang::Zh, Refusal::MeetingEnded) => "会议已结束，计时已关闭".into(),
        (Lang::En, Refusal::MeetingEnded) => "The meeting has ended; timing is closed".into(),
        (Lang::Zh, Refusal::AnotherTalkRunning { unit }) => {
            format!("{unit}的汇报正在计时，先按 n 结束或按空格暂停")
        }
        (Lang::En, Refusal::AnotherTalkRunning { unit }) => {
            format!("{unit}'s talk is running: end it with n or pause it with Space first")
        }
        (Lang::Zh, Refusal::TalkRunning { unit }) => format!("{unit}的汇报正在计时，先按 n 结束"),
        (Lang::En, Refusal::TalkRunning { unit }) => {
            format!("{unit}'s talk is running: end it with n first")
        }
        (Lang::Zh, Refusal::TalkAlreadyEnded { unit }) => {
            format!("{unit}已汇报完毕（误操作可按 u 撤销）")
        }
        (Lang::En, Refusal::TalkAlreadyEnded { unit }) => {
            format!("{unit} has already presented (u undoes a mistake)")
        }
        (Lang::Zh, Refusal::UnitSkipped { unit }) => format!("{unit}已跳过，按 x 恢复"),
        (Lang::En, Refusal::UnitSkipped { unit }) => format!("{unit} is skipped; x restores it"),
        (Lang::Zh, Refusal::UnknownUnit { unit }) => format!("没有名为“{unit}”的单位"),
        (Lang::En, Refusal::UnknownUnit { unit }) => format!("There is no unit named \"{unit}\""),
        (Lang::Zh, Refusal::UnknownRemark { id }) => format!("点评 {id} 不存在"),
        (Lang::En, Refusal::UnknownRemark { id }) => format!("Remark {id} does not exist"),
        (Lang::Zh, Refusal::NotPending { unit }) => format!("{unit}已开始汇报，不能跳过或调整顺序"),
        (Lang::En, Refusal::NotPending { unit }) => {
            format!("{unit} has already started: it cannot be skipped or moved")
        }
        (Lang::Zh, Refusal::CannotMove { unit }) => format!("{unit}不能再往这个方向移动"),
        (Lang::En, Refusal::CannotMove { unit }) => format!("{unit} cannot move further that way"),
        (Lang::Zh, Refusal::NoTimer { unit }) => format!("“{unit}”是书面通报，不计时"),
        (Lang::En, Refusal::NoTimer { unit }) => {
            format!("“{unit}” is announced in writing: it has no timer")
        }
        (Lang::Zh, Refusal::NotScored) => "本场会议不评分（评分方式为“不评分”）".into(),
        (Lang::En, Refusal::NotScored) => {
            "This meeting does not score (its scoring mode is “none”)".into()
        }
        (Lang::Zh, Refusal::LimitTooShort) => "时限不能少于 1 秒".into(),
        (Lang::En, Refusal::LimitTooShort) => "The limit cannot go below 1 second".into(),
        (Lang::Zh, Refusal::EmptyText) => "内容是空的，没有保存".into(),
        (Lang::En, Refusal::EmptyText) => "The text is empty; nothing was saved".into(),
        (Lang::Zh, Refusal::EmptyName) => "名称不能为空".into(),
        (Lang::En, Refusal::EmptyName) => "The name cannot be empty".into(),
        (Lang::Zh, Refusal::ControlChars) => "名称中不能有控制字符".into(),
        (Lang::En, Refusal::ControlChars) => "Names cannot hold control characters".into(),
        (Lang::Zh, Refusal::DuplicateUnit { unit }) => format!("已有名为“{unit}”的单位"),
        (Lang::En, Refusal::DuplicateUnit { unit }) => {
            format!("A unit named \"{unit}\" already exists")
        }
        (Lang::Zh, Refusal::BadMinutes) => ZH.bad_minutes.into(),
        (Lang::En, Refusal::BadMinutes) => EN.bad_minutes.into(),
        (Lang::Zh, Refusal::NothingToUndo) => "没有可以撤销的操作".into(),
        (Lang::En, Refusal::NothingToUndo) => "Nothing to undo".into(),
        (_, Refusal::Score(p)) => score_problem(lang, p),
        (Lang::Zh, Refusal::ResultsPublished) => "结果已公布，评分已锁定；如需修改请在结果页按 Ctrl+U 解锁".into(),
        (Lang::En, Refusal::ResultsPublished) => "The results are published and scores are locked; Ctrl+U in the results view unlocks them".into(),
        (Lang::Zh, Refusal::NotPublished) => "结果尚未公布".into(),
        (Lang::En, Refusal::NotPublished) => "The results are not published".into(),
        (Lang::Zh, Refusal::EmptyReason) => "请填写解锁原因".into(),
        (Lang::En, Refusal::EmptyReason) => "Give a reason for unlocking".into(),
        (Lang::Zh, Refusal::SeqExhausted) => "会议记录的事件编号已用尽（文件可能被手工改过），无法再记录".into(),
        (Lang::En, Refusal::SeqExhausted) => "The session's event numbers are used up (was the file edited by hand?): nothing more can be recorded".into(),
        (Lang::Zh, Refusal::NothingChanged) => "没有变化".into(),
        (Lang::En, Refusal::NothingChanged) => "Nothing changed".into(),
        (Lang::Zh, Refusal::TextTooLong { max }) => format!("消息太长（最多 {max} 个字）"),
        (Lang::En, Refusal::TextTooLong { max }) => format!("The message is too long (at most {max} characters)"),
        (Lang::Zh, Refusal::HostOnly) => "只有主持人可以这样做（计时、顺序、发布等）".into(),
        (Lang::En, Refusal::HostOnly) => {
            "Only the host can do this (timing, order, publishing...)".into()
        }
        (Lang::Zh, Refusal::ScoresNotAllowed) => "主持人没有开放记录员录入评分".into(),
        (Lang::En, Refusal::ScoresNotAllowed) => {
            "The host has not opened score entry to note-takers".into()
        }
        (Lang::Zh, Refusal::UnknownTask { id }) => format!("没有编号为 {id} 的任务（可能已被删除）"),
        (Lang::En, Refusal::UnknownTask { id }) => {
            format!("There is no task {id} (it may have been deleted)")
        }
        (Lang::Zh, Refusal::NotYourTask { id }) => format!("任务 {id} 不是你录入的，不能修改"),
        (Lang::En, Refusal::NotYourTask { id }) => {
            format!("Task {id} was entered by someone else; you cannot change it")
        }
        (Lang::Zh, Refusal::TaskStatusHostOnly) => "销号和取消任务由主持人操作".into(),
        (Lang::En, Refusal::TaskStatusHostOnly) => {
            "Closing or cancelling a task is the host's".into()
        }
        (Lang::Zh, Refusal::DuplicateTask { list: Some(l), no }) => {
            format!("清单“{l}”中已有序号 {no} 的任务")
        }
        (Lang::Zh, Refusal::DuplicateTask { list: None, no }) => format!("已有序号 {no} 的任务"),
        (Lang::En, Refusal::DuplicateTask { list: Some(l), no }) => {
            format!("The list “{l}” already has a task numbered {no}")
        }
        (Lang::En, Refusal::DuplicateTask { list: None, no }) => {
            format!("A task numbered {no} already exists")
        }
        (Lang::Zh, Refusal::NoBallotGroups) => {
            "计划没有设测评票分组（scoring.ballot_groups）".into()
        }
        (Lang::En, Refusal::NoBallotGroups) => {
            "The plan declares no ballot groups (scoring.ballot_groups)".into()
        }
        (Lang::Zh, Refusal::UnknownBallotGroup { group }) => {
            format!("计划中没有测评票分组“{group}”")
        }
        (Lang::En, Refusal::UnknownBallotGroup { group }) => {
            format!("The plan has no ballot group “{group}”")
        }
        (Lang::Zh, Refusal::BallotGroupNeeded) => {
            "计划设有测评票分组：汇总票数要注明是哪一组的（--group 或“分组”列）".into()
        }
        (Lang::En, Refusal::BallotGroupNeeded) => {
            "The plan has ballot groups: say which group a tally is from (--group or a 分组 column)".into()
        }
        (Lang::Zh, Refusal::TooManyBallots { max }) => {
            format!("每组最多发放 {max} 张测评票")
        }
        (Lang::En, Refusal::TooManyBallots { max }) => {
            format!("A ballot group has at most {max} ballots")
        }
        (Lang::Zh, Refusal::UnknownBallot) => "测评码无效：请核对票面上的测评码".into(),
        (Lang::En, Refusal::UnknownBallot) => {
            "No ballot has this code: check the code on the slip".into()
        }
        (Lang::Zh, Refusal::UnknownSerial { serial }) => {
            format!("没有票号为 {serial} 的测评票（票号如 领导-007）")
        }
        (Lang::En, Refusal::UnknownSerial { serial }) => {
            format!("No ballot has the serial {serial} (serials look like 领导-007)")
        }
        (Lang::Zh, Refusal::BallotOtherGroup { serial, group }) => {
            format!("测评票 {serial} 不属于“{group}”组：请核对票号和组别")
        }
        (Lang::En, Refusal::BallotOtherGroup { serial, group }) => {
            format!("Ballot {serial} is not of the group “{group}”: check the serial and the group")
        }
        (Lang::Zh, Refusal::TallyAboveBallots { unit, group, limit }) => format!(
            "{unit}在“{group}”组的票数超过该组的 {limit} 张测评票：请核对汇总表（已导入的票数也计算在内）"
        ),
        (Lang::En, Refusal::TallyAboveBallots { unit, group, limit }) => format!(
            "The ballots for {unit} in the group “{group}” would be more than its {limit} ballots: check the tally (ballots already in count too)"
        ),
        (Lang::Zh, Refusal::BallotTwice { serial }) => format!("测评票 {serial} 出现了两次"),
        (Lang::En, Refusal::BallotTwice { serial }) => format!("Ballot {serial} is given twice"),
        (Lang::Zh, Refusal::BallotVoided { serial }) => format!("测评票 {serial} 已作废"),
        (Lang::En, Refusal::BallotVoided { serial }) => format!("Ballot {serial} has been voided"),
        (Lang::Zh, Refusal::VotingClosed) => "测评投票未开始或已结束".into(),
        (Lang::En, Refusal::VotingClosed) => "Voting is not open".into(),
        (Lang::Zh, Refusal::VotingOpen) => {
            "测评投票尚未结束：先在测评票界面结束投票，再公布结果".into()
        }
        (Lang::En, Refusal::VotingOpen) => {
            "Voting is still open: close it in the ballots view before publishing".into()
        }
        (Lang::Zh, Refusal::EmptyBallot) => "这张测评票没有给任何单位评分".into(),
        (Lang::En, Refusal::EmptyBallot) => "This ballot scores no unit".into(),
        (Lang::Zh, Refusal::BallotUnit { unit }) => {
            format!("测评票中{unit}的评分重复或不完整")
        }
        (Lang::En, Refusal::BallotUnit { unit }) => {
            format!("The ballot gives {unit} twice, or not on every criterion")
        }
        (Lang::Zh, Refusal::BadBallotHash) => "发放测评票的数据有误（校验值不合格式或重复）".into(),
        (Lang::En, Refusal::BadBallotHash) => {
            "The issued ballots' hashes are malformed or repeated".into()
        }
        (Lang::Zh, Refusal::NoPreviousResults) => {
            "这场会议没有上期测评结果（用 --previous 接续上次会议时复制）".into()
        }
        (Lang::En, Refusal::NoPreviousResults) => {
            "This session holds no earlier results (they are copied when it is linked with --previous)".into()
        }
        (Lang::Zh, Refusal::NotLinked) => {
            "这场会议没有接续上次会议，无法复制上次的测评结果".into()
        }
        (Lang::En, Refusal::NotLinked) => {
            "This session is not linked to a meeting before: there are no earlier results to copy"
                .into()
        }
        (Lang::Zh, Refusal::PreviousTooLate) => {
            "上次会议只能在新建会议记录时接续；请用 --new 新建一场".into()
        }
        (Lang::En, Refusal::PreviousTooLate) => {
            "The meeting before is linked only when a session is created: start a new one with --new".into()
        }
        (Lang::Zh, Refusal::NotYourRemark { id }) => format!("第 {id} 条点评不是你录入的，不能修改"),
        (Lang::En, Refusal::NotYourRemark { id }) => {
            format!("Remark {id} was entered by someone else; you cannot change it")
        }
    }
}

/// Why a score was not taken, in a sentence.
pub fn score_problem(lang: Lang, p: &ScoreProblem) -> String {
    use crate::decimal::plain;
    let zh = lang == Lang::Zh;
    match p {
        ScoreProblem::NotANumber(t) if zh => format!("“{t}”不是有效的分数"),
        ScoreProblem::NotANumber(t) => format!("\"{t}\" is not a score"),
        ScoreProblem::OutOfRange { value, max } if zh => {
            format!("{} 超出范围（0 到 {}）", plain(*value), plain(*max))
        }
        ScoreProblem::OutOfRange { value, max } => {
            format!("{} is out of range (0 to {})", plain(*value), plain(*max))
        }
        ScoreProblem::OffStep { value, step } if zh => {
            format!("{} 不是 {} 的整数倍", plain(*value), plain(*step))
        }
        ScoreProblem::OffStep { value, step } => {
            format!("{} is not a multiple of {}", plain(*value), plain(*step))
        }
        ScoreProblem::UnknownUnit(u) if zh => format!("没有名为“{u}”的单位"),
        ScoreProblem::UnknownUnit(u) => format!("there is no unit named \"{u}\""),
        ScoreProblem::UnknownReviewer(r) if zh => format!("计划中没有评委“{r}”"),
        ScoreProblem::UnknownReviewer(r) => format!("the plan has no reviewer \"{r}\""),
        ScoreProblem::UnknownCriterion(c) if zh => format!("没有评分指标“{c}”"),
        ScoreProblem::UnknownCriterion(c) => format!("there is no criterion \"{c}\""),
        ScoreProblem::UnknownGrade(g) if zh => format!("没有等次“{g}”"),
        ScoreProblem::UnknownGrade(g) => format!("there is no grade \"{g}\""),
        ScoreProblem::Recused { reviewer, unit } if zh => {
            format!("{reviewer}回避{unit}，不能为其打分")
        }
        ScoreProblem::Recused { reviewer, unit } => {
            format!("{reviewer} is recused from {unit} and cannot score it")
        }
        ScoreProblem::BadCount(c) if zh => format!(
            "票数“{c}”必须是 0 到 {max} 之间的整数（一行最多 {max} 票）",
            max = crate::scoring::MAX_GRADE_COUNT
        ),
        ScoreProblem::BadCount(c) => format!(
            "the count \"{c}\" must be a whole number from 0 to {max} (at most {max} ballots a row)",
            max = crate::scoring::MAX_GRADE_COUNT
        ),
        ScoreProblem::WrongMode if zh => "本场会议的评分方式不接受这种分数".into(),
        ScoreProblem::WrongMode => {
            "this meeting's scoring mode does not take this kind of score".into()
        }
        ScoreProblem::Published => refusal(lang, &Refusal::ResultsPublished),
        ScoreProblem::NotScored => refusal(lang, &Refusal::NotScored),
        ScoreProblem::NotAReport(unit) if zh => {
            format!("“{unit}”不是汇报单位（讲话、通报等议程不评分）")
        }
        ScoreProblem::NotAReport(unit) => format!(
            "“{unit}” is not a reporting unit (speeches, briefings and other agenda items are not scored)"
        ),
    }
}

/// What an action did, in a few words (for "undone: …"). `kind_of` tells an agenda item's
/// kind: a written item announced, or a speech started, is not called a talk.
pub fn action(
    lang: Lang,
    events: &[&Event],
    kind_of: &dyn Fn(&str) -> Option<crate::plan::UnitKind>,
) -> String {
    let zh = lang == Lang::Zh;
    let kind = |unit: &str| kind_of(unit).unwrap_or_default();
    // A written item announced: its `talk_ended` is what happened, not the move on.
    if let Some(unit) = events.iter().find_map(|e| match &e.kind {
        EventKind::TalkEnded { unit } if !kind(unit).is_timed() => Some(unit),
        _ => None,
    }) {
        return if zh {
            format!("宣读{unit}")
        } else {
            format!("announcing {unit}")
        };
    }
    let main = events
        .iter()
        .rev()
        .find(|e| !matches!(e.kind, EventKind::MeetingStarted))
        .or(events.first());
    let Some(event) = main else {
        return String::new();
    };
    match &event.kind {
        EventKind::MeetingStarted => lang.pick("会议开始", "meeting start").into(),
        EventKind::TalkStarted { unit } if !kind(unit).is_report() && zh => format!("{unit}开始"),
        EventKind::TalkStarted { unit } if !kind(unit).is_report() => {
            format!("the start of {unit}")
        }
        EventKind::TalkEnded { unit } if !kind(unit).is_report() && zh => format!("{unit}结束"),
        EventKind::TalkEnded { unit } if !kind(unit).is_report() => format!("the end of {unit}"),
        EventKind::MeetingEnded => lang.pick("结束会议", "ending the meeting").into(),
        EventKind::TalkStarted { unit } if zh => format!("{unit}开始汇报"),
        EventKind::TalkStarted { unit } => format!("the start of {unit}'s talk"),
        EventKind::TalkPaused { unit } if zh => format!("{unit}暂停"),
        EventKind::TalkPaused { unit } => format!("pausing {unit}'s talk"),
        EventKind::TalkResumed { unit } if zh => format!("{unit}继续"),
        EventKind::TalkResumed { unit } => format!("resuming {unit}'s talk"),
        EventKind::TalkEnded { unit } if zh => format!("{unit}结束汇报"),
        EventKind::TalkEnded { unit } => format!("the end of {unit}'s talk"),
        EventKind::LimitAdjusted { unit, seconds } if zh => format!("{unit}时限 {seconds:+} 秒"),
        EventKind::LimitAdjusted { unit, seconds } => format!("{seconds:+} s on {unit}'s limit"),
        EventKind::UnitSkipped { unit } if zh => format!("跳过{unit}"),
        EventKind::UnitSkipped { unit } => format!("skipping {unit}"),
        EventKind::UnitRestored { unit } if zh => format!("恢复{unit}"),
        EventKind::UnitRestored { unit } => format!("restoring {unit}"),
        EventKind::CurrentChanged { unit: Some(u) } if zh => format!("切换到{u}"),
        EventKind::CurrentChanged { unit: Some(u) } => format!("moving on to {u}"),
        EventKind::CurrentChanged { unit: None } => lang.pick("切换单位", "moving on").into(),
        EventKind::UnitMoved { unit, .. } if zh => format!("调整{unit}的顺序"),
        EventKind::UnitMoved { unit, .. } => format!("moving {unit}"),
        EventKind::UnitAdded { unit, .. } if zh => format!("增加{unit}"),
        EventKind::UnitAdded { unit, .. } => format!("adding {unit}"),
        EventKind::UnitUpdated { unit, .. } if zh => format!("修改{unit}的汇报人"),
        EventKind::UnitUpdated { unit, .. } => format!("changing {unit}'s presenter"),
        EventKind::RemarkAdded { text, .. } if zh => format!("点评“{}”", preview(text)),
        EventKind::RemarkAdded { text, .. } => format!("the remark \"{}\"", preview(text)),
        EventKind::RemarkEdited { text, .. } if zh => format!("修改点评“{}”", preview(text)),
        EventKind::RemarkEdited { text, .. } => format!("the edit \"{}\"", preview(text)),
        EventKind::RemarkDeleted { .. } => lang.pick("删除点评", "deleting a remark").into(),
        EventKind::Undone { .. } => lang.pick("撤销", "undo").into(),
        EventKind::ScoreSet { unit, reviewer, .. } if zh => format!("{reviewer}给{unit}的评分"),
        EventKind::ScoreSet { unit, reviewer, .. } => format!("{reviewer}'s score for {unit}"),
        EventKind::ScoreCleared { unit, reviewer, .. } if zh => {
            format!("清除{reviewer}给{unit}的评分")
        }
        EventKind::ScoreCleared { unit, reviewer, .. } => {
            format!("clearing {reviewer}'s score for {unit}")
        }
        EventKind::GradesAdded { unit, .. } if zh => format!("{unit}的测评票"),
        EventKind::GradesAdded { unit, .. } => format!("ballots for {unit}"),
        EventKind::ResultsPublished => lang.pick("公布结果", "publishing the results").into(),
        EventKind::ResultsUnlocked { .. } => lang.pick("解锁评分", "unlocking the scores").into(),
        EventKind::StageMessage { text } if text.is_empty() => {
            lang.pick("撤下提示", "clearing the stage message").into()
        }
        EventKind::StageMessage { text } if zh => format!("提示“{}”", preview(text)),
        EventKind::StageMessage { text } => format!("the stage message \"{}\"", preview(text)),
        EventKind::ResultsDisplayed { .. } => lang
            .pick("大屏显示结果", "showing the results on stage")
            .into(),
        EventKind::ResultsRevealed { .. } => lang.pick("揭晓名次", "revealing places").into(),
        EventKind::TaskAdded {
            from_remark: Some(_),
            ..
        } => lang
            .pick("点评转为任务", "turning a remark into a task")
            .into(),
        EventKind::TaskAdded { task, .. } if zh => format!("任务“{}”", preview(&task.fields.text)),
        EventKind::TaskAdded { task, .. } => format!("the task \"{}\"", preview(&task.fields.text)),
        EventKind::TaskEdited { task, .. } if zh => {
            format!("修改任务“{}”", preview(&task.text))
        }
        EventKind::TaskEdited { task, .. } => format!("the edit of \"{}\"", preview(&task.text)),
        EventKind::TaskStatusSet { status, .. } if zh => {
            format!("任务状态改为{}", tasks::status_name(lang, *status))
        }
        EventKind::TaskStatusSet { status, .. } => {
            format!("setting a task {}", tasks::status_name(lang, *status))
        }
        EventKind::TaskProgressAdded { text, .. } if zh => format!("进展“{}”", preview(text)),
        EventKind::TaskProgressAdded { text, .. } => format!("the progress \"{}\"", preview(text)),
        EventKind::TaskClaimed { owner, .. } if zh => format!("{owner}认领任务"),
        EventKind::TaskClaimed { owner, .. } => format!("{owner}'s claim"),
        EventKind::TaskDeleted { .. } => lang.pick("删除任务", "deleting a task").into(),
        EventKind::TaskReverted { .. } => lang
            .pick("任务转回点评", "turning a task back into a remark")
            .into(),
        EventKind::PreviousLinked { .. } => lang
            .pick("接续上次会议", "linking the meeting before")
            .into(),
        EventKind::PreviousDisplayed { shown: true } => lang
            .pick("大屏显示上期排名", "showing the earlier ranking")
            .into(),
        EventKind::PreviousDisplayed { shown: false } => lang
            .pick("撤下上期排名", "taking the earlier ranking down")
            .into(),
        EventKind::PreviousResultsCopied { .. } => lang
            .pick("复制上次测评结果", "copying the earlier results")
            .into(),
        EventKind::BallotsIssued { group, ballots, .. } if zh => {
            format!("发放{group}测评票 {} 张", ballots.len())
        }
        EventKind::BallotsIssued { group, ballots, .. } => {
            format!("issuing {} ballots for {group}", ballots.len())
        }
        EventKind::BallotVoided { serial } if zh => format!("作废测评票 {serial}"),
        EventKind::BallotVoided { serial } => format!("voiding ballot {serial}"),
        EventKind::VotingOpened => lang.pick("开始测评投票", "opening the vote").into(),
        EventKind::VotingClosed => lang.pick("结束测评投票", "closing the vote").into(),
    }
}

fn preview(text: &str) -> String {
    let mut out: String = text.chars().take(12).collect();
    if text.chars().count() > 12 {
        out.push('…');
    }
    out
}

pub fn undone(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Zh => format!("已撤销：{what}"),
        Lang::En => format!("Undone: {what}"),
    }
}

/// The notice on resuming a session: the current item and whether it runs. `report` is whether
/// that item is a unit's talk (a speech is not called one).
pub fn resumed(
    lang: Lang,
    unit: Option<&str>,
    report: bool,
    running: bool,
    paused: bool,
    remarks: usize,
) -> String {
    match (lang, unit) {
        (Lang::Zh, Some(u)) if running && !report => {
            format!("已恢复会议：{u}仍在计时（含断开期间），共 {remarks} 条点评")
        }
        (Lang::En, Some(u)) if running && !report => {
            format!("Resumed: {u} is still running (downtime counted); {remarks} remarks")
        }
        (Lang::Zh, Some(u)) if paused && !report => {
            format!("已恢复会议：{u}已暂停，共 {remarks} 条点评")
        }
        (Lang::En, Some(u)) if paused && !report => {
            format!("Resumed: {u} is paused; {remarks} remarks")
        }
        (Lang::Zh, Some(u)) if !report => format!("已恢复会议：当前议程 {u}，共 {remarks} 条点评"),
        (Lang::En, Some(u)) if !report => format!("Resumed: current item {u}; {remarks} remarks"),
        (Lang::Zh, Some(u)) if running => {
            format!("已恢复会议：{u}的汇报仍在计时（含断开期间），共 {remarks} 条点评")
        }
        (Lang::En, Some(u)) if running => {
            format!("Resumed: {u}'s talk is still running (downtime counted); {remarks} remarks")
        }
        (Lang::Zh, Some(u)) if paused => {
            format!("已恢复会议：{u}的汇报已暂停，共 {remarks} 条点评")
        }
        (Lang::En, Some(u)) if paused => {
            format!("Resumed: {u}'s talk is paused; {remarks} remarks")
        }
        (Lang::Zh, Some(u)) => format!("已恢复会议：当前单位 {u}，共 {remarks} 条点评"),
        (Lang::En, Some(u)) => format!("Resumed: current unit {u}; {remarks} remarks"),
        (Lang::Zh, None) => format!("已恢复会议，共 {remarks} 条点评"),
        (Lang::En, None) => format!("Resumed the meeting; {remarks} remarks"),
    }
}

/// The score sheet of a plan that gives it no cell to type into (points without reviewers).
pub fn sheet_without_cells(lang: Lang) -> &'static str {
    lang.pick(
        "本场计划没有评委，评分表没有可填的格子。要评分，请在计划文件的 \"reviewers\" 中加入评委，或改用等级投票（在 \"scoring\" 中写 \"mode\": \"grades\"）；会议沿用开始时的计划，改好后请新开一场（podium run 计划文件 --new）。按 Esc 关闭。",
        "This plan has no reviewers, so the score sheet has no cell to fill in. To score, add the reviewers to \"reviewers\" in the plan, or count ballots by grade instead (\"mode\": \"grades\" under \"scoring\"); a meeting keeps the plan it started with, so start a new session from the changed plan (podium run PLAN --new). Esc closes.",
    )
}

/// `s` in a meeting without units.
pub fn sheet_without_units(lang: Lang) -> &'static str {
    lang.pick(
        "本场会议还没有汇报单位，没有可评分的对象（主持人按 a 加入单位）",
        "This meeting has no units yet, so there is nothing to score (the host adds one with a)",
    )
}

/// The status line while saving fails: what is not on disk, then why (`err`, shortened, names
/// the file once). No changes held in memory means the journal has them all and only the
/// session file is behind.
pub fn not_saved_status(lang: Lang, unsaved: usize, err: &str) -> String {
    match (lang, unsaved) {
        (Lang::Zh, 0) => format!("会议记录文件未更新（改动都已存入日志）：{err}"),
        (Lang::Zh, n) => format!("未保存！{n} 处改动只在内存中：{err}"),
        (Lang::En, 0) => {
            format!("Session file not updated (every change is in the journal): {err}")
        }
        (Lang::En, 1) => format!("NOT SAVED! 1 change only in memory: {err}"),
        (Lang::En, n) => format!("NOT SAVED! {n} changes only in memory: {err}"),
    }
}

pub fn session_note(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("会议记录：{path}"),
        Lang::En => format!("Session: {path}"),
    }
}

pub fn torn_tail(lang: Lang) -> &'static str {
    lang.pick(
        "日志最后一行在崩溃中只写了一半，已舍弃；其余内容完整",
        "The journal's last line was cut short by a crash and was dropped; everything else is intact",
    )
}

pub fn save_failed(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("保存失败：{err}。会议继续进行，会自动重试"),
        Lang::En => format!("Saving failed: {err}. The meeting goes on; podium will retry"),
    }
}

/// The quit dialog when changes are not on disk (`tui::unsaved`).
pub struct UnsavedText {
    pub title: &'static str,
    pub retry: &'static str,
    pub write_copy: &'static str,
    pub stay: &'static str,
    pub folder: &'static str,
    pub key_retry: &'static str,
    pub key_copy: &'static str,
    pub key_stay: &'static str,
    pub key_quit_anyway: &'static str,
    pub key_write: &'static str,
    pub key_clear: &'static str,
    pub key_back: &'static str,
    pub type_folder: &'static str,
}

impl UnsavedText {
    /// Every string of the table, in the order of its fields: a field added to the table
    /// without being listed here does not compile (the tests read them all).
    pub fn all(&self) -> Vec<&'static str> {
        let UnsavedText {
            title,
            retry,
            write_copy,
            stay,
            folder,
            key_retry,
            key_copy,
            key_stay,
            key_quit_anyway,
            key_write,
            key_clear,
            key_back,
            type_folder,
        } = self;
        vec![
            *title,
            *retry,
            *write_copy,
            *stay,
            *folder,
            *key_retry,
            *key_copy,
            *key_stay,
            *key_quit_anyway,
            *key_write,
            *key_clear,
            *key_back,
            *type_folder,
        ]
    }
}

static UNSAVED_ZH: UnsavedText = UnsavedText {
    title: "退出 podium？",
    retry: "立即重试保存",
    write_copy: "把整场会议记录写到其他文件夹或磁盘",
    stay: "留在 podium",
    folder: "文件夹：",
    key_retry: "重试保存",
    key_copy: "写到别处",
    key_stay: "留下",
    key_quit_anyway: "不保存退出",
    key_write: "写入",
    key_clear: "清空",
    key_back: "返回",
    type_folder: "请输入一个文件夹",
};

static UNSAVED_EN: UnsavedText = UnsavedText {
    title: "Quit podium?",
    retry: "Retry saving now",
    write_copy: "Write the whole session to another folder or drive",
    stay: "Stay in podium",
    folder: "Folder: ",
    key_retry: "retry",
    key_copy: "write elsewhere",
    key_stay: "stay",
    key_quit_anyway: "quit, losing them",
    key_write: "write",
    key_clear: "clear",
    key_back: "back",
    type_folder: "Type a folder",
};

pub fn unsaved_text(lang: Lang) -> &'static UnsavedText {
    match lang {
        Lang::Zh => &UNSAVED_ZH,
        Lang::En => &UNSAVED_EN,
    }
}

/// The dialog's first line: how many changes are held only in memory.
pub fn unsaved_head(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Zh, 0) => "会议记录文件没能保存；所有改动都在日志文件中，下次启动时会恢复。".into(),
        (Lang::En, 0) => {
            "The session file could not be saved; every change is in its journal and comes back at the next start.".into()
        }
        (Lang::Zh, n) => format!("有 {n} 处改动没有存到磁盘，只在内存中。"),
        (Lang::En, 1) => "1 change is NOT on disk: it is only in memory.".into(),
        (Lang::En, n) => format!("{n} changes are NOT on disk: they are only in memory."),
    }
}

pub fn unsaved_why(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("原因：{err}"),
        Lang::En => format!("Why: {err}"),
    }
}

/// The choice that quits without the changes, which only its own key takes.
pub fn quit_losing(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Zh, 0) => "仍然退出".into(),
        (Lang::En, 0) => "Quit anyway".into(),
        (Lang::Zh, n) => format!("退出，丢失这 {n} 处改动"),
        (Lang::En, 1) => "Quit and lose this change".into(),
        (Lang::En, n) => format!("Quit and lose these {n} changes"),
    }
}

pub fn retry_failed(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("仍然没能保存：{err}"),
        Lang::En => format!("Still not saved: {err}"),
    }
}

pub fn copy_written(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("整场会议记录已写入 {path}"),
        Lang::En => format!("The whole session was written to {path}"),
    }
}

pub fn copy_failed(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("没能写入：{err}"),
        Lang::En => format!("Could not write it there: {err}"),
    }
}

/// What `y` or `q` says in the dialog: it does not quit.
pub fn quit_refused(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Zh, 0) => "没有退出：按 r 重试保存；Ctrl+Q 仍然退出".into(),
        (Lang::En, 0) => "Not quitting: r retries saving; Ctrl+Q quits anyway".into(),
        (Lang::Zh, n) => {
            format!("没有退出：{n} 处改动还不在磁盘上。按 r 重试，w 写到别处；Ctrl+Q 不保存退出")
        }
        (Lang::En, 1) => "Not quitting: 1 change is not on disk. r retries, w writes the session elsewhere; Ctrl+Q quits without it".into(),
        (Lang::En, n) => format!(
            "Not quitting: {n} changes are not on disk. r retries, w writes the session elsewhere; Ctrl+Q quits without them"
        ),
    }
}

/// Said on the terminal after the console ended with the session not closed: what was not
/// saved, and the copies written from the quit dialog, each with how many of the latest
/// changes it lacks (`copies`: path, changes made after it).
pub fn close_failed(lang: Lang, err: &str, unsaved: usize, copies: &[(String, u64)]) -> String {
    let mut text = match (lang, unsaved) {
        (Lang::Zh, 0) => {
            format!("会议记录文件没能保存：{err}。所有改动都在日志文件中，下次启动时会恢复")
        }
        (Lang::En, 0) => format!(
            "the session file could not be saved: {err}. Every change is in its journal and comes back at the next start"
        ),
        (Lang::Zh, n) => format!("{n} 处改动没有存到磁盘：{err}"),
        (Lang::En, 1) => format!("1 change was not saved to disk: {err}"),
        (Lang::En, n) => format!("{n} changes were not saved to disk: {err}"),
    };
    for (copy, after) in copies {
        text.push_str(&match (lang, after) {
            (Lang::Zh, 0) => format!("。所有改动都在副本 {copy} 中"),
            (Lang::Zh, k) => format!("。较早的副本 {copy} 缺少最后 {k} 处改动"),
            (Lang::En, 0) => format!(". Every change is in the copy {copy}"),
            (Lang::En, 1) => format!(". An earlier copy, without the last change: {copy}"),
            (Lang::En, k) => format!(". An earlier copy, without the last {k} changes: {copy}"),
        });
    }
    text
}

pub fn drift(lang: Lang, minutes: i64) -> String {
    match (lang, minutes) {
        (_, 0) => lang.pick("按时", "on time").into(),
        (Lang::Zh, m) if m > 0 => format!("晚 {m} 分钟"),
        (Lang::En, m) if m > 0 => format!("+{m} min"),
        (Lang::Zh, m) => format!("早 {} 分钟", -m),
        (Lang::En, m) => format!("{m} min"),
    }
}

/// One plan finding as a sentence (without the file and field prefix).
/// A number from a plan as a message shows it: as written, unless it is too long to read
/// (`1e308` is shown so, not as 309 digits).
fn shown_number(x: f64) -> String {
    let plain = x.to_string();
    if plain.len() > 24 {
        format!("{x:e}")
    } else {
        plain
    }
}

pub fn plan_problem(lang: Lang, problem: &Problem) -> String {
    let zh = lang == Lang::Zh;
    match problem {
        Problem::Name(p) => crate::names::sentence(lang, p),
        Problem::NoUnits if zh => "至少要有一个汇报单位".into(),
        Problem::NoUnits => "needs at least one unit".into(),
        Problem::Duplicate { what, name } if zh => {
            let what = match *what {
                "unit" => "单位",
                "reviewer" => "点评人",
                "criterion" => "评分指标",
                "group" => "分组",
                _ => "等次",
            };
            format!("{what}名称“{name}”重复")
        }
        Problem::Duplicate { what, name } => format!("duplicate {what} name \"{name}\""),
        Problem::EmptyName if zh => "名称不能为空".into(),
        Problem::EmptyName => "must not be empty".into(),
        Problem::ControlChars if zh => "不能包含控制字符".into(),
        Problem::ControlChars => "must not contain control characters".into(),
        Problem::MinutesNotPositive(m) if zh => {
            let m = shown_number(*m);
            format!("必须大于 0（实际为 {m}）")
        }
        Problem::MinutesNotPositive(m) => {
            let m = shown_number(*m);
            format!("must be more than 0 (got {m})")
        }
        Problem::BadTaskStatus(s) if zh => format!(
            "任务状态“{s}”无法识别：可写 open、in_progress、done、closed、cancelled，或未启动、推进中、已办结、已销号、取消"
        ),
        Problem::BadTaskStatus(s) => format!(
            "the task status “{s}” is not one podium knows: write open, in_progress, done, closed or cancelled (or 未启动, 推进中, 已办结, 已销号, 取消)"
        ),
        Problem::DuplicateTaskNo { list, no } if zh => match list {
            Some(l) => format!("清单“{l}”中序号 {no} 出现了两次"),
            None => format!("序号 {no} 出现了两次"),
        },
        Problem::DuplicateTaskNo { list, no } => match list {
            Some(l) => format!("the list “{l}” has the number {no} twice"),
            None => format!("the number {no} appears twice"),
        },
        Problem::BandField { field, by } if zh => format!(
            "按{}评定等次时不用 `{field}`",
            match by {
                crate::plan::BandsBy::Score => "分数（min）",
                crate::plan::BandsBy::Quota => "比例（percent）",
            }
        ),
        Problem::BandField { field, by } => format!(
            "`{field}` is not used when bands go by {}",
            match by {
                crate::plan::BandsBy::Score => "score (min)",
                crate::plan::BandsBy::Quota => "quota (percent)",
            }
        ),
        Problem::BandNeeds { field } if zh => {
            format!("除最后一个等次外，每个等次都要有 `{field}`（最后一个等次不写，表示其余单位）")
        }
        Problem::BandNeeds { field } => format!(
            "every band but the last needs its `{field}` (the last one, without it, takes the rest)"
        ),
        Problem::BandsNotDescending { min, before } if zh => format!(
            "等次的最低分要从高到低排列：{} 不低于上一个等次的 {}",
            shown_number(*min),
            shown_number(*before)
        ),
        Problem::BandsNotDescending { min, before } => format!(
            "band minimums go from high to low: {} is not below the band before's {}",
            shown_number(*min),
            shown_number(*before)
        ),
        Problem::BandPercent(p) if zh => {
            format!(
                "比例应大于 0，各等次合计不超过 100（实际为 {}）",
                shown_number(*p)
            )
        }
        Problem::BandPercent(p) => format!(
            "a percent is above 0, and the bands' percents add up to at most 100 (got {})",
            shown_number(*p)
        ),
        Problem::BandsLeaveSome { by } if zh => match by {
            crate::plan::BandsBy::Score => {
                "最后一个等次也有最低分：低于它的单位没有等次（要让其余单位都归入最后一个等次，去掉它的 min）".into()
            }
            crate::plan::BandsBy::Quota => {
                "各等次比例合计不足 100：其余单位没有等次（要让其余单位都归入最后一个等次，去掉它的 percent）".into()
            }
        },
        Problem::BandsLeaveSome { by } => match by {
            crate::plan::BandsBy::Score => {
                "the last band has a min too: units below it get no band (leave out its min for it to take the rest)".into()
            }
            crate::plan::BandsBy::Quota => {
                "the percents add up to less than 100: the other units get no band (leave out the last band's percent for it to take the rest)".into()
            }
        },
        Problem::GroupsAndBallotGroups if zh => {
            "ballot_groups 与 groups 不能同时声明：测评票按 ballot_groups 分组，评委的 group 也写其中一个".into()
        }
        Problem::GroupsAndBallotGroups => {
            "ballot_groups and groups cannot both be declared: ballots are grouped by ballot_groups, and a reviewer's group names one of them".into()
        }
        Problem::BallotGroupsNotScored if zh => {
            "评分方式为 none（不评分）时不能设测评票分组".into()
        }
        Problem::BallotGroupsNotScored => {
            "a meeting that does not score (mode none) has no ballot groups".into()
        }
        Problem::BallotsOutOfRange(n) if zh => {
            format!("票数应为 1 到 {} 张（实际为 {n}）", crate::plan::MAX_BALLOTS)
        }
        Problem::BallotsOutOfRange(n) => {
            format!("ballots go from 1 to {} (got {n})", crate::plan::MAX_BALLOTS)
        }
        Problem::ReviewerLikeSerial(name) if zh => {
            format!("评委名“{name}”与测评票的票号形式相同（组名-编号）：请换一个名字")
        }
        Problem::ReviewerLikeSerial(name) => {
            format!("the reviewer “{name}” is named like a ballot's serial (GROUP-number): rename them")
        }
        Problem::NoBands if zh => "至少要有一个等次".into(),
        Problem::NoBands => "needs at least one band".into(),
        Problem::UnreadDeadline(t) if zh => format!(
            "完成时限“{t}”不是可识别的日期（如 2026-06-30、6月底前、年底前、三季度末、长期坚持）：按原文保存，不计逾期"
        ),
        Problem::UnreadDeadline(t) => format!(
            "the deadline “{t}” is not a date podium reads (2026-06-30, 6月底前, 年底前, 三季度末, 长期坚持): kept as written, never overdue"
        ),
        Problem::MinutesIgnored { unit } if zh => {
            format!("“{unit}”是书面通报，不计时，分钟数不起作用")
        }
        Problem::MinutesIgnored { unit } => format!(
            "“{unit}” is announced in writing: it has no timer, and its minutes are not used"
        ),
        Problem::MinutesTooLong(m) if zh => {
            let m = shown_number(*m);
            format!("不能超过 600 分钟（实际为 {m}）")
        }
        Problem::MinutesTooLong(m) => {
            let m = shown_number(*m);
            format!("must be at most 600 minutes (got {m})")
        }
        Problem::LimitBelowOneSecond(m) if zh => {
            let m = shown_number(*m);
            format!("时限不足 1 秒（{m} 分钟）")
        }
        Problem::LimitBelowOneSecond(m) => {
            let m = shown_number(*m);
            format!("gives a limit below 1 second ({m} minutes)")
        }
        Problem::WarnNegative(w) if zh => format!("不能为负数（实际为 {w}）"),
        Problem::WarnNegative(w) => format!("must not be negative (got {w})"),
        Problem::WarnNotBeforeLimit { warn, limit, unit } if zh => {
            format!("提醒时间 {warn} 秒不短于“{unit}”的时限 {limit} 秒，计时一开始就会提醒")
        }
        Problem::WarnNotBeforeLimit { warn, limit, unit } => format!(
            "the {warn} s warning is not shorter than {unit}'s {limit} s limit: it will sound as the talk starts"
        ),
        Problem::BadDate(d) if zh => format!("日期应为 YYYY-MM-DD（实际为“{d}”）"),
        Problem::BadDate(d) => format!("must be a date YYYY-MM-DD (got \"{d}\")"),
        Problem::BadTime(t) if zh => format!("时间应为 HH:MM（实际为“{t}”）"),
        Problem::BadTime(t) => format!("must be a time HH:MM (got \"{t}\")"),
        Problem::UndeclaredGroup(g) if zh => format!("分组“{g}”没有在 scoring.groups 中声明"),
        Problem::UndeclaredGroup(g) => format!("group \"{g}\" is not declared in scoring.groups"),
        Problem::WeightsNot100(w) if zh => {
            let w = shown_number(*w);
            format!("各组权重之和必须为 100（实际为 {w}）")
        }
        Problem::WeightsNot100(w) => {
            let w = shown_number(*w);
            format!("group weights must sum to 100 (got {w})")
        }
        Problem::WeightNotPositive(w) if zh => {
            let w = shown_number(*w);
            format!("权重必须大于 0（实际为 {w}）")
        }
        Problem::WeightNotPositive(w) => {
            let w = shown_number(*w);
            format!("must be more than 0 (got {w})")
        }
        Problem::UnknownUnit(u) if zh => format!("没有名为“{u}”的单位"),
        Problem::UnknownUnit(u) => format!("names no unit of the plan (\"{u}\")"),
        Problem::MaxNotPositive(m) if zh => {
            let m = shown_number(*m);
            format!("满分必须大于 0（实际为 {m}）")
        }
        Problem::MaxNotPositive(m) => {
            let m = shown_number(*m);
            format!("must be more than 0 (got {m})")
        }
        Problem::NotExact { value } if zh => {
            let value = shown_number(*value);
            format!("最多保留 4 位小数（实际为 {value}）")
        }
        Problem::NotExact { value } => {
            let value = shown_number(*value);
            format!("must have at most 4 decimals (got {value})")
        }
        Problem::StepNotPositive(s) if zh => {
            let s = shown_number(*s);
            format!("步长必须大于 0（实际为 {s}）")
        }
        Problem::StepNotPositive(s) => {
            let s = shown_number(*s);
            format!("must be more than 0 (got {s})")
        }
        Problem::StepTooFine(s) if zh => {
            let s = shown_number(*s);
            format!("步长必须是 0.0001 的整数倍（实际为 {s}）")
        }
        Problem::StepTooFine(s) => {
            let s = shown_number(*s);
            format!("must be a multiple of 0.0001 (got {s})")
        }
        Problem::TrimNegative(t) if zh => format!("不能为负数（实际为 {t}）"),
        Problem::TrimNegative(t) => format!("must not be negative (got {t})"),
        Problem::TrimMinTooSmall { trim_min, least } if zh => {
            format!("至少为 2×trim+1 = {least}（实际为 {trim_min}）")
        }
        Problem::TrimMinTooSmall { trim_min, least } => {
            format!("must be at least 2·trim+1 = {least} (got {trim_min})")
        }
        Problem::DecimalsOutOfRange(d) if zh => format!("必须在 0 到 4 之间（实际为 {d}）"),
        Problem::DecimalsOutOfRange(d) => format!("must be between 0 and 4 (got {d})"),
        Problem::UnknownTieBreak(t) if zh => format!(
            "“{t}”不是已知的规则、分组或指标（可用：group:分组名、criterion:指标名、untrimmed_mean、less_overtime、excellent_share）"
        ),
        Problem::UnknownTieBreak(t) => format!(
            "\"{t}\" names no known rule, group or criterion (use group:NAME, criterion:NAME, untrimmed_mean, less_overtime, excellent_share)"
        ),
        Problem::SpreadNotPositive(v) if zh => {
            let v = shown_number(*v);
            format!("必须大于 0（实际为 {v}）")
        }
        Problem::SpreadNotPositive(v) => {
            let v = shown_number(*v);
            format!("must be more than 0 (got {v})")
        }
        Problem::NegativeSeconds(v) if zh => format!("不能为负数（实际为 {v}）"),
        Problem::NegativeSeconds(v) => format!("must not be negative (got {v})"),
        Problem::EveryNotPositive(v) if zh => format!("必须大于 0（实际为 {v}）"),
        Problem::EveryNotPositive(v) => format!("must be more than 0 (got {v})"),
        Problem::PointsNegative(v) if zh => {
            let v = shown_number(*v);
            format!("不能为负数（实际为 {v}）")
        }
        Problem::PointsNegative(v) => {
            let v = shown_number(*v);
            format!("must not be negative (got {v})")
        }
        Problem::PenaltyFinerThanDecimals { points, decimals } if zh => {
            format!(
                "扣分 {points} 的小数位多于结果保留的 {decimals} 位小数（请调整 decimals 或扣分）"
            )
        }
        Problem::PenaltyFinerThanDecimals { points, decimals } => format!(
            "{points} has more decimals than the {decimals} the results are published with (raise decimals or round the points)"
        ),
    }
}

/// `plan.json:14:18: units[3].minutes: must be more than 0 (got -5)`, with "warning:" for warnings.
pub fn finding(lang: Lang, file: &str, position: Option<(usize, usize)>, f: &Finding) -> String {
    let place = match position {
        Some((line, col)) => format!("{file}:{line}:{col}"),
        None => file.to_string(),
    };
    let level = match (f.warning, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "警告：",
        (true, Lang::En) => "warning: ",
    };
    format!(
        "{place}: {level}{}: {}",
        path_text(&f.path),
        plan_problem(lang, &f.problem)
    )
}

/// One text in both languages, for tables that hold their strings as values (`tui::keys`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Said {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Said {
    pub const fn new(zh: &'static str, en: &'static str) -> Said {
        Said { zh, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// What each console action does: the `?` help, the `F10` menu and docs/KEYS.md
/// (`tui::keys` holds which action each is).
pub mod actions {
    use super::Said;

    pub const TOGGLE_TALK: Said = Said::new(
        "开始 / 暂停 / 继续当前汇报",
        "Start / pause / resume the talk",
    );
    pub const NEXT: Said = Said::new(
        "结束当前汇报，转到下一个单位",
        "End the talk, move to the next unit",
    );
    pub const SET_CURRENT: Said =
        Said::new("把选中的单位设为当前", "Make the selected unit current");
    pub const REMARK: Said = Said::new("给选中的行添加点评", "New remark on the selected row");
    pub const GENERAL: Said = Said::new("添加总体点评", "New general remark");
    pub const TASK: Said = Said::new("给选中的单位添加交办事项", "New task on the selected unit");
    pub const UNDO: Said = Said::new(
        "撤销最近一次操作（可重复）",
        "Undo the last action (repeatable)",
    );
    pub const EDIT_REMARK: Said = Said::new("编辑选中的点评", "Edit the selected remark");
    pub const DELETE_REMARK: Said = Said::new("删除选中的点评", "Delete the selected remark");
    pub const TOGGLE_SKIP: Said =
        Said::new("跳过 / 恢复选中的单位", "Skip / restore the selected unit");
    pub const ADD_TIME: Said = Said::new("当前时限加 30 秒", "Add 30 s to the current limit");
    pub const TAKE_TIME: Said = Said::new("当前时限减 30 秒", "Take 30 s from the current limit");
    pub const ADD_UNIT: Said =
        Said::new("在当前单位后增加单位", "Add a unit after the current one");
    pub const UPDATE_UNIT: Said =
        Said::new("修改选中单位的汇报人和职务", "Change presenter and role");
    pub const MOVE_UP: Said =
        Said::new("选中的待汇报单位上移", "Move the selected pending unit up");
    pub const MOVE_DOWN: Said = Said::new(
        "选中的待汇报单位下移",
        "Move the selected pending unit down",
    );
    pub const HELP: Said = Said::new("按键帮助", "This help");
    pub const SCORE_SHEET: Said = Said::new("选中单位的评分表", "Score sheet of the selected unit");
    pub const RESULTS: Said = Said::new("结果与排名", "Results and ranking");
    pub const PUBLISH: Said =
        Said::new("公布结果（在结果页）", "Publish the results (results view)");
    pub const UNLOCK: Said = Said::new(
        "解锁已公布的评分（在结果页）",
        "Unlock published scores (results view)",
    );
    pub const IMPORT_SCORES: Said = Said::new("导入评分文件", "Import a score file");
    pub const EXPORT: Said = Said::new("导出 XLSX / CSV / 纪要", "Export XLSX / CSV / minutes");
    pub const STAGE_MESSAGE: Said = Said::new(
        "向大屏发送提示（留空撤下）",
        "Message to the stage display (empty clears)",
    );
    pub const PRIVACY: Said = Said::new(
        "本屏隐藏 / 显示点评和评分",
        "Hide / show remarks and scores here",
    );
    pub const CONNECTIONS: Said =
        Said::new("联网：记录员与加入码", "Network: note-takers, join code");
    pub const END_MEETING: Said =
        Said::new("结束会议（在菜单中）", "End the meeting (in this menu)");
    pub const QUIT: Said = Said::new("退出（内容都已保存）", "Quit (everything is already saved)");
    pub const RESULTS_ON_STAGE: Said = Said::new(
        "结果上大屏 / 撤下（在结果页）",
        "Results on / off stage (results view)",
    );
    pub const REVEAL_NEXT: Said = Said::new(
        "揭晓下一个名次（在结果页）",
        "Reveal the next place (results view)",
    );
    pub const REVEAL_ALL: Said = Said::new(
        "揭晓全部名次（在结果页）",
        "Reveal every place (results view)",
    );
    /// The key bar's word for the connection list (`c`).
    pub const BAR_NETWORK: Said = Said::new("联网", "network");
    /// Keys that are not actions of their own, for docs/KEYS.md and the key bar.
    pub const SELECT_ROW: Said = Said::new("选择行或点评", "Select a row / a remark");
    pub const SWITCH_FOCUS: Said = Said::new(
        "在议程和点评之间切换",
        "Move the focus between the agenda and the remarks",
    );
    pub const OPEN_MENU: Said = Said::new(
        "全部操作菜单（结束会议在其中）",
        "Menu of every action (ending the meeting is there)",
    );
    pub const RESULTS_SELECT: Said = Said::new(
        "选择单位（逐步显示其计算）",
        "Select a unit (its computation is shown step by step)",
    );
    pub const RESULTS_SHEET: Said = Said::new("该单位的评分表", "Its score sheet");
    pub const CLOSE: Said = Said::new("关闭", "Close");
}

/// Problems of the key file (`keys.toml`, `tui::keys`): each names the file and the line.
pub fn keys_file_problem(
    lang: Lang,
    file: &str,
    line: Option<usize>,
    what: &KeysProblem,
) -> String {
    let zh = lang == Lang::Zh;
    let text = match what {
        KeysProblem::Unreadable(e) if zh => format!("无法读取（{e}）"),
        KeysProblem::Unreadable(e) => format!("it cannot be read ({e})"),
        KeysProblem::Syntax(e) if zh => format!("不是有效的 TOML（{e}）"),
        KeysProblem::Syntax(e) => format!("this is not valid TOML ({e})"),
        KeysProblem::NoKeysTable if zh => "缺少 [keys] 表".to_string(),
        KeysProblem::NoKeysTable => "it has no [keys] table".to_string(),
        KeysProblem::UnknownAction(a) if zh => format!("没有名为 {a} 的操作"),
        KeysProblem::UnknownAction(a) => format!("there is no action named {a}"),
        KeysProblem::NotAList(a) if zh => {
            format!("{a} 的值应是按键列表，如 [\"PageDown\", \"n\"]")
        }
        KeysProblem::NotAList(a) => {
            format!("{a} should be a list of keys, like [\"PageDown\", \"n\"]")
        }
        KeysProblem::BadKey(k) if zh => format!("不认识按键 \"{k}\""),
        KeysProblem::BadKey(k) => format!("\"{k}\" is not a key podium knows"),
        KeysProblem::Reserved(k) if zh => format!("{k} 是固定按键，不能改派"),
        KeysProblem::Reserved(k) => format!("{k} is a fixed key and cannot be bound"),
        KeysProblem::Clash { key, other } if zh => format!("{key} 已用于 {other}"),
        KeysProblem::Clash { key, other } => format!("{key} is already bound to {other}"),
    };
    let whole = matches!(
        what,
        KeysProblem::Unreadable(_) | KeysProblem::Syntax(_) | KeysProblem::NoKeysTable
    );
    let rest = match (lang, whole) {
        (Lang::Zh, true) => "使用默认按键",
        (Lang::En, true) => "podium uses the default keys",
        (Lang::Zh, false) => "该项使用默认按键",
        (Lang::En, false) => "the default keys are used for it",
    };
    match (lang, line) {
        (Lang::Zh, Some(line)) => format!("按键文件 {file} 第 {line} 行：{text}；{rest}"),
        (Lang::En, Some(line)) => format!("Key file {file}, line {line}: {text}; {rest}"),
        (Lang::Zh, None) => format!("按键文件 {file}：{text}；{rest}"),
        (Lang::En, None) => format!("Key file {file}: {text}; {rest}"),
    }
}

/// The console's notice about a key file: its first problem, and how many more there are.
pub fn keys_file_notice(lang: Lang, first: &str, more: usize) -> String {
    match (lang, more) {
        (_, 0) => first.to_string(),
        (Lang::Zh, n) => format!("{first}（另有 {n} 处问题）"),
        (Lang::En, n) => format!("{first} (and {n} more)"),
    }
}

/// What is wrong with one entry of the key file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeysProblem {
    Unreadable(String),
    Syntax(String),
    NoKeysTable,
    UnknownAction(String),
    NotAList(String),
    BadKey(String),
    Reserved(String),
    Clash { key: String, other: String },
}
