//! Strings of `podium plan`, the form that makes or edits a plan, in Chinese and English.

use super::Lang;

/// The form's title: making a new plan or editing one.
pub fn title(lang: Lang, editing: bool) -> &'static str {
    match editing {
        true => lang.pick("编辑会议计划", "Edit a plan"),
        false => lang.pick("新建会议计划", "New plan"),
    }
}

/// The steps, in order.
pub fn step(lang: Lang, i: usize) -> &'static str {
    match i {
        0 => lang.pick("会议信息", "Meeting"),
        1 => lang.pick("汇报单位", "Units"),
        2 => lang.pick("点评人", "Reviewers"),
        3 => lang.pick("评分", "Scoring"),
        4 => lang.pick("评分规则", "Rules"),
        _ => lang.pick("核对并保存", "Check and save"),
    }
}

/// A field's or a column's label, by its key in the plan (`talk_minutes`,
/// `overtime.points`…) within its section.
pub fn label(lang: Lang, section: &str, key: &str) -> &'static str {
    match (section, key) {
        ("meeting", "title") => lang.pick("会议标题", "Title"),
        ("meeting", "date") => lang.pick("日期", "Date"),
        ("meeting", "start") => lang.pick("开始时间", "Start"),
        ("meeting", "venue") => lang.pick("地点", "Venue"),
        ("meeting", "host") => lang.pick("主持人", "Host"),
        ("meeting", "attendees") => lang.pick("出席", "Attendees"),
        ("meeting", "observers") => lang.pick("列席", "Observers"),
        ("meeting", "recorder") => lang.pick("记录", "Recorder"),
        ("meeting", "talk_minutes") => lang.pick("默认汇报时长（分钟）", "Talk minutes"),
        ("meeting", "warn_seconds") => lang.pick("到时前提醒（秒）", "Warning (seconds)"),
        ("units", "name") => lang.pick("单位名称", "Unit"),
        ("units", "presenter") => lang.pick("汇报人", "Presenter"),
        ("units", "minutes") => lang.pick("时长", "Minutes"),
        ("units", "role") => lang.pick("职务", "Role"),
        ("units", "topic") => lang.pick("汇报主题", "Topic"),
        ("units", "category") => lang.pick("类别", "Category"),
        ("units", "kind") => lang.pick("类型", "Kind"),
        ("reviewers", "name") => lang.pick("姓名", "Name"),
        ("reviewers", "role") => lang.pick("职务", "Role"),
        ("reviewers", "group") => lang.pick("分组", "Group"),
        ("reviewers", "recused") => lang.pick("回避单位", "Recused from"),
        ("mode", _) => lang.pick("评分方式", "Scoring mode"),
        ("criteria", "name") => lang.pick("评分指标", "Criterion"),
        ("criteria", "max") => lang.pick("满分", "Maximum"),
        ("groups", "name") => lang.pick("评委分组", "Group"),
        ("groups", "weight") => lang.pick("权重", "Weight"),
        ("grades", "name") => lang.pick("等次", "Grade"),
        ("grades", "points") => lang.pick("分值", "Points"),
        ("rules", "step") => lang.pick("分数步长", "Score step"),
        ("rules", "trim") => lang.pick("去掉最高、最低分各几个", "Trim (each end)"),
        ("rules", "trim_min") => lang.pick("去分所需最少评分数", "Trim only from"),
        ("rules", "decimals") => lang.pick("结果保留小数位", "Decimals"),
        ("rules", "spread_warn") => lang.pick("评分差距提醒", "Spread warning"),
        ("rules", "tie_break") => lang.pick("同分时依次比较", "Tie-break"),
        ("rules", "overtime.grace_seconds") => lang.pick("超时宽限（秒）", "Overtime grace (s)"),
        ("rules", "overtime.every_seconds") => lang.pick("每超时（秒）", "Overtime every (s)"),
        ("rules", "overtime.points") => lang.pick("每次扣分", "Points each time"),
        ("rules", "overtime.max_points") => lang.pick("超时最多扣分", "Overtime at most"),
        ("rules", "undertime.min_minutes") => {
            lang.pick("时长不足（分钟）", "Undertime below (min)")
        }
        ("rules", "undertime.points") => lang.pick("时长不足扣分", "Undertime points"),
        ("save", _) => lang.pick("保存到", "Save as"),
        _ => "",
    }
}

