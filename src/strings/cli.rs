//! Strings of the command line (the subcommands, `main`, the plan and import checks), in
//! Chinese and English side by side.

use super::{Lang, Said};
use crate::names::{NameProblem, shown};

/// `podium --help`: what podium is, in both languages at once.
pub const ABOUT: &str = "Runs a live report meeting: agenda, talk timer, remarks, scores, ranking.\n运行工作汇报会：议程、计时、点评、评分、排名。";

/// The one criterion of a plan that names none (a plan's data, the same in both languages:
/// it is recorded in the session and exported).
pub const DEFAULT_CRITERION: &str = "总分";

/// The grades of a plan that names none, with their points.
pub const DEFAULT_GRADES: [(&str, i64); 4] =
    [("优秀", 100), ("良好", 80), ("一般", 60), ("较差", 40)];

/// `podium check`: the plan in four lines. `agenda` is the agenda counted by kind
/// (`report::agenda_counts`: “汇报单位 7 个”, or “议程 9 项：汇报单位 5 个、讲话 2 个”).
pub fn check_summary(
    lang: Lang,
    title: &str,
    agenda: &str,
    planned: &str,
    reviewers: usize,
    groups: &str,
    mode: &str,
) -> String {
    match lang {
        Lang::Zh => format!(
            "{title}\n{agenda}，计划用时 {planned}\n点评人 {reviewers} 位（{groups}）\n评分方式：{mode}\n"
        ),
        Lang::En => {
            // “9 agenda items: 5 units, 2 speeches” lists with commas: a semicolon ends it.
            let sep = if agenda.contains(':') { ";" } else { "," };
            format!(
                "{title}\n{agenda}{sep} {planned} planned\n{reviewers} reviewers ({groups})\nscoring: {mode}\n"
            )
        }
    }
}

/// `podium check`: the meeting's roles (出席, 列席, 记录), a line each, when the plan has them.
pub fn check_roles(
    lang: Lang,
    attendees: &[String],
    observers: &[String],
    recorder: Option<&str>,
) -> String {
    let words = super::report::of(lang);
    let mut out = String::new();
    for (label, names) in [(words.attendees, attendees), (words.observers, observers)] {
        if !names.is_empty() {
            let list = super::report::names_list(lang, names);
            out.push_str(&format!("{label}{}{list}\n", words.colon));
        }
    }
    if let Some(r) = recorder {
        out.push_str(&format!("{}{}{r}\n", words.recorder, words.colon));
    }
    out
}

/// `podium check`: the 汇报单位 by category (类别), when any has one: each category with its
/// number of units, in agenda order; `none` the units without a category.
pub fn check_categories(lang: Lang, categories: &[(&str, usize)], none: usize) -> String {
    let mut parts: Vec<String> = categories.iter().map(|(c, n)| format!("{c} {n}")).collect();
    if none > 0 {
        parts.push(format!("{} {none}", lang.pick("其他单位", "other units")));
    }
    let count = categories.len();
    match lang {
        Lang::Zh => format!("类别 {count} 个：{}（各类别分别排名）\n", parts.join("、")),
        Lang::En => {
            let word = if count == 1 { "category" } else { "categories" };
            format!(
                "{count} {word}: {} (ranked within each category)\n",
                parts.join(", ")
            )
        }
    }
}

/// `podium check`: `scoring.overall_rank: false`.
pub fn check_no_overall_rank(lang: Lang) -> &'static str {
    lang.pick(
        "不显示总排名（只显示类别内名次；记录中仍有总排名）\n",
        "the overall rank is not shown (only the rank within the category; the record keeps it)\n",
    )
}

/// `podium check`: `scoring.bands`, by score (“好 ≥90、较好 ≥80、一般”) or by quota (“好 30%、
/// 较好 50%、一般”). `levels`: each level's name with its `min` or `percent` (none on the
/// last); `categories`: quotas are counted within each category.
/// The plan's ballot groups (`scoring.ballot_groups`): name, weight, ballots to issue.
pub fn check_ballot_groups(lang: Lang, groups: &[(&str, f64, Option<u32>)]) -> String {
    let parts: Vec<String> = groups
        .iter()
        .map(|(name, weight, ballots)| match (lang, ballots) {
            (Lang::Zh, Some(n)) => format!("{name} 权重 {weight}% {n} 张"),
            (Lang::Zh, None) => format!("{name} 权重 {weight}% 张数未定"),
            (Lang::En, Some(n)) => format!("{name} weight {weight}% {n} ballots"),
            (Lang::En, None) => format!("{name} weight {weight}% ballots not set"),
        })
        .collect();
    match lang {
        Lang::Zh => format!("测评组别：{}\n", parts.join("；")),
        Lang::En => format!("ballot groups: {}\n", parts.join("; ")),
    }
}

