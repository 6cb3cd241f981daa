//! Old meetings open unchanged, forever (docs/FORMAT.md, "Growing the formats").
//!
//! `tests/fixtures/corpus/` holds sessions and plans written by earlier podiums (podium 0.1:
//! session version 1, plan version 1; later files for what each version added: session
//! version 2's `elapsed_ms`, session version 3 and plan version 2's agenda kinds, session version 4
//! and plan version 3's task ledger, session version 5 and plan version 4's series (results of
//! the round before, categories, bands); the corpus README lists them), each frozen with the record it gave then: `NAME.session.json` (some with a
//! `NAME.session.journal` beside it) with `NAME.record.json`, and `NAME.plan.json` with
//! `NAME.plan.record.json` (the record of a meeting not yet started from that plan). Every
//! record is taken at the same moment, `NOW`, and is exactly what `podium report NAME.session.json
//! --format json` printed at that moment.
//!
//! The expected records are files, not computed: a change that alters any figure of an old
//! meeting fails here. Never edit or regenerate a corpus file to make this pass; fix the code.
//! A later podium adds new files for what it adds (see the corpus README).
//!
//! The record may grow: a field a later podium adds to the record is allowed, but every field
//! frozen here must still be there with the same value.

use chrono::{FixedOffset, TimeZone};
use podium::plan::PLAN_VERSION;
use podium::planfile;
use podium::session::record::Record;
use podium::session::{Session, Time};
use podium::store::{self, StoreError, Writer};
use podium::strings::Lang;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The moment every frozen record was taken: 2026-10-15 15:00:00 +08:00. (A talk still
/// running in a session counts up to it.)
fn now() -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 10, 15, 15, 0, 0)
        .single()
        .expect("time")
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// The corpus files whose names end in `suffix`, sorted.
fn named(suffix: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(corpus())
        .expect("tests/fixtures/corpus")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(suffix))
        .collect();
    names.sort();
    names
}

fn sessions() -> Vec<String> {
    let names = named(".session.json");
    assert!(names.len() >= 8, "the corpus lost sessions: {names:?}");
    names
}

fn plans() -> Vec<String> {
    let names = named(".plan.json");
    assert!(names.len() >= 7, "the corpus lost plans: {names:?}");
    names
}

fn frozen(name: &str) -> Value {
    let path = corpus().join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("tests/fixtures/corpus/{name}: {e} (every session and plan has its frozen record)")
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("tests/fixtures/corpus/{name}: {e}"))
}

fn record_of(session: &Session) -> Value {
    serde_json::to_value(Record::of(session, now())).expect("the record serialises")
}

fn key_path(path: &str, key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!("{path}.{key}")
    } else {
        format!("{path}[{key:?}]")
    }
}

/// The first place where `actual` is not `expected`, as a JSON path with both values.
/// Objects in `actual` may have keys `expected` has not (the record may grow); numbers compare
/// by value (`85` and `85.0` are the same figure).
fn first_difference(expected: &Value, actual: &Value, path: &str) -> Option<String> {
    let show = |v: &Value| serde_json::to_string(v).unwrap_or_default();
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e.iter().find_map(|(k, ev)| match a.get(k) {
            Some(av) => first_difference(ev, av, &key_path(path, k)),
            None => Some(format!(
                "{}: missing (expected {})",
                key_path(path, k),
                show(ev)
            )),
        }),
        (Value::Array(e), Value::Array(a)) => e
            .iter()
            .zip(a)
            .enumerate()
            .find_map(|(i, (ev, av))| first_difference(ev, av, &format!("{path}[{i}]")))
            .or_else(|| {
                (e.len() != a.len())
                    .then(|| format!("{path}: {} entries, expected {}", a.len(), e.len()))
            }),
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => None,
        _ if expected == actual => None,
        _ => Some(format!(
            "{path}: expected {}, got {}",
            show(expected),
            show(actual)
        )),
    }
}

/// Panics with every difference found, one line per file.
fn report(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "old meetings must open with the same figures (fix the code, never the corpus):\n{}",
        problems.join("\n")
    );
}

fn compare(file: &str, expected_file: &str, actual: &Value, how: &str) -> Option<String> {
    first_difference(&frozen(expected_file), actual, "$").map(|d| {
        format!("tests/fixtures/corpus/{file} ({how}) differs from {expected_file} at {d}")
    })
}

