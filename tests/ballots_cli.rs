//! `podium ballots` run as a user runs it ([F1] part A): issuing three groups' slips as a
//! Word document (read back: titles, serials, readable codes) and as the secret CSV (its codes
//! are the session's hashes, and no code is anywhere else: not in the session, its journal,
//! stdout or stderr); issuing more up to a new total; voiding; the summary; and every refusal
//! leaving the session and the files as they were.

mod common {
    pub mod cli;
}

use common::cli::{podium, text};
use podium::session::EventKind;
use podium::session::ballots::{hash, normalize_code, show_code};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

const URL: &str = "http://10.0.0.2:7374";

fn fixture(dir: &Path, name: &str) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ballots")
        .join(name);
    let to = dir.join(name);
    std::fs::copy(&from, &to).expect("the fixture is copied");
    to
}

/// `podium ARGS…` in `dir`: (success, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = podium(dir, args);
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

/// The text of a docx's `word/document.xml`, its runs' texts joined.
fn docx_text(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("the docx is read");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    let mut out = String::new();
    let mut rest = xml.as_str();
    while let Some(i) = rest.find("<w:t") {
        rest = &rest[i..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let is_text = matches!(rest.as_bytes().get(4), Some(b'>' | b' '));
        rest = &rest[open_end + 1..];
        if !is_text {
            continue;
        }
        let Some(close) = rest.find("</w:t>") else {
            break;
        };
        out.push_str(&rest[..close]);
        out.push('\n');
        rest = &rest[close..];
    }
    out
}

/// The CSV's rows after its header: (group, serial, code as shown, link).
fn csv_rows(path: &Path) -> Vec<[String; 4]> {
    let text = std::fs::read_to_string(path).expect("the csv is read");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("the CSV starts with a BOM");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("组别,票号,测评码,链接"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            assert_eq!(f.len(), 4, "{l}");
            [f[0], f[1], f[2], f[3]].map(str::to_string)
        })
        .collect()
}

/// Every `ballots_issued` hash of the session (its journal included), by serial.
fn issued_hashes(session: &Path) -> BTreeMap<String, (String, String)> {
    let s = podium::store::read(session).expect("the session reads");
    let mut out = BTreeMap::new();
    for e in s.events() {
        if let EventKind::BallotsIssued { salt, ballots, .. } = &e.kind {
            for b in ballots {
                out.insert(b.serial.clone(), (salt.clone(), b.hash.clone()));
            }
        }
    }
    out
}

/// Everything podium keeps beside the session: the session file, its journal, its lock.
fn kept(dir: &Path) -> String {
    let mut all = String::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.contains(".session") {
            all.push_str(&String::from_utf8_lossy(&std::fs::read(&p).unwrap()));
        }
    }
    all
}

fn assert_no_code(haystack: &str, codes: &[String], what: &str) {
    for c in codes {
        assert!(!haystack.contains(c.as_str()), "a code is in {what}");
        assert!(
            !haystack.contains(show_code(c).as_str()),
            "a code is in {what}"
        );
    }
}