pub fn check_bands(
    lang: Lang,
    by_quota: bool,
    levels: &[(&str, Option<f64>)],
    categories: bool,
) -> String {
    let number = |v: f64| format!("{v}");
    let parts: Vec<String> = levels
        .iter()
        .map(|(name, v)| match (v, by_quota) {
            (Some(v), false) => format!("{name} ≥{}", number(*v)),
            (Some(v), true) => format!("{name} {}%", number(*v)),
            (None, _) => name.to_string(),
        })
        .collect();
    match (lang, by_quota) {
        (Lang::Zh, false) => format!("等次：{}\n", parts.join("、")),
        (Lang::Zh, true) => {
            let within = if categories {
                "（各类别分别计算，四舍五入；并列单位同归较高的等次）"
            } else {
                "（四舍五入；并列单位同归较高的等次）"
            };
            format!("等次按比例：{}{within}\n", parts.join("、"))
        }
        (Lang::En, false) => format!("bands by score: {}\n", parts.join(", ")),
        (Lang::En, true) => {
            let within = if categories {
                " (within each category, counts rounded half up; ties share the better band)"
            } else {
                " (counts rounded half up; ties share the better band)"
            };
            format!("bands by quota: {}{within}\n", parts.join(", "))
        }
    }
}

/// `podium check`: the reviewers in no group.
pub fn check_everyone(lang: Lang) -> &'static str {
    lang.pick("全体", "all")
}

/// `podium check`: the way of scoring.
pub fn check_mode(lang: Lang, mode: crate::plan::ScoringMode) -> &'static str {
    use crate::plan::ScoringMode;
    match (mode, lang) {
        (ScoringMode::Points, Lang::Zh) => "打分",
        (ScoringMode::Points, Lang::En) => "points",
        (ScoringMode::Grades, Lang::Zh) => "等次评议",
        (ScoringMode::Grades, Lang::En) => "grades",
        (ScoringMode::None, Lang::Zh) => "不评分",
        (ScoringMode::None, Lang::En) => "none (the meeting does not score)",
    }
}

/// `podium import`: the title was taken from the file's name.
pub fn import_title_from_name(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Zh => format!("会议标题取自文件名：“{title}”（可用 --title 指定）"),
        Lang::En => format!("the title is the file's name, \"{title}\" (set it with --title)"),
    }
}

/// `podium import -o PLAN`: what was written.
pub fn import_written(lang: Lang, file: &str, units: usize, source: &str) -> String {
    match lang {
        Lang::Zh => format!("{file}：{units} 个汇报单位（{source}）"),
        Lang::En => format!("{file}: {units} units ({source})"),
    }
}

/// `podium import` to the standard output: which sheet of a workbook was read.
pub fn import_sheet_read(lang: Lang, sheet: &str) -> String {
    match lang {
        Lang::Zh => format!("读取的是工作表“{sheet}”"),
        Lang::En => format!("read the sheet \"{sheet}\""),
    }
}

/// `podium scores` on a session a console holds.
/// A score sheet with a header and no row of scores under it.
pub fn no_score_rows(lang: Lang, place: &str) -> String {
    match lang {
        Lang::Zh => format!("{place}：表头下面没有评分行"),
        Lang::En => format!("{place}: no score rows under the header"),
    }
}

/// `podium scores` (or `Ctrl+O`) on a meeting that does not score: the whole sheet is refused.
pub fn scores_not_scored(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Zh => format!("{file}：本场会议不评分（计划的评分方式为“不评分”），不导入评分表"),
        Lang::En => format!(
            "{file}: this meeting does not score (its plan's scoring mode is “none”); it takes no score sheet, and nothing was imported"
        ),
    }
}

/// A table file with no cell of text in it.
pub fn table_empty(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Zh => format!("{file}：文件是空的"),
        Lang::En => format!("{file}: the file is empty"),
    }
}

pub fn scores_locked(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("{err}；请在那个控制台里按 Ctrl+O 导入评分"),
        Lang::En => format!("{err}; import the scores there with Ctrl+O"),
    }
}

/// A session that another podium holds open (its lock file names the process).
pub fn session_locked(lang: Lang, name: &str, pid: &str) -> String {
    match lang {
        Lang::Zh => format!("会议记录 {name} 已在另一个 podium 中打开（进程 {pid}）"),
        Lang::En => format!("{name} is open in another podium (pid {pid})"),
    }
}

/// `podium run` on a session another podium holds open: where to go instead.
pub fn run_locked(lang: Lang, name: &str, pid: &str) -> String {
    let locked = session_locked(lang, name, pid);
    match lang {
        Lang::Zh => format!("{locked}：请在那个控制台里继续；要另开一场，请在计划后加 --new"),
        Lang::En => format!(
            "{locked}: carry on in that console; for another session, add --new after the plan"
        ),
    }
}

/// What `rows` rows of a score sheet are: scores, or ballot counts.
fn score_rows(lang: Lang, rows: usize, grades: bool) -> String {
    match (lang, grades, rows) {
        (Lang::Zh, false, n) => format!("这 {n} 个分数"),
        (Lang::Zh, true, n) => format!("这 {n} 行票数"),
        (Lang::En, false, 1) => "the 1 score".into(),
        (Lang::En, false, n) => format!("the {n} scores"),
        (Lang::En, true, 1) => "the 1 ballot count".into(),
        (Lang::En, true, n) => format!("the {n} ballot counts"),
    }
}

/// `podium scores`: the import could not be written at all.
pub fn scores_not_saved(lang: Lang, rows: usize, grades: bool, err: &str) -> String {
    let what = score_rows(lang, rows, grades);
    match lang {
        Lang::Zh => format!("{what}没有保存，会议记录保持原样：{err}"),
        Lang::En => {
            let were = if rows == 1 { "was" } else { "were" };
            format!("{what} {were} NOT saved; the session is as it was: {err}")
        }
    }
}

