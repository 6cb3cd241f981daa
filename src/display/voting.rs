//! The stage's voting screen ([F2]): while voting is open in a meeting with ballot groups it
//! takes the whole stage, over the current item, the results and the round before. The
//! meeting's title, what to do, a big QR code of the ballot page's address (the address
//! alone: a phone then asks for the code on the slip), that address in words, the venue's
//! Wi-Fi as a QR code beside it when there is room (in words when not), and the ballots
//! received so far, by group. A window too small for the code says so and still shows the
//! address and the counts. No ballot's code is ever on this screen.

use super::page::BallotPage;
use super::view::DisplayOptions;
use crate::session::Session;
use crate::strings::stage;
use crate::text;
use crate::widgets::qr::Qr;
use crate::widgets::{centered, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Columns between the page's QR code and the Wi-Fi's.
const QR_GAP: u16 = 6;

/// Whether the stage shows the voting screen: voting is open, the plan has ballot groups,
/// and the display is not a speaker's clock.
pub fn shown(session: &Session, opts: DisplayOptions) -> bool {
    !opts.clock_only
        && session.state().ballots.open
        && session
            .plan()
            .scoring
            .as_ref()
            .is_some_and(|s| !s.ballot_groups.is_empty())
}

/// The counts: the total (“已收 45 / 62”) and by group (“领导 10/12 · 部门 25/30”), each the
/// ballots cast of those issued and not voided.
pub fn counts(session: &Session, opts: DisplayOptions) -> (String, String) {
    let ballots = &session.state().ballots;
    let groups: Vec<(String, usize, usize)> = session
        .plan()
        .scoring
        .iter()
        .flat_map(|s| &s.ballot_groups)
        .map(|g| {
            let c = ballots.counts(Some(&g.name));
            (text::clean_line(&g.name), c.cast, c.issued - c.voided)
        })
        .collect();
    let all = ballots.counts(None);
    (
        stage::received(opts.lang, all.cast, all.issued - all.voided),
        stage::by_group(&groups),
    )
}

/// One row of the screen, top to bottom.
enum Part {
    Line(String, Style),
    Blank,
    /// The QR codes and the row of captions under them.
    Codes(Codes),
}

/// The page's QR code, and the Wi-Fi's beside it, at a scale.
struct Codes {
    page: Qr,
    wifi: Option<Qr>,
    scale: u16,
}

impl Codes {
    fn width(&self) -> u16 {
        let w = |q: &Qr| q.size(self.scale).0;
        w(&self.page) + self.wifi.as_ref().map_or(0, |q| QR_GAP + w(q))
    }

    /// The codes' rows (the taller one's), without the captions' row.
    fn height(&self) -> u16 {
        let h = |q: &Qr| q.size(self.scale).1;
        h(&self.page).max(self.wifi.as_ref().map_or(0, h))
    }
}

impl Part {
    fn height(&self) -> u16 {
        match self {
            Part::Line(..) | Part::Blank => 1,
            Part::Codes(c) => c.height() + 1,
        }
    }
}

/// Draws the voting screen over the whole `area`.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    session: &Session,
    opts: DisplayOptions,
    page: &BallotPage,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let lang = opts.lang;
    let amb = opts.ambiguous;
    let fits = |line: &str| text::width(line, amb) <= area.width as usize;
    // The counts on one row, or the total over the groups when the row is too narrow.
    let (received, by_group) = counts(session, opts);
    let one_row = stage::counts(lang, &received, &by_group);
    let count_rows: Vec<String> = if fits(&one_row) || by_group.is_empty() {
        vec![one_row]
    } else {
        vec![received, by_group]
    };
    let count_style = theme::title();
    let title = Part::Line(session.plan().title.clone(), theme::title());
    let url = page.url.as_deref();
    let wifi_qr = page.wifi.as_ref().and_then(|w| Qr::new(&w.payload()));
    let wifi_words = page.wifi.as_ref().map(|w| {
        Part::Line(
            stage::wifi_words(lang, &w.ssid, &w.password),
            Style::default(),
        )
    });

    // What must be on the screen, and what is added while rows are left, in that order.
    let mut must: Vec<Part> = Vec::new();
    let codes = url.and_then(Qr::new).and_then(|page_qr| {
        // Rows the text under and over the codes takes: what to do, the captions (counted
        // with the codes), the counts, and the Wi-Fi in words when its code is not drawn.
        let text_rows = 1 + count_rows.len() as u16;
        let beside = wifi_qr.as_ref().and_then(|w| {
            let room = area.height.checked_sub(text_rows + 1)?;
            let need = |s: u16| page_qr.size(s).0 + QR_GAP + w.size(s).0;
            let high = |s: u16| page_qr.size(s).1.max(w.size(s).1);
            (1..=8)
                .rev()
                .find(|&s| need(s) <= area.width && high(s) <= room)
        });
        match beside {
            Some(scale) => Some(Codes {
                page: page_qr,
                wifi: wifi_qr.clone(),
                scale,
            }),
            None => {
                let words = u16::from(wifi_words.is_some());
                let room = area.height.checked_sub(text_rows + 1 + words)?;
                let scale = page_qr.scale_to_fit(area.width, room).min(8);
                (scale > 0).then_some(Codes {
                    page: page_qr,
                    wifi: None,
                    scale,
                })
            }
        }
    });
    let mut extra: Vec<(usize, Part)> = Vec::new();
    match (url, codes) {
        (Some(_), Some(codes)) => {
            let instruction = if fits(stage::scan_or_type(lang)) {
                stage::scan_or_type(lang)
            } else {
                stage::scan(lang)
            };
            let wifi_drawn = codes.wifi.is_some();
            must.push(Part::Line(instruction.to_string(), theme::title()));
            must.push(Part::Codes(codes));
            if !wifi_drawn && let Some(words) = wifi_words {
                must.push(words);
            }
            // Title over it all, and blank rows to set the parts apart.
            extra.push((0, title));
            extra.push((1, Part::Blank));
            extra.push((must.len() + 2, Part::Blank));
        }
        (Some(url), None) => {
            // No room for the code (or an address too long for one): the address in words.
            if Qr::new(url).is_some() {
                must.push(Part::Line(
                    stage::too_small(lang).to_string(),
                    theme::warn(),
                ));
            }
            must.push(Part::Line(
                stage::type_code(lang).to_string(),
                theme::title(),
            ));
            must.push(Part::Line(url.to_string(), theme::title()));
            if let Some(words) = wifi_words {
                must.push(words);
            }
            extra.push((0, title));
            extra.push((1, Part::Blank));
            extra.push((must.len() + 2, Part::Blank));
        }
        (None, _) => {
            must.push(Part::Line(
                stage::voting_open(lang).to_string(),
                theme::title(),
            ));
            must.push(Part::Line(
                stage::address_unknown(lang).to_string(),
                theme::warn(),
            ));
            if let Some(words) = wifi_words {
                must.push(words);
            }
            extra.push((0, title));
            extra.push((1, Part::Blank));
            extra.push((must.len() + 2, Part::Blank));
        }
    }
    for row in count_rows {
        must.push(Part::Line(row, count_style));
    }
    // Add the extras while they fit, each at its place (counted in the parts as they grow).
    let mut parts = must;
    let mut used: u16 = parts.iter().map(Part::height).sum();
    for (at, part) in extra {
        if used + part.height() > area.height {
            break;
        }
        used += part.height();
        let at = at.min(parts.len());
        parts.insert(at, part);
    }
    // Top to bottom, the whole centred; the bottom rows are cut when nothing else fits.
    let mut y = area.y + area.height.saturating_sub(used) / 2;
    for part in &parts {
        if y >= area.bottom() {
            break;
        }
        match part {
            Part::Blank => {}
            Part::Line(line, style) => centered(buf, area, y, line, *style, amb),
            Part::Codes(codes) => draw_codes(buf, area, y, codes, url, page, opts),
        }
        y += part.height();
    }
}