#[test]
fn issue_print_add_void_and_summarize() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fixture(d, "测评.json");
    let mut said = String::new();

    // Three groups as Word slips, with the venue's Wi-Fi.
    let (ok, out, err) = run(
        d,
        &[
            "ballots",
            "测评.json",
            "--group",
            "领导=12",
            "--group",
            "部门=30",
            "--group",
            "乡镇=20",
            "--url",
            URL,
            "--wifi",
            "会场:pass;1",
            "-o",
            "测评票.docx",
            "--lang",
            "zh",
        ],
    );
    assert!(ok, "{out}{err}");
    said += &(out.clone() + &err);
    assert!(
        out.contains("领导：发放 12 张，领导-001 至 领导-012"),
        "{out}"
    );
    assert!(
        out.contains("部门：发放 30 张，部门-001 至 部门-030"),
        "{out}"
    );
    assert!(
        out.contains("乡镇：发放 20 张，乡镇-001 至 乡镇-020"),
        "{out}"
    );
    assert!(out.contains("测评票.docx"), "{out}");
    assert!(err.contains("保密"), "{err}");
    let session = d.join("测评.session.json");
    assert!(session.exists(), "the plan's first session is made");
    let doc = docx_text(&d.join("测评票.docx"));
    assert_eq!(doc.matches("2026年乡镇综合考核现场测评").count(), 62);
    for serial in ["领导-001", "领导-012", "部门-030", "乡镇-001", "乡镇-020"] {
        assert!(doc.contains(&format!("票号：{serial}")), "{serial}");
    }
    assert!(!doc.contains("领导-013"));
    assert!(doc.contains("组别：部门"));
    assert!(doc.contains("扫码连接会场无线网络：会场"));
    assert!(doc.contains(&format!("在浏览器打开 {URL} 输入测评码")));
    // The readable codes: 62 different ones, each a code of the session.
    let doc_codes: Vec<String> = doc
        .lines()
        .filter(|l| l.len() == 19 && l.matches('-').count() == 3)
        .map(|l| normalize_code(l).expect("a readable code"))
        .collect();
    assert_eq!(doc_codes.len(), 62);
    let hashes = issued_hashes(&session);
    assert_eq!(hashes.len(), 62);
    for code in &doc_codes {
        assert!(
            hashes.values().any(|(salt, h)| hash(salt, code) == *h),
            "a printed code is not issued"
        );
    }

    // The same ballots cannot be printed twice: the target is met, only the summary.
    let (ok, out, _) = run(d, &["ballots", "测评.json", "--group", "领导=12"]);
    assert!(ok);
    assert!(
        out.contains("领导：发放 12 张，已投 0 张，作废 0 张"),
        "{out}"
    );

    // Three more for 领导 as CSV: serials 013..015, codes that hash to the session's.
    let (ok, out, err) = run(
        d,
        &[
            "ballots",
            "测评.json",
            "--group",
            "领导=15",
            "--url",
            "http://10.0.0.2:7374/",
            "--format",
            "csv",
        ],
    );
    assert!(ok, "{out}{err}");
    said += &(out.clone() + &err);
    assert!(
        out.contains("领导：发放 3 张，领导-013 至 领导-015"),
        "{out}"
    );
    assert!(err.contains("保密") && err.contains("删除"), "{err}");
    let csv = d.join("测评-测评码.csv");
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), 3);
    let hashes = issued_hashes(&session);
    assert_eq!(hashes.len(), 65);
    let mut codes = doc_codes.clone();
    for (i, [group, serial, shown, link]) in rows.iter().enumerate() {
        assert_eq!(group, "领导");
        assert_eq!(*serial, format!("领导-{:03}", 13 + i));
        let code = normalize_code(shown).expect("a code");
        assert_eq!(show_code(&code), *shown);
        assert_eq!(*link, format!("{URL}/b/{code}"));
        let (salt, h) = &hashes[serial];
        assert_eq!(hash(salt, &code), *h, "{serial}");
        codes.push(code);
    }
    // The default name is taken now: the next CSV is -2.
    let (ok, _, _) = run(
        d,
        &[
            "ballots",
            "测评.json",
            "--group",
            "乡镇=21",
            "--format",
            "csv",
            "--url",
            URL,
        ],
    );
    assert!(ok);
    let rows = csv_rows(&d.join("测评-测评码-2.csv"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][1], "乡镇-021");
    codes.push(normalize_code(&rows[0][2]).unwrap());

    // Void a lost slip; the summary counts it.
    let (ok, out, err) = run(d, &["ballots", "测评.json", "--void", "部门-003"]);
    assert!(ok, "{err}");
    assert!(out.contains("已作废 部门-003"), "{out}");
    assert!(
        out.contains("部门：发放 30 张，已投 0 张，作废 1 张"),
        "{out}"
    );
    let (ok, out, _) = run(d, &["ballots", "测评.session.json"]);
    assert!(ok);
    assert!(out.contains("测评票（投票未开放）"), "{out}");
    assert!(out.contains("领导：发放 15 张"), "{out}");
    assert!(out.contains("乡镇：发放 21 张"), "{out}");
    assert!(
        out.contains("合计：发放 66 张，已投 0 张，作废 1 张"),
        "{out}"
    );
    said += &out;

    // No code anywhere but the slips and the CSV.
    assert_eq!(codes.len(), 66);
    assert_no_code(&kept(d), &codes, "the session or its journal");
    assert_no_code(&said, &codes, "what podium said");
}