/// `podium scores`: the import is in the journal; the session file could not be updated.
pub fn scores_journal_only(
    lang: Lang,
    rows: usize,
    grades: bool,
    journal: &str,
    err: &str,
) -> String {
    let what = score_rows(lang, rows, grades);
    match lang {
        Lang::Zh => format!(
            "注意：{what}已存入日志 {journal}，但会议记录文件没能更新（{err}）。没有丢失任何内容：下次打开这场会议时会自动更新"
        ),
        Lang::En => {
            let are = if rows == 1 { "is" } else { "are" };
            format!(
                "warning: {what} {are} saved in the journal {journal}, but the session file could not be brought up to date ({err}). Nothing is lost: it is brought up to date the next time podium opens the session"
            )
        }
    }
}

/// `podium run --serve`: the address could not be served.
pub fn cannot_serve(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("无法开放联网：{err}"),
        Lang::En => format!("cannot serve the meeting: {err}"),
    }
}

/// `podium run`: the console stopped on a panic.
pub fn run_internal_error(lang: Lang) -> &'static str {
    lang.pick(
        "podium 遇到内部错误而退出；会议记录已完整保存，重新运行即可继续",
        "podium stopped on an internal error; the session is saved, run it again to go on",
    )
}

/// `podium join`: the note-taker's console stopped on a panic.
pub fn join_internal_error(lang: Lang) -> &'static str {
    lang.pick(
        "podium 遇到内部错误而退出；已录入的内容保存在本机，重新加入即可继续",
        "podium stopped on an internal error; your entries are kept, join again to go on",
    )
}

/// `podium join`: the code is wrong.
pub fn wrong_code(lang: Lang) -> &'static str {
    lang.pick("加入码不对", "the join code is wrong")
}

/// `podium join`: wrong three times.
pub fn wrong_code_thrice(lang: Lang) -> &'static str {
    lang.pick("加入码连续三次不对", "the join code was wrong three times")
}

/// `podium join`: the prompt for the code.
pub fn code_prompt(lang: Lang) -> &'static str {
    lang.pick(
        "请输入主持人屏幕上的 6 位加入码：",
        "Join code (6 digits, on the host's screen): ",
    )
}

/// `podium join`: nothing was typed at the prompt.
pub fn no_code(lang: Lang) -> &'static str {
    lang.pick("没有输入加入码", "no join code was given")
}

/// `podium join`: the host cannot be reached.
pub fn cannot_reach(lang: Lang, addr: &str, err: &str) -> String {
    match lang {
        Lang::Zh => format!("连接不上主持人 {addr}：{err}"),
        Lang::En => format!("cannot reach the host at {addr}: {err}"),
    }
}

/// `podium join --name`: not a name the host accepts.
pub fn bad_name(lang: Lang) -> &'static str {
    lang.pick(
        "--name 需要一个名字（不超过 40 个字）",
        "--name needs a name (at most 40 characters)",
    )
}

/// `podium join`: entries left in the outbox from before.
pub fn outbox_pending(lang: Lang, pending: usize, path: &str) -> String {
    match lang {
        Lang::Zh => format!("本机还有 {pending} 条记录等待发送给主持人（{path}）"),
        Lang::En => {
            format!("{pending} entries on this laptop wait to be sent to the host ({path})")
        }
    }
}

/// `podium join`: the banner once joined.
pub fn joined(lang: Lang, name: &str, addr: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("已作为记录员 {name} 加入 {addr}：r 点评，t 交办，u 撤销自己录入的内容")
        }
        Lang::En => {
            format!(
                "Joined {addr} as note-taker {name}: r remark, t task, u undoes what you entered"
            )
        }
    }
}

/// `podium join`: entries still unconfirmed at the end.
pub fn unconfirmed_at_exit(lang: Lang, waiting: usize) -> String {
    match lang {
        Lang::Zh => {
            format!("还有 {waiting} 条记录没有得到主持人确认；它们保存在本机，下次加入时自动发送")
        }
        Lang::En => format!(
            "{waiting} entries are not yet confirmed by the host; they are kept on this laptop and sent when you join again"
        ),
    }
}

/// `podium report --format xlsx` without `-o`.
pub fn docx_needs_output(lang: Lang) -> &'static str {
    lang.pick(
        "docx 是 Word 文件，请用 -o 文件名.docx 指定输出",
        "docx is a Word file: name it with -o FILE.docx",
    )
}

pub fn xlsx_needs_output(lang: Lang) -> &'static str {
    lang.pick(
        "xlsx 是二进制文件，请用 -o 文件名.xlsx 指定输出",
        "xlsx is a binary file: name it with -o FILE.xlsx",
    )
}

/// A column of a table podium reads (a score sheet, a unit list): the header names it is
/// known by (any case, width form or edge spaces), and its name in each language.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub names: &'static [&'static str],
    pub en: &'static str,
    pub zh: &'static str,
}

