//! End-to-end over the network: a host (`podium run --serve 127.0.0.1:0`) and note-takers
//! (`podium join`), all real processes in pseudo-terminals talking over 127.0.0.1. What the
//! note-takers type must reach the host's session exactly once, in the order typed, through
//! concurrent typing, crashes (SIGKILL) and a cut line (a TCP proxy in the test).
//!
//! Each test has its own folder, its own host on a port the system picks (read from the join
//! file `city-report.session.join`), and waits on conditions with timeouts, never on fixed
//! delays.

mod common {
    pub mod net;
    pub mod pty;
}

use common::net::{
    FIRST_UNIT, Host, Proxy, WAIT, event, join, marker_of, markers, poll, quit, read_session,
    remark_texts, type_remark, waiting_line,
};
use common::pty::Term;
use podium::session::Session;
use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

const PHRASES: [&str; 10] = [
    "财政收入结构需要优化",
    "税源培育措施要具体",
    "债务风险防控要加强",
    "民生支出保障到位",
    "预算执行进度偏慢",
    "绩效评价结果要运用",
    "非税收入占比偏高",
    "盘活存量资金有成效",
    "过紧日子要求要落实",
    "数据口径前后要一致",
];

/// Every remark in `s` by its text; panics when a text is there more than once.
fn once_each(s: &Session) -> HashSet<String> {
    let mut seen = HashSet::new();
    for r in &s.state().remarks {
        assert!(
            seen.insert(r.text.clone()),
            "“{}” is in the host's session more than once: {:#?}",
            r.text,
            remark_texts(s)
        );
    }
    seen
}

/// Checks `s` holds each of `typed` exactly once, entered by `name` on the first unit as a
/// note-taker's command (an id on its event, used once), in the order typed.
fn check_entered(s: &Session, name: &str, typed: &[String]) {
    let texts = once_each(s);
    for t in typed {
        assert!(
            texts.contains(t),
            "“{t}”, typed by {name}, is not in the host's session: {:#?}",
            remark_texts(s)
        );
    }
    let mut ids = HashSet::new();
    let mine: Vec<String> = s
        .state()
        .remarks
        .iter()
        .filter(|r| typed.contains(&r.text))
        .map(|r| {
            assert_eq!(r.by.as_deref(), Some(name), "who entered “{}”", r.text);
            assert_eq!(r.unit.as_deref(), Some(FIRST_UNIT), "{r:?}");
            let e = event(s, r.id);
            assert_eq!(e.by.as_deref(), Some(name), "{e:?}");
            let id = e.command.clone().expect("a note-taker's command id");
            assert!(ids.insert(id.clone()), "command id {id} used twice");
            r.text.clone()
        })
        .collect();
    assert_eq!(mine, typed, "{name}'s remarks in the host's order");
}

/// Waits until `t` shows `count` remarks on the first unit, all confirmed by the host: none
/// waiting (⏳), and connected. (The count first: keys sent may not have been read yet.)
fn wait_confirmed(t: &Term, count: usize) {
    let title = format!("点评 · {FIRST_UNIT} ({count})");
    t.wait_until(
        &format!("{title}, every remark confirmed (no ⏳)"),
        WAIT,
        |s| {
            s.contains(&title)
                && !s.contains('⏳')
                && !s.contains("待主持人确认")
                && s.contains("已连接主持人")
        },
    );
}

/// Waits until `t` shows nothing waiting for the host, and connected.
fn wait_nothing_waiting(t: &Term) {
    t.wait_until("nothing waiting for the host (no ⏳)", WAIT, |s| {
        !s.contains('⏳') && !s.contains("待主持人确认") && s.contains("已连接主持人")
    });
}

