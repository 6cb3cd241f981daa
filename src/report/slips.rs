//! The ballot slips (测评票) as a Word document: per slip the meeting's title, the group, the
//! serial, a QR code of the ballot's own link and the same code in readable characters, cut
//! lines, several to an A4 page; the venue's Wi-Fi as a `WIFI:` QR code when given. And the
//! same as CSV for a mail merge (a secret file).

use super::docx::{exact, fonts};
use crate::session::ballots::show_code;
use crate::strings::{Lang, ballots as words, docx as docx_words};
use docx_rs::{
    AlignmentType, BorderType, Docx, LineSpacing, PageMargin, Paragraph, Pic, Run, RunFonts, Table,
    TableBorder, TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType,
    TableRow, VAlignType, WidthType,
};
use qrcode::{Color, EcLevel, QrCode};

/// One slip: its ballot's serial and group, its code (normalized, `ballots::normalize_code`)
/// and its link. Its `Debug` leaves out the code and the link (a log or a failed test's
/// message never shows one).
#[derive(Clone, PartialEq)]
pub struct Slip {
    pub group: String,
    pub serial: String,
    pub code: String,
    pub link: String,
}

impl std::fmt::Debug for Slip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Slip")
            .field("group", &self.group)
            .field("serial", &self.serial)
            .finish_non_exhaustive()
    }
}

/// The venue's Wi-Fi (`--wifi SSID:PASSWORD`).
#[derive(Debug, Clone, PartialEq)]
pub struct Wifi {
    pub ssid: String,
    pub password: String,
}

/// What the slips document holds.
#[derive(Debug, Clone)]
pub struct Slips {
    pub title: String,
    /// “2026年5月30日”, when the plan has a date.
    pub date: Option<String>,
    pub slips: Vec<Slip>,
    pub wifi: Option<Wifi>,
    pub lang: Lang,
}

/// A ballot's own link: the page's address and the code (`http://ADDR:PORT/b/CODE`).
pub fn link(base: &str, code: &str) -> String {
    format!("{}/b/{code}", base.trim_end_matches('/'))
}

impl Wifi {
    /// The venue's Wi-Fi as typed (`--wifi SSID:PASSWORD`, split at the first colon: a
    /// password may hold colons, a name may not; `SSID:` is an open network). `None` without
    /// a name, without the colon, or with a control character.
    pub fn parse(text: &str) -> Option<Wifi> {
        let (ssid, password) = text.split_once(':')?;
        if ssid.trim().is_empty() || ssid.chars().chain(password.chars()).any(char::is_control) {
            return None;
        }
        Some(Wifi {
            ssid: ssid.to_string(),
            password: password.to_string(),
        })
    }

    /// The `WIFI:` payload phones join a network from (the ZXing convention): `\ ; , : "`
    /// escaped with a backslash; an open network when there is no password.
    pub fn payload(&self) -> String {
        let esc = |t: &str| {
            let mut out = String::with_capacity(t.len());
            for c in t.chars() {
                if matches!(c, '\\' | ';' | ',' | ':' | '"') {
                    out.push('\\');
                }
                out.push(c);
            }
            out
        };
        if self.password.is_empty() {
            format!("WIFI:T:nopass;S:{};;", esc(&self.ssid))
        } else {
            format!(
                "WIFI:T:WPA;S:{};P:{};;",
                esc(&self.ssid),
                esc(&self.password)
            )
        }
    }
}

/// The address a link is made of (what a voter types without the code): `http://HOST:PORT`.
fn base_of(link: &str) -> &str {
    link.rsplit_once("/b/").map_or(link, |(base, _)| base)
}

/// A4 in twips.
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
/// The page's margins: 10 mm (the slips are cut apart; the cut lines carry the layout).
const MARGIN: i32 = 567;
/// Two slips across, four down.
const COLUMNS: usize = 2;
/// A slip's width and height in twips: 95 mm × 68.8 mm (four rows leave a little of the
/// page's height free, so that Word and LibreOffice never push the fourth row over).
const SLIP_WIDTH: usize = (A4_SHORT as usize - 2 * MARGIN as usize) / COLUMNS;
const SLIP_HEIGHT: f32 = 3900.0;
/// The ballot's QR code: 35 mm across with its quiet zone (a phone reads it from paper at arm's length); the
/// Wi-Fi code beside it: 25 mm. In EMU (360 000 to the centimetre).
const QR_EMU: u32 = 1_260_000;
/// The ballot's QR code alone on its slip (no Wi-Fi): 40 mm.
const QR_ALONE_EMU: u32 = 1_440_000;
const WIFI_EMU: u32 = 900_000;
/// Pixels drawn per QR module (the PNG is scaled to the sizes above).
const MODULE_PX: usize = 8;
/// The quiet zone around a QR code, in modules.
const QUIET: usize = 4;