impl Column {
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

pub const COL_UNIT: Column = Column {
    names: &["unit", "单位"],
    en: "unit",
    zh: "单位",
};
pub const COL_REVIEWER: Column = Column {
    names: &["reviewer", "评委"],
    en: "reviewer",
    zh: "评委",
};
pub const COL_CRITERION: Column = Column {
    names: &["criterion", "指标"],
    en: "criterion",
    zh: "指标",
};
pub const COL_SCORE: Column = Column {
    names: &["score", "得分"],
    en: "score",
    zh: "得分",
};
pub const COL_GRADE: Column = Column {
    names: &["grade", "等次"],
    en: "grade",
    zh: "等次",
};
pub const COL_COUNT: Column = Column {
    names: &["count", "票数"],
    en: "count",
    zh: "票数",
};
pub const COL_UNIT_NAME: Column = Column {
    names: &["unit", "单位", "name", "单位名称"],
    en: "unit",
    zh: "单位",
};
pub const COL_ORDER: Column = Column {
    names: &["order", "序号", "no", "#"],
    en: "order",
    zh: "序号",
};
pub const COL_PRESENTER: Column = Column {
    names: &["presenter", "汇报人"],
    en: "presenter",
    zh: "汇报人",
};
pub const COL_ROLE: Column = Column {
    names: &["role", "职务"],
    en: "role",
    zh: "职务",
};
pub const COL_MINUTES: Column = Column {
    names: &["minutes", "时长", "时长（分钟）", "时长(分钟)"],
    en: "minutes",
    zh: "时长",
};

/// What a table or a cell is meant to be, in an import's messages.
pub const SCORE_SHEET: Said = Said::new("评分表", "score sheet");
pub const UNIT_LIST: Said = Said::new("单位名单", "unit list");
pub const A_SCORE: Said = Said::new("分数", "score");
pub const A_COUNT: Said = Said::new("票数", "count");
pub const A_NUMBER: Said = Said::new("数字", "number");
pub const A_MINUTES: Said = Said::new("分钟数", "number of minutes");

/// Two columns of a sheet mean the same field.
pub fn two_columns(
    lang: Lang,
    place: &str,
    a: (&str, &str),
    b: (&str, &str),
    field: &Column,
) -> String {
    let ((la, ha), (lb, hb)) = (a, b);
    match lang {
        Lang::Zh => format!(
            "{place}：{la} 列（“{ha}”）和 {lb} 列（“{hb}”）都表示{}，无法确定用哪一列；请删去或改名其中一列",
            field.zh
        ),
        Lang::En => format!(
            "{place}: columns {la} (\"{ha}\") and {lb} (\"{hb}\") both mean the {}; which one to use cannot be told: delete or rename one of them",
            field.en
        ),
    }
}

/// A sheet without a column it needs.
pub fn no_column(lang: Lang, place: &str, field: &Column, header: &[String]) -> String {
    match lang {
        Lang::Zh => format!(
            "{place}：表头中没有“{}”列（{}）",
            field.names.join("”或“"),
            header.join(", ")
        ),
        Lang::En => format!(
            "{place}: no column \"{}\" in the header row ({})",
            field.names.join("\" or \""),
            header.join(", ")
        ),
    }
}

/// A date or time cell where a number belongs.
pub fn date_cell(lang: Lang, cell: &str, shown: &str, time: bool, what: Said) -> String {
    match (lang, time) {
        (Lang::Zh, false) => format!("单元格 {cell} 是日期（{shown}），不是{}", what.zh),
        (Lang::Zh, true) => format!("单元格 {cell} 是时间（{shown}），不是{}", what.zh),
        (Lang::En, false) => format!("cell {cell} is a date ({shown}), not a {}", what.en),
        (Lang::En, true) => format!("cell {cell} is a time ({shown}), not a {}", what.en),
    }
}

/// A sheet's name and its first headers, in the message naming every sheet.
pub fn sheet_head(lang: Lang, sheet: &str, head: &[&str]) -> String {
    match lang {
        Lang::Zh => format!("“{sheet}”：{}", head.join(", ")),
        Lang::En => format!("\"{sheet}\": {}", head.join(", ")),
    }
}

/// No sheet of a workbook has the columns needed.
pub fn no_sheet_fits(
    lang: Lang,
    file: &str,
    columns: &[Column],
    what: Said,
    heads: &[String],
) -> String {
    let names: Vec<&str> = columns.iter().map(|c| c.name(lang)).collect();
    match lang {
        Lang::Zh => format!(
            "{file}：没有哪个工作表的表头有 {} 列，不像{}（{}）",
            names.join("、"),
            what.zh,
            heads.join("；")
        ),
        Lang::En => format!(
            "{file}: no sheet has the columns {} of a {} (sheets {})",
            names.join(", "),
            what.en,
            heads.join("; ")
        ),
    }
}

/// Two sheets of a workbook both fit.
pub fn two_sheets_fit(
    lang: Lang,
    file: &str,
    a: &str,
    b: &str,
    columns: &[Column],
    what: Said,
) -> String {
    let names: Vec<&str> = columns.iter().map(|c| c.name(lang)).collect();
    match lang {
        Lang::Zh => format!(
            "{file}：工作表“{a}”和“{b}”都像{}（都有 {} 列），无法确定导入哪一个；请删去其一，或把要导入的表另存为单独的文件",
            what.zh,
            names.join("、")
        ),
        Lang::En => format!(
            "{file}: the sheets \"{a}\" and \"{b}\" both look like a {} (columns {}); which one to import cannot be told: delete one, or save the one to import as a file of its own",
            what.en,
            names.join(", ")
        ),
    }
}

/// `podium scores`: what the import did.
pub fn import_summary(
    lang: Lang,
    name: &str,
    source: &str,
    rows: usize,
    (new, changed, unchanged): (usize, usize, usize),
) -> String {
    match lang {
        Lang::Zh => {
            format!("{name}（{source}）：{rows} 行 — 新增 {new}，修改 {changed}，未变 {unchanged}")
        }
        Lang::En => format!(
            "{name} ({source}): {rows} rows — {new} new, {changed} changed, {unchanged} unchanged"
        ),
    }
}

/// What was read: the encoding, and the sheet of a workbook.
pub fn source(lang: Lang, encoding: &str, sheet: Option<&str>) -> String {
    match (sheet, lang) {
        (None, _) => encoding.to_string(),
        (Some(s), Lang::Zh) => format!("{encoding}，工作表“{s}”"),
        (Some(s), Lang::En) => format!("{encoding}, sheet \"{s}\""),
    }
}

/// A score sheet's row that repeats an earlier one.
pub fn repeated_row(lang: Lang, first: usize) -> String {
    match lang {
        Lang::Zh => format!("与第 {first} 行重复（同一单位、评委和指标）"),
        Lang::En => format!("repeats row {first} (same unit, reviewer and criterion)"),
    }
}

/// What a name names (`unit`, `reviewer`, …), in Chinese.
fn what_zh(what: &str) -> &'static str {
    match what {
        "unit" => "单位",
        "reviewer" => "点评人",
        "criterion" => "评分指标",
        "group" => "分组",
        _ => "等次",
    }
}

