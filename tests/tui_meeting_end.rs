//! The end of a meeting on the host's console, driven with keys and a fake clock: publishing
//! results that lack scores warns (naming the units and groups) and only `y` publishes;
//! `Space`/`n` after the last unit say so; ending with units still to present asks first
//! and names them; once ended, the results show and a line stays that says where the exports
//! go and what still works; `Ctrl+O` completes paths with `Tab` and says its errors in the
//! console's language.

mod common {
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::planfile;
use podium::session::{Command, ScoreEntry, Time};
use podium::store::Writer;
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::tui::app::{App, Confirm, Mode, Options};
use podium::tui::editor::text_of;
use podium::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use tempfile::TempDir;

const UNITS: [&str; 7] = [
    "市财政局",
    "城郊街道办事处",
    "市发改局",
    "市交通运输局",
    "市应急管理局",
    "市税务局",
    "市人社局",
];
const LEADERS: [&str; 2] = ["常务副市长", "分管副市长"];
const DELEGATES: [&str; 3] = ["人大代表", "党代表", "政协委员"];

/// 2026-05-30 09:00:00 +08:00 plus `seconds`.
fn at(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .and_then(|o| o.with_ymd_and_hms(2026, 5, 30, 9, 0, 0).single())
        .expect("time")
        + Duration::seconds(seconds)
}

struct Meeting {
    dir: TempDir,
    app: App,
}

/// A fresh session of data/city-report.json: 7 units, reviewers in two groups.
fn meeting(lang: Lang) -> Meeting {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/city-report.json");
    let text = std::fs::read_to_string(file).expect("plan readable");
    let plan = planfile::parse("city-report.json", &text, lang)
        .expect("plan valid")
        .plan;
    let path = dir.path().join("meeting.session.json");
    let writer = Writer::create(&path, plan, at(0)).expect("session created");
    let opts = Options {
        lang,
        quiet: true,
        ambiguous: Ambiguous::Narrow,
    };
    let app = App::new(writer, opts, at(0));
    Meeting { dir, app }
}

impl Meeting {
    fn key(&mut self, s: i64, key: KeyEvent) {
        self.app.tick(at(s));
        self.app.on_key(key, at(s));
    }

