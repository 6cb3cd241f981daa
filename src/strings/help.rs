//! `podium --help` in the user's language: the texts of every subcommand and argument in
//! Chinese and English, keyed by subcommand name and argument id, and `localize`, which puts
//! them (and clap's own headings, as far as clap lets) into the `clap::Command` before it
//! parses. Clap's error messages (an unknown argument…) stay as clap prints them, in English.

use super::{Lang, Said};

/// Where the user's language is looked for before the arguments are parsed: `--lang X` or
/// `--lang=X` anywhere among them (before a lone `--`), else `PODIUM_LANG` and the locale
/// (`Lang::explicit`); English when none names one. A value the parser will refuse is passed
/// over here (the refusal then comes from the parser).
pub fn help_lang(args: &[std::ffi::OsString]) -> Lang {
    let mut flag = None;
    let mut it = args.iter().skip(1);
    while let Some(arg) = it.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            flag = it.next().and_then(|v| v.to_str()).and_then(Lang::from_code);
        } else if let Some(v) = arg.strip_prefix("--lang=") {
            flag = Lang::from_code(v);
        }
    }
    flag.or_else(|| Lang::explicit(None).ok().flatten())
        .unwrap_or(Lang::En)
}

/// `PODIUM_LANG` set to a language podium does not speak.
pub fn bad_podium_lang(lang: Lang, value: &str) -> String {
    let value = crate::text::clean_line(value);
    match lang {
        Lang::Zh => format!("环境变量 PODIUM_LANG 的值“{value}”不是可用的语言：请用 zh 或 en"),
        Lang::En => format!(
            "the environment variable PODIUM_LANG is \"{value}\", not a language podium speaks: use zh or en"
        ),
    }
}

/// The texts of `podium --help` that are not a subcommand's or an argument's.
pub struct Headings {
    pub about: Said,
    pub after_help: Said,
    pub usage: Said,
    pub commands: Said,
    pub arguments: Said,
    pub options: Said,
    pub options_placeholder: Said,
    pub command_placeholder: Said,
    pub possible_values: Said,
    pub default: Said,
}

pub const HEADINGS: Headings = Headings {
    about: Said::new(
        "运行工作汇报会：议程、计时、点评、评分、排名。",
        "Runs a live report meeting: agenda, talk timer, remarks, scores, ranking.",
    ),
    after_help: Said::new(
        "不带命令时，podium 运行内置的演示会议。",
        "Without a command, podium runs its built-in demo meeting.",
    ),
    usage: Said::new("用法", "Usage"),
    commands: Said::new("命令", "Commands"),
    arguments: Said::new("参数", "Arguments"),
    options: Said::new("选项", "Options"),
    options_placeholder: Said::new("[选项]", "[OPTIONS]"),
    command_placeholder: Said::new("命令", "COMMAND"),
    possible_values: Said::new("可选值", "possible values"),
    default: Said::new("默认", "default"),
};

/// One subcommand's or argument's help: `key` is the subcommand's name, or
/// `subcommand.argument` (the argument's id), or `*.argument` for an argument every
/// subcommand has (`--lang`, `--help`). `value`: the name of its value in the usage line.
pub struct Entry {
    pub key: &'static str,
    pub help: Said,
    pub value: Option<Said>,
}

const fn e(key: &'static str, zh: &'static str, en: &'static str) -> Entry {
    Entry {
        key,
        help: Said::new(zh, en),
        value: None,
    }
}

const fn v(
    key: &'static str,
    zh: &'static str,
    en: &'static str,
    value_zh: &'static str,
    value_en: &'static str,
) -> Entry {
    Entry {
        key,
        help: Said::new(zh, en),
        value: Some(Said::new(value_zh, value_en)),
    }
}

