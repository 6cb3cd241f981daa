//! The ballot page's HTML ([F2]): plain server-rendered pages for a phone, forms and links
//! only (no script), inline CSS, no external resource, a viewport for phones and large
//! touch targets. Every page is a pure function of what it is given; `net::ballots` serves
//! them. Field names: `g:UNIT` (a grade, grades mode), `p:C:UNIT` (criterion number `C`'s
//! value, points mode).

use super::ballots::View;
use crate::plan::ScoringMode;
use crate::session::ballots::Ballot;
use crate::strings::{Lang, page as words};
use std::collections::BTreeMap;
use std::fmt::Write;

/// What a ballot gives (or was typed): by unit, a grade, or the typed value of each
/// criterion (plan order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Choices {
    pub grades: BTreeMap<String, String>,
    pub points: BTreeMap<String, Vec<String>>,
    /// A unit the posted form gave twice (a tampered form): refused, never one of the two.
    pub twice: Option<String>,
}

impl Choices {
    /// What a ballot's last cast gave, as the form shows it.
    pub fn of(ballot: &Ballot, view: &View) -> Choices {
        let mut c = Choices::default();
        if let Some(cast) = &ballot.cast {
            c.grades = cast.grades.clone();
            for (unit, values) in &cast.points {
                let mut typed: Vec<String> = values
                    .iter()
                    .map(|v| v.map(crate::decimal::plain).unwrap_or_default())
                    .collect();
                typed.resize(view.criteria.len(), String::new());
                c.points.insert(unit.clone(), typed);
            }
        }
        c
    }

    pub fn is_empty(&self) -> bool {
        self.grades.values().all(|g| g.is_empty())
            && self
                .points
                .values()
                .all(|v| v.iter().all(|t| t.trim().is_empty()))
    }

    /// The form's fields, as posted.
    pub fn from_fields(fields: &[(String, String)], criteria: usize) -> Choices {
        let mut c = Choices::default();
        for (name, value) in fields {
            if let Some(unit) = name.strip_prefix("g:") {
                if c.grades
                    .insert(unit.to_string(), value.trim().to_string())
                    .is_some()
                {
                    c.twice.get_or_insert_with(|| unit.to_string());
                }
            } else if let Some(rest) = name.strip_prefix("p:")
                && let Some((k, unit)) = rest.split_once(':')
                && let Ok(k) = k.parse::<usize>()
                && k < criteria
            {
                let v = c
                    .points
                    .entry(unit.to_string())
                    .or_insert_with(|| vec![String::new(); criteria]);
                if !std::mem::replace(&mut v[k], value.trim().to_string()).is_empty() {
                    c.twice.get_or_insert_with(|| unit.to_string());
                }
            }
        }
        c.grades.retain(|_, g| !g.is_empty());
        c.points.retain(|_, v| v.iter().any(|t| !t.is_empty()));
        c
    }
}