#[test]
fn every_old_session_opens_read_only_with_its_frozen_record() {
    let mut problems = Vec::new();
    for name in sessions() {
        let stem = name.trim_end_matches(".session.json");
        match store::read(&corpus().join(&name)) {
            Ok(session) => problems.extend(compare(
                &name,
                &format!("{stem}.record.json"),
                &record_of(&session),
                "read only",
            )),
            Err(e) => problems.push(format!("tests/fixtures/corpus/{name}: does not open: {e}")),
        }
    }
    report(problems);
}

#[test]
fn every_old_session_opened_and_closed_by_a_writer_keeps_its_record() {
    let mut problems = Vec::new();
    for name in sessions() {
        let stem = name.trim_end_matches(".session.json");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(&name);
        fs::copy(corpus().join(&name), &path).expect("copy the session");
        let journal = format!("{stem}.session.journal");
        if corpus().join(&journal).exists() {
            fs::copy(corpus().join(&journal), dir.path().join(&journal)).expect("copy the journal");
        }
        let before = store::read(&path).expect("the copy opens read-only");
        let opened = Writer::open(&path, now()).and_then(|(writer, _)| writer.close(now()));
        if let Err(e) = opened {
            problems.push(format!(
                "tests/fixtures/corpus/{name}: a writer cannot open and close it: {e}"
            ));
            continue;
        }
        let after = match store::read(&path) {
            Ok(s) => s,
            Err(e) => {
                problems.push(format!(
                    "tests/fixtures/corpus/{name}: after a writer's close it does not open: {e}"
                ));
                continue;
            }
        };
        if before.events() != after.events() {
            problems.push(format!(
                "tests/fixtures/corpus/{name}: a writer's open and close changed its events"
            ));
        }
        if before.plan() != after.plan() {
            problems.push(format!(
                "tests/fixtures/corpus/{name}: a writer's open and close changed its plan"
            ));
        }
        problems.extend(compare(
            &name,
            &format!("{stem}.record.json"),
            &record_of(&after),
            "after a writer's open and close",
        ));
    }
    report(problems);
}

#[test]
fn every_old_plan_checks_without_errors_and_keeps_its_figures() {
    let mut problems = Vec::new();
    for name in plans() {
        let text = fs::read_to_string(corpus().join(&name)).expect("a corpus plan is UTF-8");
        for lang in [Lang::En, Lang::Zh] {
            match planfile::parse(&name, &text, lang) {
                Ok(loaded) => {
                    let summary = podium::commands::check::summary(&loaded.plan, lang);
                    assert!(summary.contains(&loaded.plan.title), "{name}: {summary}");
                    if lang == Lang::En {
                        let stem = name.trim_end_matches(".plan.json");
                        problems.extend(compare(
                            &name,
                            &format!("{stem}.plan.record.json"),
                            &record_of(&Session::new(loaded.plan)),
                            "a meeting not yet started from it",
                        ));
                    }
                }
                Err(errors) => problems.push(format!(
                    "tests/fixtures/corpus/{name}: `podium check` refuses it:\n  {}",
                    errors.join("\n  ")
                )),
            }
        }
    }
    report(problems);
}

/// The corpus keeps covering what version 1 records: every event type, both scoring modes (a
/// later version may add sessions of other modes).
#[test]
fn the_corpus_covers_every_event_type_of_session_version_1() {
    const VERSION_1_EVENTS: [&str; 25] = [
        "meeting_started",
        "meeting_ended",
        "talk_started",
        "talk_paused",
        "talk_resumed",
        "talk_ended",
        "limit_adjusted",
        "unit_skipped",
        "unit_restored",
        "current_changed",
        "unit_moved",
        "unit_added",
        "unit_updated",
        "remark_added",
        "remark_edited",
        "remark_deleted",
        "score_set",
        "score_cleared",
        "grades_added",
        "results_published",
        "results_unlocked",
        "stage_message",
        "results_displayed",
        "results_revealed",
        "undone",
    ];
    let mut seen = BTreeSet::new();
    let mut by = false;
    let mut command = false;
    let mut modes = BTreeSet::new();
    for name in sessions() {
        let text = fs::read_to_string(corpus().join(&name)).expect("UTF-8");
        let file: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("JSON");
        let mode = file["plan"]["scoring"]["mode"].as_str().unwrap_or("points");
        modes.insert(mode.to_string());
        let mut events: Vec<Value> = file["events"].as_array().cloned().unwrap_or_default();
        let journal = corpus().join(name.replace(".session.json", ".session.journal"));
        if let Ok(lines) = fs::read_to_string(journal) {
            events.extend(lines.lines().filter_map(|l| serde_json::from_str(l).ok()));
        }
        for e in events {
            seen.insert(e["type"].as_str().unwrap_or_default().to_string());
            by |= e.get("by").is_some();
            command |= e.get("command").is_some();
        }
    }
    let missing: Vec<&str> = VERSION_1_EVENTS
        .iter()
        .copied()
        .filter(|k| !seen.contains(*k))
        .collect();
    assert!(missing.is_empty(), "no corpus session records {missing:?}");
    assert!(by && command, "note-takers' entries (`by`, `command`)");
    assert!(
        modes.contains("grades") && modes.contains("points"),
        "both scoring modes of version 1: {modes:?}"
    );
}

