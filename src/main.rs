//! The `podium` command line: parses arguments and hands them to one command.

use clap::{Parser, Subcommand};
use podium::commands::{self, ReportFormat};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "podium",
    version,
    about = "Runs a live report meeting: agenda, talk timer, remarks, scores, ranking.\n运行工作汇报会：议程、计时、点评、评分、排名。",
    after_help = "Without a command, podium runs its built-in demo meeting."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run a meeting from a plan or resume a session (运行或继续一场会议)
    Run(commands::run::RunArgs),
    /// Check a plan and summarise it (检查会议计划)
    Check {
        plan: PathBuf,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Print a session's record (json), minutes (md), ranking (csv) or workbook (xlsx) (导出)
    Report {
        session: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: ReportFormat,
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long)]
        lang: Option<String>,
    },
    /// A note-taker's console: join a served meeting over the network (记录员加入)
    Join(commands::join::JoinArgs),
    /// The stage display: follows a running meeting, read-only (大屏显示)
    Display {
        /// The session file, or ADDR[:PORT] of a meeting served with --serve
        session: PathBuf,
        /// The join code, for a served meeting (otherwise asked for; also PODIUM_CODE)
        #[arg(long)]
        code: Option<String>,
        #[arg(long)]
        lang: Option<String>,
        /// Lay out East Asian ambiguous-width characters as wide
        #[arg(long)]
        wide_ambiguous: bool,
        /// Only the big countdown, for a speaker's monitor
        #[arg(long)]
        clock_only: bool,
    },
    /// Add typed-up score sheets (CSV/XLSX) to a session (导入评分表)
    Scores {
        session: PathBuf,
        file: PathBuf,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Make a plan from a unit list (CSV/XLSX) (由单位名单生成会议计划)
    Import {
        file: PathBuf,
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Print the plan's JSON Schema (输出计划文件的 JSON Schema)
    Schema,
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
    let cli = Cli::parse();
    let result = match cli.command {
        None => commands::run::run(commands::run::RunArgs::demo()),
        Some(Cmd::Run(args)) => commands::run::run(args),
        Some(Cmd::Check { plan, lang }) => commands::check::run(&plan, lang.as_deref()),
        Some(Cmd::Report {
            session,
            format,
            output,
            lang,
        }) => commands::report::run(&session, format, output.as_deref(), lang.as_deref()),
        Some(Cmd::Scores {
            session,
            file,
            lang,
        }) => commands::scores::run(&session, &file, lang.as_deref()),
        Some(Cmd::Import {
            file,
            output,
            title,
            lang,
        }) => commands::import::run(&file, output.as_deref(), title.as_deref(), lang.as_deref()),
        Some(Cmd::Schema) => commands::schema::run(),
        Some(Cmd::Join(args)) => commands::join::run(args),
        Some(Cmd::Display {
            session,
            code,
            lang,
            wide_ambiguous,
            clock_only,
        }) => commands::display::run(
            &session,
            code.as_deref(),
            lang.as_deref(),
            wide_ambiguous,
            clock_only,
        ),
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