/// The slips as a Word document: A4, two slips across and four down, dashed cut lines
/// between them.
pub fn docx(s: &Slips) -> Result<Vec<u8>, String> {
    let lang = s.lang;
    let f = docx_words::fonts(lang);
    let wifi = match &s.wifi {
        Some(w) => Some((
            qr_png(&w.payload()).map_err(|e| words::failed(lang, &e))?,
            w,
        )),
        None => None,
    };
    let mut rows = Vec::new();
    for pair in s.slips.chunks(COLUMNS) {
        let mut cells = Vec::new();
        for slip in pair {
            cells.push(slip_cell(s, slip, wifi.as_ref().map(|(png, w)| (png, *w)))?);
        }
        while cells.len() < COLUMNS {
            cells.push(
                TableCell::new()
                    .width(SLIP_WIDTH, WidthType::Dxa)
                    .add_paragraph(Paragraph::new()),
            );
        }
        rows.push(
            TableRow::new(cells)
                .row_height(SLIP_HEIGHT)
                .height_rule(docx_rs::HeightRule::Exact)
                .cant_split(),
        );
    }
    let dashed = |p| {
        TableBorder::new(p)
            .border_type(BorderType::Dashed)
            .size(6)
            .color("808080")
    };
    let table = Table::new(rows)
        .set_grid(vec![SLIP_WIDTH; COLUMNS])
        .width(SLIP_WIDTH * COLUMNS, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(120, 150, 80, 150))
        .set_borders(
            TableBorders::new()
                .set(dashed(TableBorderPosition::Top))
                .set(dashed(TableBorderPosition::Bottom))
                .set(dashed(TableBorderPosition::Left))
                .set(dashed(TableBorderPosition::Right))
                .set(dashed(TableBorderPosition::InsideH))
                .set(dashed(TableBorderPosition::InsideV)),
        );
    let docx = Docx::new()
        .page_size(A4_SHORT, A4_LONG)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(300)
                .footer(300)
                .gutter(0),
        )
        .default_fonts(fonts(f.body, f.latin))
        .default_size(21)
        .add_table(table)
        // The paragraph Word needs after a table: one point high, so that a full last page
        // is not followed by an empty one.
        .add_paragraph(
            Paragraph::new()
                .line_spacing(exact(20).before(0).after(0))
                .add_run(Run::new().size(2)),
        );
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| words::failed(lang, &e.to_string()))?;
    Ok(out.into_inner())
}

/// The most a slip's title line holds, in terminal columns (a Chinese character is two).
const TITLE_WIDTH: usize = 38;