    fn press(&mut self, s: i64, code: KeyCode) {
        self.key(s, KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn ctrl(&mut self, s: i64, c: char) {
        self.key(s, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }

    fn type_text(&mut self, s: i64, text: &str) {
        for c in text.chars() {
            self.press(s, KeyCode::Char(c));
        }
    }

    /// Full marks from `reviewers` for `unit`.
    fn score(&mut self, unit: &str, reviewers: &[&str]) {
        let rules = self.app.session().rules().clone();
        let entries = reviewers
            .iter()
            .flat_map(|r| {
                rules.criteria.iter().map(|c| ScoreEntry {
                    unit: unit.to_string(),
                    reviewer: r.to_string(),
                    criterion: c.name.clone(),
                    value: c.max,
                })
            })
            .collect();
        assert!(self.app.execute(Command::SetScores { entries }, at(1)));
    }

    fn notice(&self) -> String {
        self.app
            .core
            .notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default()
    }

    fn screen(&mut self, s: i64, (w, h): (u16, u16)) -> String {
        self.app.tick(at(s));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|frame| view::draw(frame, &self.app, at(s)))
            .expect("draw");
        screen_text(terminal.backend().buffer())
    }

    /// Every unit presents: `Space`, then `n`, one after another.
    fn present_all(&mut self) {
        for i in 0..UNITS.len() as i64 {
            self.press(10 + i * 20, KeyCode::Char(' '));
            self.press(20 + i * 20, KeyCode::Char('n'));
        }
        let st = self.app.session().state();
        assert_eq!(st.current, None, "no unit is current after the last");
        assert!(!st.is_ended());
    }
}

#[test]
fn publishing_with_gaps_names_them_and_only_y_publishes() {
    for lang in [Lang::Zh, Lang::En] {
        let mut m = meeting(lang);
        for unit in &UNITS[..5] {
            m.score(unit, &[&LEADERS[..], &DELEGATES[..]].concat());
        }
        // 市税务局: the leaders only; 市人社局: no score at all.
        m.score(UNITS[5], &LEADERS);
        m.press(2, KeyCode::Char('v'));
        m.ctrl(3, 'p');
        let Mode::Confirm {
            what: Confirm::PublishIncomplete(gaps),
            yes: false,
        } = m.app.mode()
        else {
            panic!("publishing with gaps asks, on No");
        };
        let want = match lang {
            Lang::Zh => "1 个单位没有评分：市人社局；市税务局缺少评委组：两代表一委员",
            Lang::En => "1 unit has no scores: 市人社局; 市税务局 lacks the group 两代表一委员",
        };
        assert_eq!(gaps, want);
        let screen = m.screen(3, (100, 30));
        assert!(screen.contains("市人社局"), "{screen}");
        let results = match lang {
            Lang::Zh => "结果（实时，未公布）",
            Lang::En => "Results (live, not published)",
        };
        assert!(
            screen.contains(results),
            "the results stay under the question: {screen}"
        );
        // Enter — even on Yes — does not publish; the arrows do not move to Yes.
        m.press(4, KeyCode::Right);
        m.press(4, KeyCode::Enter);
        assert!(
            !m.app.session().state().scores.published,
            "Enter publishes nothing"
        );
        assert!(
            matches!(m.app.mode(), Mode::Results { .. }),
            "No goes back to the results"
        );
        m.ctrl(5, 'p');
        // The keys are on screen: the popup and the key bar name `y`.
        let screen = m.screen(5, (80, 24));
        let anyway = match lang {
            Lang::Zh => "仍要公布 (y)",
            Lang::En => "publish anyway (y)",
        };
        assert!(screen.contains(anyway), "{screen}");
        m.press(6, KeyCode::Char('y'));
        assert!(m.app.session().state().scores.published, "y publishes");
    }
}

#[test]
fn publishing_complete_results_asks_the_plain_question() {
    let mut m = meeting(Lang::Zh);
    for unit in UNITS {
        m.score(unit, &[&LEADERS[..], &DELEGATES[..]].concat());
    }
    m.press(2, KeyCode::Char('v'));
    m.ctrl(3, 'p');
    assert!(matches!(
        m.app.mode(),
        Mode::Confirm {
            what: Confirm::Publish,
            yes: false
        }
    ));
    // A skipped unit is not a gap.
    let mut m = meeting(Lang::Zh);
    for unit in &UNITS[1..] {
        m.score(unit, &[&LEADERS[..], &DELEGATES[..]].concat());
    }
    assert!(m.app.execute(
        Command::ToggleSkip {
            unit: UNITS[0].into()
        },
        at(1)
    ));
    assert_eq!(m.app.publish_gaps(at(2)), None);
}

#[test]
fn space_and_n_after_the_last_unit_say_how_to_end_the_meeting() {
    for lang in [Lang::Zh, Lang::En] {
        let mut m = meeting(lang);
        m.present_all();
        for key in [' ', 'n'] {
            m.app.core.notice = None;
            m.press(200, KeyCode::Char(key));
            let want = match lang {
                Lang::Zh => "所有单位都已汇报完毕。结束会议：F10 菜单 →“结束会议”",
                Lang::En => {
                    "Every unit has presented. To end the meeting: F10 menu → \"End the meeting\""
                }
            };
            assert_eq!(m.notice(), want, "{key}");
        }
        assert_eq!(m.app.session().state().current, None, "nothing reopened");
        // The key bar no longer offers them; F10 (where the end is) stays.
        let screen = m.screen(201, (80, 24));
        let bar = screen.lines().rev().nth(1).unwrap_or_default().to_string();
        assert!(!bar.contains("Space") && bar.contains("F10"), "{bar}");
    }
}

#[test]
fn ending_with_pending_units_names_them_and_the_end_is_a_clear_state() {
    for lang in [Lang::Zh, Lang::En] {
        let mut m = meeting(lang);
        // Two units present, the rest do not.
        for i in 0..2 {
            m.press(10 + i * 20, KeyCode::Char(' '));
            m.press(20 + i * 20, KeyCode::Char('n'));
        }
        m.app.ask(Confirm::EndMeeting);
        let screen = m.screen(60, (100, 30));
        let want = match lang {
            Lang::Zh => {
                "还有 5 个单位未汇报：市发改局、市交通运输局、市应急管理局、市税务局、市人社局，仍要结束会议？"
            }
            Lang::En => {
                "5 units have not presented: 市发改局, 市交通运输局, 市应急管理局, 市税务局, 市人社局."
            }
        };
        let question = match m.app.mode() {
            Mode::Confirm { what, yes: false } => {
                podium::tui::components::confirm::question(&m.app, what)
            }
            _ => panic!("ending asks, on No"),
        };
        assert!(question.starts_with(want), "{question}");
        assert!(screen.contains("市发改局"), "{screen}");
        // Enter takes the highlighted No.
        m.press(61, KeyCode::Enter);
        assert!(!m.app.session().state().is_ended());
        m.app.ask(Confirm::EndMeeting);
        m.press(62, KeyCode::Char('y'));
        assert!(m.app.session().state().is_ended());
        assert!(
            matches!(m.app.mode(), Mode::Results { .. }),
            "the results show once the meeting ends"
        );
        // Minutes later, with no notice left, the line that says the meeting ended stays:
        // the results, where the exports go, what still works.
        for size in [(100, 30), (80, 24)] {
            let screen = m.screen(600, size);
            let ended = match lang {
                Lang::Zh => "会议已结束 · v 结果 · Ctrl+E 导出报告（存到 meeting.session.json 所在",
                Lang::En => {
                    "Meeting ended · v results · Ctrl+E exports (beside meeting.session.json)"
                }
            };
            assert!(screen.contains(ended), "{screen}");
        }
        m.press(601, KeyCode::Esc);
        // On the live screen the key bar offers the export in place of the timing keys.
        let screen = m.screen(601, (100, 30));
        let bar = screen.lines().rev().nth(1).unwrap_or_default().to_string();
        let export = match lang {
            Lang::Zh => "Ctrl+E 导出",
            Lang::En => "Ctrl+E export",
        };
        assert!(bar.contains(export), "{bar}");
        assert!(!bar.contains("Space"), "{bar}");
        // Exported: the line says how many files went there.
        m.ctrl(602, 'e');
        // The workbook, the ranking, the minutes and the minutes as a Word document.
        assert_eq!(m.app.core.exported.len(), 4, "{}", m.notice());
        for ext in ["xlsx", "csv", "md", "docx"] {
            assert!(
                m.app
                    .core
                    .exported
                    .iter()
                    .any(|f| f.extension().is_some_and(|e| e == ext)),
                "{ext}: {}",
                m.notice()
            );
        }
        assert!(
            m.app
                .core
                .exported
                .iter()
                .all(|f| f.parent() == Some(m.dir.path()))
        );
        m.app.core.notice = None;
        let line = podium::tui::components::notice::ended_line(&m.app);
        let went = match lang {
            Lang::Zh => "已导出 4 个文件到 meeting.session.json 所在文件夹",
            Lang::En => "4 files exported beside meeting.session.json",
        };
        assert!(line.contains(went), "{line}");
        // Space says the meeting is over, and what still works.
        m.press(603, KeyCode::Char(' '));
        let over = match lang {
            Lang::Zh => "会议已结束，计时已关闭：v 查看结果，Ctrl+E 导出报告",
            Lang::En => {
                "The meeting has ended; timing is closed: v shows the results, Ctrl+E exports"
            }
        };
        assert_eq!(m.notice(), over);
    }
}

#[test]
fn ending_after_every_unit_asks_the_plain_question() {
    let mut m = meeting(Lang::Zh);
    m.present_all();
    m.app.ask(Confirm::EndMeeting);
    let Mode::Confirm { what, .. } = m.app.mode() else {
        panic!("ending asks");
    };
    let question = podium::tui::components::confirm::question(&m.app, what);
    assert_eq!(question, "结束会议？计时将关闭，点评仍可录入。");
}

#[test]
fn resumed_banner_and_undone_notice_go_by_themselves() {
    let mut m = meeting(Lang::Zh);
    m.app
        .banner("已恢复：会议进行中".into(), podium::console::Level::Info);
    m.app.tick(at(0));
    let wake = m.app.next_wake(at(0)).expect("a wake");
    assert!(wake <= at(30), "the console wakes for the banner's end");
    m.app.tick(at(29));
    assert!(m.app.core.notice.is_some());
    m.app.tick(at(30));
    assert!(
        m.app.core.notice.is_none(),
        "gone after 30 s, no key pressed"
    );
    m.press(40, KeyCode::Char(' '));
    m.press(41, KeyCode::Char('u'));
    assert!(m.notice().starts_with("已撤销"), "{}", m.notice());
    m.app.tick(at(49));
    assert!(m.app.core.notice.is_none(), "gone after 8 s");
}

/// A folder with score files for `Ctrl+O`.
fn score_folder() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("评分");
    std::fs::create_dir(&folder).expect("folder");
    for name in ["第一组.csv", "第二组.csv", "说明.txt"] {
        std::fs::write(folder.join(name), "单位,评委\n").expect("file");
    }
    std::fs::write(folder.join("空.csv"), "").expect("file");
    (dir, folder)
}

fn form_text(m: &Meeting) -> (String, Option<(String, bool)>) {
    match m.app.mode() {
        Mode::Form(f) => (text_of(&f.fields[0]), f.note.clone()),
        _ => panic!("the score file form is not open"),
    }
}

#[test]
fn ctrl_o_completes_paths_with_tab_and_lists_the_choices() {
    let mut m = meeting(Lang::Zh);
    let (dir, _folder) = score_folder();
    let base = format!("{}/", dir.path().display());
    m.ctrl(1, 'o');
    m.type_text(1, &format!("{base}评"));
    m.press(2, KeyCode::Tab);
    assert_eq!(
        form_text(&m).0,
        format!("{base}评分/"),
        "the one folder, with its /"
    );
    m.type_text(3, "第");
    m.press(3, KeyCode::Tab);
    let (text, note) = form_text(&m);
    assert_eq!(text, format!("{base}评分/第"), "nothing more in common");
    assert_eq!(note, None, "the first Tab lists nothing");
    m.press(4, KeyCode::Tab);
    let (_, note) = form_text(&m);
    assert_eq!(
        note,
        Some(("第一组.csv\n第二组.csv".to_string(), false)),
        "a second Tab lists the choices"
    );
    for size in [(100, 30), (80, 24)] {
        let screen = m.screen(4, size);
        assert!(screen.contains("第一组.csv  第二组.csv"), "{screen}");
        assert!(
            screen.contains("Tab 补全"),
            "the key bar names Tab: {screen}"
        );
    }
    m.type_text(5, "二");
    m.press(5, KeyCode::Tab);
    assert_eq!(form_text(&m).0, format!("{base}评分/第二组.csv"));
    // Nothing there: said in Chinese, and the form stays to be corrected.
    m.type_text(6, "x");
    m.press(6, KeyCode::Tab);
    let (_, note) = form_text(&m);
    let (note, error) = note.expect("a note");
    assert!(error && note.starts_with("没有以"), "{note}");
}

#[test]
fn ctrl_o_errors_are_in_the_consoles_language() {
    let (dir, folder) = score_folder();
    let missing = dir.path().join("没有.csv");
    let cases = [
        (
            missing.display().to_string(),
            "找不到这个文件",
            "no such file",
        ),
        (folder.display().to_string(), "是文件夹", "is a folder"),
        (String::new(), "请输入评分文件的路径", "Type the path"),
    ];
    for lang in [Lang::Zh, Lang::En] {
        for (typed, zh, en) in &cases {
            let mut m = meeting(lang);
            m.ctrl(1, 'o');
            m.type_text(1, typed);
            m.press(2, KeyCode::Enter);
            assert!(
                matches!(m.app.mode(), Mode::Form(_)),
                "the form stays to be corrected"
            );
            let want = if lang == Lang::Zh { zh } else { en };
            assert!(m.notice().contains(want), "{typed}: {}", m.notice());
            if lang == Lang::Zh {
                assert!(!m.notice().contains("No such"), "{}", m.notice());
            }
        }
    }
    // Read on its thread: an empty file, said in Chinese.
    let mut m = meeting(Lang::Zh);
    m.ctrl(1, 'o');
    m.type_text(1, &folder.join("空.csv").display().to_string());
    m.press(2, KeyCode::Enter);
    for i in 0..200 {
        m.app.tick(at(3));
        if !m.app.import_pending() {
            break;
        }
        assert!(i < 199, "the file was read");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(m.notice().ends_with("文件是空的"), "{}", m.notice());
}

#[test]
fn a_note_takers_quit_question_says_what_still_waits_and_where() {
    use podium::net::client::{self, JoinSpec};
    use podium::net::host::Server;
    use podium::net::outbox::Outbox;
    use podium::net::wire::Role;
    use podium::tui::ledger::Remote;
    for lang in [Lang::Zh, Lang::En] {
        let mut host = meeting(lang);
        let session = host.dir.path().join("meeting.session.json");
        std::fs::write(
            host.dir.path().join("meeting.session.join"),
            r#"{"code":"246810","meeting":"m-1","scores":true}"#,
        )
        .expect("join file");
        let server = Server::start(
            "127.0.0.1:0",
            &session,
            host.app.core.ledger.writer().expect("host"),
            podium::wallclock::now,
        )
        .expect("server started");
        let spec = JoinSpec {
            addr: server.addrs[0].clone(),
            role: Role::Notetaker,
            name: "Ann".into(),
            client: "laptop-ann".into(),
            code: "246810".into(),
        };
        host.app.core.server = Some(server);
        let joining = std::thread::spawn(move || client::open(spec, 0, podium::wallclock::now));
        while !joining.is_finished() {
            host.app.tick(at(0));
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let link = joining.join().expect("thread").expect("joined");
        let outbox_path = host.dir.path().join("outbox-ann.jsonl");
        let outbox = Outbox::open(&outbox_path).expect("outbox");
        let remote = Remote::new("Ann".into(), link, outbox);
        let opts = Options {
            lang,
            quiet: true,
            ambiguous: Ambiguous::Narrow,
        };
        let mut ann = Meeting {
            app: App::remote(remote, opts, at(0)),
            dir: tempfile::tempdir().expect("temp dir"),
        };
        // A remark the host has not taken in yet (the host's loop does not run meanwhile).
        ann.press(1, KeyCode::Char('r'));
        ann.type_text(1, "账目清楚");
        ann.press(1, KeyCode::Enter);
        ann.press(2, KeyCode::Char('q'));
        let question = match ann.app.mode() {
            Mode::Confirm {
                what: what @ Confirm::Quit,
                ..
            } => podium::tui::components::confirm::question(&ann.app, what),
            _ => panic!("q asks"),
        };
        let want = match lang {
            Lang::Zh => "还有 1 条记录未送达主持人",
            Lang::En => "1 entry has not reached the host yet",
        };
        assert!(question.contains(want), "{question}");
        assert!(
            question.contains(&outbox_path.display().to_string()),
            "{question}"
        );
        assert!(
            !question.contains("所有内容都已保存") && !question.contains("Everything is saved")
        );
        let screen = ann.screen(2, (100, 30));
        assert!(screen.contains(want), "{screen}");
        // What the question says is true: the entry is in the outbox file, waiting.
        let kept = std::fs::read_to_string(&outbox_path).expect("outbox file");
        assert!(kept.contains("账目清楚"), "{kept}");
        // Once the host has it, nothing waits: the question says so.
        ann.press(3, KeyCode::Char('n'));
        for _ in 0..400 {
            host.app.tick(at(3));
            ann.app.tick(at(3));
            if ann
                .app
                .core
                .ledger
                .remote()
                .is_some_and(|r| r.waiting().count() == 0)
            {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        ann.press(4, KeyCode::Char('q'));
        let Mode::Confirm { what, .. } = ann.app.mode() else {
            panic!("q asks");
        };
        let question = podium::tui::components::confirm::question(&ann.app, what);
        let want = match lang {
            Lang::Zh => "退出 podium？所有记录都已送达主持人。",
            Lang::En => "Quit podium? The host has every entry.",
        };
        assert_eq!(question, want);
        // The host ends the meeting: the note-taker's line says so, without the export
        // (only the host exports).
        ann.press(5, KeyCode::Char('n'));
        assert!(host.app.execute(Command::EndMeeting, at(5)));
        for _ in 0..400 {
            host.app.tick(at(6));
            ann.app.tick(at(6));
            if ann.app.session().state().is_ended() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(ann.app.session().state().is_ended(), "the end reached Ann");
        let line = podium::tui::components::notice::ended_line(&ann.app);
        let want = match lang {
            Lang::Zh => "会议已结束 · v 结果 · 点评仍可录入 · q 退出",
            Lang::En => "Meeting ended · v results · remarks still work · q quits",
        };
        assert_eq!(line, want);
    }
}

#[test]
fn q_in_the_results_after_the_end_asks_to_quit_as_the_ended_line_says() {
    let mut m = meeting(Lang::Zh);
    m.present_all();
    m.app.ask(Confirm::EndMeeting);
    m.press(600, KeyCode::Char('y'));
    assert!(matches!(m.app.mode(), Mode::Results { .. }));
    let screen = m.screen(601, (120, 30));
    assert!(screen.contains("q 退出"), "{screen}");
    // The header says when it ended, no longer a projected end.
    let header = screen.lines().next().unwrap_or_default();
    assert!(
        header.contains("结束于") && !header.contains("预计结束"),
        "{header}"
    );
    m.press(602, KeyCode::Char('q'));
    let Mode::Confirm { what, .. } = m.app.mode() else {
        panic!("q in the results asks to quit");
    };
    assert!(matches!(what, Confirm::Quit), "{what:?}");
}