/// Every subcommand and argument of `podium` (a test walks the parser's command and fails on
/// any that has no entry here).
pub const ENTRIES: &[Entry] = &[
    // Every subcommand's.
    v(
        "*.lang",
        "界面、提示和报告的语言（否则依次取 PODIUM_LANG、LC_ALL/LC_MESSAGES/LANG、会议计划的语言）",
        "The language of messages and reports (otherwise PODIUM_LANG, then LC_ALL/LC_MESSAGES/LANG, then the plan's language)",
        "语言",
        "LANG",
    ),
    e("*.help", "显示帮助", "Print help"),
    e("*.version", "显示版本", "Print version"),
    e(
        "help",
        "显示本帮助或指定命令的帮助",
        "Print this message or the help of the given subcommand(s)",
    ),
    v(
        "help.subcommand",
        "要查看帮助的命令",
        "Print help for the subcommand(s)",
        "命令",
        "COMMAND",
    ),
    // podium run
    e(
        "run",
        "按会议计划运行会议，或继续一场会议",
        "Run a meeting from a plan or resume a session",
    ),
    v(
        "run.file",
        "会议计划（继续它最近改动的一场会议记录，没有则新建）或会议记录文件",
        "A plan (its most recently changed session, or a new one) or a session file",
        "文件",
        "FILE",
    ),
    e(
        "run.demo",
        "运行内置的演示会议（会议记录：./podium-demo.session.json）",
        "The built-in demo meeting (its session: ./podium-demo.session.json)",
    ),
    e(
        "*.quiet",
        "提醒和超时不响铃",
        "No terminal bell at the warning and at time up",
    ),
    v(
        "run.session",
        "使用此会议记录文件，而不是 <计划>.session.json",
        "The session file to use instead of `<plan>.session.json`",
        "会议记录",
        "SESSION",
    ),
    e(
        "run.new",
        "在旧会议记录旁新开一场，文件名带日期和时间",
        "Start a fresh session beside the old one, named with the date and time",
    ),
    e(
        "*.wide_ambiguous",
        "东亚宽度不明确的字符按全角排版（也可设 PODIUM_WIDE_AMBIGUOUS=1）",
        "Lay out East Asian ambiguous-width characters as wide (also PODIUM_WIDE_AMBIGUOUS=1)",
    ),
    v(
        "run.serve",
        "允许记录员通过网络加入（默认监听所有网卡的 7373 端口；只限本机用 127.0.0.1）",
        "Let note-takers join over the network (all interfaces, port 7373 unless given; 127.0.0.1 for this machine only)",
        "地址[:端口]",
        "ADDR[:PORT]",
    ),
    v(
        "run.previous",
        "上次会议的会议记录：新建会议记录时，把其中未办结的任务接续过来（优先于计划中的 previous）",
        "The session of the meeting before: its unfinished tasks are carried into the new session (instead of the plan's previous)",
        "文件",
        "FILE",
    ),
    v(
        "run.ballots_port",
        "与 --serve 一起用，计划有测评组时：测评页面的端口（默认 7374），地址与 --serve 相同",
        "With --serve, for a plan with ballot groups: the port of the ballot page (7374 unless given), on the same address",
        "端口",
        "PORT",
    ),
    e(
        "run.open_voting",
        "与 --serve 一起用：一开始就开始测评投票",
        "With --serve: open voting at the start",
    ),
    v(
        "run.wifi",
        "与 --serve 一起用：会场无线网络，开放测评时在大屏上显示为二维码",
        "With --serve: the venue's Wi-Fi, shown on the stage as a QR code",
        "名称:密码",
        "SSID:PASSWORD",
    ),
    // podium demo
    e(
        "demo",
        "运行内置的演示会议",
        "Run the built-in demo meeting",
    ),
    // podium sessions
    e(
        "sessions",
        "列出一个计划的各场会议记录，最新的在前",
        "List the sessions of a plan, newest first",
    ),
    v(
        "sessions.plan",
        "会议计划文件",
        "The plan file",
        "计划",
        "PLAN",
    ),
    // podium check
    e(
        "check",
        "检查会议计划并概述",
        "Check a plan and summarise it",
    ),
    v(
        "check.plan",
        "会议计划文件",
        "The plan file",
        "计划",
        "PLAN",
    ),
    // podium report
    e(
        "report",
        "导出会议：记录（json）、纪要（md）、排名（csv）或工作簿（xlsx）",
        "Print a session's record (json), minutes (md), ranking (csv) or workbook (xlsx)",
    ),
    v(
        "report.session",
        "会议记录文件，或会议计划（用它最近的一场会议记录）",
        "The session file, or a plan (its most recent session)",
        "会议记录",
        "SESSION",
    ),
    v(
        "report.format",
        "导出格式",
        "The format of the report",
        "格式",
        "FORMAT",
    ),
    v(
        "report.output",
        "写入此文件（xlsx 必须指定）",
        "The file to write (needed for xlsx)",
        "文件",
        "OUTPUT",
    ),
    v(
        "report.doc",
        "--format docx 写哪一份文件：minutes 会议纪要、notice 通报、tasks 督办清单",
        "Which document --format docx writes: minutes, notice (of results) or tasks",
        "文件",
        "DOC",
    ),
    e(
        "report.public",
        "对外通报用：不含任何评委的个人打分、姓名及与打分对应的人",
        "For circulation: no rater's own scores, and nothing that ties a score to a person",
    ),
    // podium sheets
    e(
        "sheets",
        "打印评分表（XLSX/DOCX）：每位评委一张，填好后用 podium scores 导入",
        "Print score sheets (XLSX/DOCX), one per reviewer, to import with podium scores once filled in",
    ),
    v(
        "sheets.plan",
        "会议计划（或会议记录：用其中的计划）",
        "The plan (or a session: its plan)",
        "计划",
        "PLAN",
    ),
    v(
        "sheets.output",
        "写入此文件（.xlsx 或 .docx）；不写时写到计划旁的“计划名-评分表.xlsx”，从不覆盖已有文件",
        "The file to write (.xlsx or .docx); without it, PLAN-评分表.xlsx beside the plan; an existing file is never replaced",
        "文件",
        "OUTPUT",
    ),
    v(
        "sheets.groups",
        "匿名评分：每组打印几张不记名评分表，格式 组名=张数（可重复）",
        "Anonymous scoring: how many unnamed sheets per group, NAME=N (repeatable)",
        "组名=张数",
        "NAME=N",
    ),
    // podium join
    e(
        "join",
        "记录员控制台：通过网络加入主持人开放的会议",
        "A note-taker's console: join a served meeting over the network",
    ),
    v(
        "join.addr",
        "主持人控制台上显示的地址（地址[:端口]，默认端口 7373）",
        "The host's address as its console shows it (ADDR[:PORT], port 7373 by default)",
        "地址",
        "ADDR",
    ),
    v(
        "join.name",
        "你的名字：记在你录入的每条点评上",
        "Your name: recorded with every remark you enter",
        "名字",
        "NAME",
    ),
    v(
        "*.code",
        "加入码（否则会询问；也可设 PODIUM_CODE）",
        "The join code (otherwise asked for; also PODIUM_CODE)",
        "加入码",
        "CODE",
    ),
    v(
        "join.outbox",
        "录入内容在主持人确认前存放的位置（默认：用户数据文件夹）",
        "Where entries wait until the host confirms them (default: the user's data folder)",
        "文件",
        "OUTBOX",
    ),
    // podium display
    e(
        "display",
        "大屏显示：跟随正在进行的会议，只读",
        "The stage display: follows a running meeting, read-only",
    ),
    v(
        "display.session",
        "会议记录文件、会议计划（用它最近的一场会议记录），或用 --serve 开放的会议的地址[:端口]",
        "The session file, a plan (its most recent session), or ADDR[:PORT] of a meeting served with --serve",
        "会议记录",
        "SESSION",
    ),
    e(
        "display.clock_only",
        "只显示大号倒计时，供发言人的显示器使用",
        "Only the big countdown, for a speaker's monitor",
    ),
    v(
        "display.ballots_url",
        "测评页面的地址（http://地址:端口），开放测评时显示在大屏的二维码里；默认读会议记录旁的加入文件，或所连会议的地址和 7374 端口",
        "The ballot page's address (http://ADDR:PORT), in the QR code the stage shows while voting is open; by default from the join file beside the session, or the served meeting's host at port 7374",
        "地址",
        "URL",
    ),
    v(
        "display.wifi",
        "会场无线网络，开放测评时在大屏上显示为 WIFI 二维码：名称:密码",
        "The venue's Wi-Fi, shown as a WIFI QR code on the stage while voting is open: SSID:PASSWORD",
        "名称:密码",
        "SSID:PASSWORD",
    ),
    // podium scores
    e(
        "scores",
        "把录入好的评分表（CSV/XLSX）加入会议记录",
        "Add typed-up score sheets (CSV/XLSX) to a session",
    ),
    v(
        "scores.session",
        "会议记录文件，或会议计划（用它最近的一场会议记录）",
        "The session file, or a plan (its most recent session)",
        "会议记录",
        "SESSION",
    ),
    v(
        "scores.file",
        "评分表、汇总票数或问卷导出（CSV 或 XLSX）",
        "The score sheet, ballot tally or questionnaire export (CSV or XLSX)",
        "文件",
        "FILE",
    ),
    v(
        "scores.group",
        "整份文件属于哪个测评票分组（文件中没有“分组/身份/类别”列时）",
        "The ballot group the whole file is from (when it has no 分组/身份/类别 column)",
        "组名",
        "NAME",
    ),
    // podium ballots
    e(
        "ballots",
        "发放、作废测评票，打印带二维码和测评码的测评票（DOCX）或导出票号与测评码（CSV）",
        "Issue and void anonymous ballots; print their slips with QR codes (DOCX) or write serials and codes (CSV)",
    ),
    v(
        "ballots.plan",
        "会议计划或会议记录",
        "The plan or the session",
        "计划",
        "PLAN",
    ),
    v(
        "ballots.groups",
        "本组共发放几张（补发到该数），格式 组名=张数（可重复）；不写时按计划中的 ballots",
        "Issue ballots up to this many for a group, NAME=N (repeatable); otherwise the plan's ballots",
        "组名=张数",
        "NAME=N",
    ),
    v(
        "ballots.void",
        "作废一张测评票（票号，如 领导-007；可重复）",
        "Void a ballot by its serial (领导-007; repeatable)",
        "票号",
        "SERIAL",
    ),
    v(
        "ballots.url",
        "测评页面的地址（http://地址:端口），印在二维码里；默认为本机现在的地址和 7374 端口",
        "Where the ballot page is served (http://ADDR:PORT), in the QR codes; by default this computer's address, port 7374",
        "地址",
        "URL",
    ),
    v(
        "ballots.wifi",
        "会场无线网络，印成 WIFI 二维码：名称:密码",
        "The venue's Wi-Fi, printed as a WIFI QR code: SSID:PASSWORD",
        "名称:密码",
        "SSID:PASSWORD",
    ),
    v(
        "ballots.output",
        "写入此文件（.docx 测评票或 .csv 票号与测评码）；从不覆盖已有文件",
        "The file to write (.docx slips or .csv serials and codes); an existing file is never replaced",
        "文件",
        "OUTPUT",
    ),
    v(
        "ballots.format",
        "输出格式：docx 测评票，csv 票号、测评码与链接（保密文件）",
        "docx slips, or csv serials, codes and links (a secret file)",
        "格式",
        "FORMAT",
    ),
    // podium tasks
    e(
        "tasks",
        "把任务清单（CSV/XLSX，如责任分解表）加入或更新到会议记录的任务台账",
        "Add or update a task list (CSV/XLSX) in a session's task ledger",
    ),
    v(
        "tasks.session",
        "会议记录文件，或会议计划（用它最近的一场会议记录；没有时新建）",
        "The session file, or a plan (its most recent session; a new one when it has none)",
        "会议记录",
        "SESSION",
    ),
    v(
        "tasks.file",
        "任务清单（CSV 或 XLSX）",
        "The task list (CSV or XLSX)",
        "文件",
        "FILE",
    ),
    // podium import
    e(
        "import",
        "由单位名单（CSV/XLSX）生成会议计划",
        "Make a plan from a unit list (CSV/XLSX)",
    ),
    v(
        "import.file",
        "单位名单（CSV 或 XLSX）",
        "The unit list (CSV or XLSX)",
        "文件",
        "FILE",
    ),
    v(
        "import.output",
        "写入此计划文件（否则输出到屏幕）",
        "The plan file to write (otherwise printed)",
        "文件",
        "OUTPUT",
    ),
    v(
        "import.title",
        "会议标题（否则取表格的标题行或文件名）",
        "The meeting's title (otherwise the sheet's title row or the file's name)",
        "标题",
        "TITLE",
    ),
    v(
        "import.reviewers",
        "评委名单（CSV 或 XLSX：姓名、职务、分组、回避；否则取名为“评委”的工作表）",
        "The reviewer list (CSV or XLSX: 姓名, 职务, 分组, 回避; otherwise the sheet named 评委)",
        "文件",
        "FILE",
    ),
    v(
        "import.criteria",
        "评分指标（CSV 或 XLSX：指标、满分、分组权重；否则取名为“指标”的工作表）",
        "The criteria (CSV or XLSX: 指标, 满分, 分组权重; otherwise the sheet named 指标)",
        "文件",
        "FILE",
    ),
    // podium plan
    e(
        "plan",
        "在终端表单中新建或编辑会议计划",
        "Make or edit a plan in a terminal form",
    ),
    v(
        "plan.action",
        "new：新建计划；edit：编辑已有的计划",
        "new: a new plan; edit: an existing plan",
        "操作",
        "ACTION",
    ),
    v(
        "plan.plan",
        "要编辑的计划文件（new 时为要写入的文件）",
        "The plan file to edit (with new: the file to write)",
        "计划",
        "PLAN",
    ),
    v(
        "plan.output",
        "写入此文件（默认：new 为 plan.json，edit 为所编辑的文件）",
        "The file to write (default: plan.json for new, the plan itself for edit)",
        "文件",
        "OUTPUT",
    ),
    // podium schema
    e(
        "schema",
        "输出会议计划文件的 JSON Schema",
        "Print the plan's JSON Schema",
    ),
];

