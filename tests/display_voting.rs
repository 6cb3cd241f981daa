//! The stage's voting screen ([F2]): while voting is open it wins over the current item, shows
//! a QR code of the ballot page's address, the address in words, the venue's Wi-Fi (as a QR
//! code beside it when there is room) and the ballots received by group. Each frame is drawn
//! into a ratatui `TestBackend` at a fixed size; the QR codes are read back the way a phone
//! would: an image is rebuilt from the cells' background colours (a module two cells wide and
//! one tall, scaled to square pixels) around which the rest of the screen is black (a dark
//! theme) or white, and `rqrr` must decode it to exactly the page's address. Every cell of a
//! code is a blank with an explicit black or white background, so no theme can invert it and
//! no ambiguous-width setting can shift it. The meeting is `tests/fixtures/display_voting`.

mod common {
    pub mod cli;
    pub mod pty;
    pub mod screen;
}

use chrono::{Duration, FixedOffset, TimeZone};
use common::screen::screen_text;
use podium::display::page::{self, BallotPage, PageSource};
use podium::display::view::{self, DisplayOptions};
use podium::planfile;
use podium::report::slips::Wifi;
use podium::session::ballots::{code_from, hash, show_code};
use podium::session::{BallotGrade, BallotKey, Command, Session, Time};
use podium::strings::Lang;
use podium::text::Ambiguous;
use podium::widgets::qr::{DARK, LIGHT};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const URL: &str = "http://192.168.1.23:7374";
const SSID: &str = "会场WiFi";
const PASSWORD: &str = "12345678";
const SALT: &str = "00112233445566778899aabbccddeeff";

const NARROW: (u16, u16) = (80, 24);
const MEDIUM: (u16, u16) = (100, 30);
const ROOMY: (u16, u16) = (120, 40);
const WIDE: (u16, u16) = (200, 50);

fn at(seconds: i64) -> Time {
    FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 5, 30, 9, 0, 0)
        .single()
        .expect("time")
        + Duration::seconds(seconds)
}

fn exec(s: &mut Session, command: Command) {
    let events = s
        .decide(&command, at(60))
        .unwrap_or_else(|r| panic!("{command:?} refused: {r:?}"));
    s.commit(events);
}

/// The codes of every ballot issued (12 for 领导, 31 for 部门, 20 for 乡镇).
fn codes() -> Vec<String> {
    (0..63u8).map(|i| code_from(&[i; 10])).collect()
}

fn ballot(serial: &str) -> Command {
    graded(serial, "优秀")
}

fn graded(serial: &str, grade: &str) -> Command {
    Command::CastBallot {
        ballot: BallotKey::Serial(serial.into()),
        grades: ["甲镇", "乙镇", "丙街道"]
            .iter()
            .map(|u| BallotGrade {
                unit: (*u).into(),
                grade: grade.into(),
            })
            .collect(),
        scores: vec![],
    }
}

fn plan() -> podium::plan::Plan {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/display_voting/plan.json"
    );
    let text = std::fs::read_to_string(file).expect("plan readable");
    planfile::parse("plan.json", &text, Lang::Zh)
        .expect("plan valid")
        .plan
}

/// The first unit's talk running, 63 ballots issued (12 · 31 · 20), 部门-031 voided after it
/// was cast, voting open, and 10 · 25 · 10 ballots counting: “已收 45 / 62（领导 10/12 · 部门
/// 25/30 · 乡镇 10/20）”.
fn commands() -> Vec<Command> {
    let mut out = vec![Command::ToggleTalk];
    let codes = codes();
    let mut next = 0;
    for (group, n) in [("领导", 12), ("部门", 31), ("乡镇", 20)] {
        let hashes = codes[next..next + n]
            .iter()
            .map(|c| hash(SALT, c))
            .collect();
        next += n;
        out.push(Command::IssueBallots {
            group: group.into(),
            salt: SALT.into(),
            hashes,
        });
    }
    out.push(Command::OpenVoting);
    for (group, n) in [("领导", 10), ("部门", 25), ("乡镇", 10)] {
        for k in 1..=n {
            out.push(ballot(&format!("{group}-{k:03}")));
        }
    }
    out.push(ballot("部门-031"));
    out.push(Command::VoidBallot {
        serial: "部门-031".into(),
    });
    out
}

