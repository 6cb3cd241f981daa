//! The `podium` command line: parses arguments and hands them to one command.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use podium::commands::{self, ReportFormat};
use podium::strings::{Choice, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "podium",
    version,
    about = podium::strings::cli::ABOUT,
    after_help = podium::strings::cli::AFTER_HELP
)]
struct Cli {
    /// The language of messages and reports (otherwise from LC_ALL, LC_MESSAGES or LANG)
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run a meeting from a plan or resume a session (运行或继续一场会议)
    Run(commands::run::RunArgs),
    /// The built-in demo meeting (内置的演示会议)
    Demo {
        /// No terminal bell at the warning and at time up
        #[arg(long)]
        quiet: bool,
        /// Lay out East Asian ambiguous-width characters as wide
        #[arg(long)]
        wide_ambiguous: bool,
    },
    /// List the sessions of a plan, newest first (列出一个计划的各场会议记录)
    Sessions { plan: PathBuf },
    /// Check a plan and summarise it (检查会议计划)
    Check { plan: PathBuf },
    /// Print a session's record (json), minutes (md), ranking (csv) or workbook (xlsx) (导出)
    Report {
        session: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: ReportFormat,
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// For circulation (通报): no rater's score or name
        #[arg(long)]
        public: bool,
        /// Which document --format docx writes
        #[arg(long, value_enum, default_value = "minutes")]
        doc: podium::report::DocKind,
    },
    /// A note-taker's console: join a served meeting over the network (记录员加入)
    Join(commands::join::JoinArgs),
    /// The stage display: follows a running meeting, read-only (大屏显示)
    Display(commands::display::DisplayArgs),
    /// Add typed-up score sheets (CSV/XLSX) to a session (导入评分表)
    Scores {
        session: PathBuf,
        file: PathBuf,
        /// The ballot group of the whole file
        #[arg(long)]
        group: Option<String>,
    },
    /// Issue, void and print anonymous ballots (测评票)
    Ballots(commands::ballots::BallotsArgs),
    /// Print score sheets to fill in on paper (XLSX/DOCX) (打印评分表)
    Sheets(commands::sheets::SheetsArgs),
    /// Add or update a task list (CSV/XLSX) in a session's task ledger (导入任务清单)
    Tasks { session: PathBuf, file: PathBuf },
    /// Make a plan from a unit list (CSV/XLSX) (由单位名单生成会议计划)
    Import {
        file: PathBuf,
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        reviewers: Option<PathBuf>,
        #[arg(long)]
        criteria: Option<PathBuf>,
    },
    /// Print the plan's JSON Schema (输出计划文件的 JSON Schema)
    Schema,
    /// Make or edit a plan in a terminal form (在终端表单中新建或编辑会议计划)
    Plan {
        #[arg(value_enum)]
        action: commands::plan::PlanAction,
        plan: Option<PathBuf>,
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Lay out East Asian ambiguous-width characters as wide
        #[arg(long)]
        wide_ambiguous: bool,
    },
}

fn main() -> ExitCode {
    // A panic while reading an untrusted workbook is caught and reported as a damaged file;
    // it prints nothing of its own.
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some(podium::import::GUARD_THREAD) {
            default(info);
        }
    }));
    // `--help` in the user's language: the parser gets its texts before it parses.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let help_lang = podium::strings::help::help_lang(&args);
    let mut parser = podium::strings::help::localize(Cli::command(), help_lang);
    let cli = match parser
        .try_get_matches_from_mut(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => e.format(&mut parser).exit(),
    };
    // The user's language (--lang, PODIUM_LANG, the locale), else each command's file's.
    let choice = match Choice::of_user(cli.lang) {
        Ok(choice) => choice,
        Err(e) => {
            eprintln!("podium: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        None => commands::run::run(commands::run::RunArgs::demo(), choice),
        Some(Cmd::Run(args)) => commands::run::run(args, choice),
        Some(Cmd::Demo {
            quiet,
            wide_ambiguous,
        }) => commands::run::run(
            commands::run::RunArgs {
                quiet,
                wide_ambiguous,
                ..commands::run::RunArgs::demo()
            },
            choice,
        ),
        Some(Cmd::Sessions { plan }) => commands::sessions::run(&plan, choice),
        Some(Cmd::Check { plan }) => commands::check::run(&plan, choice),
        Some(Cmd::Report {
            session,
            format,
            output,
            public,
            doc,
        }) => commands::report::run(&session, format, output.as_deref(), public, doc, choice),
        Some(Cmd::Sheets(args)) => commands::sheets::run(args, choice),
        Some(Cmd::Scores {
            session,
            file,
            group,
        }) => commands::scores::run(&session, &file, group.as_deref(), choice),
        Some(Cmd::Ballots(args)) => commands::ballots::run(args, choice),
        Some(Cmd::Tasks { session, file }) => commands::tasks::run(&session, &file, choice),
        Some(Cmd::Import {
            file,
            output,
            title,
            reviewers,
            criteria,
        }) => commands::import::run(
            &file,
            output.as_deref(),
            title.as_deref(),
            commands::import::Sources {
                reviewers: reviewers.as_deref(),
                criteria: criteria.as_deref(),
            },
            choice,
        ),
        Some(Cmd::Schema) => commands::schema::run(),
        Some(Cmd::Plan {
            action,
            plan,
            output,
            wide_ambiguous,
        }) => commands::plan::run(
            action,
            plan.as_deref(),
            output.as_deref(),
            choice,
            wide_ambiguous,
        ),
        Some(Cmd::Join(args)) => commands::join::run(args, choice),
        Some(Cmd::Display(args)) => commands::display::run(args, choice),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            for line in e.lines() {
                eprintln!("podium: {line}");
            }
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Every subcommand and argument of the parser has its help in both languages in
    /// src/strings/help.rs: one added without it fails here (and `--help` in Chinese would
    /// show its English doc comment).
    #[test]
    fn every_subcommand_and_argument_has_its_help_in_both_languages() {
        let mut cmd = super::Cli::command();
        cmd.build();
        let missing = podium::strings::help::missing(&cmd);
        assert!(
            missing.is_empty(),
            "no entry in src/strings/help.rs (ENTRIES) for: {missing:?}"
        );
    }
}