/// The corpus keeps a session of version 5 with what it added: the round before's results
/// copied with the link and again, shown on the stage, and a record with the series' figures.
#[test]
fn the_corpus_covers_the_series_of_session_version_5() {
    let mut seen = BTreeSet::new();
    let mut linked_with_results = false;
    for name in sessions() {
        let text = fs::read_to_string(corpus().join(&name)).expect("UTF-8");
        let file: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("JSON");
        for e in file["events"].as_array().cloned().unwrap_or_default() {
            let kind = e["type"].as_str().unwrap_or_default().to_string();
            linked_with_results |= kind == "previous_linked" && e["results"].is_object();
            seen.insert(kind);
        }
    }
    assert!(linked_with_results, "no corpus session links with results");
    for kind in ["previous_results_copied", "previous_displayed"] {
        assert!(seen.contains(kind), "no corpus session records {kind}");
    }
    let record = frozen("series.record.json");
    let changes: Vec<&Value> = record["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| &u["result"]["rank_change"])
        .collect();
    assert!(changes.iter().any(|c| c.as_i64().is_some_and(|c| c > 0)));
    assert!(changes.iter().any(|c| c.as_i64().is_some_and(|c| c < 0)));
    assert!(changes.iter().any(|c| c.is_null()));
}

#[test]
fn the_corpus_stays_small() {
    let total: u64 = fs::read_dir(corpus())
        .expect("the corpus")
        .map(|e| e.expect("an entry").metadata().expect("its size").len())
        .sum();
    assert!(
        total < 1_000_000,
        "tests/fixtures/corpus/ holds {total} bytes"
    );
}

// ---- newer files ----------------------------------------------------------------------------

/// A session as a podium one version ahead would write it: a higher `version`, an event type,
/// a top-level field and a plan field this podium does not know.
fn newer_session_text() -> String {
    let text = fs::read_to_string(corpus().join("minimal.session.json")).expect("minimal");
    let mut file: Value = serde_json::from_str(&text).expect("JSON");
    let newer = u64::from(store::VERSION) + 1;
    file["version"] = Value::from(newer);
    file["links"] = serde_json::json!([{"meeting": "2026-Q2.session.json"}]);
    file["plan"]["agenda"] = serde_json::json!([{"kind": "vote"}]);
    file["events"] = serde_json::json!([
        {"seq": 1, "at": "2026-01-05T10:00:00+08:00", "type": "meeting_started"},
        {"seq": 2, "at": "2026-01-05T10:01:00+08:00", "type": "ballot_cast", "ballot": "b1"}
    ]);
    serde_json::to_string_pretty(&file).expect("JSON")
}

fn assert_names_both_versions(message: &str, newer: u64, ours: u32, what: &str) {
    assert!(
        message.contains(&format!("{what} version {newer}")),
        "{message}"
    );
    assert!(
        message.contains(&format!("this podium reads {what} version {ours}")),
        "{message}"
    );
    assert!(message.contains("newer podium"), "{message}");
    assert!(
        !message.to_lowercase().contains("unknown"),
        "refused by a name, not by its version: {message}"
    );
}

#[test]
fn a_session_from_a_newer_podium_is_refused_by_its_version_untouched() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("next.session.json");
    let text = newer_session_text();
    fs::write(&path, &text).expect("write");
    let newer = u64::from(store::VERSION) + 1;

    let read = store::read(&path).expect_err("a newer session is refused");
    assert!(
        matches!(read, StoreError::NewerVersion { version, .. } if version == newer),
        "{read:?}"
    );
    assert_names_both_versions(&read.to_string(), newer, store::VERSION, "session");

    // The same with a journal whose lines this podium cannot read (a newer event, then a
    // known one): the version decides, not the journal.
    let journal = dir.path().join("next.session.journal");
    let lines = "{\"seq\":3,\"at\":\"2026-01-05T10:02:00+08:00\",\"type\":\"ballot_closed\"}\n\
                 {\"seq\":4,\"at\":\"2026-01-05T10:03:00+08:00\",\"type\":\"meeting_ended\"}\n";
    fs::write(&journal, lines).expect("write");
    let open = Writer::open(&path, now())
        .err()
        .expect("a writer is refused too");
    assert!(matches!(open, StoreError::NewerVersion { .. }), "{open:?}");
    assert_names_both_versions(&open.to_string(), newer, store::VERSION, "session");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        text,
        "never rewritten"
    );
    assert_eq!(fs::read_to_string(&journal).expect("read"), lines);

    // A newer file that happens to parse (only its version is new) is refused the same way.
    let minimal = fs::read_to_string(corpus().join("minimal.session.json")).expect("minimal");
    // (The corpus file says the version that wrote it, 1, not this podium's.)
    let bumped = minimal.replacen("\"version\": 1", &format!("\"version\": {newer}"), 1);
    assert_ne!(bumped, minimal);
    fs::write(&path, &bumped).expect("write");
    fs::remove_file(&journal).expect("remove");
    let e = store::read(&path).expect_err("refused");
    assert_names_both_versions(&e.to_string(), newer, store::VERSION, "session");

    // `podium report` says the same sentence and exits non-zero.
    fs::write(&path, &text).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["report", "--lang", "en", "--format", "json"])
        .arg(&path)
        .output()
        .expect("podium report runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_names_both_versions(&stderr, newer, store::VERSION, "session");
}