/// The line under a field: what it takes.
pub fn hint(lang: Lang, section: &str, key: &str) -> &'static str {
    match (section, key) {
        ("meeting", "title") => lang.pick("必填：会议的名称", "Required: the meeting's name"),
        ("meeting", "date") => lang.pick("YYYY-MM-DD，例如 2026-10-15；可空", "YYYY-MM-DD, e.g. 2026-10-15; may be empty"),
        ("meeting", "start") => lang.pick("HH:MM，例如 14:30；可空", "HH:MM, e.g. 14:30; may be empty"),
        ("meeting", "talk_minutes") => lang.pick(
            "每个单位的汇报时长，单位未填时长时用它；空着为 8 分钟",
            "Each unit's limit unless the unit has its own; 8 when empty",
        ),
        ("meeting", "warn_seconds") => lang.pick(
            "到时前多少秒计时变黄；空着为 60 秒",
            "Seconds before the limit at which the timer turns yellow; 60 when empty",
        ),
        ("meeting", "attendees" | "observers") => lang.pick(
            "每人一行（可从表格粘贴一列），或用顿号、逗号、分号分隔；可带职务，如 王明（市委书记）",
            "One a line (paste a column from a sheet), or separated by commas or semicolons; a role may follow in brackets",
        ),
        ("meeting", "recorder") => lang.pick("会议记录人；可空", "Who keeps the minutes; may be empty"),
        ("units", "kind") => lang.pick(
            "空格或 ←→ 切换：汇报、讲话、通报、书面、点评；也可输入。只有“汇报”是汇报单位，评分、排名",
            "Space or ←→: report, speech, briefing, written, comments; or type it. Only reports are scored and ranked",
        ),
        ("units", _) => lang.pick(
            "可从 Excel/WPS 复制一列或几列（单位、汇报人、时长）粘贴进来；时长空着用默认时长",
            "Paste a column or columns from Excel/WPS (unit, presenter, minutes); empty minutes take the default",
        ),
        ("reviewers", "group") => lang.pick(
            "分组要在“评分”一步的分组权重里声明（若声明了分组）",
            "Declare the group under group weights in the Scoring step (when groups are declared)",
        ),
        ("reviewers", "recused") => lang.pick(
            "此人不评分的单位，用顿号或逗号分隔",
            "Units this reviewer does not score, separated by commas",
        ),
        ("reviewers", _) => lang.pick(
            "点评人和评委；可从表格粘贴（姓名、职务、分组）",
            "Reviewers; paste from a sheet works (name, role, group)",
        ),
        ("mode", _) => lang.pick(
            "打分：各指标打分；等次评议：每票一个等次；不评分：只记点评和用时。空格或 ←→ 切换",
            "Points: a score per criterion; grades: a grade a ballot; none: remarks and timing only. Space or ←→ switches",
        ),
        ("criteria", _) => lang.pick(
            "打分方式的指标和满分；不填则只打一个总分（满 100）",
            "The criteria and their maxima (points mode); none: one score out of 100",
        ),
        ("groups", _) => lang.pick(
            "评委分组及权重，权重之和为 100；不分组可不填",
            "Reviewer groups and their weights, summing to 100; none when not grouped",
        ),
        ("grades", _) => lang.pick(
            "等次评议的等次和分值；不填为 优秀 100、良好 80、一般 60、较差 40",
            "Grades and their points (grades mode); none: excellent 100, good 80, fair 60, poor 40",
        ),
        ("rules", "step") => lang.pick("分数的最小单位，例如 0.5；可空", "The smallest score step, e.g. 0.5; may be empty"),
        ("rules", "trim") => lang.pick("整数；0 或空着为不去分", "A whole number; 0 or empty keeps every score"),
        ("rules", "trim_min") => lang.pick("评分数少于此数时不去分；至少 2×去分数+1", "Fewer scores than this are not trimmed; at least 2×trim+1"),
        ("rules", "decimals") => lang.pick("0 到 4；空着为 2", "0 to 4; 2 when empty"),
        ("rules", "spread_warn") => lang.pick("同一单位最高、最低分相差超过此值时提醒", "Warn when a unit's highest and lowest scores differ by more"),
        ("rules", "tie_break") => lang.pick(
            "逗号分隔：group:分组名、criterion:指标名、untrimmed_mean、less_overtime、excellent_share",
            "Comma-separated: group:NAME, criterion:NAME, untrimmed_mean, less_overtime, excellent_share",
        ),
        ("rules", k) if k.starts_with("overtime.") => lang.pick(
            "超时扣分的四项一起填写，或都空着",
            "Fill all four overtime fields, or none",
        ),
        ("rules", k) if k.starts_with("undertime.") => lang.pick(
            "时长不足扣分的两项一起填写，或都空着",
            "Fill both undertime fields, or neither",
        ),
        ("save", _) => lang.pick("计划文件的路径", "The plan file's path"),
        _ => "",
    }
}