#[test]
fn refusals_leave_everything_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fixture(d, "测评.json");
    fixture(d, "无分组.json");
    let (ok, _, err) = run(
        d,
        &["ballots", "测评.json", "--group", "领导=12", "--url", URL],
    );
    assert!(ok, "{err}");
    let session = d.join("测评.session.json");
    let before = kept(d);
    let refused = |args: &[&str], says: &[&str]| {
        let (ok, out, err) = run(d, args);
        assert!(!ok, "{args:?} was not refused: {out}{err}");
        for s in says {
            assert!(err.contains(s), "{args:?}: {err}");
        }
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(kept(d), before, "{args:?} changed the session");
    };
    refused(
        &["ballots", "测评.json", "--group", "评委=3"],
        &["评委", "领导、部门、乡镇"],
    );
    refused(
        &[
            "ballots",
            "测评.json",
            "--group",
            "领导=3",
            "--group",
            "领导=4",
        ],
        &["两次"],
    );
    refused(
        &["ballots", "测评.json", "--group", "领导=10"],
        &["已发放 12 张", "--void"],
    );
    refused(
        &["ballots", "测评.json", "--void", "领导-099"],
        &["领导-099"],
    );
    for url in [
        "ftp://h",
        "http://h/path?x",
        "10.0.0.2:7374",
        "http://h:99999",
    ] {
        refused(
            &["ballots", "测评.json", "--group", "领导=13", "--url", url],
            &["--url", "http://"],
        );
    }
    for wifi in ["nocolon", ":password"] {
        refused(
            &["ballots", "测评.json", "--group", "领导=13", "--wifi", wifi],
            &["--wifi"],
        );
    }
    refused(
        &["ballots", "测评.json", "--group", "领导=13", "-o", "x.pdf"],
        &["x.pdf", ".docx", ".csv"],
    );
    // An existing output file is never replaced, and nothing is issued.
    std::fs::write(d.join("mine.docx"), "the user's file").unwrap();
    refused(
        &[
            "ballots",
            "测评.json",
            "--group",
            "领导=13",
            "-o",
            "mine.docx",
        ],
        &["mine.docx", "已存在"],
    );
    assert_eq!(
        std::fs::read_to_string(d.join("mine.docx")).unwrap(),
        "the user's file"
    );
    // A plan without ballot groups: what to add.
    let (ok, _, err) = run(d, &["ballots", "无分组.json"]);
    assert!(!ok);
    assert!(err.contains("scoring.ballot_groups"), "{err}");
    assert!(!d.join("无分组.session.json").exists());
    // A console holds the session: refused, and no file is left behind.
    let files = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with(".lock"))
            .collect();
        v.sort();
        v
    };
    {
        let now = chrono::Local::now().fixed_offset();
        let (writer, _) = podium::store::Writer::open(&session, now).expect("held");
        let listed = files(d);
        let (ok, _, err) = run(d, &["ballots", "测评.json", "--group", "领导=13"]);
        assert!(!ok);
        assert!(err.contains("另一个 podium"), "{err}");
        assert_eq!(files(d), listed, "a file was left");
        // The summary only reads: it works while the console holds the session.
        let (ok, out, err) = run(d, &["ballots", "测评.json", "--group", "领导=12"]);
        assert!(ok, "{err}");
        assert!(out.contains("领导：发放 12 张"), "{out}");
        writer.release(now).unwrap();
    }
    assert_eq!(issued_hashes(&session).len(), 12);
}

#[test]
fn the_plans_numbers_are_the_default_and_english_speaks_english() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fixture(d, "测评.json");
    let (ok, out, err) = run(d, &["ballots", "测评.json", "--lang", "en", "--url", URL]);
    assert!(ok, "{err}");
    // The plan's ballots: 12, 30, 20, into the default Word file.
    assert!(
        out.contains("领导: issued 12 ballots, 领导-001 to 领导-012"),
        "{out}"
    );
    assert!(out.contains("乡镇: issued 20 ballots"), "{out}");
    assert!(err.contains("secret"), "{err}");
    let doc = docx_text(&d.join("测评-ballots.docx"));
    assert!(doc.contains("Serial: 部门-030"));
    assert!(doc.contains(&format!("open {URL} in a browser")));
    // Run again: every group has its ballots, nothing is written.
    let (ok, out, _) = run(d, &["ballots", "测评.json", "--lang", "en"]);
    assert!(ok);
    assert!(out.contains("Total: 62 issued, 0 cast, 0 voided"), "{out}");
    assert!(!d.join("测评-ballots-2.docx").exists());
}