/// Why a name is refused, in a sentence.
pub fn name_problem(lang: Lang, p: &NameProblem) -> String {
    match (lang, p) {
        (Lang::Zh, NameProblem::Edge { name }) => format!(
            "名称“{}”首尾有空格（半角、全角或不换行空格）：导入表格时单元格两端的空格会被去掉，分数会对不上这个名称；请删去",
            shown(name)
        ),
        (Lang::En, NameProblem::Edge { name }) => format!(
            "the name \"{}\" begins or ends with a space (an ASCII, ideographic or no-break space): a table cell loses it on import, so scores would not find this name; remove it",
            shown(name)
        ),
        (Lang::Zh, NameProblem::OnlyInvisible { name }) => format!(
            "名称“{}”只由看不见的字符（零宽空格、连接符等）组成，无法辨认和输入；请改成看得见的名称",
            shown(name)
        ),
        (Lang::En, NameProblem::OnlyInvisible { name }) => format!(
            "the name \"{}\" is made only of invisible characters (zero-width spaces, joiners…): nobody can see or type it; give it a visible name",
            shown(name)
        ),
        (
            Lang::Zh,
            NameProblem::LooksLike {
                what,
                name,
                other,
                other_path,
            },
        ) => format!(
            "“{}”与{}“{}”（{other_path}）看起来相同（只差全角/半角、组合字符的写法或看不见的字符），导入分数时无法区分；请改成明显不同的名称",
            shown(name),
            what_zh(what),
            shown(other)
        ),
        (
            Lang::En,
            NameProblem::LooksLike {
                what,
                name,
                other,
                other_path,
            },
        ) => format!(
            "\"{}\" looks the same as the {what} \"{}\" ({other_path}): they differ only in full-/half-width forms, composed or decomposed accents, or invisible characters, so an imported score could not tell them apart; make the names differ visibly",
            shown(name),
            shown(other)
        ),
    }
}

/// The sentence for a cell that matches several names.
pub fn ambiguous_name(lang: Lang, what: &str, cell: &str, names: &[&str]) -> String {
    let list: Vec<String> = names.iter().map(|n| shown(n)).collect();
    match lang {
        Lang::Zh => format!(
            "“{}”可以是以下任一{}：“{}”（它们只差全角/半角、组合字符或看不见的字符）；无法确定是哪一个，未导入。请先在会议中把名称改得明显不同",
            shown(cell),
            what_zh(what),
            list.join("”、“")
        ),
        Lang::En => format!(
            "\"{}\" could be any of the {what}s \"{}\" (they differ only in full-/half-width forms, accents or invisible characters): which one is meant cannot be told, so nothing is imported; make the names differ visibly first",
            shown(cell),
            list.join("\", \"")
        ),
    }
}

/// A plan's `version` this podium cannot read.
pub fn plan_version(lang: Lang, place: &str, version: u64, newest: u32) -> String {
    match (lang, version) {
        (Lang::Zh, 0) => format!(
            "{place}: version：没有 0 版的计划格式；本 podium 读取计划格式版本 {newest}，请写 {newest} 或删去此项"
        ),
        (Lang::En, 0) => format!(
            "{place}: version: there is no plan version 0; this podium reads plan version {newest}: write {newest} or leave it out"
        ),
        (Lang::Zh, _) => format!(
            "{place}: version：此计划由较新的 podium 生成（计划格式版本 {version}；本 podium 只能读取版本 {newest} 及更早的计划），请用较新的 podium 打开"
        ),
        (Lang::En, _) => format!(
            "{place}: version: made by a newer podium (plan version {version}; this podium reads plan version {newest} and older): open it with a newer podium"
        ),
    }
}