/// The scoring modes, as the choice shows them.
pub fn mode(lang: Lang, mode: crate::plan::ScoringMode) -> &'static str {
    use crate::plan::ScoringMode;
    match mode {
        ScoringMode::Points => lang.pick("打分", "points"),
        ScoringMode::Grades => lang.pick("等次评议", "grades"),
        ScoringMode::None => lang.pick("不评分", "none (no scoring)"),
    }
}

/// The rules step of a meeting that does not score, passed over.
pub fn rules_not_used(lang: Lang) -> &'static str {
    lang.pick(
        "本场会议不评分（评分方式为“不评分”），评分规则不起作用；可以不填",
        "This meeting does not score (mode none): these rules are not used and may stay empty",
    )
}

/// A kind cell that names no kind.
pub fn not_a_kind(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("应为 汇报、讲话、通报、书面、点评 之一（实际为“{text}”）"),
        Lang::En => {
            format!("must be one of report, speech, briefing, written, comments (got \"{text}\")")
        }
    }
}

/// The section headings of the scoring step.
pub fn section(lang: Lang, section: &str) -> &'static str {
    match section {
        "criteria" => lang.pick("评分指标", "Criteria"),
        "groups" => lang.pick("分组权重", "Group weights"),
        "grades" => lang.pick("等次", "Grades"),
        _ => "",
    }
}

/// Separators of the names in a list field (recused units, tie-break rules).
pub const LIST_SEPARATORS: &[char] = &['、', ',', '，', ';', '；'];

/// How a list field is written back into its cell.
pub fn list_join(lang: Lang) -> &'static str {
    lang.pick("、", ", ")
}

pub fn not_a_number(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("应为数字（实际为“{text}”）"),
        Lang::En => format!("must be a number (got \"{text}\")"),
    }
}

pub fn not_whole(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("应为整数（实际为“{text}”）"),
        Lang::En => format!("must be a whole number (got \"{text}\")"),
    }
}

pub fn needed(lang: Lang) -> &'static str {
    lang.pick("必须填写", "must be filled in")
}

/// A part of the overtime or undertime rule left empty while another part is filled.
pub fn needed_with_others(lang: Lang) -> &'static str {
    lang.pick(
        "这一组的其他项已填写，这一项也要填写",
        "must be filled in, as the others of this rule are",
    )
}

/// Where an issue is: `第 3 行 · 满分` / `row 3 · Maximum`.
pub fn place(lang: Lang, row: Option<usize>, label: &str) -> String {
    let row = row.map(|r| match lang {
        Lang::Zh => format!("第 {} 行", r + 1),
        Lang::En => format!("row {}", r + 1),
    });
    match (row, label.is_empty()) {
        (Some(r), false) => format!("{r} · {label}"),
        (Some(r), true) => r,
        (None, _) => label.to_string(),
    }
}

/// An issue as one line: where, then what.
pub fn issue(lang: Lang, place: &str, text: &str, warning: bool) -> String {
    let warn = match (warning, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "警告：",
        (true, Lang::En) => "warning: ",
    };
    match (place.is_empty(), lang) {
        (true, _) => format!("{warn}{text}"),
        (false, Lang::Zh) => format!("{warn}{place}：{text}"),
        (false, Lang::En) => format!("{warn}{place}: {text}"),
    }
}

