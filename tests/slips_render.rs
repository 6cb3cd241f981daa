//! The ballot slips printed ([F1] "Must show"): the Word document `podium ballots` writes is
//! converted to PDF by LibreOffice headless, each page rendered at 150 dpi in gray
//! (`pdftoppm -r 150 -gray`, PGM read here by hand), and every QR code on it found and decoded
//! with `rqrr`: the decoded texts are exactly the CSV's links of the same slips (one each),
//! and the venue's `WIFI:` payload once per slip.
//!
//! Behind `PODIUM_EXTERNAL=1` (soffice and pdftoppm; tests/common/external.rs). The first
//! page is kept as target/artifacts/slips-page1.png (and slips-nowifi-page1.png) to look at.

mod common {
    pub mod external;
    pub mod office;
}

use common::office;
use podium::commands::ballots::draw;
use podium::report::slips::{self, Slip, Slips, Wifi};
use podium::session::ballots::serial;
use podium::strings::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BASE: &str = "http://192.168.31.20:7374";

/// Nine slips in three groups (two pages: the second half-full).
fn slips(wifi: Option<Wifi>) -> Slips {
    let mut all = Vec::new();
    for (group, n) in [("领导", 3), ("部门", 4), ("乡镇", 2)] {
        let (_, codes) = draw(n).unwrap();
        for (i, code) in codes.into_iter().enumerate() {
            all.push(Slip {
                group: group.into(),
                serial: serial(group, i + 1),
                link: slips::link(BASE, &code),
                code,
            });
        }
    }
    Slips {
        title: "2026年乡镇综合考核现场测评".into(),
        date: Some("2026年5月30日".into()),
        slips: all,
        wifi,
        lang: Lang::Zh,
    }
}

/// A binary PGM (P5, 8-bit) as (width, height, pixels).
fn read_pgm(path: &Path) -> (usize, usize, Vec<u8>) {
    let bytes = std::fs::read(path).expect("the PGM is read");
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes[i] == b'#' {
            while bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..i]).into_owned());
    }
    i += 1; // the one whitespace after the maximum
    assert_eq!(fields[0], "P5", "a binary gray PGM");
    let w: usize = fields[1].parse().unwrap();
    let h: usize = fields[2].parse().unwrap();
    assert_eq!(fields[3], "255");
    let pixels = bytes[i..].to_vec();
    assert_eq!(pixels.len(), w * h, "the PGM's pixels");
    (w, h, pixels)
}

/// `pdftoppm ARGS… PDF ROOT`; the files it wrote under `dir` starting with ROOT's name.
fn pdftoppm(args: &[&str], pdf: &Path, dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let status = Command::new("pdftoppm")
        .args(args)
        .arg(pdf)
        .arg(dir.join(prefix))
        .stdin(Stdio::null())
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{prefix}-"))
        })
        .collect();
    files.sort();
    files
}

/// Every QR code decoded on every page, with how often each text was read.
fn decode_all(docx: &[u8], dir: &Path, artifact: &str) -> BTreeMap<String, usize> {
    let input = dir.join("slips.docx");
    std::fs::write(&input, docx).unwrap();
    let pdf = office::to_pdf(&input, dir);
    let pages = office::pages(&pdf);
    assert_eq!(pages.len(), 2, "nine slips, eight to a page");
    assert!(pages.iter().all(|p| p.a4() && !p.landscape()), "{pages:?}");
    // The first page to look at.
    let art = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/artifacts");
    std::fs::create_dir_all(&art).unwrap();
    let png = pdftoppm(
        &["-png", "-r", "60", "-f", "1", "-l", "1"],
        &pdf,
        dir,
        "look",
    );
    std::fs::copy(&png[0], art.join(format!("{artifact}.png"))).unwrap();

    let mut read = BTreeMap::new();
    for page in pdftoppm(&["-r", "150", "-gray"], &pdf, dir, "page") {
        let (w, h, px) = read_pgm(&page);
        // Slip by slip (10 mm margins, 95 mm × 68.8 mm each, at 150 dpi): a whole page of
        // codes side by side confuses the finder patterns of one with the next.
        let mm = |v: f64| (v * 150.0 / 25.4).round() as usize;
        for row in 0..4 {
            for col in 0..2 {
                let (x0, y0) = (mm(10.0 + 95.0 * col as f64), mm(10.0 + 68.8 * row as f64));
                let (cw, ch) = (mm(95.0).min(w - x0), mm(68.8).min(h - y0));
                let mut img = rqrr::PreparedImage::prepare_from_greyscale(cw, ch, |x, y| {
                    // Binarized: the rendered edges are gray.
                    if px[(y0 + y) * w + x0 + x] < 128 {
                        0
                    } else {
                        255
                    }
                });
                for grid in img.detect_grids() {
                    let (_, text) = grid.decode().unwrap_or_else(|e| {
                        panic!(
                            "a QR code on {} (row {row}, column {col}) does not decode: {e:?}",
                            page.display()
                        )
                    });
                    *read.entry(text).or_insert(0) += 1;
                }
            }
        }
    }
    read
}

#[test]
fn every_qr_code_on_the_printed_slips_is_its_link() {
    if !common::external::needs("soffice") || !common::external::needs("pdftoppm") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let wifi = Wifi {
        ssid: "县委会议室;5G".into(),
        password: "pa:ss,word".into(),
    };
    let s = slips(Some(wifi.clone()));
    let links: Vec<String> = slips::csv(&s)
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap().to_string())
        .collect();
    assert_eq!(links.len(), 9);
    let read = decode_all(&slips::docx(&s).unwrap(), dir.path(), "slips-page1");
    let mut expected: BTreeMap<String, usize> = links.iter().map(|l| (l.clone(), 1)).collect();
    expected.insert(wifi.payload(), 9);
    assert_eq!(read, expected);
    assert_eq!(
        wifi.payload(),
        r"WIFI:T:WPA;S:县委会议室\;5G;P:pa\:ss\,word;;"
    );
}

#[test]
fn without_wifi_each_slip_has_one_code() {
    if !common::external::needs("soffice") || !common::external::needs("pdftoppm") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = slips(None);
    let read = decode_all(&slips::docx(&s).unwrap(), dir.path(), "slips-nowifi-page1");
    let expected: BTreeMap<String, usize> =
        s.slips.iter().map(|slip| (slip.link.clone(), 1)).collect();
    assert_eq!(read, expected);
}
