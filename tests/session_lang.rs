//! The language follows the user, then the meeting: what a locale names, what a plan is
//! written in, and the language a session remembers (its file's optional `"lang"`, written by
//! the writer, read back, absent from old files and passed over when unknown).
//! The order with the environment (flag > PODIUM_LANG > locale > session > plan) is tested on
//! the binary in tests/cli_lang.rs.

use chrono::{FixedOffset, TimeZone};
use podium::plan::Plan;
use podium::session::{Session, Time};
use podium::store::{self, Writer};
use podium::strings::{Choice, Lang};
use std::path::Path;

fn t(ms: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 10, 15, 15, 0, 0)
        .single()
        .expect("time")
        + chrono::Duration::milliseconds(ms)
}

fn plan(title: &str, units: &[&str]) -> Plan {
    let units: Vec<String> = units
        .iter()
        .map(|u| format!(r#"{{"name": "{u}", "minutes": 5}}"#))
        .collect();
    let text = format!(r#"{{"title": "{title}", "units": [{}]}}"#, units.join(","));
    podium::planfile::parse("plan.json", &text, Lang::En)
        .map_err(|e| e.join("\n"))
        .expect("a valid plan")
        .plan
}

fn demo_plan() -> Plan {
    podium::planfile::parse("demo", podium::commands::run::DEMO_PLAN, Lang::En)
        .expect("the demo plan")
        .plan
}

#[test]
fn a_locale_names_a_language_or_none() {
    for (locale, lang) in [
        ("zh_CN.UTF-8", Some(Lang::Zh)),
        ("zh_TW", Some(Lang::Zh)),
        ("zh", Some(Lang::Zh)),
        ("en_US.UTF-8", Some(Lang::En)),
        ("en_GB", Some(Lang::En)),
        // A language podium does not speak: English, not the plan's.
        ("fr_FR@euro", Some(Lang::En)),
        ("de_DE.ISO-8859-1", Some(Lang::En)),
        // These name no language: the plan decides.
        ("C", None),
        ("C.UTF-8", None),
        ("C.utf8", None),
        ("POSIX", None),
        ("", None),
    ] {
        assert_eq!(Lang::of_locale_name(locale), lang, "{locale:?}");
    }
}

#[test]
fn a_language_code_is_read_as_the_option_takes_it_or_a_locale_spells_it() {
    for (code, lang) in [
        ("zh", Some(Lang::Zh)),
        ("ZH", Some(Lang::Zh)),
        ("zh-CN", Some(Lang::Zh)),
        ("zh_CN.UTF-8", Some(Lang::Zh)),
        ("en", Some(Lang::En)),
        ("en_US.UTF-8", Some(Lang::En)),
        ("fr", None),
        ("chinese", None),
        ("", None),
    ] {
        assert_eq!(Lang::from_code(code), lang, "{code:?}");
    }
    assert_eq!(Lang::from_code(Lang::Zh.code()), Some(Lang::Zh));
    assert_eq!(Lang::from_code(Lang::En.code()), Some(Lang::En));
}

#[test]
fn a_plan_is_chinese_by_its_title_or_its_units() {
    assert_eq!(Lang::of_plan(&demo_plan()), Lang::Zh);
    assert_eq!(
        Lang::of_plan(&plan("市直单位述职会", &["East", "West"])),
        Lang::Zh
    );
    assert_eq!(
        Lang::of_plan(&plan("Quarterly review", &["East", "市财政局"])),
        Lang::Zh
    );
    assert_eq!(
        Lang::of_plan(&plan("Quarterly review", &["East", "West"])),
        Lang::En
    );
    // Full-width punctuation or digits alone are not Chinese words.
    assert_eq!(Lang::of_plan(&plan("Review（2026）", &["East"])), Lang::En);
}

#[test]
fn the_users_choice_wins_then_the_session_then_its_plan() {
    let chinese = Session::new(demo_plan());
    let english = Session::new(plan("Quarterly review", &["East"]));
    // Nothing chosen: the plan's language.
    assert_eq!(Choice(None).session(&chinese), Lang::Zh);
    assert_eq!(Choice(None).session(&english), Lang::En);
    assert_eq!(Choice(None).plan(chinese.plan()), Lang::Zh);
    assert_eq!(Choice(None).first(), Lang::En);
    // The language a session was run in comes before its plan's.
    let mut run_in_english = chinese.clone();
    run_in_english.set_lang(Some(Lang::En));
    assert_eq!(Choice(None).session(&run_in_english), Lang::En);
    // The user's choice comes first of all.
    assert_eq!(Choice(Some(Lang::Zh)).session(&run_in_english), Lang::Zh);
    assert_eq!(Choice(Some(Lang::En)).session(&chinese), Lang::En);
    assert_eq!(Choice(Some(Lang::En)).plan(chinese.plan()), Lang::En);
    assert_eq!(Choice(Some(Lang::Zh)).first(), Lang::Zh);
}

fn file_lang(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).expect("the session file");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    value
        .get("lang")
        .and_then(|l| l.as_str())
        .map(str::to_string)
}

#[test]
fn a_session_remembers_the_language_it_was_run_in() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("meeting.session.json");
    // A Chinese plan run in English.
    let writer = Writer::create_in(&path, demo_plan(), Some(Lang::En), t(0)).expect("created");
    assert_eq!(
        file_lang(&path).as_deref(),
        Some("en"),
        "written at creation"
    );
    writer.close(t(1)).expect("closed");
    let session = store::read(&path).expect("read back");
    assert_eq!(session.lang(), Some(Lang::En));
    assert_eq!(Choice(None).session(&session), Lang::En);

    // Resumed in Chinese: remembered when the writer closes.
    let (mut writer, _) = Writer::open(&path, t(2)).expect("opened");
    assert_eq!(writer.session().lang(), Some(Lang::En));
    writer.set_lang(Lang::Zh);
    writer.close(t(3)).expect("closed");
    assert_eq!(file_lang(&path).as_deref(), Some("zh"));
    assert_eq!(store::read(&path).expect("read").lang(), Some(Lang::Zh));

    // A session created without a language (an import, a test) records none.
    let other = dir.path().join("other.session.json");
    Writer::create(&other, demo_plan(), t(0))
        .expect("created")
        .close(t(1))
        .expect("closed");
    assert_eq!(file_lang(&other), None);
    assert_eq!(store::read(&other).expect("read").lang(), None);
}

#[test]
fn an_old_session_without_a_language_or_one_with_an_unknown_code_still_opens() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("meeting.session.json");
    Writer::create_in(&path, demo_plan(), Some(Lang::Zh), t(0))
        .expect("created")
        .close(t(1))
        .expect("closed");
    let text = std::fs::read_to_string(&path).expect("the session file");
    assert!(text.contains("\"lang\": \"zh\""), "{text}");
    for (replacement, expected) in [
        // A later podium's language: passed over, the plan decides.
        ("\"lang\": \"fr\"", None),
        ("\"lang\": 7", None),
        ("\"lang\": null", None),
        ("\"lang\": \"en\"", Some(Lang::En)),
    ] {
        std::fs::write(&path, text.replace("\"lang\": \"zh\"", replacement)).expect("written");
        let session = store::read(&path).expect("still opens");
        assert_eq!(session.lang(), expected, "{replacement}");
    }
    // The corpus of old sessions (no "lang"): read with none, their plan's language decides.
    let old = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus/city-points.session.json");
    let session = store::read(&old).expect("an old session");
    assert_eq!(session.lang(), None);
    assert_eq!(Choice(None).session(&session), Lang::Zh);
}
