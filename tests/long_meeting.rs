//! A simulated 8-hour meeting on a fake clock: 300 units, 20 reviewers × 5 criteria,
//! 5,000 remarks and 30,000 scores, driven through `store::Writer` command by command (the
//! meeting itself is in `common/long_meeting.rs`, shared with `benches/long_meeting.rs`,
//! which times it).
//!
//! What must hold at the end: every event is there once and in order; every remark, task,
//! score, talk time and result is right in the state and in the record; memory stays bounded
//! in structure — the snapshots empty the journal, so it never holds more than one unit's
//! events, and the session reopens from its file equal to what was in memory — and the
//! console still opens on it, draws, and takes a remark typed in the editor.
//!
//! No timing is asserted here (timings are the benchmark's). Two things keep this test
//! within reach of a debug build: the disk skips its device flushes (`NoSyncDisk`: every
//! write, rename and truncation still happens; the flushes are what `tests/store.rs` and
//! the crash campaign test), and the snapshots are the 300 that the unit changes write by
//! themselves plus the last one through `tick` (`Cadence::Units`), not one at every 2-s
//! deadline: each snapshot rewrites the whole session, up to 10 MB here, and the console's
//! cadence makes about 8,000 of them (the benchmark runs it).

mod common {
    pub mod long_meeting;
}

use common::long_meeting::{
    self as sim, CRITERIA, Cadence, LIMIT_SECONDS, NoSyncDisk, REMARKS, REVIEWERS, SCORES,
    TALK_SECONDS, UNITS,
};
use podium::session::record::Record;
use podium::session::{RemarkKind, Status};
use podium::store::{self, Writer};
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Mode, Options};
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One event per command, except: the first start also starts the meeting, and each `Next`
/// ends the talk and moves on (two events).
const EVENTS: usize = 1 + UNITS + REMARKS + SCORES + 2 * UNITS + 1;