/// Waits until `text` was saved in the outbox at `path` and nothing in it waits for the host
/// any more (every saved command followed by its confirmation or refusal, as `podium join`
/// reads its outbox).
fn wait_outbox_settled(path: &Path, text: &str) {
    let settled = || {
        let body = std::fs::read_to_string(path).ok()?;
        let mut saved = false;
        let mut waiting: Vec<String> = Vec::new();
        for line in body.lines() {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            if let Some(id) = v["queued"]["id"].as_str() {
                saved |= v["queued"]["command"]["text"] == text;
                waiting.push(id.to_string());
            }
            for key in ["done", "refused"] {
                if let Some(id) = v[key]["id"].as_str() {
                    waiting.retain(|w| w != id);
                }
            }
        }
        (saved && waiting.is_empty()).then_some(())
    };
    poll(
        &format!("“{text}” saved and confirmed in {}", path.display()),
        WAIT,
        settled,
        || std::fs::read_to_string(path).unwrap_or_default(),
    );
}

/// Once the last of `typed` is saved in `outbox` (so the note-taker has read every key) and `t`
/// shows nothing waiting any more, the host's session must hold every one of `typed`: the
/// host confirms a remark only once it is on its disk.
fn confirmed_means_on_host(
    t: &Term,
    outbox: &Path,
    host: &Host,
    name: &str,
    typed: &[String],
) -> Session {
    wait_outbox_settled(outbox, typed.last().expect("a remark"));
    wait_nothing_waiting(t);
    let s = host.session();
    let have: HashSet<String> = remark_texts(&s).into_iter().collect();
    let missing: Vec<&String> = typed.iter().filter(|x| !have.contains(*x)).collect();
    assert!(
        missing.is_empty(),
        "{name}'s console shows every remark confirmed by the host, yet the host's session \
         lacks {missing:#?}\nthe host's session holds {:#?}\n{name}'s outbox:\n{}",
        remark_texts(&s),
        std::fs::read_to_string(outbox).unwrap_or_default()
    );
    check_entered(&s, name, typed);
    s
}

/// Waits until the host's session (read while it runs) holds every text in `texts`.
fn wait_host_has(host: &Host, texts: &[String]) -> Session {
    poll(
        &format!("{} remarks in the host's session", texts.len()),
        WAIT,
        || {
            let s = host.session();
            let have: HashSet<String> = remark_texts(&s).into_iter().collect();
            texts.iter().all(|t| have.contains(t)).then_some(s)
        },
        || format!("it holds {:#?}", remark_texts(&host.session())),
    )
}

/// Watches `path` (a note-taker's outbox) until `text` is in it: the moment the remark is
/// saved on the laptop. Polls every 0.2 ms, so that what comes next follows within a
/// millisecond or so.
fn wait_in_outbox(path: &Path, text: &str, also: Option<&str>) {
    let end = Instant::now() + WAIT;
    loop {
        if let Ok(body) = std::fs::read_to_string(path) {
            let found = match also {
                None => body.contains(text),
                // The line that says the host confirmed it (it follows the remark's own).
                Some(done) => body
                    .lines()
                    .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                    .filter(|v| v["queued"]["command"]["text"] == text)
                    .filter_map(|v| v["queued"]["id"].as_str().map(str::to_string))
                    .any(|id| {
                        body.lines()
                            .any(|l| l.contains(done) && l.contains(&format!("\"id\":\"{id}\"")))
                    }),
            };
            if found {
                return;
            }
        }
        assert!(
            Instant::now() < end,
            "“{text}” never got into {} (also {also:?})",
            path.display()
        );
        std::thread::sleep(Duration::from_micros(200));
    }
}