/// A plan that says `"version": 1` and uses `field` (with its place), which plan version
/// `newest` added: an older podium would refuse it by that field rather than by its version.
pub fn plan_says_older_version(
    lang: Lang,
    place: &str,
    field: &str,
    said: u32,
    newest: u32,
) -> String {
    match lang {
        Lang::Zh => format!(
            "{place}: 警告：version: 计划写明格式版本 {said}，却用了版本 {newest} 才有的 {field}；请写 \"version\": {newest}，较早的 podium 才会按版本拒绝它，而不是报告一个看不懂的字段"
        ),
        Lang::En => format!(
            "{place}: warning: version: the plan says version {said} but uses {field}, which plan version {newest} added; write \"version\": {newest}, so that an older podium refuses it by its version rather than by a field it does not know"
        ),
    }
}

/// Scoring rules (`fields`, the first at `place`) in a meeting that does not score.
pub fn rules_of_no_scoring(lang: Lang, place: &str, fields: &[&str]) -> String {
    let list = fields.join(", ");
    match lang {
        Lang::Zh => format!(
            "{place}: 警告：scoring: 评分方式为“不评分”（\"mode\": \"none\"），{list} 都不起作用（没有评分、排名和扣分）；要评分请改 mode，否则可删去它们"
        ),
        Lang::En => format!(
            "{place}: warning: scoring: the meeting does not score (\"mode\": \"none\"), so {list} are not used (no scores, ranking or penalties); change the mode to score, or remove them"
        ),
    }
}

/// A meeting that scores, with no 汇报单位 on its agenda.
pub fn scores_without_reports(lang: Lang, place: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{place}: 警告：units: 议程中没有汇报单位（只有讲话、通报等），没有可评分、排名的对象，导出的排名和评分表是空的；这样的会议请写 \"scoring\": {{\"mode\": \"none\"}}"
        ),
        Lang::En => format!(
            "{place}: warning: units: the agenda has no 汇报单位 (only speeches, briefings and the like), so nothing is scored or ranked and the exported ranking and scores are empty; such a meeting says \"scoring\": {{\"mode\": \"none\"}}"
        ),
    }
}

/// serde_json's complaint about a plan (`text`, without its place), for people.
pub fn serde_problem(lang: Lang, text: &str, eof: bool, syntax: bool) -> String {
    match lang {
        Lang::Zh if eof => {
            format!("JSON 格式错误：{text}（文件在计划写完之前就结束了，是否不完整？）")
        }
        Lang::En if eof => {
            format!("{text} (the file ends before the plan does: was it cut short?)")
        }
        Lang::Zh if syntax => format!("JSON 格式错误：{text}"),
        Lang::Zh => format!("内容不符合计划格式：{text}"),
        Lang::En => text.to_string(),
    }
}

/// After `podium --help` (clap shows it in both languages, like `ABOUT`).
pub const AFTER_HELP: &str = "Without a command, podium runs its built-in demo meeting.\n不带命令时，podium 运行内置的演示会议。";

/// The console or the display could not use the terminal (`err`).
pub fn terminal_unusable(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("无法使用终端：{err}"),
        Lang::En => format!("the terminal could not be used: {err}"),
    }
}

/// An output file that is already there (`podium import -o`).
pub fn already_exists(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path}：文件已存在；请换一个名字，或先删除它"),
        Lang::En => format!("{path}: already exists; choose another name or remove it first"),
    }
}

/// A file that is not UTF-8 text, from byte `byte` on.
pub fn not_utf8(lang: Lang, path: &str, byte: usize) -> String {
    match lang {
        Lang::Zh => format!("{path}：不是 UTF-8 文本（第 {byte} 字节）；请另存为 UTF-8"),
        Lang::En => format!("{path}: not UTF-8 text (byte {byte}); save it as UTF-8"),
    }
}

/// A file that is not there.
pub fn not_found(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path}：文件不存在"),
        Lang::En => format!("{path}: not found"),
    }
}

/// `podium sessions`: the column heads (last change, file, agenda items done of all, remarks,
/// units scored, state).
pub fn sessions_columns(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => [
            "最后改动",
            "会议记录文件",
            "已完成",
            "点评",
            "已评分",
            "状态",
        ],
        Lang::En => [
            "Last change",
            "Session file",
            "Items done",
            "Remarks",
            "Scored",
            "State",
        ],
    }
}

/// `podium sessions`: a session's state.
pub fn session_state(lang: Lang, ended: bool, untouched: bool) -> &'static str {
    match (ended, untouched) {
        (true, _) => lang.pick("已结束", "ended"),
        (false, true) => lang.pick("未开始", "not started"),
        (false, false) => lang.pick("进行中", "in progress"),
    }
}

/// `podium sessions`: a session file that cannot be read, and why.
pub fn session_unreadable(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("无法读取：{err}"),
        Lang::En => format!("cannot be read: {err}"),
    }
}

/// `podium sessions PLAN` with no session yet.
pub fn no_sessions(lang: Lang, plan: &str) -> String {
    match lang {
        Lang::Zh => format!("{plan} 还没有会议记录（podium run {plan} 开始第一场）"),
        Lang::En => format!("{plan} has no session yet (podium run {plan} starts the first)"),
    }
}