/// `Ctrl+N` refused: this step still has errors.
pub fn fix_first(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("这一步还有 {n} 处错误，改正后才能继续"),
        Lang::En => format!("{n} error(s) in this step: correct them to go on"),
    }
}

/// The summary's heading over the errors still to correct, by step.
pub fn errors_left(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("还有 {n} 处错误，改正后才能保存："),
        Lang::En => format!("{n} error(s) to correct before saving:"),
    }
}

/// The last row of the check-and-save step when its lines do not all fit: how many more.
pub fn more_lines(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("……还有 {n} 行未显示"),
        Lang::En => format!("… {n} more line(s) not shown"),
    }
}

pub fn no_errors(lang: Lang) -> &'static str {
    lang.pick("没有错误，可以保存。", "No errors: ready to save.")
}

pub fn save_refused(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("还有 {n} 处错误，未保存；这是第一处，请改正"),
        Lang::En => format!("not saved: {n} error(s) left; here is the first, to correct"),
    }
}

pub fn no_path(lang: Lang) -> &'static str {
    lang.pick("请填写保存到的文件名", "Give the file to save to")
}

pub fn ask_overwrite(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("文件 {path} 已存在。覆盖它吗？"),
        Lang::En => format!("{path} exists. Overwrite it?"),
    }
}

pub fn ask_changed(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("{path} 在打开后被改动过（别的程序或别人改的）。仍然用这里的内容覆盖它吗？")
        }
        Lang::En => format!(
            "{path} changed on disk after it was opened (another program or person). Overwrite it with this plan anyway?"
        ),
    }
}

pub fn ask_quit(lang: Lang) -> &'static str {
    lang.pick(
        "有未保存的修改。不保存就退出吗？",
        "There are unsaved changes. Quit without saving?",
    )
}

pub fn write_failed(lang: Lang, path: &str, err: &str) -> String {
    match lang {
        Lang::Zh => format!("无法写入 {path}：{err}"),
        Lang::En => format!("could not write {path}: {err}"),
    }
}

/// Printed once the plan is written.
pub fn written(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("已写入 {path}"),
        Lang::En => format!("written: {path}"),
    }
}

/// After a paste of rows: how many, whether the columns followed the pasted header row, and
/// the columns left out.
pub fn pasted(lang: Lang, rows: usize, by_header: bool, unused: &[String]) -> String {
    let mut out = match lang {
        Lang::Zh => format!("粘贴了 {rows} 行"),
        Lang::En => format!("{rows} row(s) pasted"),
    };
    if by_header {
        out.push_str(lang.pick("，按表头对应各列", ", each column by its header"));
    }
    if !unused.is_empty() {
        let names = unused.join(list_join(lang));
        match lang {
            Lang::Zh => out.push_str(&format!("；未使用的列：{names}")),
            Lang::En => out.push_str(&format!("; columns not used: {names}")),
        }
    }
    out
}

/// The group names the reviewers use, shown by the group weights.
pub fn reviewer_groups(lang: Lang, names: &str) -> String {
    match lang {
        Lang::Zh => format!("点评人的分组：{names}"),
        Lang::En => format!("Groups of the reviewers: {names}"),
    }
}

pub fn yes_no(lang: Lang) -> &'static str {
    lang.pick("y 是　n 否", "y yes  n no")
}

pub fn empty_table(lang: Lang) -> &'static str {
    lang.pick("（空：直接输入，或粘贴）", "(empty: type, or paste)")
}

/// The key bar's labels.
pub struct Keys {
    pub next_field: &'static str,
    pub up_down: &'static str,
    pub next_step: &'static str,
    pub back: &'static str,
    pub new_row: &'static str,
    pub delete_row: &'static str,
    pub move_row: &'static str,
    pub switch: &'static str,
    pub save: &'static str,
    pub quit: &'static str,
    pub next_cell: &'static str,
}