fn meeting() -> Session {
    let mut s = Session::new(plan());
    for c in commands() {
        exec(&mut s, c);
    }
    s
}

fn opts(lang: Lang, ambiguous: Ambiguous) -> DisplayOptions {
    DisplayOptions {
        lang,
        ambiguous,
        clock_only: false,
    }
}

fn zh() -> DisplayOptions {
    opts(Lang::Zh, Ambiguous::Narrow)
}

fn page(wifi: bool) -> BallotPage {
    BallotPage {
        url: Some(URL.into()),
        wifi: wifi.then(|| Wifi {
            ssid: SSID.into(),
            password: PASSWORD.into(),
        }),
    }
}

/// One frame of the stage, through a `TestBackend` as `podium display` draws it.
fn frame(s: &Session, (w, h): (u16, u16), opts: DisplayOptions, page: &BallotPage) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| {
            let area = f.area();
            view::draw_stage(f.buffer_mut(), area, s, opts, page, at(90));
        })
        .expect("drawn");
    terminal.backend().buffer().clone()
}

fn is_code_cell(buf: &Buffer, x: u16, y: u16) -> bool {
    let bg = buf[(x, y)].bg;
    bg == DARK || bg == LIGHT
}

/// The QR codes on the screen, decoded from an image of the cells: 2 pixels a cell across
/// and 4 down (a module of two cells: 4×4 pixels), a code's cells black or white by their
/// background, every other cell `around` (0: a dark theme; 255: a light one).
fn decode(buf: &Buffer, around: u8) -> Vec<String> {
    const PX_W: usize = 2;
    const PX_H: usize = 4;
    let area = buf.area;
    let (w, h) = (area.width as usize * PX_W, area.height as usize * PX_H);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let (cx, cy) = ((x / PX_W) as u16, (y / PX_H) as u16);
        match buf[(cx, cy)].bg {
            c if c == DARK => 0,
            c if c == LIGHT => 255,
            _ => around,
        }
    });
    let mut out: Vec<String> = img
        .detect_grids()
        .into_iter()
        .map(|g| g.decode().expect("a QR code found on the screen decodes").1)
        .collect();
    out.sort();
    out
}

/// The bounding boxes of the code cells, each code's one rectangle: (x, y, width, height).
fn code_boxes(buf: &Buffer) -> Vec<(u16, u16, u16, u16)> {
    let area = buf.area;
    let mut boxes: Vec<(u16, u16, u16, u16)> = Vec::new();
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            if !is_code_cell(buf, x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < area.right() && is_code_cell(buf, x, y) {
                x += 1;
            }
            let run = (start, x - start);
            match boxes
                .iter_mut()
                .find(|b| b.0 == run.0 && b.2 == run.1 && b.1 + b.3 == y)
            {
                Some(b) => b.3 += 1,
                None => boxes.push((run.0, y, run.1, 1)),
            }
        }
    }
    boxes
}

fn text_of(buf: &Buffer) -> String {
    screen_text(buf)
}