/// `text` cut to `max` columns with “…” when longer.
fn one_line(text: &str, max: usize) -> String {
    use crate::text::{Ambiguous, width};
    if width(text, Ambiguous::Narrow) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width(&out, Ambiguous::Narrow) + width(&c.to_string(), Ambiguous::Narrow) + 2 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// One slip: title, group and serial, the QR code (and the Wi-Fi's), the code, how to vote.
fn slip_cell(s: &Slips, slip: &Slip, wifi: Option<(&Vec<u8>, &Wifi)>) -> Result<TableCell, String> {
    let lang = s.lang;
    let f = docx_words::fonts(lang);
    let centred = |size: usize, line: i32| {
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(exact(line).before(0).after(0))
            .size(size)
    };
    let text = |t: &str, size: usize| Run::new().add_text(t).size(size);
    // One line of the slip at most (about 20 Chinese characters at 12 pt): a longer title
    // would push the code and the address out of the slip's fixed height.
    let shown = one_line(&s.title, TITLE_WIDTH);
    let mut title = centred(24, 300).add_run(
        text(&shown, 24)
            .bold()
            .fonts(fonts(f.heading1, f.latin_heading)),
    );
    if let Some(date) = &s.date
        && crate::text::width(&shown, crate::text::Ambiguous::Narrow)
            + crate::text::width(date, crate::text::Ambiguous::Narrow)
            <= TITLE_WIDTH
    {
        title = title.add_run(text(&format!("  {date}"), 18));
    }
    let head = centred(21, 280)
        .add_run(text(&words::slip_head(lang, &slip.group, &slip.serial), 21).bold());
    let qr = qr_png(&slip.link).map_err(|e| words::failed(lang, &e))?;
    let pic = |png: &[u8], emu: u32| {
        let px = png_side(png);
        Pic::new_with_dimensions(png.to_vec(), px, px).size(emu, emu)
    };
    let image_para = |png: &[u8], emu: u32| {
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(40).after(0))
            .add_run(Run::new().add_image(pic(png, emu)))
    };
    let mut cell = TableCell::new()
        .width(SLIP_WIDTH, WidthType::Dxa)
        .vertical_align(VAlignType::Top)
        .add_paragraph(title)
        .add_paragraph(head);
    match wifi {
        None => cell = cell.add_paragraph(image_para(&qr, QR_ALONE_EMU)),
        Some((wpng, w)) => {
            // The two codes side by side, each named under it: a voter scans the right one.
            let inner_w = SLIP_WIDTH - 300;
            let left = inner_w * 11 / 20;
            let caption = |t: &str| centred(14, 180).add_run(text(t, 14));
            let none = || TableBorders::new().clear_all();
            let inner = Table::new(vec![TableRow::new(vec![
                TableCell::new()
                    .width(left, WidthType::Dxa)
                    .vertical_align(VAlignType::Bottom)
                    .add_paragraph(image_para(&qr, QR_EMU))
                    .add_paragraph(caption(words::slip_vote_qr(lang))),
                TableCell::new()
                    .width(inner_w - left, WidthType::Dxa)
                    .vertical_align(VAlignType::Bottom)
                    .add_paragraph(image_para(wpng, WIFI_EMU))
                    .add_paragraph(caption(&words::slip_wifi(lang, &w.ssid))),
            ])])
            .set_grid(vec![left, inner_w - left])
            .width(inner_w, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(0, 40, 0, 40))
            .set_borders(none());
            cell = cell.add_table(inner);
        }
    }
    let mono = RunFonts::new()
        .ascii("Courier New")
        .hi_ansi("Courier New")
        .east_asia(f.body)
        .cs("Courier New");
    let code = centred(32, 400)
        .add_run(text(&words::slip_code_label(lang), 21))
        .add_run(text(&show_code(&slip.code), 32).bold().fonts(mono));
    let how = centred(15, 190).add_run(text(&words::slip_how(lang, base_of(&slip.link)), 15));
    Ok(cell.add_paragraph(code).add_paragraph(how))
}

/// The QR code of `text` (error correction M, a quiet zone of four modules) as a 1-bit
/// grayscale PNG, `MODULE_PX` pixels to the module.
pub fn qr_png(text: &str) -> Result<Vec<u8>, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| e.to_string())?;
    let n = code.width();
    let colors = code.to_colors();
    let side = (n + 2 * QUIET) * MODULE_PX;
    let dark = |x: usize, y: usize| {
        let (mx, my) = (x / MODULE_PX, y / MODULE_PX);
        (QUIET..QUIET + n).contains(&mx)
            && (QUIET..QUIET + n).contains(&my)
            && colors[(my - QUIET) * n + (mx - QUIET)] == Color::Dark
    };
    let stride = side.div_ceil(8);
    let mut raw = Vec::with_capacity((stride + 1) * side);
    for y in 0..side {
        raw.push(0); // filter: none
        for bx in 0..stride {
            let mut byte = 0u8;
            for bit in 0..8 {
                let x = bx * 8 + bit;
                // 1 is white in 1-bit grayscale.
                if x >= side || !dark(x, y) {
                    byte |= 0x80 >> bit;
                }
            }
            raw.push(byte);
        }
    }
    Ok(png(side as u32, &raw))
}

/// The width (= height) a PNG this module made says it has.
fn png_side(png: &[u8]) -> u32 {
    u32::from_be_bytes([png[16], png[17], png[18], png[19]])
}