/// The entry of a subcommand (`sub`, empty for `podium` itself) or of one of its arguments.
pub fn entry(sub: &str, arg: Option<&str>) -> Option<&'static Entry> {
    let key = match arg {
        None => sub.to_string(),
        Some(arg) => format!("{sub}.{arg}"),
    };
    ENTRIES.iter().find(|e| e.key == key).or_else(|| {
        let arg = arg?;
        let any = format!("*.{arg}");
        ENTRIES.iter().find(|e| e.key == any)
    })
}

/// The subcommands (`name`) and arguments (`name.id`) of `cmd` that have no entry; `cmd` is
/// `podium` itself, built (`Command::build`) so that clap's own help and version are there.
pub fn missing(cmd: &clap::Command) -> Vec<String> {
    let mut out = Vec::new();
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if entry("", Some(id)).is_none() {
            out.push(format!("podium.{id}"));
        }
    }
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        if entry(name, None).is_none() {
            out.push(name.to_string());
        }
        for arg in sub.get_arguments() {
            let id = arg.get_id().as_str();
            if entry(name, Some(id)).is_none() {
                out.push(format!("{name}.{id}"));
            }
        }
    }
    out
}

/// `podium`'s parser with every help text in `lang`: about and help of each subcommand and
/// argument from `ENTRIES`, the headings (usage, commands, arguments, options), the names of
/// values, and the possible and default values written by podium rather than clap. Anything
/// without an entry keeps clap's text.
///
/// Twice: before the command is built, so that clap, which decides then whether there is a
/// long help, sees none (`--help` is laid out as `-h`: one line an option); after it, for
/// what clap adds when it builds (`--help`, `--version`, the `help` subcommand) and for the
/// usage lines. `mut_args` and `mut_subcommands` keep the order (which a built command's
/// parser relies on); `mut_arg` and `mut_subcommand` would move the one changed to the end.
pub fn localize(cmd: clap::Command, lang: Lang) -> clap::Command {
    let each = |cmd: clap::Command, f: fn(clap::Command, &str, Lang) -> clap::Command| {
        f(cmd, "", lang).mut_subcommands(|c| {
            let sub = c.get_name().to_string();
            f(c, &sub, lang)
        })
    };
    let mut cmd = each(cmd, texts);
    cmd.build();
    each(cmd, finish)
}