/// The text of the screen with runs of blanks squeezed, for reading one line's words.
fn squeezed(buf: &Buffer) -> Vec<String> {
    text_of(buf)
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_page_code_decodes_to_the_address_in_both_ambiguous_modes_on_any_background() {
    let s = meeting();
    for amb in [Ambiguous::Narrow, Ambiguous::Wide] {
        for lang in [Lang::Zh, Lang::En] {
            for size in [ROOMY, WIDE, (300, 80)] {
                let buf = frame(&s, size, opts(lang, amb), &page(false));
                for around in [0, 255] {
                    assert_eq!(
                        decode(&buf, around),
                        vec![URL.to_string()],
                        "{size:?} {amb:?} {lang:?} background {around}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_wifi_code_stands_beside_the_page_code_when_there_is_room() {
    let s = meeting();
    let wifi = podium::report::slips::Wifi {
        ssid: SSID.into(),
        password: PASSWORD.into(),
    }
    .payload();
    for amb in [Ambiguous::Narrow, Ambiguous::Wide] {
        let buf = frame(&s, WIDE, opts(Lang::Zh, amb), &page(true));
        let mut both = vec![URL.to_string(), wifi.clone()];
        both.sort();
        assert_eq!(decode(&buf, 0), both, "{amb:?}");
        assert_eq!(decode(&buf, 255), both, "{amb:?}");
        let boxes = code_boxes(&buf);
        assert_eq!(boxes.len(), 2, "{boxes:?}");
        // Side by side, their bottoms on one row, the captions under them.
        assert!(boxes[0].0 + boxes[0].2 < boxes[1].0 || boxes[1].0 + boxes[1].2 < boxes[0].0);
        assert_eq!(boxes[0].1 + boxes[0].3, boxes[1].1 + boxes[1].3);
        let caption_row = text_of(&buf)
            .lines()
            .nth((boxes[0].1 + boxes[0].3) as usize)
            .expect("row")
            .to_string();
        assert!(caption_row.contains(URL), "{caption_row}");
        assert!(
            caption_row.contains("扫码连接会场无线网络：会场WiFi"),
            "{caption_row}"
        );
        // The password is in the code, not in words.
        assert!(!text_of(&buf).contains(PASSWORD));
    }
    // No room beside it at 120×40: the page's code alone, the Wi-Fi in words.
    let buf = frame(&s, ROOMY, zh(), &page(true));
    assert_eq!(decode(&buf, 0), vec![URL.to_string()]);
    assert!(text_of(&buf).contains("会场无线网络：会场WiFi　密码：12345678"));
}

#[test]
fn every_code_cell_is_a_blank_with_an_explicit_black_or_white_background() {
    let s = meeting();
    for (size, wifi, codes) in [(ROOMY, false, 1), (WIDE, true, 2), ((300, 80), false, 1)] {
        for amb in [Ambiguous::Narrow, Ambiguous::Wide] {
            let buf = frame(&s, size, opts(Lang::Zh, amb), &page(wifi));
            let boxes = code_boxes(&buf);
            assert_eq!(boxes.len(), codes, "{size:?} {boxes:?}");
            for &(x0, y0, w, h) in &boxes {
                // Two columns a module, one row (or a multiple of both), the quiet zone of
                // four modules included: a square of modules.
                assert_eq!(w, 2 * h, "{size:?}");
                for y in y0..y0 + h {
                    for x in x0..x0 + w {
                        let cell = &buf[(x, y)];
                        assert_eq!(cell.symbol(), " ", "{x},{y}");
                        assert!(cell.bg == DARK || cell.bg == LIGHT, "{x},{y}");
                        assert_eq!(cell.fg, cell.bg, "{x},{y}");
                        assert!(cell.modifier.is_empty(), "{x},{y}");
                    }
                }
                // The quiet zone: four modules (eight columns, four rows) of white all round.
                // The page's code: version 2 (25 modules) and four on each side.
                let scale = h / 33;
                if boxes.len() == 1 {
                    assert!(scale >= 1 && h == 33 * scale, "{size:?} {h} rows");
                }
                for y in y0..y0 + h {
                    for x in x0..x0 + w {
                        let inside = x >= x0 + 8 * scale
                            && x < x0 + w - 8 * scale
                            && y >= y0 + 4 * scale
                            && y < y0 + h - 4 * scale;
                        if !inside && boxes.len() == 1 {
                            assert_eq!(buf[(x, y)].bg, LIGHT, "{x},{y} in the quiet zone");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_counts_are_of_ballots_cast_and_not_voided_by_group_and_follow_each_ballot() {
    let mut s = meeting();
    let line = "已收 45 / 62（领导 10/12 · 部门 25/30 · 乡镇 10/20）";
    for amb in [Ambiguous::Narrow, Ambiguous::Wide] {
        // (Drawn wide, the `·` covers the cell after it: the blanks squeezed.)
        let buf = frame(&s, WIDE, opts(Lang::Zh, amb), &page(true));
        assert!(
            squeezed(&buf).iter().any(|l| l == line),
            "{amb:?}\n{}",
            text_of(&buf)
        );
    }
    let buf = frame(&s, WIDE, opts(Lang::En, Ambiguous::Narrow), &page(false));
    assert!(text_of(&buf).contains("Received 45 / 62 (领导 10/12 · 部门 25/30 · 乡镇 10/20)"));
    // One more ballot cast, one changed (still one), one voided that was not cast.
    exec(&mut s, ballot("乡镇-011"));
    exec(&mut s, graded("乡镇-011", "良好"));
    exec(
        &mut s,
        Command::VoidBallot {
            serial: "乡镇-020".into(),
        },
    );
    let buf = frame(&s, WIDE, zh(), &page(false));
    assert!(text_of(&buf).contains("已收 46 / 61（领导 10/12 · 部门 25/30 · 乡镇 11/19）"));
    // Too narrow for one row: the total over the groups.
    let buf = frame(&s, (44, 16), zh(), &page(false));
    let lines = squeezed(&buf);
    let total = lines
        .iter()
        .position(|l| l == "已收 46 / 61")
        .expect("total");
    assert_eq!(lines[total + 1], "领导 10/12 · 部门 25/30 · 乡镇 11/19");
}

#[test]
fn the_voting_screen_wins_over_the_current_item_and_goes_when_voting_closes() {
    let mut s = meeting();
    exec(
        &mut s,
        Command::StageMessage {
            text: "请各位评委抓紧时间".into(),
        },
    );
    let buf = frame(&s, ROOMY, zh(), &page(false));
    let text = text_of(&buf);
    assert!(text.contains("2026年度乡镇街道综合考核测评会"), "{text}");
    assert!(!text.contains("甲镇"), "{text}");
    assert!(!text.contains("请各位评委"), "{text}");
    assert!(!code_boxes(&buf).is_empty());
    // A speaker's clock keeps the clock.
    let clock = DisplayOptions {
        clock_only: true,
        ..zh()
    };
    assert!(code_boxes(&frame(&s, ROOMY, clock, &page(false))).is_empty());
    exec(&mut s, Command::CloseVoting);
    let buf = frame(&s, ROOMY, zh(), &page(false));
    let text = text_of(&buf);
    assert!(code_boxes(&buf).is_empty(), "{text}");
    assert!(text.contains("甲镇"), "{text}");
    assert!(!text.contains("已收"), "{text}");
    // Opened again: back.
    exec(&mut s, Command::OpenVoting);
    assert_eq!(
        decode(&frame(&s, ROOMY, zh(), &page(false)), 0),
        vec![URL.to_string()]
    );
    // Publishing waits for voting to close (the stage never shows the vote over results).
    assert_eq!(
        s.decide(&Command::Publish, at(60)).map(|_| ()),
        Err(podium::session::Refusal::VotingOpen)
    );
    // Closed, published, shown: the results.
    exec(&mut s, Command::CloseVoting);
    exec(&mut s, Command::Publish);
    exec(&mut s, Command::ShowResults { shown: true });
    let text = text_of(&frame(&s, ROOMY, zh(), &page(false)));
    assert!(text.contains("测评结果"), "{text}");
}

#[test]
fn a_window_too_small_for_the_code_says_so_and_keeps_the_address_and_counts() {
    let s = meeting();
    // The address takes a version 2 code (25 modules) at level M: 33 rows with the quiet
    // zone, more than 30 or 24.
    for size in [NARROW, MEDIUM, (40, 12)] {
        for amb in [Ambiguous::Narrow, Ambiguous::Wide] {
            let buf = frame(&s, size, opts(Lang::Zh, amb), &page(true));
            let text = text_of(&buf);
            assert!(code_boxes(&buf).is_empty(), "{size:?}\n{text}");
            if size.0 >= 80 {
                assert!(text.contains("窗口太小，无法显示二维码：请放大"), "{text}");
                assert!(text.contains(URL), "{text}");
                assert!(text.contains("已收 45 / 62"), "{text}");
                assert!(text.contains("会场WiFi"), "{text}");
            }
        }
    }
    // The English words too.
    let buf = frame(&s, NARROW, opts(Lang::En, Ambiguous::Narrow), &page(false));
    let text = text_of(&buf);
    assert!(
        text.contains("The window is too small for the QR code: enlarge it"),
        "{text}"
    );
    // A terminal of any size: no panic, nothing drawn outside it.
    for w in 0..=30 {
        for h in 0..=12 {
            let _ = frame(&s, (w.max(1), h.max(1)), zh(), &page(true));
        }
    }
}

#[test]
fn without_an_address_the_screen_says_how_to_get_one_and_still_counts() {
    let s = meeting();
    let buf = frame(&s, ROOMY, zh(), &BallotPage::default());
    let text = text_of(&buf);
    assert!(code_boxes(&buf).is_empty());
    assert!(
        text.contains("测评页面的地址未知：请用 --serve 开始会议"),
        "{text}"
    );
    assert!(text.contains("已收 45 / 62"), "{text}");
    // The display's plain `draw` knows no address.
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut b = Buffer::empty(area);
    view::draw(&mut b, area, &s, zh(), at(90));
    assert_eq!(screen_text(&b), text);
}

#[test]
fn no_code_of_any_ballot_is_ever_on_the_screen() {
    let s = meeting();
    for size in [NARROW, MEDIUM, ROOMY, WIDE] {
        for wifi in [false, true] {
            let buf = frame(&s, size, zh(), &page(wifi));
            let text = text_of(&buf);
            let decoded = decode(&buf, 0).join("\n");
            for code in codes() {
                assert!(!text.contains(&code) && !text.contains(&show_code(&code)));
                assert!(!decoded.contains(&code));
            }
        }
    }
}

#[test]
fn the_join_file_beside_the_session_gives_the_address_and_is_followed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("会议.session.json");
    let join = dir.path().join("会议.session.join");
    assert_eq!(page::join_path(&session), join);
    // No join file: nothing known (the flags alone).
    let mut pages = PageSource::beside(&session, BallotPage::default());
    assert_eq!(pages.page(), &BallotPage::default());
    assert!(!pages.check());
    std::fs::write(
        &join,
        r#"{"code": "JOIN-SECRET", "meeting": "m", "ballots_url": "http://10.0.0.7:7374",
            "wifi": {"ssid": "会场", "password": "pw:1"}}"#,
    )
    .expect("join written");
    assert!(pages.check());
    assert_eq!(pages.page().url.as_deref(), Some("http://10.0.0.7:7374"));
    assert_eq!(
        pages.page().wifi,
        Some(Wifi {
            ssid: "会场".into(),
            password: "pw:1".into()
        })
    );
    // The flags win over the file.
    let flags = BallotPage {
        url: Some(URL.into()),
        wifi: None,
    };
    let pages = PageSource::beside(&session, flags);
    assert_eq!(pages.page().url.as_deref(), Some(URL));
    assert_eq!(
        pages.page().wifi.as_ref().map(|w| w.ssid.as_str()),
        Some("会场")
    );
    // The join code is never shown.
    let buf = frame(&meeting(), WIDE, zh(), pages.page());
    assert!(!text_of(&buf).contains("JOIN-SECRET"));
    // A file caught half written adds nothing, and does not stop the display.
    std::fs::write(&join, "{\"ballots_url\": \"http://10.0.").expect("written");
    let mut pages = PageSource::beside(&session, BallotPage::default());
    assert_eq!(pages.page(), &BallotPage::default());
    std::fs::write(&join, r#"{"ballots_url": "http://10.0.0.8:7374"}"#).expect("written");
    assert!(pages.check());
    assert_eq!(pages.page().url.as_deref(), Some("http://10.0.0.8:7374"));
}

#[test]
fn the_display_flags_refuse_a_ballots_link_and_a_wifi_without_a_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let code = "ABCDEFGHJKLMNPQR";
    let link = format!("http://10.0.0.7:7374/b/{code}");
    let out = common::cli::podium(
        dir.path(),
        &[
            "display",
            "nothing.json",
            "--ballots-url",
            &link,
            "--lang",
            "zh",
        ],
    );
    let err = common::cli::text(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("不能是某张测评票的链接"), "{err}");
    assert!(!err.contains(code), "{err}");
    let out = common::cli::podium(
        dir.path(),
        &[
            "display",
            "nothing.json",
            "--ballots-url",
            "192.168.1.5",
            "--lang",
            "en",
        ],
    );
    let err = common::cli::text(&out.stderr);
    assert!(
        err.contains("must be the ballot page's address, starting with http://"),
        "{err}"
    );
    let out = common::cli::podium(
        dir.path(),
        &[
            "display",
            "nothing.json",
            "--wifi",
            ":secret",
            "--lang",
            "en",
        ],
    );
    let err = common::cli::text(&out.stderr);
    assert!(err.contains("--wifi must be SSID:PASSWORD"), "{err}");
    assert!(!err.contains("secret"), "{err}");
}

/// The text parts of the screen as a person in the room reads them.
#[test]
fn snapshots() {
    let s = meeting();
    let shots = [
        ("zh_wifi_200x50", WIDE, zh(), page(true)),
        ("zh_wifi_120x40", ROOMY, zh(), page(true)),
        (
            "en_120x40",
            ROOMY,
            opts(Lang::En, Ambiguous::Narrow),
            page(false),
        ),
        (
            "zh_wide_ambiguous_120x40",
            ROOMY,
            opts(Lang::Zh, Ambiguous::Wide),
            page(false),
        ),
        ("zh_too_small_100x30", MEDIUM, zh(), page(true)),
        ("zh_too_small_80x24", NARROW, zh(), page(false)),
        ("zh_no_address_100x30", MEDIUM, zh(), BallotPage::default()),
    ];
    for (name, size, opts, page) in shots {
        let buf = frame(&s, size, opts, &page);
        insta::assert_snapshot!(name, text_of(&buf));
    }
}

/// The real thing: `podium display SESSION` in a pseudo-terminal (xterm-256color, 120×40),
/// the page's address from the join file beside the session as the host writes it, the
/// screen parsed by vt100 and its QR code read back from the cells' background colours as
/// the terminal would paint them. The counts follow a ballot cast by the writer; closing
/// voting takes the screen away.
#[test]
fn podium_display_in_a_terminal_shows_the_code_follows_the_counts_and_gives_way_on_close() {
    use common::pty::{TIMEOUT, Term};
    use podium::store::Writer;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.session.json");
    let now = podium::wallclock::now();
    let mut writer = Writer::create_in(&path, plan(), Some(Lang::Zh), now).expect("a session");
    for c in commands() {
        writer.execute(&c, now).expect("carried out");
    }
    std::fs::write(
        dir.path().join("m.session.join"),
        format!(r#"{{"code": "JOIN-SECRET", "meeting": "m", "ballots_url": "{URL}"}}"#),
    )
    .expect("join file");
    let mut t = Term::spawn_sized(
        dir.path(),
        &["display", "m.session.json", "--lang", "zh"],
        120,
        40,
    );
    t.wait_for(
        "已收 45 / 62（领导 10/12 · 部门 25/30 · 乡镇 10/20）",
        TIMEOUT,
    );
    let decoded = t.with_screen(|screen| {
        let (rows, cols) = screen.size();
        let colour = |x: usize, y: usize| {
            let cell = screen.cell((y / 4) as u16, (x / 2) as u16);
            match cell.map(|c| c.bgcolor()) {
                Some(vt100::Color::Idx(16)) => 0,
                Some(vt100::Color::Idx(231)) => 255,
                _ => 0,
            }
        };
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(
            cols as usize * 2,
            rows as usize * 4,
            colour,
        );
        img.detect_grids()
            .into_iter()
            .filter_map(|g| g.decode().ok().map(|d| d.1))
            .collect::<Vec<_>>()
    });
    assert_eq!(decoded, vec![URL.to_string()], "{}", t.screen());
    assert!(t.screen().contains(URL));
    assert!(!t.screen().contains("JOIN-SECRET"));
    // Another ballot, cast as the host's console would: the count follows.
    writer
        .execute(&ballot("乡镇-011"), podium::wallclock::now())
        .expect("cast");
    t.wait_for("已收 46 / 62", TIMEOUT);
    writer
        .execute(&Command::CloseVoting, podium::wallclock::now())
        .expect("closed");
    t.wait_gone("已收", TIMEOUT);
    t.wait_for("甲镇", TIMEOUT);
    t.send("q");
    let status = t.wait_exit(TIMEOUT);
    assert!(status.success(), "{status:?}");
}