#[test]
fn three_notetakers_typing_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut host = Host::start(dir.path());
    let names = ["张三", "李四", "王五"];
    let mut takers: Vec<Term> = names
        .iter()
        .map(|n| {
            let outbox = dir.path().join(format!("{n}.outbox.jsonl"));
            join(dir.path(), &host.addr, n, &host.code, &outbox)
        })
        .collect();
    host.term.wait_for("已连接 3", WAIT);
    host.start_talk();
    for t in &takers {
        t.wait_for("汇报中", WAIT);
    }

    // Ten rounds; in each, every note-taker types one remark, without waiting for anything.
    let typed: Vec<Vec<String>> = names
        .iter()
        .enumerate()
        .map(|(k, n)| {
            (0..PHRASES.len())
                .map(|i| format!("{n}-{i:02} {}", PHRASES[(i + 3 * k) % PHRASES.len()]))
                .collect()
        })
        .collect();
    for i in 0..PHRASES.len() {
        for (t, mine) in takers.iter_mut().zip(&typed) {
            type_remark(t, &mine[i]);
        }
    }

    let all: Vec<String> = typed.iter().flatten().cloned().collect();
    let total = all.len();
    for t in &takers {
        wait_confirmed(t, total);
    }
    let s = wait_host_has(&host, &all);
    assert_eq!(s.state().remarks.len(), total, "{:#?}", remark_texts(&s));
    for (name, mine) in names.iter().zip(&typed) {
        check_entered(&s, name, mine);
    }

    // Every replica shows the host's order: the whole list fits in the remarks panel.
    let order: Vec<String> = s
        .state()
        .remarks
        .iter()
        .map(|r| marker_of(&r.text))
        .collect();
    let title = format!("点评 · {FIRST_UNIT} ({total})");
    for (name, t) in names.iter().zip(&takers) {
        t.wait_for(&title, WAIT);
        let shown = markers(&t.screen(), &names);
        assert_eq!(
            shown,
            order,
            "{name}'s screen shows the remarks in another order than the host's session:\n{}",
            t.screen()
        );
    }
    host.term.wait_for(&title, WAIT);
    assert_eq!(
        markers(&host.term.screen(), &names),
        order,
        "the host's screen:\n{}",
        host.term.screen()
    );

    // Everyone quits; the closed session says the same.
    for t in &mut takers {
        quit(t);
    }
    host.quit();
    let closed = read_session(&host.session_path());
    assert_eq!(remark_texts(&closed), remark_texts(&s));
    for (name, mine) in names.iter().zip(&typed) {
        check_entered(&closed, name, mine);
    }
}

/// How a round of `notetaker_killed_mid_send_loses_and_doubles_nothing` ends the note-taker.
#[derive(Debug, Clone, Copy)]
enum Kill {
    /// The moment the remark is in the outbox (most likely before it was sent).
    Saved,
    /// A few milliseconds later (on the wire, or decided by the host but not confirmed).
    SavedPlus(u64),
    /// Once the host's confirmation is in the outbox.
    Confirmed,
}

#[cfg(unix)]
#[test]
fn notetaker_killed_mid_send_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut host = Host::start(dir.path());
    host.start_talk();
    let name = "张三";
    let outbox = dir.path().join("张三.outbox.jsonl");
    let rounds = [
        Kill::Saved,
        Kill::SavedPlus(3),
        Kill::Confirmed,
        Kill::Saved,
        Kill::SavedPlus(10),
        Kill::Saved,
    ];
    let mut typed = Vec::new();
    for (i, kill) in rounds.iter().enumerate() {
        let mut t = join(dir.path(), &host.addr, name, &host.code, &outbox);
        t.wait_for("汇报中", WAIT);
        let text = format!("{name}-{i:02} {}", PHRASES[i]);
        type_remark(&mut t, &text);
        wait_in_outbox(&outbox, &text, None);
        match kill {
            Kill::Saved => {}
            Kill::SavedPlus(ms) => std::thread::sleep(Duration::from_millis(*ms)),
            Kill::Confirmed => wait_in_outbox(&outbox, &text, Some("\"done\"")),
        }
        t.sigkill();
        typed.push(text);
    }

    // Once more, to send what is still waiting; then a last remark typed normally.
    let mut t = join(dir.path(), &host.addr, name, &host.code, &outbox);
    let last = format!("{name}-{:02} {}", rounds.len(), PHRASES[rounds.len()]);
    type_remark(&mut t, &last);
    typed.push(last);
    let s = confirmed_means_on_host(&t, &outbox, &host, name, &typed);
    assert_eq!(
        s.state().remarks.len(),
        typed.len(),
        "{:#?}",
        remark_texts(&s)
    );
    wait_confirmed(&t, typed.len());

    quit(&mut t);
    host.quit();
    let closed = read_session(&host.session_path());
    check_entered(&closed, name, &typed);
    assert_eq!(closed.state().remarks.len(), typed.len());
}

