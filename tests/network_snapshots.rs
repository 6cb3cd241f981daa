//! Snapshots of the note-taker's console (`podium join`) and of the host's connection list
//! (`c`), on a real host: a session in a temporary folder, a real `Server` on 127.0.0.1 and
//! real note-takers joined through the encrypted channel. The clock of every drawing is fixed;
//! the ports the operating system picks are written as `PORT`.

mod common {
    pub mod clock;
    pub mod screen;
}

use common::clock::{at, t0};
use common::screen::screen_text;
use podium::net::client::{self, JoinSpec, LinkState};
use podium::net::host::Server;
use podium::net::outbox::Outbox;
use podium::net::wire::Role;
use podium::planfile;
use podium::session::{Command, RemarkKind, Time};
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Mode, Options};
use podium::tui::ledger::Remote;
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use tempfile::TempDir;

const CODE: &str = "246810";

fn opts(lang: Lang) -> Options {
    Options {
        lang,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    }
}

/// A host serving data/city-report.json on 127.0.0.1, with a known join code.
fn host(dir: &Path, lang: Lang) -> App {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file).expect("plan readable");
    let plan = planfile::parse("city-report.json", &text, lang)
        .expect("plan valid")
        .plan;
    let path = dir.join("meeting.session.json");
    std::fs::write(
        dir.join("meeting.session.join"),
        format!(r#"{{"code":"{CODE}","meeting":"m-1","scores":false}}"#),
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
    assert_eq!(
        server.code(),
        CODE,
        "the code kept beside the session is used"
    );
    app.core.server = Some(server);
    app
}

fn addr(host: &App) -> String {
    host.core.server.as_ref().expect("serving").addrs[0].clone()
}

/// Joins `host` as `name`: the host's loop runs (pumping the network) until the note-taker's
/// channel is open and its `Welcome` arrived.
fn join(host: &mut App, dir: &Path, name: &str, now: Time, lang: Lang) -> App {
    let spec = JoinSpec {
        addr: addr(host),
        role: Role::Notetaker,
        name: name.to_string(),
        client: format!("laptop-{name}"),
        code: CODE.to_string(),
    };
    let joining = std::thread::spawn(move || client::open(spec, 0, podium::wallclock::now));
    while !joining.is_finished() {
        host.tick(now);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let link = joining.join().expect("thread").expect("joined");
    let outbox = Outbox::open(&dir.join(format!("outbox-{name}.jsonl"))).expect("outbox");
    App::remote(Remote::new(name.to_string(), link, outbox), opts(lang), now)
}

/// Runs both loops until `done` holds (or fails after 10 s).
fn settle(
    host: &mut App,
    notetakers: &mut [&mut App],
    now: Time,
    done: impl Fn(&App, &[&mut App]) -> bool,
) {
    let start = std::time::Instant::now();
    loop {
        host.tick(now);
        for n in notetakers.iter_mut() {
            n.tick(now);
        }
        if done(host, notetakers) {
            return;
        }
        assert!(start.elapsed().as_secs() < 10, "the network did not settle");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

fn draw(app: &App, now: Time, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| view::draw(f, app, now)).expect("draw");
    redact(&screen_text(terminal.backend().buffer()))
}

/// Ports and the note-takers' connection times are the operating system's and the wall
/// clock's: written as `PORT` and `HH:MM:SS`.
fn redact(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("127.0.0.1:") {
        let (head, tail) = rest.split_at(i + "127.0.0.1:".len());
        out.push_str(head);
        let digits = tail.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 {
            out.push_str("PORT");
            // Keep the columns: pad to the width of the number.
            out.push_str(&" ".repeat(digits.saturating_sub(4)));
            let cut = 4usize.saturating_sub(digits);
            let tail = &tail[digits..];
            let skip = tail.chars().take_while(|c| *c == ' ').count().min(cut);
            rest = &tail[skip..];
        } else {
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn type_text(app: &mut App, text: &str, now: Time) {
    for c in text.chars() {
        app.on_key(key(KeyCode::Char(c)), now);
    }
}

fn remark(text: &str) -> Command {
    Command::AddRemark {
        unit: Some("市财政局".into()),
        reviewer: "王局长".into(),
        text: text.into(),
        kind: RemarkKind::Remark,
    }
}

#[test]
fn notetaker_console_follows_the_host_and_shows_what_waits() {
    let dir = TempDir::new().expect("dir");
    let mut host = host(dir.path(), Lang::Zh);
    let mut zs = join(&mut host, dir.path(), "张三", at(0), Lang::Zh);
    // The laptop keeps the host's clock, not its own: the host said it is 09:00:00 (months
    // from this machine's date).
    let off = (zs.clock_now() - at(0)).num_milliseconds().abs();
    assert!(
        off < 2_000,
        "the note-taker's clock is {off} ms from the host's"
    );
    // The host starts the first talk; a remark of the host's own.
    assert!(host.execute(Command::ToggleTalk, at(5)));
    assert!(host.execute(remark("主持人录入的点评"), at(20)));
    settle(&mut host, &mut [&mut zs], at(21), |_, n| {
        n[0].session().state().remarks.len() == 1
    });
    // The note-taker types a remark in Chinese, exactly as on the host's console.
    zs.on_key(key(KeyCode::Char('r')), at(30));
    type_text(&mut zs, "财政收入结构需要进一步优化", at(31));
    zs.on_key(key(KeyCode::Enter), at(32));
    // Before the host has taken it in, it waits (shown with ⏳).
    for _ in 0..20 {
        zs.tick(at(33));
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert_eq!(
        zs.core.ledger.remote().expect("remote").waiting().count(),
        1
    );
    let waiting = draw(&zs, at(33), 100, 30);
    assert!(waiting.contains("⏳待确认"), "{waiting}");
    assert!(waiting.contains("待主持人确认 1 条"), "{waiting}");
    insta::assert_snapshot!("notetaker_waiting_zh", waiting);
    // The host takes it in: durable there, confirmed here, shown in the host's order.
    settle(&mut host, &mut [&mut zs], at(34), |h, n| {
        h.session().state().remarks.len() == 2
            && n[0].session().state().remarks.len() == 2
            && n[0].core.ledger.remote().expect("remote").waiting().count() == 0
    });
    let on_host: Vec<_> = host
        .session()
        .state()
        .remarks
        .iter()
        .map(|r| (r.text.clone(), r.by.clone()))
        .collect();
    let on_laptop: Vec<_> = zs
        .session()
        .state()
        .remarks
        .iter()
        .map(|r| (r.text.clone(), r.by.clone()))
        .collect();
    assert_eq!(on_host, on_laptop);
    assert_eq!(
        on_host[1].1.as_deref(),
        Some("张三"),
        "the remark records who entered it"
    );
    let screen = draw(&zs, at(95), 100, 30);
    assert!(!screen.contains("⏳"), "{screen}");
    assert!(
        screen.contains("01:30"),
        "the talk's time, as on the host: {screen}"
    );
    insta::assert_snapshot!("notetaker_live_zh", screen);
    // Host-only keys are refused on the note-taker's laptop, with the reason.
    zs.on_key(key(KeyCode::Char('n')), at(96));
    let refused = draw(&zs, at(96), 100, 30);
    assert!(refused.contains("只有主持人可以这样做"), "{refused}");
    assert_eq!(host.session().state().current.as_deref(), Some("市财政局"));
    // The menu (F10) lists only what works on a note-taker's laptop.
    zs.on_key(key(KeyCode::F(10)), at(97));
    let menu = draw(&zs, at(97), 100, 30);
    assert!(menu.contains("给选中的行添加点评"), "{menu}");
    assert!(!menu.contains("开始 / 暂停 / 继续当前汇报"), "{menu}");
    assert!(!menu.contains("公布结果"), "{menu}");
    zs.on_key(key(KeyCode::Esc), at(98));
    host.on_key(key(KeyCode::F(10)), at(98));
    let host_menu = draw(&host, at(98), 100, 30);
    assert!(
        host_menu.contains("开始 / 暂停 / 继续当前汇报"),
        "{host_menu}"
    );
}

#[test]
fn notetaker_console_in_english_when_the_host_is_gone() {
    let dir = TempDir::new().expect("dir");
    let mut host = host(dir.path(), Lang::En);
    let mut nt = join(&mut host, dir.path(), "Li", at(0), Lang::En);
    assert!(host.execute(Command::ToggleTalk, at(5)));
    settle(&mut host, &mut [&mut nt], at(6), |_, n| {
        n[0].session().state().running_unit().is_some()
    });
    // The host quits: the laptop keeps what is typed and says it is not connected.
    drop(host);
    let start = std::time::Instant::now();
    while nt.core.ledger.remote().expect("remote").link.state == LinkState::Online {
        nt.tick(at(7));
        assert!(
            start.elapsed().as_secs() < 20,
            "the lost connection was not noticed"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    nt.on_key(key(KeyCode::Char('t')), at(40));
    type_text(&mut nt, "Report back by Friday", at(41));
    nt.on_key(key(KeyCode::Enter), at(42));
    let screen = draw(&nt, at(60), 100, 30);
    assert!(screen.contains("not connected"), "{screen}");
    assert!(screen.contains("⏳waiting"), "{screen}");
    insta::assert_snapshot!("notetaker_offline_en", screen);
    // What was typed is on this laptop's disk.
    let outbox = std::fs::read_to_string(dir.path().join("outbox-Li.jsonl")).expect("outbox");
    assert!(outbox.contains("Report back by Friday"));
}

#[test]
fn host_connection_list() {
    let dir = TempDir::new().expect("dir");
    let mut host = host(dir.path(), Lang::Zh);
    let mut a = join(&mut host, dir.path(), "张三", at(0), Lang::Zh);
    let b = join(&mut host, dir.path(), "李四", at(10), Lang::Zh);
    assert!(a.execute(remark("第一条"), at(12)));
    settle(&mut host, &mut [&mut a], at(13), |h, _| {
        h.session().state().remarks.len() == 1
            && h.core
                .server
                .as_ref()
                .is_some_and(|s| s.peers.iter().all(|p| p.pending == 0))
    });
    host.on_key(key(KeyCode::Char('c')), at(20));
    assert!(matches!(host.mode(), Mode::Connections { .. }));
    let list = draw(&host, at(20), 100, 30);
    assert!(list.contains("加入码 246810"), "{list}");
    assert!(list.contains("张三") && list.contains("李四"), "{list}");
    insta::assert_snapshot!("host_connections_zh", list);
    // `s` opens score entry to note-takers, and they are told.
    host.on_key(key(KeyCode::Char('s')), at(21));
    assert!(host.core.server.as_ref().expect("serving").scores());
    let mut b = b;
    settle(&mut host, &mut [&mut b], at(22), |_, n| {
        n[0].core.ledger.remote().expect("remote").link.scores
    });
    // `d` asks first (No highlighted), then disconnects the selected note-taker.
    host.on_key(key(KeyCode::Down), at(23));
    host.on_key(key(KeyCode::Char('d')), at(23));
    let ask = draw(&host, at(23), 100, 30);
    assert!(ask.contains("断开 李四 的连接？"), "{ask}");
    host.on_key(key(KeyCode::Char('y')), at(24));
    assert_eq!(host.core.server.as_ref().expect("serving").peers.len(), 1);
    settle(&mut host, &mut [&mut b], at(25), |_, n| {
        matches!(
            n[0].core.ledger.remote().expect("remote").link.state,
            LinkState::Closed(_)
        )
    });
    let gone = draw(&b, at(26), 100, 30);
    assert!(gone.contains("主持人断开了你的连接"), "{gone}");
    // In private mode (a laptop mirrored to the room) the code is hidden.
    host.on_key(key(KeyCode::Esc), at(27));
    host.on_key(key(KeyCode::Char('p')), at(27));
    let private = draw(&host, at(27), 100, 30);
    assert!(!private.contains(CODE), "{private}");
    assert!(private.contains("••••••"), "{private}");
}