pub fn keys(lang: Lang) -> &'static Keys {
    match lang {
        Lang::Zh => &Keys {
            next_field: "下一项",
            up_down: "上下移动",
            next_step: "下一步",
            back: "上一步",
            new_row: "新行",
            delete_row: "删除行",
            move_row: "上下移动行",
            switch: "切换",
            save: "保存",
            quit: "退出",
            next_cell: "下一格",
        },
        Lang::En => &Keys {
            next_field: "next field",
            up_down: "move",
            next_step: "next step",
            back: "back",
            new_row: "new row",
            delete_row: "delete row",
            move_row: "move row",
            switch: "switch",
            save: "save",
            quit: "quit",
            next_cell: "next cell",
        },
    }
}

/// `podium plan edit` on a session file.
pub fn not_a_plan(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path} 是会议记录，不是会议计划；请编辑它所属的计划文件"),
        Lang::En => format!("{path} is a session, not a plan: edit the plan it was run from"),
    }
}

/// `podium plan edit` without a file.
pub fn edit_needs_file(lang: Lang) -> &'static str {
    lang.pick(
        "podium plan edit 需要一个计划文件，例如 podium plan edit plan.json",
        "podium plan edit needs a plan file, e.g. podium plan edit plan.json",
    )
}

/// `podium plan` when standard input or output is not a terminal.
pub fn needs_terminal(lang: Lang) -> &'static str {
    lang.pick(
        "podium plan 是终端里的表单，需要在终端中运行",
        "podium plan is a form in the terminal: run it in a terminal",
    )
}

/// The default file name of a new plan.
pub const DEFAULT_FILE: &str = "plan.json";

/// A paste of several lines into a field that holds one line.
pub fn paste_lines_into_field(lang: Lang, lines: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "粘贴的内容有 {lines} 行，这一项只能填一行，未粘贴；单位或评委名单请粘贴到第 2、3 步的表格中"
        ),
        Lang::En => format!(
            "the pasted text has {lines} lines and this field holds one: nothing pasted; paste a list of units or reviewers into the tables of steps 2 and 3"
        ),
    }
}

/// The keys that answer a question yes (`y`, as typed through a Chinese input method too).
pub const YES_KEYS: &[char] = &['y', 'Y', 'ｙ', 'Ｙ', '是'];
/// The keys that answer no (with Esc and Ctrl+C).
pub const NO_KEYS: &[char] = &['n', 'N', 'ｎ', 'Ｎ', '否'];

/// What keeps the scoring from working, said in the form's own terms (its tables and steps,
/// not the plan's JSON fields, which `podium check` names).
pub fn scoring_gap(lang: Lang, gap: &crate::strings::import::ScoringGap) -> String {
    use crate::strings::import::ScoringGap;
    match (lang, gap) {
        (Lang::Zh, ScoringGap::NoReviewers) => "警告：按打分方式评分，但还没有评委；请在本步的评委表中加入评委，或在“评分”一步改为等次评议或不评分".to_string(),
        (Lang::En, ScoringGap::NoReviewers) => "warning: scoring is by points but there are no reviewers yet; add them to this step's table, or choose grades or none in the Scoring step".to_string(),
        (Lang::Zh, ScoringGap::EmptyGroup(g)) => format!("警告：分组“{g}”没有评委，它的权重无从计算；请在评委表的“分组”列写上“{g}”，或删去这个分组"),
        (Lang::En, ScoringGap::EmptyGroup(g)) => format!("warning: the group \"{g}\" has no reviewers, so its weight counts nothing; write \"{g}\" in the reviewers' Group column, or remove the group"),
        (Lang::Zh, ScoringGap::Ungrouped(r, g)) => format!("警告：评委“{r}”不在任何分组中，其评分计入第一个分组“{g}”；请在“分组”列写上分组"),
        (Lang::En, ScoringGap::Ungrouped(r, g)) => format!("warning: the reviewer \"{r}\" is in no group, so their scores count in the first group, \"{g}\"; write a group in the Group column"),
        (Lang::Zh, ScoringGap::AllRecused(u)) => format!("警告：所有评委都回避“{u}”，没有人能给它评分；请修改评委表的“回避”列"),
        (Lang::En, ScoringGap::AllRecused(u)) => format!("warning: every reviewer is recused from \"{u}\", so nobody can score it; change the reviewers' Recused column"),
    }
}
