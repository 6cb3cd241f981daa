//! The host's disk fails while note-takers send: nothing is confirmed before it is on disk —
//! not a command, and not a resend of it either — and everything is confirmed once a
//! snapshot saves it. A real `Server` on 127.0.0.1 and a protocol client.

mod common {
    pub mod clock;
    pub mod full_disk;
}
use common::clock::{at, t0};
use common::full_disk::FullDisk;
use podium::net::client::{JoinSpec, connect};
use podium::net::wire::{self, Message, Role, ToHost};
use podium::net::{MAX_FROM_HOST, host::Server};
use podium::planfile;
use podium::session::{Command, RemarkKind, Time};
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Options};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

fn remark(text: &str) -> Command {
    Command::AddRemark {
        unit: Some("市财政局".into()),
        reviewer: "王局长".into(),
        text: text.into(),
        kind: RemarkKind::Remark,
    }
}

/// Pumps the host for a while and returns the first message for `conn` that is not a clock
/// or events, if any arrives.
fn answer(
    host: &mut App,
    rt: &tokio::runtime::Runtime,
    stream: &mut tokio::net::TcpStream,
    opener: &mut wire::Opener,
    now: Time,
    ms: u64,
) -> Option<Message> {
    let until = std::time::Instant::now() + std::time::Duration::from_millis(ms);
    while std::time::Instant::now() < until {
        host.tick(now);
        let frame = rt.block_on(async {
            tokio::time::timeout(
                std::time::Duration::from_millis(20),
                wire::read_frame(stream, MAX_FROM_HOST),
            )
            .await
        });
        if let Ok(Ok(frame)) = frame {
            match opener.open_json::<Message>(&frame) {
                Ok(Message::Clock { .. } | Message::Events { .. }) => {}
                Ok(m) => return Some(m),
                Err(e) => panic!("{e}"),
            }
        }
    }
    None
}

#[test]
fn nothing_is_confirmed_before_it_is_on_the_hosts_disk() {
    let dir = tempfile::tempdir().expect("dir");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/city-report.json"
    ))
    .expect("plan");
    let plan = planfile::parse("p", &text, Lang::Zh).expect("valid").plan;
    let path = dir.path().join("m.session.json");
    let mut writer = Writer::create(&path, plan, t0()).expect("created");
    // A disk with no room left.
    let budget = Arc::new(AtomicU64::new(0));
    writer.set_disk(Box::new(FullDisk {
        budget: budget.clone(),
    }));
    let opts = Options {
        lang: Lang::Zh,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let mut host = App::new(writer, opts, t0());
    let server = Server::start(
        "127.0.0.1:0",
        &path,
        host.core.ledger.writer().expect("the host's writer"),
        podium::wallclock::now,
    )
    .expect("serving");
    let spec = JoinSpec {
        addr: server.addrs[0].clone(),
        role: Role::Notetaker,
        name: "张三".into(),
        client: "laptop-1".into(),
        code: server.code().to_string(),
    };
    host.core.server = Some(server);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let open = |host: &mut App| {
        let spec = spec.clone();
        let joining = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            let (stream, channel, _) = rt.block_on(connect(&spec, 1)).expect("joined");
            (stream.into_std().expect("std stream"), channel)
        });
        while !joining.is_finished() {
            host.tick(at(1));
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let (stream, channel) = joining.join().expect("thread");
        let stream = rt.block_on(async { tokio::net::TcpStream::from_std(stream) });
        (stream.expect("stream"), channel)
    };
    let send = |rt: &tokio::runtime::Runtime,
                stream: &mut tokio::net::TcpStream,
                channel: &mut wire::Channel| {
        let frame = channel.sealer.seal_json(&ToHost::Command {
            id: "laptop-1-1".into(),
            command: remark("磁盘满时的点评"),
            pending: 1,
        });
        rt.block_on(wire::write_frame(stream, &frame))
            .expect("sent");
    };

    let (mut stream, mut channel) = open(&mut host);
    send(&rt, &mut stream, &mut channel);
    let first = answer(&mut host, &rt, &mut stream, &mut channel.opener, at(2), 600);
    assert_eq!(first, None, "confirmed while only in the host's memory");
    assert_eq!(host.core.ledger.unsaved(), 1);

    // The laptop reconnects and sends it again: still not confirmed.
    drop(stream);
    let (mut stream, mut channel) = open(&mut host);
    send(&rt, &mut stream, &mut channel);
    let again = answer(&mut host, &rt, &mut stream, &mut channel.opener, at(3), 600);
    assert_eq!(again, None, "a resend confirmed while only in memory");
    assert_eq!(host.session().state().remarks.len(), 1, "carried out once");

    // Room again: the retried snapshot saves it, and then it is confirmed.
    budget.store(u64::MAX / 2, Ordering::SeqCst);
    let saved = answer(
        &mut host,
        &rt,
        &mut stream,
        &mut channel.opener,
        at(10),
        3000,
    );
    assert!(
        matches!(saved, Some(Message::Ack { ref id, .. }) if id == "laptop-1-1"),
        "{saved:?}"
    );
    assert_eq!(host.core.ledger.unsaved(), 0);
    let on_disk = podium::store::read(&path).expect("read");
    assert_eq!(on_disk.state().remarks.len(), 1);
}