#[test]
fn an_eight_hour_meeting_keeps_everything_and_the_journal_small() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let path = dir.path().join("long.session.json");
    let mut w = Writer::create(&path, sim::plan(), sim::t0()).expect("a new session");
    w.set_disk(Box::new(NoSyncDisk));

    // Halfway through, a reader (the stage display, a report) sees what the writer has.
    let mut checked_halfway = false;
    let stats = sim::run(&mut w, Cadence::Units, |w, i| {
        if i == sim::schedule_len() / 2 {
            let read = store::read(&path).expect("a reader opens the session mid-meeting");
            assert_eq!(
                read.events(),
                w.session().events(),
                "the reader sees every event"
            );
            checked_halfway = true;
        }
    });
    assert!(checked_halfway);
    let end = stats.end.expect("the meeting ran");
    assert_eq!(stats.commands, sim::schedule_len());

    // ---- every event once, in order ---------------------------------------------------
    let session = w.session();
    let events = session.events();
    assert_eq!(events.len(), EVENTS);
    for (i, e) in events.iter().enumerate() {
        assert_eq!(e.seq, i as u64 + 1, "seq counts from 1 without gaps");
    }
    assert!(
        events.windows(2).all(|p| p[0].at <= p[1].at),
        "event times never go back"
    );
    assert_eq!(
        (events[events.len() - 1].at - events[0].at).num_seconds(),
        UNITS as i64 * sim::UNIT_SECONDS,
        "eight hours of meeting"
    );

    // ---- the state ----------------------------------------------------------------------
    let st = session.state();
    assert!(st.is_ended());
    // Every tenth remark was entered as a task: it is a task of the ledger, not a remark.
    let (task_ks, remark_ks): (Vec<usize>, Vec<usize>) = (0..REMARKS).partition(|k| k % 10 == 9);
    assert_eq!(st.remarks.len(), remark_ks.len());
    assert_eq!(st.tasks.len(), REMARKS / 10);
    assert!(st.remarks.iter().all(|r| r.kind == RemarkKind::Remark));
    for (r, &k) in st.remarks.iter().zip(&remark_ks) {
        assert_eq!(r.text, sim::remark_text(k), "remark {k} in order, whole");
        assert_eq!(r.reviewer, sim::reviewer_name(k % REVIEWERS));
    }
    for (t, &k) in st.tasks.iter().zip(&task_ks) {
        assert_eq!(
            t.fields.text,
            sim::remark_text(k),
            "task {k} in order, whole"
        );
        assert_eq!(
            t.fields.assigned_by.as_deref(),
            Some(sim::reviewer_name(k % REVIEWERS).as_str())
        );
        assert!(t.fields.owner.is_some(), "owned by the unit it was said on");
    }
    for (u, unit) in st.units.iter().enumerate() {
        assert_eq!(unit.name, sim::unit_name(u));
        assert_eq!(unit.status(), Status::Done, "{}", unit.name);
        assert_eq!(unit.talk_seconds(end), TALK_SECONDS);
        assert_eq!(unit.overtime_seconds(end), TALK_SECONDS - LIMIT_SECONDS);
        for r in 0..REVIEWERS {
            for (c, criterion) in CRITERIA.iter().enumerate() {
                assert_eq!(
                    st.scores.value(&unit.name, &sim::reviewer_name(r), c),
                    Some(sim::score_of(u, r, c)),
                    "{} / {} / {criterion}",
                    unit.name,
                    sim::reviewer_name(r),
                );
            }
        }
    }

    // ---- the record ---------------------------------------------------------------------
    let record = Record::of(session, end);
    assert_eq!(record.units.len(), UNITS);
    assert_eq!(
        record.meeting.talk_seconds,
        UNITS as i64 * TALK_SECONDS,
        "the sum of the talk times"
    );
    assert_eq!(record.tasks.len(), REMARKS / 10);
    assert!(record.general_remarks.is_empty());
    let mut first = 0;
    for (u, unit) in record.units.iter().enumerate() {
        let said = first..first + sim::remarks_of(u);
        first = said.end;
        let remarks = said.filter(|k| k % 10 != 9).count();
        assert_eq!(unit.remarks.len(), remarks, "{}", unit.name);
        assert_eq!(unit.status, "done");
        assert_eq!(
            unit.scores.as_ref().map_or(0, |s| s.len()),
            REVIEWERS,
            "every reviewer's sheet"
        );
        let result = unit.result.as_ref().expect("a report unit has a result");
        assert!(result.score.is_some(), "{} has a score", unit.name);
        assert!(result.rank.is_some(), "{} is ranked", unit.name);
        assert_eq!(result.penalty, 0.0, "5 s over is inside the 10-s grace");
        assert_eq!(
            result.trimmed.as_ref().map_or(0, Vec::len),
            4,
            "one high and one low total dropped in each of the two groups"
        );
    }
    assert_eq!(record.ranking.len(), UNITS);
    let ranks: Vec<usize> = record.ranking.iter().filter_map(|r| r.rank).collect();
    assert_eq!(ranks.len(), UNITS, "every unit is ranked");
    assert_eq!(ranks.first(), Some(&1));
    assert!(ranks.windows(2).all(|p| p[0] <= p[1] && p[1] <= UNITS));

    // ---- bounded: the journal is emptied by the snapshots -------------------------------
    let one_unit = 2 + REMARKS / UNITS + 1 + REVIEWERS * CRITERIA.len();
    assert!(
        stats.max_journal_events <= one_unit,
        "the journal held {} events at most; one unit's are {one_unit}",
        stats.max_journal_events
    );
    assert!(
        stats.max_journal_bytes < 64 * 1024,
        "the journal grew to {} bytes",
        stats.max_journal_bytes
    );
    assert_eq!(
        std::fs::metadata(&w.paths().journal).map(|m| m.len()).ok(),
        Some(0),
        "after the last snapshot the journal is empty"
    );
    // The session file holds the events and the record: linear in the events.
    assert!(
        stats.session_bytes < (EVENTS * 400) as u64,
        "{} bytes for {EVENTS} events",
        stats.session_bytes
    );
    assert!(stats.snapshots >= UNITS, "{} snapshots", stats.snapshots);

    // ---- the file reopens equal ---------------------------------------------------------
    let in_memory = w.session().clone();
    w.close(end).expect("a clean close");
    let read = store::read(&path).expect("the session reads back");
    assert_eq!(read.events(), in_memory.events());
    assert_eq!(read.state(), in_memory.state());
    assert_eq!(read.plan(), in_memory.plan());
    let (w, report) = Writer::open(&path, end).expect("the session opens for writing");
    assert_eq!(report.replayed, 0, "nothing was left in a journal");
    assert!(!report.torn_tail);
    assert_eq!(w.session().events(), in_memory.events());

    // ---- the console opens on it, draws, and takes a remark -----------------------------
    let opts = Options {
        lang: Lang::Zh,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let mut app = App::new(w, opts, end);
    // A fresh terminal for every frame: the frame's own cells, not a diff over the last one.
    let draw = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("a test terminal");
        terminal
            .draw(|frame| view::draw(frame, app, end))
            .expect("a frame");
        terminal.backend().buffer().clone()
    };
    let key =
        |app: &mut App, code: KeyCode| app.on_key(KeyEvent::new(code, KeyModifiers::NONE), end);
    draw(&app);
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Char('r'));
    assert!(matches!(app.mode(), Mode::Editor(_)), "r opens the editor");
    for c in "会后一周内报送整改清单".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let frame = draw(&app);
    let text: String = frame.content().iter().map(|c| c.symbol().trim()).collect();
    assert!(
        text.contains("会后一周内报送整改清单"),
        "the typed text is on screen"
    );
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode(), Mode::Live), "the remark was saved");
    let st = app.session().state();
    assert_eq!(st.remarks.len(), REMARKS - REMARKS / 10 + 1);
    assert_eq!(
        st.remarks.last().map(|r| (r.unit.clone(), r.text.as_str())),
        Some((Some(sim::unit_name(UNITS - 1)), "会后一周内报送整改清单"))
    );
    let frame = draw(&app);
    let text: String = frame.content().iter().map(|c| c.symbol().trim()).collect();
    assert!(
        text.contains(&format!("({})", sim::remarks_of(UNITS - 1) + 1)),
        "the remarks panel counts the new remark beside the unit's remarks and tasks: {text}"
    );
    app.core.ledger.close(end).expect("close");
    assert_eq!(
        store::read(&path).expect("read").state().remarks.len(),
        REMARKS - REMARKS / 10 + 1
    );
}