/// `text` safe inside HTML text and quoted attributes.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = "body{font:18px/1.5 system-ui,sans-serif;margin:0 auto;padding:12px;max-width:640px;color:#111;background:#fff}\
h1{font-size:1.35em;margin:.2em 0}h2{font-size:1.15em;margin:.2em 0}p{margin:.4em 0}\
.u{border-top:1px solid #bbb;padding:10px 0}.w{color:#555;font-size:.9em}\
.g{display:flex;flex-wrap:wrap;gap:8px;margin-top:6px}\
.g input{position:absolute;opacity:0;width:1px;height:1px}\
.g label{flex:1 1 40%;min-height:52px;display:flex;align-items:center;justify-content:center;border:2px solid #1565c0;border-radius:8px;font-size:1.1em}\
.g input:checked+label{background:#1565c0;color:#fff}.g input:focus+label{outline:3px solid #f9a825}\
.g label.n{border-color:#999;color:#555}.g input:checked+label.n{background:#e0e0e0;color:#111}\
label.c{display:block;margin-top:6px}\
input[type=number],input[type=text]{font-size:1.25em;width:100%;box-sizing:border-box;min-height:52px;padding:6px;border:2px solid #555;border-radius:8px}\
button{font-size:1.2em;min-height:56px;width:100%;margin:8px 0;border:0;border-radius:8px;background:#1565c0;color:#fff}\
button.s{background:#e0e0e0;color:#111}.e{color:#b71c1c;font-weight:bold}\
.ok{color:#1b5e20;font-size:1.6em;font-weight:bold}\
table{border-collapse:collapse;width:100%}td{border-top:1px solid #ccc;padding:6px 4px;vertical-align:top}";

/// A whole page around `body`.
fn shell(lang: Lang, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<meta name=\"referrer\" content=\"no-referrer\"><title>{}</title><style>{CSS}</style></head>\
<body>{body}</body></html>",
        words::html_lang(lang),
        esc(title)
    )
}

fn error_line(out: &mut String, error: Option<&str>) {
    if let Some(e) = error {
        let _ = write!(out, "<p class=\"e\" role=\"alert\">{}</p>", esc(e));
    }
}

/// The page without a code: only a field to type one, nothing of the meeting.
pub fn entry(lang: Lang, error: Option<&str>) -> String {
    let mut b = String::new();
    let _ = write!(b, "<h1>{}</h1>", esc(words::entry_title(lang)));
    error_line(&mut b, error);
    let _ = write!(
        b,
        "<form method=\"get\" action=\"/b\"><label class=\"c\" for=\"code\">{}</label>\
<input type=\"text\" id=\"code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" \
spellcheck=\"false\" maxlength=\"40\" placeholder=\"ABCD-EFGH-JKLM-NPQR\" required>\
<button type=\"submit\">{}</button></form>",
        esc(words::entry_prompt(lang)),
        esc(words::open_button(lang))
    );
    shell(lang, words::entry_title(lang), &b)
}

/// A short page of one message, with a way back to the code field.
pub fn message(lang: Lang, title: &str, text: &str) -> String {
    let b = format!(
        "<h1>{}</h1><p class=\"e\">{}</p><p><a href=\"/\">{}</a></p>",
        esc(title),
        esc(text),
        esc(words::back_to_start(lang))
    );
    shell(lang, title, &b)
}

fn head(b: &mut String, view: &View, ballot: &Ballot) {
    let _ = write!(
        b,
        "<h1>{}</h1><p class=\"w\">{}</p>",
        esc(&view.title),
        esc(&words::ballot_line(
            view.lang,
            &ballot.group,
            &ballot.serial
        ))
    );
}

fn action(code: &str) -> String {
    format!("/b/{}", esc(code))
}

/// The ballot form, filled in with `choices` (the ballot's last cast, or what was typed).
pub fn form(
    view: &View,
    ballot: &Ballot,
    code: &str,
    choices: &Choices,
    note: Option<&str>,
    error: Option<&str>,
) -> String {
    let lang = view.lang;
    let mut b = String::with_capacity(8 * 1024);
    head(&mut b, view, ballot);
    error_line(&mut b, error);
    if let Some(n) = note {
        let _ = write!(b, "<p class=\"w\">{}</p>", esc(n));
    }
    let step = crate::decimal::plain(view.step);
    let help = match view.mode {
        ScoringMode::Points => words::points_help(lang, &step),
        _ => words::grades_help(lang).to_string(),
    };
    let _ = write!(
        b,
        "<p>{}</p><form method=\"post\" action=\"{}\">",
        esc(&help),
        action(code)
    );
    for (i, unit) in view.units.iter().enumerate() {
        let _ = write!(b, "<div class=\"u\"><h2>{}</h2>", esc(&unit.name));
        if let Some(p) = &unit.presenter {
            let _ = write!(b, "<p class=\"w\">{}</p>", esc(&words::presenter(lang, p)));
        }
        let name = esc(&unit.name);
        match view.mode {
            ScoringMode::Points => {
                let typed = choices.points.get(&unit.name);
                for (k, (crit, max)) in view.criteria.iter().enumerate() {
                    let max = crate::decimal::plain(*max);
                    let value = typed.and_then(|v| v.get(k)).map_or("", |s| s.as_str());
                    let _ = write!(
                        b,
                        "<label class=\"c\" for=\"p{i}_{k}\">{}</label><input type=\"number\" \
id=\"p{i}_{k}\" name=\"p:{k}:{name}\" min=\"0\" max=\"{max}\" step=\"{step}\" inputmode=\"decimal\" value=\"{}\">",
                        esc(&words::criterion_label(lang, crit, &max)),
                        esc(value)
                    );
                }
            }
            _ => {
                let chosen = choices.grades.get(&unit.name).map_or("", |s| s.as_str());
                b.push_str("<div class=\"g\">");
                let options = view
                    .grades
                    .iter()
                    .map(|g| (g.as_str(), g.as_str()))
                    .chain(std::iter::once(("", words::not_scored(lang))));
                for (k, (value, label)) in options.enumerate() {
                    let checked = if value == chosen { " checked" } else { "" };
                    let class = if value.is_empty() { " class=\"n\"" } else { "" };
                    let _ = write!(
                        b,
                        "<input type=\"radio\" id=\"g{i}_{k}\" name=\"g:{name}\" value=\"{}\"{checked}>\
<label for=\"g{i}_{k}\"{class}>{}</label>",
                        esc(value),
                        esc(label)
                    );
                }
                b.push_str("</div>");
            }
        }
        b.push_str("</div>");
    }
    let _ = write!(
        b,
        "<button type=\"submit\">{}</button></form>",
        esc(words::next_button(lang))
    );
    shell(lang, &view.title, &b)
}

/// What `choices` give, unit by unit, as a table (the summary, the done and closed pages).
fn summary(b: &mut String, view: &View, choices: &Choices) {
    let lang = view.lang;
    b.push_str("<table>");
    for unit in &view.units {
        let text = match view.mode {
            ScoringMode::Points => match choices.points.get(&unit.name) {
                Some(values) => view
                    .criteria
                    .iter()
                    .zip(values)
                    .map(|((c, _), v)| format!("{c} {v}"))
                    .collect::<Vec<_>>()
                    .join(words::criteria_separator(lang)),
                None => words::not_scored(lang).to_string(),
            },
            _ => choices
                .grades
                .get(&unit.name)
                .cloned()
                .unwrap_or_else(|| words::not_scored(lang).to_string()),
        };
        let _ = write!(
            b,
            "<tr><td>{}</td><td><b>{}</b></td></tr>",
            esc(&unit.name),
            esc(&text)
        );
    }
    b.push_str("</table>");
}

fn hidden(b: &mut String, choices: &Choices) {
    for (unit, grade) in &choices.grades {
        let _ = write!(
            b,
            "<input type=\"hidden\" name=\"g:{}\" value=\"{}\">",
            esc(unit),
            esc(grade)
        );
    }
    for (unit, values) in &choices.points {
        for (k, v) in values.iter().enumerate() {
            let _ = write!(
                b,
                "<input type=\"hidden\" name=\"p:{k}:{}\" value=\"{}\">",
                esc(unit),
                esc(v)
            );
        }
    }
}

/// The summary to confirm: what will be submitted, 确认提交 and 返回修改.
pub fn check(view: &View, ballot: &Ballot, code: &str, choices: &Choices) -> String {
    let lang = view.lang;
    let mut b = String::with_capacity(4 * 1024);
    head(&mut b, view, ballot);
    let _ = write!(b, "<h2>{}</h2>", esc(words::check_title(lang)));
    summary(&mut b, view, choices);
    let _ = write!(b, "<form method=\"post\" action=\"{}\">", action(code));
    hidden(&mut b, choices);
    let _ = write!(
        b,
        "<button type=\"submit\" name=\"confirm\" value=\"1\">{}</button>\
<button type=\"submit\" class=\"s\" name=\"edit\" value=\"1\">{}</button></form>",
        esc(words::confirm_button(lang)),
        esc(words::change_button(lang))
    );
    shell(lang, &view.title, &b)
}

/// Once the ballot is durable on the host's disk.
pub fn done(
    view: &View,
    ballot: &Ballot,
    code: &str,
    choices: &Choices,
    unchanged: bool,
) -> String {
    let lang = view.lang;
    let mut b = String::with_capacity(4 * 1024);
    head(&mut b, view, ballot);
    let said = if unchanged {
        words::submitted_unchanged(lang)
    } else {
        words::submitted(lang)
    };
    let _ = write!(b, "<p class=\"ok\" role=\"status\">{}</p>", esc(said));
    summary(&mut b, view, choices);
    let _ = write!(
        b,
        "<p class=\"w\">{}</p><p><a href=\"{}\">{}</a></p>",
        esc(words::can_change(lang)),
        action(code),
        esc(words::change_button(lang))
    );
    shell(lang, &view.title, &b)
}

/// Voting is not open: says so, and what the ballot recorded.
pub fn closed(view: &View, ballot: &Ballot) -> String {
    let lang = view.lang;
    let mut b = String::with_capacity(4 * 1024);
    head(&mut b, view, ballot);
    let _ = write!(b, "<p class=\"e\">{}</p>", esc(words::closed(lang)));
    if ballot.cast.is_some() {
        let _ = write!(b, "<p>{}</p>", esc(words::recorded(lang)));
        summary(&mut b, view, &Choices::of(ballot, view));
    } else {
        let _ = write!(b, "<p>{}</p>", esc(words::nothing_recorded(lang)));
    }
    shell(lang, &view.title, &b)
}