/// A 1-bit grayscale PNG of `side`² pixels from its filtered rows, deflated in stored
/// (uncompressed) blocks: a QR code is small.
fn png(side: u32, raw: &[u8]) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(side.to_be_bytes());
    ihdr.extend(side.to_be_bytes());
    ihdr.extend([1, 0, 0, 0, 0]); // bit depth 1, grayscale, deflate, filter 0, no interlace
    chunk(&mut out, b"IHDR", &ihdr);
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65535).collect();
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend(len.to_le_bytes());
        z.extend((!len).to_le_bytes());
        z.extend_from_slice(block);
    }
    if blocks.is_empty() {
        z.extend([1, 0, 0, 0xff, 0xff]);
    }
    z.extend(adler32(raw).to_be_bytes());
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend(crc.to_be_bytes());
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &d in data {
        a = (a + u32::from(d)) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

/// The slips as CSV for a mail merge: 组别, 票号, 测评码 (shown `ABCD-EFGH-…`), 链接; UTF-8
/// with a BOM, so that Excel and WPS read it. A secret file: it holds the codes.
pub fn csv(s: &Slips) -> String {
    let mut out = Vec::new();
    {
        let mut w = ::csv::Writer::from_writer(&mut out);
        let _ = w.write_record(words::csv_header(s.lang));
        for slip in &s.slips {
            let _ = w.write_record([
                super::tables::sheet_text(&slip.group).as_ref(),
                super::tables::sheet_text(&slip.serial).as_ref(),
                &show_code(&slip.code),
                &slip.link,
            ]);
        }
        let _ = w.flush();
    }
    format!("\u{feff}{}", String::from_utf8_lossy(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wifi_payload_escapes_and_open_networks() {
        let w = Wifi {
            ssid: r#"会场;5G"#.into(),
            password: r#"a:b,c\d"e"#.into(),
        };
        assert_eq!(w.payload(), r#"WIFI:T:WPA;S:会场\;5G;P:a\:b\,c\\d\"e;;"#);
        let open = Wifi {
            ssid: "Hall".into(),
            password: String::new(),
        };
        assert_eq!(open.payload(), "WIFI:T:nopass;S:Hall;;");
    }

    #[test]
    fn the_qr_png_is_a_png_with_a_quiet_zone() {
        let png = qr_png("http://192.168.1.5:7374/b/ABCDEFGHJKLMNPQR").unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let side = png_side(&png) as usize;
        assert_eq!(side % MODULE_PX, 0);
        assert!(side / MODULE_PX >= 21 + 2 * QUIET);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn the_qr_code_decodes() {
        let text = "http://192.168.31.20:7374/b/ABCDEFGHJKLMNPQR";
        let png = qr_png(text).unwrap();
        let side = png_side(&png) as usize;
        // The stored deflate blocks hold the rows as they are: 5 bytes of block header each.
        let stride = side.div_ceil(8) + 1;
        let z = &png[8 + 25 + 8..];
        let mut raw = Vec::new();
        let mut i = 2;
        while raw.len() < stride * side {
            let len = u16::from_le_bytes([z[i + 1], z[i + 2]]) as usize;
            raw.extend_from_slice(&z[i + 5..i + 5 + len]);
            i += 5 + len;
        }
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            let byte = raw[y * stride + 1 + x / 8];
            if byte & (0x80 >> (x % 8)) != 0 {
                255
            } else {
                0
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].decode().unwrap().1, text);
    }

    #[test]
    fn csv_has_a_bom_and_shown_codes() {
        let s = Slips {
            title: "t".into(),
            date: None,
            slips: vec![Slip {
                group: "领导".into(),
                serial: "领导-001".into(),
                code: "ABCDEFGHJKLMNPQR".into(),
                link: link("http://h:1/", "ABCDEFGHJKLMNPQR"),
            }],
            wifi: None,
            lang: Lang::Zh,
        };
        let text = csv(&s);
        assert!(text.starts_with("\u{feff}组别,票号,测评码,链接\n"));
        assert!(text.contains("领导,领导-001,ABCD-EFGH-JKLM-NPQR,http://h:1/b/ABCDEFGHJKLMNPQR\n"));
    }
}