/// Why the newest session may not be the one meant: it ended, or has not changed for `hours`.
pub fn session_doubt(lang: Lang, ended: bool, hours: i64) -> String {
    match (lang, ended) {
        (Lang::Zh, true) => "已结束".to_string(),
        (Lang::En, true) => "has ended".to_string(),
        (Lang::Zh, false) => format!("已 {hours} 小时没有改动"),
        (Lang::En, false) => format!("has not changed for {hours} hours"),
    }
}

/// Why the newest session may not be the one meant: its last change is in the future.
pub fn session_doubt_future(lang: Lang) -> &'static str {
    lang.pick(
        "最后改动的时间在将来（记录它的电脑或这台电脑的时钟不准）",
        "was last changed in the future (the clock of the computer that recorded it, or of this one, is wrong)",
    )
}

/// `podium run PLAN`, before the console opens: the newest session ended or is old
/// (`doubt`, as `session_doubt` says it), or its plan file was edited since it began.
#[allow(clippy::too_many_arguments)]
pub fn ask_resume(
    lang: Lang,
    plan: &str,
    name: &str,
    when: &str,
    doubt: Option<&str>,
    plan_changed: bool,
    done: usize,
    total: usize,
    remarks: usize,
) -> String {
    let mut out = match lang {
        Lang::Zh => format!(
            "计划 {plan} 最近的会议记录是 {name}\n（最后改动 {when}，议程已完成 {done}/{total}，点评 {remarks} 条）。\n"
        ),
        Lang::En => format!(
            "The newest session of {plan} is {name}\n(last change {when}, agenda items done {done}/{total}, {remarks} {}).\n",
            if remarks == 1 { "remark" } else { "remarks" }
        ),
    };
    if let Some(doubt) = doubt {
        out.push_str(&match lang {
            Lang::Zh => format!("这场会议{doubt}。\n"),
            Lang::En => format!("This meeting {doubt}.\n"),
        });
    }
    if plan_changed {
        out.push_str(&match lang {
            Lang::Zh => format!(
                "计划 {plan} 在这场会议开始后改过：继续这场会议仍按它开始时的计划进行；新开一场才用改后的计划。\n"
            ),
            Lang::En => format!(
                "{plan} was edited after this meeting began: resumed, the meeting keeps the plan it began with; a new session uses the edited plan.\n"
            ),
        });
    }
    out.push_str(lang.pick(
        "按 Enter 继续这场会议；输入 n 再按 Enter 新开一场：",
        "Press Enter to resume it, or type n and Enter to start a new session: ",
    ));
    out
}

/// `podium run PLAN`: an answer that is neither Enter nor `n`.
pub fn ask_resume_again(lang: Lang) -> &'static str {
    lang.pick(
        "请按 Enter 继续这场会议，或输入 n 新开一场：",
        "Press Enter to resume, or type n for a new session: ",
    )
}

/// `podium run PLAN`'s question: the answers (as typed, folded to lower case and NFKC) that
/// resume the newest session, in either language.
pub const RESUME_ANSWERS: &[&str] = &["", "y", "yes", "r", "是", "继续"];

/// `podium run PLAN`'s question: the answers that start a new session.
pub const NEW_ANSWERS: &[&str] = &["n", "no", "new", "新", "新开", "新开一场", "否", "不"];

/// `podium run PLAN`, before the question: the newest session's plan has another title than
/// the plan file now (perhaps another plan's session).
pub fn other_title(
    lang: Lang,
    name: &str,
    session_title: &str,
    plan: &str,
    plan_title: &str,
) -> String {
    let clean = crate::text::clean_line;
    let (session_title, plan_title) = (clean(session_title), clean(plan_title));
    match lang {
        Lang::Zh => format!(
            "注意：{name} 这场会议的标题是“{session_title}”，而计划 {plan} 的标题是“{plan_title}”，它可能是另一个计划的会议记录。"
        ),
        Lang::En => format!(
            "Note: the meeting in {name} is titled \"{session_title}\", while {plan} is titled \"{plan_title}\": it may be another plan's session."
        ),
    }
}

/// A file given as a plan whose name is a session's (`….session.json`) but which holds no
/// session: taken for a plan, it would mean another file's sessions.
pub fn named_like_a_session(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{name} 的文件名是会议记录的名字，但它不是会议记录：计划请用不以 .session.json 结尾的名字"
        ),
        Lang::En => format!(
            "{name} is named like a session but holds none: give a plan a name that does not end in .session.json"
        ),
    }
}

/// `podium run PLAN` whose newest session cannot be read (damaged, not text, from a newer
/// podium, not readable by this user): nothing is opened; how to go on.
pub fn newest_unreadable(lang: Lang, plan: &str, name: &str, err: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "计划 {plan} 最近的会议记录 {name} 无法读取：{err}\n未做任何改动。新开一场：podium run {plan} --new；继续另一场：podium run 它的会议记录文件（podium sessions {plan} 列出各场）"
        ),
        Lang::En => format!(
            "{name}, the newest session of {plan}, cannot be read: {err}\nNothing was changed. For a new session: podium run {plan} --new; to resume another: podium run ITS.session.json (podium sessions {plan} lists them)"
        ),
    }
}