/// The about of a (sub)command and the help of its arguments.
fn texts(mut cmd: clap::Command, sub: &str, lang: Lang) -> clap::Command {
    let h = &HEADINGS;
    if let Some(e) = entry(sub, None) {
        cmd = cmd.about(e.help.get(lang)).long_about(None);
    }
    if sub.is_empty() {
        cmd = cmd
            .about(h.about.get(lang))
            .long_about(None)
            .after_help(h.after_help.get(lang));
    }
    cmd.mut_args(|arg| localize_arg(arg, sub, lang))
}

/// Once built: the texts again (clap's own arguments are there now), the headings and the
/// usage line.
fn finish(cmd: clap::Command, sub: &str, lang: Lang) -> clap::Command {
    let h = &HEADINGS;
    let mut cmd = texts(cmd, sub, lang);
    cmd = cmd
        .subcommand_help_heading(h.commands.get(lang))
        .subcommand_value_name(h.command_placeholder.get(lang));
    // The usage line as clap makes it (with the names of values given above), with its
    // `[OPTIONS]` in `lang`.
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .trim_start()
        .strip_prefix("Usage:")
        .unwrap_or(&usage)
        .trim()
        .replace("[OPTIONS]", h.options_placeholder.get(lang));
    cmd.override_usage(usage).help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        h.usage.get(lang)
    ))
}

