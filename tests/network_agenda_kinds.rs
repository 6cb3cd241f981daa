//! A note-taker's console (`podium join`) lists the agenda as the host's console does, each
//! item with its kind: the plan's speech, briefing, written item and comments, and a speech the
//! host adds live. A real host (`Server` on 127.0.0.1) and a real note-taker joined through
//! the encrypted channel; both consoles drawn at the same fixed clock.

mod common {
    pub mod clock;
    pub mod screen;
}

use common::clock::{at, t0};
use common::screen::screen_text;
use podium::net::client::{self, JoinSpec};
use podium::net::host::Server;
use podium::net::outbox::Outbox;
use podium::net::wire::Role;
use podium::plan::UnitKind;
use podium::planfile;
use podium::session::{Command, Time};
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Options};
use podium::tui::ledger::Remote;
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

const CODE: &str = "864202";

/// Four 汇报单位 and an item of every other kind.
const PLAN: &str = r#"{
  "title": "全市工作会议",
  "units": [
    {"name": "传达学习", "kind": "briefing", "minutes": 5, "presenter": "办公室主任"},
    {"name": "市财政局", "presenter": "党组书记", "role": "局长"},
    {"name": "安全通报", "kind": "written"},
    {"name": "市税务局", "presenter": "党委书记", "role": "局长"},
    {"name": "市人社局"},
    {"name": "市发改局"},
    {"name": "集中点评", "kind": "comments", "minutes": 15},
    {"name": "书记讲话", "kind": "speech", "minutes": 20, "presenter": "市委书记"}
  ],
  "reviewers": [{"name": "常务副市长"}]
}"#;

const LIVE_SPEECH: &str = "市长讲话";

fn opts(lang: Lang) -> Options {
    Options {
        lang,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    }
}

/// A host serving `PLAN` on 127.0.0.1, with a known join code.
fn host(dir: &Path, lang: Lang) -> App {
    let plan = planfile::parse("kinds.json", PLAN, lang)
        .unwrap_or_else(|e| panic!("plan invalid: {e:?}"))
        .plan;
    let path = dir.join("kinds.session.json");
    std::fs::write(
        dir.join("kinds.session.join"),
        format!(r#"{{"code":"{CODE}","meeting":"m-kinds","scores":false}}"#),
    )
    .expect("join file");
    let writer = Writer::create(&path, plan, t0()).expect("session created");
    let mut app = App::new(writer, opts(lang), t0());
    let server = Server::start(
        "127.0.0.1:0",
        &path,
        app.core.ledger.writer().expect("host"),
        podium::wallclock::now,
    )
    .expect("server started");
    app.core.server = Some(server);
    app
}

/// Joins `host` as a note-taker: the host's loop runs until the `Welcome` arrived.
fn join(host: &mut App, dir: &Path, now: Time, lang: Lang) -> App {
    let spec = JoinSpec {
        addr: host.core.server.as_ref().expect("serving").addrs[0].clone(),
        role: Role::Notetaker,
        name: "张三".into(),
        client: "laptop-zs".into(),
        code: CODE.into(),
    };
    let joining = std::thread::spawn(move || client::open(spec, 0, podium::wallclock::now));
    while !joining.is_finished() {
        host.tick(now);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let link = joining.join().expect("thread").expect("joined");
    let outbox = Outbox::open(&dir.join("outbox-zs.jsonl")).expect("outbox");
    App::remote(Remote::new("张三".into(), link, outbox), opts(lang), now)
}

/// Runs both loops until the note-taker has every event of the host (or fails after 20 s).
fn settle(host: &mut App, notetaker: &mut App, now: Time) {
    let start = std::time::Instant::now();
    while notetaker.session().last_seq() < host.session().last_seq() {
        host.tick(now);
        notetaker.tick(now);
        assert!(start.elapsed().as_secs() < 20, "the network did not settle");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

fn draw(app: &App, now: Time) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| view::draw(f, app, now)).expect("draw");
    screen_text(terminal.backend().buffer())
}

/// The agenda's row of `item`: the text of the left panel on the first row naming it, without
/// the selection mark.
fn agenda_row(screen: &str, item: &str) -> Option<String> {
    screen.lines().find_map(|line| {
        let panel = line.split('│').nth(1)?;
        panel
            .contains(item)
            .then(|| panel.replacen('>', " ", 1).trim_end().to_string())
    })
}

fn kinds(app: &App) -> Vec<(String, UnitKind)> {
    app.session()
        .state()
        .units
        .iter()
        .map(|u| (u.name.clone(), u.kind))
        .collect()
}

#[test]
fn a_notetaker_lists_every_item_with_its_kind_as_the_host_does() {
    for lang in [Lang::Zh, Lang::En] {
        let dir = tempfile::tempdir().expect("dir");
        let mut host = host(dir.path(), lang);
        let mut zs = join(&mut host, dir.path(), at(0), lang);
        // A leader decides to speak on the spot: the host adds a speech.
        assert!(host.execute(
            Command::AddUnit {
                name: LIVE_SPEECH.into(),
                presenter: Some("市长".into()),
                role: None,
                minutes: Some(10.0),
                kind: Some(UnitKind::Speech),
            },
            at(5),
        ));
        settle(&mut host, &mut zs, at(6));
        assert_eq!(kinds(&zs), kinds(&host));
        assert_eq!(
            zs.session().state().unit(LIVE_SPEECH).map(|u| u.kind),
            Some(UnitKind::Speech)
        );
        let (h, n) = (draw(&host, at(6)), draw(&zs, at(6)));
        for item in [
            "传达学习",
            "市财政局",
            "安全通报",
            "市税务局",
            "集中点评",
            "书记讲话",
            LIVE_SPEECH,
        ] {
            let on_host =
                agenda_row(&h, item).unwrap_or_else(|| panic!("{item} on the host's agenda:\n{h}"));
            let on_laptop = agenda_row(&n, item)
                .unwrap_or_else(|| panic!("{item} on the note-taker's agenda:\n{n}"));
            assert_eq!(
                on_laptop, on_host,
                "{item} ({lang:?}) on the note-taker's console and the host's:\n{n}\n{h}"
            );
        }
        // Each item's kind, in the words of the host's agenda.
        for (item, kind) in [
            ("传达学习", UnitKind::Briefing),
            ("安全通报", UnitKind::Written),
            ("集中点评", UnitKind::Comments),
            ("书记讲话", UnitKind::Speech),
            (LIVE_SPEECH, UnitKind::Speech),
        ] {
            let row = agenda_row(&n, item).expect("listed");
            let word = podium::strings::console::kind_name(lang, kind);
            assert!(
                row.split_whitespace().any(|w| w == word),
                "{item}: “{word}” on the note-taker's row: {row}"
            );
        }
    }
}