/// `podium run PLAN`: the question was left without an answer (`Ctrl+D`, or three answers
/// that were neither Enter nor `n`).
pub fn resume_unanswered(lang: Lang, plan: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "没有得到回答，什么也没做。继续最近的一场：podium run {plan}（按 Enter）；新开一场：podium run {plan} --new"
        ),
        Lang::En => format!(
            "no answer; nothing was done. To resume the newest session: podium run {plan} (then Enter); for a new one: podium run {plan} --new"
        ),
    }
}

/// `podium run PLAN` without a terminal to ask: the newest session is resumed anyway.
pub fn resumed_without_asking(lang: Lang, name: &str, doubt: &str, plan: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "继续会议记录 {name}（它{doubt}；没有终端可询问）。新开一场请用 podium run {plan} --new"
        ),
        Lang::En => format!(
            "resuming {name} (it {doubt}; no terminal to ask). For a new session: podium run {plan} --new"
        ),
    }
}

/// `report`, `scores`, `display` given a plan whose newest session is in doubt, on a
/// terminal: the question above the numbered list.
pub fn which_session(lang: Lang, plan: &str, count: usize, name: &str, doubt: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("计划 {plan} 有 {count} 场会议记录，最近的一场（{name}）{doubt}。要用哪一场？")
        }
        Lang::En => format!(
            "{plan} has {count} sessions; the newest ({name}) {doubt}. Which one do you mean?"
        ),
    }
}

/// The prompt under the numbered list.
pub fn which_number(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("输入编号 1 到 {count}（按 Enter 选 1）："),
        Lang::En => format!("Type a number from 1 to {count} (Enter for 1): "),
    }
}

/// The numbered list was left without an answer (end of input).
pub fn no_session_chosen(lang: Lang) -> &'static str {
    lang.pick(
        "没有选择会议记录，未做任何事",
        "no session chosen; nothing was done",
    )
}

/// `report`, `scores`, `display` given a plan whose newest session is in doubt, without a
/// terminal to ask: refused, with the candidates (`list`, a line each).
pub fn ambiguous_sessions(
    lang: Lang,
    command: &str,
    plan: &str,
    count: usize,
    name: &str,
    doubt: &str,
    list: &str,
) -> String {
    match lang {
        Lang::Zh => format!(
            "计划 {plan} 有 {count} 场会议记录，最近的一场（{name}）{doubt}，无法确定指的是哪一场（没有终端可询问）。请直接给出会议记录文件，例如 podium {command} {name}\n{list}"
        ),
        Lang::En => format!(
            "{plan} has {count} sessions and the newest ({name}) {doubt}, so which one is meant is unclear (no terminal to ask). Name the session file, e.g. podium {command} {name}\n{list}"
        ),
    }
}

/// `report` or `display` given a plan that has no session yet.
pub fn no_session_yet(lang: Lang, plan: &str) -> String {
    match lang {
        Lang::Zh => format!("{plan} 是会议计划，还没有会议记录；请先运行 podium run {plan}"),
        Lang::En => format!("{plan} is a plan with no session yet; run podium run {plan} first"),
    }
}

/// `podium scores PLAN FILE` for a plan without a session: the session it made.
pub fn scores_new_session(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("已新建会议记录 {name}"),
        Lang::En => format!("started the session {name}"),
    }
}

/// A resumed session whose plan file was edited after the meeting began, in full (on the
/// standard error when nobody could be asked).
pub fn plan_changed(lang: Lang, plan: &str, session: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "计划 {plan} 在会议开始后改过；本场（{session}）仍按开始时的计划进行。要用改后的计划，请退出后运行 podium run {plan} --new"
        ),
        Lang::En => format!(
            "{plan} was edited after this meeting began; {session} keeps the plan it began with. To use the edited plan: quit, then podium run {plan} --new"
        ),
    }
}

/// The same on the console's one-line banner (the session's name is on the status line); at
/// most 99 columns with a plan name of 16.
pub fn plan_changed_banner(lang: Lang, plan: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("{plan} 开会后改过，本场仍用原计划；要用新计划：podium run {plan} --new")
        }
        Lang::En => {
            format!("{plan} changed; this meeting keeps its plan. Use it: podium run {plan} --new")
        }
    }
}

/// `podium check` on a session file.
pub fn check_session(
    lang: Lang,
    name: &str,
    title: &str,
    units: usize,
    events: usize,
    ended: bool,
) -> String {
    match lang {
        Lang::Zh => format!(
            "{name} 是 podium 的会议记录，不是会议计划：“{title}”，{units} 个汇报单位，{events} 条事件{}。\npodium check 用于检查计划；会议记录请用 podium sessions 或 podium report 查看\n",
            if ended { "，会议已结束" } else { "" }
        ),
        Lang::En => format!(
            "{name} is a podium session, not a plan: \"{title}\", {units} units, {events} events{}.\npodium check is for plans; for sessions use podium sessions or podium report\n",
            if ended { ", ended" } else { "" }
        ),
    }
}

/// The console has no session of its own to serve (it joined another's): never expected.
pub fn no_session_writer(lang: Lang) -> &'static str {
    lang.pick(
        "这台电脑没有打开本地会议记录，无法开放网络服务",
        "This console holds no session of its own to serve",
    )
}
