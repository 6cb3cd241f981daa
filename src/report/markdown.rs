//! The minutes (会议纪要) in Markdown: meeting data, each unit with its timing and remarks by
//! reviewer, the general remarks, the follow-up tasks.

use crate::session::record::{Record, RemarkRecord};
use crate::session::{RemarkKind, Session, Time};
use crate::strings::{self, Lang};
use crate::timer::clock_text;

/// Markdown-safe one-line text: control characters cleaned, table pipes escaped.
fn md(text: &str) -> String {
    crate::text::clean_line(text).replace('|', "\\|")
}

fn remark_lines(out: &mut String, remarks: &[RemarkRecord], lang: Lang) {
    for r in remarks {
        let who = if r.reviewer.is_empty() {
            "—".to_string()
        } else {
            md(&r.reviewer)
        };
        let task = if r.kind == RemarkKind::Task {
            lang.s().task_mark
        } else {
            ""
        };
        let text = r
            .text
            .split('\n')
            .map(md)
            .collect::<Vec<_>>()
            .join("  \n  ");
        out.push_str(&format!("- **{who}**：{task}{text}\n"));
    }
}

fn time_of_day(t: &Option<Time>) -> String {
    t.map_or_else(|| "—".into(), |t| t.format("%H:%M:%S").to_string())
}

pub fn minutes(session: &Session, now: Time, lang: Lang) -> String {
    let rec = Record::of(session, now);
    let zh = lang == Lang::Zh;
    let s = lang.s();
    let mut out = String::new();
    let m = &rec.meeting;
    out.push_str(&format!("# {}\n\n", md(&m.title)));
    let plan = session.plan();
    let rows: [(&str, &str, Option<String>); 5] = [
        ("日期", "Date", plan.date.clone()),
        ("地点", "Venue", plan.venue.clone()),
        ("主持", "Host", plan.host.clone()),
        (
            "开始",
            "Started",
            m.started_at.map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
        ),
        (
            "结束",
            "Ended",
            m.ended_at.map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
        ),
    ];
    for (zh_label, en_label, value) in rows {
        if let Some(v) = value {
            let label = if zh { zh_label } else { en_label };
            out.push_str(&format!("- {label}：{}\n", md(&v)));
        }
    }
    out.push_str(&if zh {
        format!(
            "- 计划用时：{}；实际用时：{}\n\n",
            clock_text(m.planned_seconds),
            clock_text(m.talk_seconds)
        )
    } else {
        format!(
            "- Planned: {}; talked: {}\n\n",
            clock_text(m.planned_seconds),
            clock_text(m.talk_seconds)
        )
    });
    out.push_str(if zh {
        "## 汇报单位\n\n"
    } else {
        "## Units\n\n"
    });
    for (i, u) in rec.units.iter().enumerate() {
        out.push_str(&format!("### {}. {}\n\n", i + 1, md(&u.name)));
        let who: Vec<String> = [&u.presenter, &u.role]
            .iter()
            .filter_map(|v| v.as_deref().map(md))
            .collect();
        if !who.is_empty() {
            out.push_str(&format!("- {}：{}\n", s.col_presenter, who.join(" ")));
        }
        let status = crate::session::Status::from_key(u.status);
        out.push_str(&if zh {
            format!(
                "- 计划 {}，实际 {}，超时 {}（{}；{} – {}）\n",
                clock_text(u.limit_seconds),
                clock_text(u.talk_seconds),
                clock_text(u.overtime_seconds),
                strings::status(lang, status),
                time_of_day(&u.started_at),
                time_of_day(&u.ended_at)
            )
        } else {
            format!(
                "- Planned {}, talked {}, over {} ({}; {} – {})\n",
                clock_text(u.limit_seconds),
                clock_text(u.talk_seconds),
                clock_text(u.overtime_seconds),
                strings::status(lang, status),
                time_of_day(&u.started_at),
                time_of_day(&u.ended_at)
            )
        });
        out.push('\n');
        if !u.remarks.is_empty() {
            remark_lines(&mut out, &u.remarks, lang);
            out.push('\n');
        }
    }
    out.push_str(&format!("## {}\n\n", s.general_remarks));
    if rec.general_remarks.is_empty() {
        out.push_str(&format!("{}\n\n", s.no_remarks));
    } else {
        remark_lines(&mut out, &rec.general_remarks, lang);
        out.push('\n');
    }
    out.push_str(if zh {
        "## 交办事项\n\n"
    } else {
        "## Follow-up tasks\n\n"
    });
    if rec.tasks.is_empty() {
        out.push_str(if zh { "无\n" } else { "None\n" });
    } else {
        out.push_str(if zh {
            "| 序号 | 单位 | 提出人 | 事项 |\n|---|---|---|---|\n"
        } else {
            "| # | Unit | By | Task |\n|---|---|---|---|\n"
        });
        for (i, t) in rec.tasks.iter().enumerate() {
            let unit = t
                .unit
                .as_deref()
                .map_or_else(|| s.whole_meeting.to_string(), md);
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                i + 1,
                unit,
                md(&t.reviewer),
                md(&t.text)
            ));
        }
    }
    out
}
