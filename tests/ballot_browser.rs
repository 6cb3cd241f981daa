//! The ballot page in a real browser ([F2]): headless Chromium at a phone's viewport (390×844
//! CSS pixels, pixel ratio 3), driven over the W3C WebDriver HTTP API by chromedriver, opens
//! the page `podium run SESSION --serve --open-voting` serves, clicks a grade for each unit
//! (or types the points), sends the summary, confirms, and finds “已提交”; then the ballot is
//! in the session on disk with exactly what was clicked.
//!
//! Only with `PODIUM_EXTERNAL=1` (`chromium` and `chromedriver` on the `PATH`). The
//! screenshots are kept in `target/artifacts/` (ballot-form.png, ballot-check.png,
//! ballot-done.png, ballot-points.png) for a person to look at.
//!
//! The WebDriver client is a few lines of HTTP/1.1 over `std::net::TcpStream` and serde_json.

mod common {
    pub mod external;
    pub mod net;
    pub mod pty;
}

use common::net::{poll, quit};
use common::pty::Term;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const TITLE: &str = "区级部门述职测评";
/// The key WebDriver names an element by.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
/// A phone's browser, as the page is told.
const PHONE_UA: &str = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";

/// Where an executable named `program` is on the `PATH`.
fn which(program: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("{program} is not on the PATH"))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

// ---- a tiny HTTP/1.1 client ------------------------------------------------------------------

/// One request on its own connection: the status and the body.
fn http(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> Result<(u16, Vec<u8>), String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nAccept: application/json\r\n"
    );
    if method != "GET" {
        req.push_str(&format!(
            "Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    req.push_str("\r\n");
    req.push_str(&body);
    s.write_all(req.as_bytes()).map_err(|e| e.to_string())?;
    let mut r = BufReader::new(s);
    let mut line = String::new();
    r.read_line(&mut line).map_err(|e| e.to_string())?;
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no status line: {line:?}"))?;
    let mut length = None;
    let mut chunked = false;
    loop {
        line.clear();
        r.read_line(&mut line).map_err(|e| e.to_string())?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((n, v)) = l.split_once(':') {
            let v = v.trim();
            if n.eq_ignore_ascii_case("content-length") {
                length = v.parse::<usize>().ok();
            } else if n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked") {
                chunked = true;
            }
        }
    }
    let mut out = Vec::new();
    if chunked {
        loop {
            line.clear();
            r.read_line(&mut line).map_err(|e| e.to_string())?;
            let n = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                .map_err(|_| format!("a bad chunk size: {line:?}"))?;
            if n == 0 {
                break;
            }
            let mut chunk = vec![0; n + 2];
            r.read_exact(&mut chunk).map_err(|e| e.to_string())?;
            out.extend_from_slice(&chunk[..n]);
        }
    } else if let Some(n) = length {
        out.resize(n, 0);
        r.read_exact(&mut out).map_err(|e| e.to_string())?;
    } else {
        r.read_to_end(&mut out).map_err(|e| e.to_string())?;
    }
    Ok((status, out))
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let digits: Vec<u32> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for group in digits.chunks(4) {
        let mut n = 0u32;
        for (i, d) in group.iter().enumerate() {
            n |= d << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..group.len().saturating_sub(1)]);
    }
    out
}

// ---- the browser -----------------------------------------------------------------------------