#[test]
fn connection_cut_and_restored_through_a_proxy() {
    let dir = tempfile::tempdir().unwrap();
    let mut host = Host::start(dir.path());
    let proxy = Proxy::start(&host.addr);
    let via = proxy.addr.to_string();
    let name = "李四";
    let outbox = dir.path().join("李四.outbox.jsonl");
    let mut t = join(dir.path(), &via, name, &host.code, &outbox);
    host.start_talk();
    t.wait_for("汇报中", WAIT);
    let text = |i: usize| format!("{name}-{i:02} {}", PHRASES[i]);
    let mut typed = Vec::new();

    // Online: straight through.
    typed.push(text(0));
    type_remark(&mut t, &text(0));
    wait_confirmed(&t, typed.len());
    wait_host_has(&host, &typed);

    // The line is cut: three remarks wait on the laptop.
    proxy.cut();
    t.wait_for("未连接主持人", WAIT);
    for i in 1..=3 {
        typed.push(text(i));
        type_remark(&mut t, &text(i));
    }
    for i in 1..=3 {
        t.wait_for(&waiting_line(&text(i)), WAIT);
    }
    t.wait_for("待主持人确认 3 条", WAIT);
    assert!(t.screen().contains("未连接主持人"), "{}", t.screen());
    let s = host.session();
    assert_eq!(
        remark_texts(&s),
        [text(0)],
        "nothing can have reached the host"
    );

    // Restored: they arrive once, and nothing waits any more.
    let before = proxy.accepted();
    proxy.restore();
    wait_confirmed(&t, typed.len());
    assert!(proxy.accepted() > before, "the note-taker connected again");
    let s = wait_host_has(&host, &typed);
    check_entered(&s, name, &typed);
    assert_eq!(s.state().remarks.len(), typed.len());

    // The line drops in the middle of a remark: the host has it, the confirmation is lost.
    proxy.cut_after_next_command();
    typed.push(text(4));
    type_remark(&mut t, &text(4));
    poll(
        "the proxy to cut after forwarding the remark",
        WAIT,
        || (proxy.tripped() == 1).then_some(()),
        || format!("the note-taker shows:\n{}", t.screen()),
    );
    let s = wait_host_has(&host, &typed);
    check_entered(&s, name, &typed);
    t.wait_for("未连接主持人", WAIT);
    t.wait_for(&waiting_line(&text(4)), WAIT);
    // One more while the line is still cut.
    typed.push(text(5));
    type_remark(&mut t, &text(5));
    t.wait_for(&waiting_line(&text(5)), WAIT);
    t.wait_for("待主持人确认 2 条", WAIT);

    // Restored: the remark the host already has is confirmed, not entered again.
    proxy.restore();
    wait_confirmed(&t, typed.len());
    let s = wait_host_has(&host, &typed);
    check_entered(&s, name, &typed);
    assert_eq!(
        s.state().remarks.len(),
        typed.len(),
        "{:#?}",
        remark_texts(&s)
    );
    t.wait_for(&format!("点评 · {FIRST_UNIT} ({})", typed.len()), WAIT);

    quit(&mut t);
    host.quit();
    let closed = read_session(&host.session_path());
    check_entered(&closed, name, &typed);
    assert_eq!(closed.state().remarks.len(), typed.len());
    drop(proxy);
}

/// The plainest way to lose a remark: a note-taker who quits with nothing waiting and joins
/// again, twice. Each session's remarks must reach the host (their command ids must never
/// repeat one the host already carried out, or the host takes them for resends).
#[test]
fn rejoining_with_nothing_waiting_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut host = Host::start(dir.path());
    host.start_talk();
    let name = "王五";
    let outbox = dir.path().join("王五.outbox.jsonl");
    let mut typed = Vec::new();
    for (i, phrase) in PHRASES.iter().enumerate().take(3) {
        let mut t = join(dir.path(), &host.addr, name, &host.code, &outbox);
        t.wait_for("汇报中", WAIT);
        let text = format!("{name}-{i:02} {phrase}");
        type_remark(&mut t, &text);
        typed.push(text);
        confirmed_means_on_host(&t, &outbox, &host, name, &typed);
        quit(&mut t);
    }
    let s = host.session();
    check_entered(&s, name, &typed);
    assert_eq!(s.state().remarks.len(), typed.len());
    host.quit();
}