fn localize_arg(arg: clap::Arg, sub: &str, lang: Lang) -> clap::Arg {
    let h = &HEADINGS;
    let heading = if arg.is_positional() {
        h.arguments.get(lang)
    } else {
        h.options.get(lang)
    };
    let mut arg = arg.help_heading(heading);
    // Under a heading of its own clap sorts by display order, then by name: positional
    // arguments keep their order by their index.
    if arg.is_positional()
        && let Some(index) = arg.get_index()
    {
        arg = arg.display_order(index);
    }
    let Some(e) = entry(sub, Some(arg.get_id().as_str())) else {
        return arg;
    };
    let mut help = e.help.get(lang).to_string();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|p| !p.is_hide_set())
        .map(|p| p.get_name().to_string())
        .collect();
    // (Before the build the number of values is not known yet; the action is.)
    let takes_value = arg.get_action().takes_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    let mut notes = Vec::new();
    let shown = takes_value && !arg.is_positional();
    if shown && !defaults.is_empty() {
        notes.push(format!("{}: {}", h.default.get(lang), defaults.join(", ")));
    }
    if shown && !values.is_empty() {
        notes.push(format!(
            "{}: {}",
            h.possible_values.get(lang),
            values.join(", ")
        ));
    }
    if !notes.is_empty() {
        help = format!("{help} [{}]", notes.join("] ["));
    }
    let mut arg = arg.help(help).long_help(None);
    if takes_value {
        arg = arg.hide_possible_values(true).hide_default_value(true);
    }
    if let Some(value) = e.value
        && takes_value
    {
        arg = arg.value_name(value.get(lang));
    }
    arg
}