/// chromedriver and a WebDriver session of headless Chromium; both ended when dropped, on
/// every path (a failed assertion included).
struct Browser {
    driver: Child,
    port: u16,
    session: Option<String>,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Browser {
        let port = free_port();
        let driver = Command::new(which("chromedriver"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().expect("a profile folder");
        let mut b = Browser {
            driver,
            port,
            session: None,
            _profile: profile,
        };
        poll(
            "chromedriver ready",
            Duration::from_secs(30),
            || {
                let (_, body) = http(port, "GET", "/status", None).ok()?;
                let v: Value = serde_json::from_slice(&body).ok()?;
                v["value"]["ready"].as_bool().filter(|r| *r)
            },
            String::new,
        );
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": which("chromium"),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    format!("--user-data-dir={}", b._profile.path().display()),
                    "--window-size=390,844", "--lang=zh-CN",
                ],
                "mobileEmulation": {
                    "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0, "touch": true},
                    "userAgent": PHONE_UA,
                },
            },
        }}});
        let v = b.call("POST", "/session", Some(caps));
        let id = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        b.session = Some(id);
        b
    }

    /// A WebDriver command: its `value`, or a panic naming the command and the error.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (status, raw) = http(self.port, method, path, body.as_ref())
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        let v: Value = serde_json::from_slice(&raw).unwrap_or_else(|e| {
            panic!(
                "WebDriver {method} {path}: {e}: {}",
                String::from_utf8_lossy(&raw)
            )
        });
        assert_eq!(status, 200, "WebDriver {method} {path}: {v}");
        v["value"].clone()
    }

    fn s(&self, method: &str, rest: &str, body: Option<Value>) -> Value {
        let id = self.session.as_deref().expect("a session");
        self.call(method, &format!("/session/{id}{rest}"), body)
    }

    fn open(&self, url: &str) {
        self.s("POST", "/url", Some(json!({ "url": url })));
    }

    fn find(&self, css: &str) -> String {
        let v = self.s(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_string()
    }

    fn click(&self, element: &str) {
        self.s(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        );
    }

    fn attribute(&self, element: &str, name: &str) -> Value {
        self.s("GET", &format!("/element/{element}/attribute/{name}"), None)
    }

    /// The element's box, in CSS pixels: (x, y, width, height).
    fn rect(&self, element: &str) -> (f64, f64, f64, f64) {
        let r = self.s("GET", &format!("/element/{element}/rect"), None);
        let f = |k: &str| r[k].as_f64().unwrap_or(f64::NAN);
        (f("x"), f("y"), f("width"), f("height"))
    }

    fn source(&self) -> String {
        self.s("GET", "/source", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The page's source once it contains `text` (a form's answer may still be loading).
    fn wait_source(&self, text: &str) -> String {
        let start = std::time::Instant::now();
        loop {
            let src = self.source();
            if src.contains(text) || start.elapsed() > Duration::from_secs(15) {
                return src;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn script(&self, script: &str) -> Value {
        self.s(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// A screenshot of the viewport, written to `target/artifacts/NAME`.
    fn screenshot(&self, name: &str) -> PathBuf {
        let png = base64_decode(self.s("GET", "/screenshot", None).as_str().unwrap_or(""));
        assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
        let dir = artifacts();
        std::fs::create_dir_all(&dir).expect("target/artifacts");
        let path = dir.join(name);
        std::fs::write(&path, png).expect("the screenshot written");
        path
    }

    /// The page fits the phone's width: nothing cut off or scrolled sideways at 390 px.
    fn assert_fits(&self, what: &str) {
        let v = self.script(
            "return [document.documentElement.scrollWidth, window.innerWidth, document.documentElement.clientWidth];",
        );
        let scroll = v[0].as_f64().unwrap_or(f64::NAN);
        let inner = v[1].as_f64().unwrap_or(f64::NAN);
        assert_eq!(inner, 390.0, "{what}: the phone's viewport");
        assert!(
            scroll <= inner,
            "{what}: the page is {scroll} px wide in a {inner} px viewport"
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(id) = self.session.take() {
            let _ = http(self.port, "DELETE", &format!("/session/{id}"), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn artifacts() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .join("artifacts")
}

// ---- the host --------------------------------------------------------------------------------

/// The plan fixture `name` in a new folder, its ballots issued (`podium ballots --format
/// csv`), the real console serving the page with voting open. The page's address and the
/// codes by serial.
struct Host {
    dir: tempfile::TempDir,
    term: Option<Term>,
    url: String,
    codes: Vec<(String, String)>,
}

impl Host {
    fn start(plan: &str) -> Host {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ballot_browser")
            .join(plan);
        std::fs::copy(&fixture, dir.path().join("测评.json")).expect("the plan copied");
        let out = Command::new(env!("CARGO_BIN_EXE_podium"))
            .current_dir(dir.path())
            .args(["ballots", "测评.json", "--format", "csv", "-o", "codes.csv"])
            .args(["--lang", "zh"])
            .output()
            .expect("podium ballots");
        assert!(
            out.status.success(),
            "podium ballots: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let csv = std::fs::read_to_string(dir.path().join("codes.csv")).expect("codes.csv");
        let mut lines = csv.trim_start_matches('\u{feff}').lines();
        assert_eq!(lines.next(), Some("组别,票号,测评码,链接"));
        let codes: Vec<(String, String)> = lines
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                (cells[1].to_string(), cells[2].to_string())
            })
            .collect();
        assert!(!codes.is_empty());
        let term = Term::spawn_full(
            dir.path(),
            &[
                "run",
                "测评.session.json",
                "--serve",
                "127.0.0.1:0",
                "--ballots-port",
                "0",
                "--open-voting",
                "--lang",
                "zh",
            ],
            120,
            40,
            &[],
        );
        let join_path = dir.path().join("测评.session.join");
        let url = poll(
            "the page's address in the join file",
            Duration::from_secs(30),
            || {
                let v: Value =
                    serde_json::from_str(&std::fs::read_to_string(&join_path).ok()?).ok()?;
                v["ballots_url"].as_str().map(str::to_string)
            },
            || term.screen(),
        );
        term.wait_for(TITLE, Duration::from_secs(20));
        Host {
            dir,
            term: Some(term),
            url,
            codes,
        }
    }

    fn code(&self, serial: &str) -> &str {
        &self
            .codes
            .iter()
            .find(|(s, _)| s == serial)
            .unwrap_or_else(|| panic!("no {serial} in codes.csv"))
            .1
    }

    /// Quits the console as the host does; the session's record as `podium report` prints it.
    fn finish(&mut self) -> Value {
        if let Some(mut term) = self.term.take() {
            quit(&mut term);
        }
        let out = Command::new(env!("CARGO_BIN_EXE_podium"))
            .current_dir(self.dir.path())
            .args(["report", "测评.session.json", "--format", "json"])
            .output()
            .expect("podium report");
        assert!(
            out.status.success(),
            "podium report: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("the record is JSON")
    }

    fn session(&self) -> podium::session::Session {
        podium::store::read(&self.dir.path().join("测评.session.json")).expect("the session")
    }
}

/// Every button and grade label on the page is a large touch target (at least 44 CSS px
/// high, as the platforms' guidelines ask) and within the 390 px width.
fn assert_touch_targets(b: &Browser, css: &str, what: &str) -> usize {
    let all = b.s(
        "POST",
        "/elements",
        Some(json!({"using": "css selector", "value": css})),
    );
    let all = all.as_array().cloned().unwrap_or_default();
    for e in &all {
        let id = e[ELEMENT].as_str().expect("an element");
        let (x, _, w, h) = b.rect(id);
        assert!(h >= 44.0, "{what}: a target {h} px high");
        assert!(
            x >= 0.0 && x + w <= 390.0,
            "{what}: a target from {x} to {} px",
            x + w
        );
    }
    all.len()
}

#[test]
fn a_phone_casts_a_grades_ballot_in_chromium() {
    if !common::external::needs("chromium") || !common::external::needs("chromedriver") {
        return;
    }
    let mut host = Host::start("grades.plan.json");
    let code = host.code("领导-001").to_string();
    let browser = Browser::start();

    // Without a code: only the field to type one.
    browser.open(&format!("{}/", host.url));
    let entry = browser.source();
    assert!(entry.contains("测评码"), "{entry}");
    assert!(!entry.contains("甲镇"));

    // The slip's link.
    browser.open(&format!("{}/b/{code}", host.url));
    let form = browser.source();
    assert!(form.contains(TITLE), "{form}");
    assert!(form.contains("领导-001"));
    browser.assert_fits("the form");
    assert_eq!(
        assert_touch_targets(&browser, ".g label, button", "the form"),
        3 * 5 + 1,
        "five choices for each of three units, and the button"
    );
    let clicked = [
        ("甲镇", "优秀"),
        ("乙镇", "一般"),
        ("城郊街道办事处", "良好"),
    ];
    for (unit, grade) in clicked {
        let input = browser.find(&format!("input[name=\"g:{unit}\"][value=\"{grade}\"]"));
        let id = browser.attribute(&input, "id");
        let label = browser.find(&format!(
            "label[for=\"{}\"]",
            id.as_str().expect("the radio's id")
        ));
        browser.click(&label);
        let selected = browser.s("GET", &format!("/element/{input}/selected"), None);
        assert_eq!(selected, json!(true), "{unit} {grade} chosen by a tap");
    }
    let shot = browser.screenshot("ballot-form.png");
    println!("the form: {}", shot.display());

    // The summary.
    browser.click(&browser.find("button[type=submit]"));
    let check = browser.wait_source("确认提交");
    assert!(check.contains("确认提交"), "{check}");
    assert!(!check.contains("已提交"));
    for (unit, grade) in clicked {
        assert!(
            check.contains(&format!("<td>{unit}</td><td><b>{grade}</b></td>")),
            "the summary lacks {unit} {grade}: {check}"
        );
    }
    browser.assert_fits("the summary");
    assert_touch_targets(&browser, "button", "the summary");
    browser.screenshot("ballot-check.png");
    assert!(
        host.session()
            .state()
            .ballots
            .get("领导-001")
            .unwrap()
            .cast
            .is_none(),
        "nothing cast before the confirmation"
    );

    // Confirmed.
    browser.click(&browser.find("button[name=confirm]"));
    let done = browser.wait_source("已提交");
    assert!(done.contains("已提交"), "{done}");
    assert!(!done.contains("已提交（未改变）"));
    browser.assert_fits("the answer");
    let shot = browser.screenshot("ballot-done.png");
    println!("the answer: {}", shot.display());
    // The browser kept no code in its address bar's history beyond the page itself, and the
    // page sent no referrer: the answer has the headers (checked in tests/ballot_http.rs).
    drop(browser);

    // On disk with exactly what was clicked.
    let record = host.finish();
    assert_eq!(record["ballots"]["cast"], 1, "{}", record["ballots"]);
    assert_eq!(record["ballots"]["groups"]["领导"]["cast"], 1);
    assert_eq!(record["ballots"]["groups"]["部门"]["cast"], 0);
    let s = host.session();
    let cast = s
        .state()
        .ballots
        .get("领导-001")
        .and_then(|b| b.cast.clone())
        .expect("领导-001 cast");
    let mut got: Vec<(String, String)> = cast.grades.into_iter().collect();
    got.sort();
    let mut want: Vec<(String, String)> = clicked
        .iter()
        .map(|(u, g)| (u.to_string(), g.to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want);
    let text = serde_json::to_string(&record).unwrap();
    for (_, c) in &host.codes {
        assert!(!text.contains(c.as_str()), "a code in the record");
    }
}

#[test]
fn a_phone_casts_a_points_ballot_in_chromium() {
    if !common::external::needs("chromium") || !common::external::needs("chromedriver") {
        return;
    }
    let mut host = Host::start("points.plan.json");
    let code = host.code("领导-001").to_string();
    let browser = Browser::start();
    browser.open(&format!("{}/b/{code}", host.url));
    let form = browser.source();
    assert!(form.contains("工作实绩（0–60）"), "{form}");
    browser.assert_fits("the points form");
    // Typed with the phone's keyboard: 甲镇 both criteria; 乙镇 left empty.
    for (k, value) in [(0, "55.5"), (1, "38")] {
        let field = browser.find(&format!("input[name=\"p:{k}:甲镇\"]"));
        let (_, _, w, h) = browser.rect(&field);
        assert!(h >= 44.0 && w <= 390.0, "a field {w}×{h}");
        browser.click(&field);
        browser.s(
            "POST",
            &format!("/element/{field}/value"),
            Some(json!({ "text": value })),
        );
    }
    browser.screenshot("ballot-points.png");
    browser.click(&browser.find("button[type=submit]"));
    let check = browser.wait_source("确认提交");
    assert!(check.contains("工作实绩 55.5；工作作风 38"), "{check}");
    browser.click(&browser.find("button[name=confirm]"));
    let done = browser.wait_source("已提交");
    assert!(done.contains("已提交"), "{done}");
    drop(browser);
    let record = host.finish();
    assert_eq!(record["ballots"]["cast"], 1, "{}", record["ballots"]);
    let cast = host
        .session()
        .state()
        .ballots
        .get("领导-001")
        .and_then(|b| b.cast.clone())
        .expect("领导-001 cast");
    assert_eq!(cast.points["甲镇"], vec![Some(555_000), Some(380_000)]);
    assert!(!cast.points.contains_key("乙镇"));
}