/// The codes side by side, centred, from row `y`, and under each its caption: the address
/// under the page's, the Wi-Fi's name under the Wi-Fi's.
fn draw_codes(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    codes: &Codes,
    url: Option<&str>,
    page: &BallotPage,
    opts: DisplayOptions,
) {
    let amb = opts.ambiguous;
    let x = area.x + area.width.saturating_sub(codes.width()) / 2;
    let (pw, ph) = codes.page.size(codes.scale);
    let high = codes.height();
    // Each code at the bottom of the codes' rows, so the captions sit right under both.
    codes.page.draw(buf, x, y + (high - ph), codes.scale);
    let caption_y = y + high;
    if caption_y >= area.bottom() {
        return;
    }
    let under = |left: u16, width: u16| Rect::new(left, caption_y, width, 1);
    if let Some(url) = url {
        centered(buf, under(x, pw), caption_y, url, theme::title(), amb);
    }
    if let (Some(wifi_qr), Some(wifi)) = (&codes.wifi, &page.wifi) {
        let (ww, wh) = wifi_qr.size(codes.scale);
        let wx = x + pw + QR_GAP;
        wifi_qr.draw(buf, wx, y + (high - wh), codes.scale);
        let caption = stage::wifi_scan(opts.lang, &wifi.ssid);
        centered(
            buf,
            under(wx, ww),
            caption_y,
            &caption,
            Style::default(),
            amb,
        );
    }
}
