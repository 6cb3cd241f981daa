//! Printing a document as an office would: LibreOffice headless converts it to PDF
//! (`soffice --convert-to pdf`), poppler reads the PDF back (`pdfinfo` for the pages and their
//! sizes, `pdftotext` for a page's text, `pdftoppm` for PNGs to look at). Used by
//! tests/render_office.rs behind `PODIUM_EXTERNAL=1` (tests/common/external.rs).
//!
//! Each conversion runs with a LibreOffice profile of its own (`-env:UserInstallation`), so
//! that tests can convert in parallel (two soffice on one profile wait for each other or fail),
//! in a process group of its own, killed whole when it takes longer than `TIMEOUT`: a hung
//! soffice fails its test instead of hanging CI. The fonts the documents name (仿宋_GB2312,
//! 黑体, …) print in the Noto CJK face of their kind (tests/fixtures/render/fonts.conf).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one conversion may take. A cold first start of LibreOffice with a fresh profile
/// takes about 5-10 s on two cores; a document of a few pages converts in 1-2 s more.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// The fonts a Chinese office substitutes, as fontconfig aliases.
const FONTS: &str = include_str!("../fixtures/render/fonts.conf");

/// A page of a PDF: its size in points (1/72 inch).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    pub width: f64,
    pub height: f64,
}

impl Page {
    pub fn landscape(&self) -> bool {
        self.width > self.height
    }

    /// A4 (595 × 842 pt) either way round, to a point.
    pub fn a4(&self) -> bool {
        let (short, long) = if self.landscape() {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        };
        (short - 595.3).abs() < 1.5 && (long - 841.9).abs() < 1.5
    }
}

/// `input` converted to PDF in `dir` (with its own profile under `dir`); the PDF's path.
/// Panics (fails the test) with soffice's output when it fails, produces nothing, or takes
/// longer than `TIMEOUT`.
pub fn to_pdf(input: &Path, dir: &Path) -> PathBuf {
    let profile = dir.join("profile");
    let outdir = dir.join("pdf");
    std::fs::create_dir_all(&outdir).expect("the PDF folder is made");
    // The fonts the documents name, mapped to Noto's faces of their kind
    // (tests/fixtures/render/fonts.conf), through the user's fontconfig file.
    let xdg = dir.join("xdg");
    std::fs::create_dir_all(xdg.join("fontconfig")).expect("the fontconfig folder is made");
    std::fs::write(xdg.join("fontconfig").join("fonts.conf"), FONTS)
        .expect("the fontconfig file is written");
    let mut command = Command::new("soffice");
    command
        .env("XDG_CONFIG_HOME", absolute(&xdg))
        .arg(format!(
            "-env:UserInstallation=file://{}",
            absolute(&profile).display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
        ])
        .arg("--outdir")
        .arg(&outdir)
        .arg(input)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command.spawn().expect("soffice starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("soffice is waited for") {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            kill_group(child.id());
            let _ = child.wait();
            panic!(
                "soffice did not convert {} within {} s",
                input.display(),
                TIMEOUT.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let out = child.wait_with_output().expect("soffice's output is read");
    let stem = input.file_stem().expect("the input has a name");
    let pdf = outdir.join(stem).with_extension("pdf");
    assert!(
        status.success() && pdf.is_file(),
        "soffice did not convert {} ({status}): {}{}",
        input.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// Kills a process group (soffice's launcher and the office it starts).
fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .status();
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .expect("a current folder")
            .join(path)
    }
}

/// The pages of a PDF with their sizes, from `pdfinfo -f 1 -l N`.
pub fn pages(pdf: &Path) -> Vec<Page> {
    let out = run("pdfinfo", &["-f", "1", "-l", "100000"], pdf);
    let count: usize = out
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gives no page count for {}: {out}", pdf.display()));
    // "Page    1 size: 595.3 x 841.9 pts (A4)"
    let pages: Vec<Page> = out
        .lines()
        .filter(|l| l.starts_with("Page ") && l.contains(" size:"))
        .map(|l| {
            let size = l.split(" size:").nth(1).unwrap_or_default();
            let mut numbers = size
                .split_whitespace()
                .filter_map(|w| w.parse::<f64>().ok());
            match (numbers.next(), numbers.next()) {
                (Some(width), Some(height)) => Page { width, height },
                _ => panic!("pdfinfo's page size unread: {l}"),
            }
        })
        .collect();
    assert_eq!(pages.len(), count, "pdfinfo lists every page: {out}");
    pages
}

/// The text of page `n` (from 1), laid out (`pdftotext -layout`).
pub fn page_text(pdf: &Path, n: usize) -> String {
    let n = n.to_string();
    run("pdftotext", &["-layout", "-f", &n, "-l", &n], pdf)
}

/// The text of every page, in order.
pub fn texts(pdf: &Path) -> Vec<String> {
    (1..=pages(pdf).len()).map(|n| page_text(pdf, n)).collect()
}

/// Each page as a PNG at 60 dpi (`pdftoppm -png -r 60`) under `dir`, named `prefix-N.png`;
/// the files, in page order. For a person to look at: the tests keep them when
/// `PODIUM_RENDER_DIR` names a folder (see `keep_dir`).
pub fn pngs(pdf: &Path, dir: &Path, prefix: &str) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("the PNG folder is made");
    let root = dir.join(prefix);
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(pdf)
        .arg(&root)
        .stdin(Stdio::null())
        .status()
        .expect("pdftoppm runs");
    assert!(status.success(), "pdftoppm fails on {}", pdf.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the PNG folder is read")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "png")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{prefix}-")))
        })
        .collect();
    files.sort_by_key(|p| {
        p.file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.rsplit('-').next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    });
    files
}

/// The folder `PODIUM_RENDER_DIR` names, where the render tests leave each PDF and its PNGs
/// for a person to look at; `None` when it is not set.
pub fn keep_dir() -> Option<PathBuf> {
    std::env::var_os("PODIUM_RENDER_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn run(program: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = Command::new(program);
    command.args(args).arg(pdf);
    if program == "pdftotext" {
        command.arg("-");
    }
    let out = command
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    assert!(
        out.status.success(),
        "{program} fails on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