#[test]
fn a_damaged_line_in_a_journal_of_this_version_is_named_as_damage() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("m.session.json");
    fs::copy(corpus().join("minimal.session.json"), &path).expect("copy");
    let journal = dir.path().join("m.session.journal");
    fs::write(
        &journal,
        "{\"seq\":1,\"at\":\"2026-01-05T10:02:00+08:00\",\"type\":\"ballot_closed\"}\n\
         {\"seq\":2,\"at\":\"2026-01-05T10:03:00+08:00\",\"type\":\"meeting_started\"}\n",
    )
    .expect("write");
    let e = store::read(&path).expect_err("damage is refused");
    assert!(
        matches!(e, StoreError::JournalCorrupt { line: 1, .. }),
        "{e:?}"
    );
    let message = e.to_string();
    assert!(message.contains("m.session.journal:1"), "{message}");
    assert!(message.contains("damaged"), "{message}");
}

#[test]
fn a_plan_from_a_newer_podium_is_refused_by_its_version() {
    let newer = u64::from(PLAN_VERSION) + 1;
    let text = fs::read_to_string(corpus().join("trim.plan.json")).expect("trim");
    let text = text.replacen(
        "{\n",
        &format!("{{\n  \"version\": {newer},\n  \"agenda\": [{{\"kind\": \"vote\"}}],\n"),
        1,
    );
    for lang in [Lang::En, Lang::Zh] {
        let errors = planfile::parse("next.plan.json", &text, lang).expect_err("refused");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("next.plan.json:2:"), "{}", errors[0]);
        assert!(
            errors[0].contains(&newer.to_string()) && errors[0].contains(&PLAN_VERSION.to_string()),
            "{}",
            errors[0]
        );
        assert!(
            !errors[0].to_lowercase().contains("unknown"),
            "{}",
            errors[0]
        );
    }
    let errors = planfile::parse("next.plan.json", &text, Lang::En).expect_err("refused");
    assert_names_both_versions(&errors[0], newer, PLAN_VERSION, "plan");

    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("next.plan.json");
    fs::write(&path, &text).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["check", "--lang", "en"])
        .arg(&path)
        .output()
        .expect("podium check runs");
    assert!(!out.status.success());
    assert_names_both_versions(
        &String::from_utf8_lossy(&out.stderr),
        newer,
        PLAN_VERSION,
        "plan",
    );
}
