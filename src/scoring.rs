//! Scores, results and ranking: exact arithmetic over scores stored in ten-thousandths,
//! rounded half up only when published. Pure: the time (for penalties of a running talk) is
//! passed in. The rules are documented with a worked example in docs/SCORING.md.

use crate::decimal::{self, format_scaled};
use crate::plan::{Plan, SCORE_PLACES, ScoringMode};
use crate::ratio::Ratio;
use crate::session::{State, Status, Time};
use std::cmp::Ordering;
use std::collections::HashMap;

/// 1.0 in the stored unit (ten-thousandths).
pub const ONE: i64 = 10_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub name: String,
    pub max: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub name: String,
    pub weight: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub name: String,
    pub points: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Overtime {
    pub grace: i64,
    pub every: i64,
    pub points: i64,
    pub max: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TieBreak {
    Group(usize),
    UntrimmedMean,
    LessOvertime,
    Criterion(usize),
    ExcellentShare,
}

/// The plan's scoring section with every default applied, in exact units.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    pub mode: ScoringMode,
    pub criteria: Vec<Criterion>,
    pub step: i64,
    /// Declared groups; when none are declared, one group holds every reviewer.
    pub groups: Vec<Group>,
    pub declared_groups: bool,
    /// Group index of each plan reviewer, by name.
    pub reviewer_group: HashMap<String, usize>,
    /// Plan order of reviewers (for trimming ties).
    pub reviewer_order: HashMap<String, usize>,
    pub recused: HashMap<String, Vec<String>>,
    pub trim: usize,
    pub trim_min: usize,
    pub decimals: u32,
    pub overtime: Option<Overtime>,
    /// Undertime: (minimum talk in ten-thousandths of a second, points).
    pub undertime: Option<(i64, i64)>,
    pub tie_break: Vec<TieBreak>,
    pub spread_warn: Option<i64>,
    pub grades: Vec<Grade>,
    /// Whether the overall rank is shown beside the rank within each category.
    pub overall_rank: bool,
    /// 等次, when the plan gives them.
    pub bands: Option<BandRules>,
    /// The plan has ballot groups (`scoring.ballot_groups`): they are `groups`, and each
    /// ballot is an anonymous scorer of its group.
    pub ballots: bool,
}

/// `scoring.bands` in exact units: each level's name with its least final (by score) or its
/// share of the ranked units in ten-thousandths of a percent (by quota); none on the last.
#[derive(Debug, Clone, PartialEq)]
pub struct BandRules {
    pub by: crate::plan::BandsBy,
    pub levels: Vec<(String, Option<i64>)>,
}

fn exact(x: f64) -> i64 {
    decimal::to_scaled(x, SCORE_PLACES).unwrap_or(0)
}

impl Rules {
    pub fn of(plan: &Plan) -> Rules {
        let s = plan.scoring();
        let criteria: Vec<Criterion> = if s.criteria.is_empty() {
            vec![Criterion {
                name: crate::strings::cli::DEFAULT_CRITERION.into(),
                max: 100 * ONE,
            }]
        } else {
            s.criteria
                .iter()
                .map(|c| Criterion {
                    name: c.name.clone(),
                    max: exact(c.max),
                })
                .collect()
        };
        let ballots = !s.ballot_groups.is_empty();
        let declared_groups = !s.groups.is_empty() || ballots;
        let groups: Vec<Group> = if ballots {
            s.ballot_groups
                .iter()
                .map(|g| Group {
                    name: g.name.clone(),
                    weight: exact(g.weight),
                })
                .collect()
        } else if declared_groups {
            s.groups
                .iter()
                .map(|g| Group {
                    name: g.name.clone(),
                    weight: exact(g.weight),
                })
                .collect()
        } else {
            vec![Group {
                name: String::new(),
                weight: 100 * ONE,
            }]
        };
        let reviewer_group = plan
            .reviewers
            .iter()
            .map(|r| {
                let g = r
                    .group
                    .as_ref()
                    .and_then(|g| groups.iter().position(|x| &x.name == g))
                    .unwrap_or(0);
                (r.name.clone(), g)
            })
            .collect();
        let reviewer_order = plan
            .reviewers
            .iter()
            .enumerate()
            .map(|(i, r)| (r.name.clone(), i))
            .collect();
        let recused = plan
            .reviewers
            .iter()
            .map(|r| (r.name.clone(), r.recused.clone()))
            .collect();
        let trim = s.trim.unwrap_or(0).max(0) as usize;
        let grades = if s.grades.is_empty() {
            crate::strings::cli::DEFAULT_GRADES
                .iter()
                .map(|(n, p)| Grade {
                    name: n.to_string(),
                    points: p * ONE,
                })
                .collect()
        } else {
            s.grades
                .iter()
                .map(|g| Grade {
                    name: g.name.clone(),
                    points: exact(g.points),
                })
                .collect()
        };
        let tie_break = s
            .tie_break
            .iter()
            .filter_map(|t| match t.split_once(':') {
                Some(("group", g)) => groups.iter().position(|x| x.name == g).map(TieBreak::Group),
                Some(("criterion", c)) => criteria
                    .iter()
                    .position(|x| x.name == c)
                    .map(TieBreak::Criterion),
                _ => match t.as_str() {
                    "untrimmed_mean" => Some(TieBreak::UntrimmedMean),
                    "less_overtime" => Some(TieBreak::LessOvertime),
                    "excellent_share" => Some(TieBreak::ExcellentShare),
                    _ => None,
                },
            })
            .collect();
        Rules {
            mode: s.mode.unwrap_or_default(),
            step: s.step.map_or(100, exact).max(1),
            trim,
            trim_min: s.trim_min.map_or(2 * trim + 1, |m| m.max(0) as usize),
            decimals: s.decimals.unwrap_or(2).clamp(0, 4) as u32,
            overtime: s.overtime.as_ref().map(|o| Overtime {
                grace: o.grace_seconds,
                every: o.every_seconds.max(1),
                points: exact(o.points),
                max: exact(o.max_points),
            }),
            undertime: s
                .undertime
                .as_ref()
                .map(|u| (exact(u.min_minutes).saturating_mul(60), exact(u.points))),
            spread_warn: s.spread_warn.map(exact),
            criteria,
            groups,
            declared_groups,
            reviewer_group,
            reviewer_order,
            recused,
            tie_break,
            grades,
            overall_rank: s.overall_rank.unwrap_or(true),
            ballots,
            bands: s.bands.as_ref().map(|b| BandRules {
                by: b.by,
                levels: b
                    .levels
                    .iter()
                    .map(|l| {
                        let v = match b.by {
                            crate::plan::BandsBy::Score => l.min,
                            crate::plan::BandsBy::Quota => l.percent,
                        };
                        (l.name.clone(), v.map(exact))
                    })
                    .collect(),
            }),
        }
    }

    pub fn criterion(&self, name: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.name == name)
    }

    pub fn grade(&self, name: &str) -> Option<usize> {
        self.grades.iter().position(|g| g.name == name)
    }

    /// An exact value (in ten-thousandths) rounded half up to the published decimals,
    /// still in ten-thousandths.
    pub fn publish(&self, value: Ratio) -> i64 {
        let unit = 10i64.pow(SCORE_PLACES - self.decimals);
        value.div_int(unit as i128).round(0) * unit
    }

    /// Text with the published number of decimals.
    pub fn show(&self, value: i64) -> String {
        format_scaled(value, SCORE_PLACES, self.decimals)
    }
}

pub use crate::decimal::parse_typed as parse_value;

/// The most ballots one row of a tally may carry (one grade for one unit, in one import or
/// one command): far above any meeting, far below any sum that could overflow.
pub const MAX_GRADE_COUNT: i64 = 100_000;

/// A ballot count as typed on a tally sheet: a whole number from 0 to [`MAX_GRADE_COUNT`]
/// (0 is a grade nobody gave — a typed-up sheet lists every grade), in ASCII or full-width
/// digits. `None` otherwise.
pub fn parse_count(text: &str) -> Option<i64> {
    let t: String = text.trim().chars().map(crate::text::ascii_digit).collect();
    // Excel writes a whole number typed in a cell as "5" but may keep "5.0".
    let t = t.strip_suffix(".0").unwrap_or(&t);
    if t.is_empty() || t.len() > 18 || !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i64 = t.parse().ok()?;
    (0..=MAX_GRADE_COUNT).contains(&n).then_some(n)
}

/// Why a score cannot be entered.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreProblem {
    NotANumber(String),
    OutOfRange {
        value: i64,
        max: i64,
    },
    OffStep {
        value: i64,
        step: i64,
    },
    UnknownUnit(String),
    UnknownReviewer(String),
    UnknownCriterion(String),
    UnknownGrade(String),
    Recused {
        reviewer: String,
        unit: String,
    },
    BadCount(String),
    WrongMode,
    Published,
    /// The plan's scoring mode is `none`: the meeting does not score.
    NotScored,
    /// The agenda item is not a 汇报单位 (a speech, a briefing…): it is never scored.
    NotAReport(String),
}

/// Checks one score against the rules.
pub fn check_score(
    rules: &Rules,
    state: &State,
    unit: &str,
    reviewer: &str,
    criterion: &str,
    value: i64,
) -> Result<usize, ScoreProblem> {
    match rules.mode {
        ScoringMode::Points => {}
        ScoringMode::None => return Err(ScoreProblem::NotScored),
        ScoringMode::Grades => return Err(ScoreProblem::WrongMode),
    }
    match state.unit(unit) {
        None => return Err(ScoreProblem::UnknownUnit(unit.into())),
        Some(u) if !u.kind.is_report() => return Err(ScoreProblem::NotAReport(unit.into())),
        Some(_) => {}
    }
    if !rules.reviewer_order.contains_key(reviewer) {
        return Err(ScoreProblem::UnknownReviewer(reviewer.into()));
    }
    let c = rules
        .criterion(criterion)
        .ok_or_else(|| ScoreProblem::UnknownCriterion(criterion.into()))?;
    if rules
        .recused
        .get(reviewer)
        .is_some_and(|units| units.iter().any(|u| u == unit))
    {
        return Err(ScoreProblem::Recused {
            reviewer: reviewer.into(),
            unit: unit.into(),
        });
    }
    check_value(rules, c, value)?;
    Ok(c)
}

/// A value within criterion `c`'s range and on the step.
pub fn check_value(rules: &Rules, c: usize, value: i64) -> Result<(), ScoreProblem> {
    let max = rules.criteria[c].max;
    if value < 0 || value > max {
        return Err(ScoreProblem::OutOfRange { value, max });
    }
    if value % rules.step != 0 {
        return Err(ScoreProblem::OffStep {
            value,
            step: rules.step,
        });
    }
    Ok(())
}

/// A group's part of a unit's result.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupResult {
    pub name: String,
    /// Complete totals that counted.
    pub n: usize,
    pub score: Option<Ratio>,
    /// Whether trimming applied (n ≥ trim_min and trim > 0).
    pub trimmed: bool,
    /// Reviewers whose totals were dropped, high then low.
    pub dropped_high: Vec<String>,
    pub dropped_low: Vec<String>,
}

impl GroupResult {
    /// The sheets its score is the mean of: `n` less the trimmed ones. Three sheets trimmed
    /// by one leave one: the group's score is then that reviewer's own.
    pub fn counted(&self) -> usize {
        self.n - self.dropped_high.len() - self.dropped_low.len()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitResult {
    pub unit: String,
    pub groups: Vec<GroupResult>,
    /// Reviewer → total, for complete sheets.
    pub totals: Vec<(String, i64)>,
    /// Reviewers with a partial sheet.
    pub incomplete: Vec<String>,
    /// Plan reviewers who have not scored (and are not recused).
    pub missing: Vec<String>,
    pub score: Option<Ratio>,
    /// The score rounded half up to the published decimals, in ten-thousandths.
    pub score_rounded: Option<i64>,
    pub overtime_seconds: i64,
    pub overtime_penalty: i64,
    pub undertime_penalty: i64,
    /// round(score) − penalties, not below 0.
    pub final_score: Option<i64>,
    pub rank: Option<usize>,
    pub tied: bool,
    pub untrimmed_mean: Option<Ratio>,
    pub criterion_means: Vec<Option<Ratio>>,
    pub spread: Option<i64>,
    pub spread_flag: bool,
    /// Grades mode: ballots per grade, and the share of the first grade.
    pub grade_counts: Vec<i64>,
    /// Grades mode with ballot groups: ballots per grade in each group (plan order).
    pub group_grade_counts: Vec<Vec<i64>>,
    pub excellent_share: Option<Ratio>,
    /// Whether the plan trims at all (trim > 0).
    pub trim_setting: bool,
    /// The unit's category (类别) from the plan.
    pub category: Option<String>,
    /// The rank among the units of its category (none without a category or a score).
    pub category_rank: Option<usize>,
    /// Another unit of its category has the same category rank.
    pub category_tied: bool,
    /// The 等次 (`scoring.bands`).
    pub band: Option<String>,
    /// Its result in the round before (the copy in the session), by its name.
    pub previous: Option<crate::session::PreviousResult>,
    /// previous rank − rank: positive = moved up (进位); none unless ranked in both rounds.
    pub rank_change: Option<i64>,
    /// The same within its category (none when its category changed).
    pub category_rank_change: Option<i64>,
}

impl UnitResult {
    /// 较上期 as every output shows it (the console, the stage, the workbook, the minutes,
    /// the documents): the change of place within the unit's category when both rounds ranked
    /// it there, else the change of its overall place; `Some(None)` (新) when it is ranked now
    /// and was not ranked the round before; `None` when it is not ranked now.
    pub fn shown_change(&self) -> Option<Option<i64>> {
        self.rank?;
        Some(
            if self.category.is_some() && self.category_rank_change.is_some() {
                self.category_rank_change
            } else {
                self.rank_change
            },
        )
    }

    pub fn penalty(&self) -> i64 {
        self.overtime_penalty + self.undertime_penalty
    }

    /// Short flag keys, as recorded: `trimmed:领导`, `not_trimmed:…`, `group_missing:…`,
    /// `incomplete:…`, `tied`, `spread`, `no_scores`.
    pub fn flags(&self) -> Vec<String> {
        let mut flags = Vec::new();
        if self.score.is_none() {
            flags.push("no_scores".into());
        }
        for g in &self.groups {
            if g.n == 0 {
                if !g.name.is_empty() || self.groups.len() > 1 {
                    flags.push(format!("group_missing:{}", g.name));
                }
            } else if g.trimmed {
                let who: Vec<&str> = g
                    .dropped_high
                    .iter()
                    .chain(&g.dropped_low)
                    .map(String::as_str)
                    .collect();
                flags.push(format!("trimmed:{}:{}", g.name, who.join(",")));
            } else if self.trim_setting {
                flags.push(format!("not_trimmed:{}", g.name));
            }
        }
        for r in &self.incomplete {
            flags.push(format!("incomplete:{r}"));
        }
        if self.tied {
            flags.push("tied".into());
        }
        if self.spread_flag {
            flags.push("spread".into());
        }
        flags
    }
}

/// Mean of `values` as an exact fraction.
fn mean(values: &[i64]) -> Option<Ratio> {
    if values.is_empty() {
        return None;
    }
    let sum: i128 = values.iter().map(|v| *v as i128).sum();
    Some(Ratio::new(sum, values.len() as i128))
}

/// Penalties for a unit as of `now`: (overtime seconds, overtime points, undertime points).
pub fn penalties(rules: &Rules, state: &State, unit: &str, now: Time) -> (i64, i64, i64) {
    let Some(u) = state.unit(unit) else {
        return (0, 0, 0);
    };
    let over = u.overtime_seconds(now);
    let overtime = match &rules.overtime {
        Some(o) if over > o.grace => {
            let steps = (over + o.every - 1) / o.every;
            o.points.saturating_mul(steps).min(o.max)
        }
        _ => 0,
    };
    let undertime = match rules.undertime {
        Some((min, points)) if u.status() == Status::Done && u.talk_seconds(now) * ONE < min => {
            points
        }
        _ => 0,
    };
    (over, overtime, undertime)
}

/// Every 汇报单位's result in the running order, ranked. Items of another kind have none, and
/// a meeting that does not score (`mode: none`) has none at all.
pub fn results(rules: &Rules, plan: &Plan, state: &State, now: Time) -> Vec<UnitResult> {
    if !rules.mode.scores() {
        return Vec::new();
    }
    let tally = Tally::of(rules, state);
    let mut out: Vec<UnitResult> = state
        .reports()
        .map(|u| unit_result(rules, plan, state, &tally, &u.name, now))
        .collect();
    // Categories are matched as names are (`names::key`): one typed with a space at the end,
    // in full-width forms or with a decomposed accent is the category of the first unit that
    // writes it, in running order, and is shown as that unit writes it.
    let written: HashMap<&str, &str> = plan
        .units
        .iter()
        .filter_map(|p| Some((p.name.as_str(), p.category.as_deref()?)))
        .collect();
    // (Each spelling's key is worked out once: the results view does this every frame.)
    let mut spelled: HashMap<String, String> = HashMap::new();
    let mut known: HashMap<&str, Option<String>> = HashMap::new();
    for r in &mut out {
        r.category = written.get(r.unit.as_str()).and_then(|&c| {
            known
                .entry(c)
                .or_insert_with(|| {
                    let key = crate::names::key(c);
                    (!key.is_empty())
                        .then(|| spelled.entry(key).or_insert_with(|| c.to_string()).clone())
                })
                .clone()
        });
    }
    let all: Vec<usize> = (0..out.len()).collect();
    for (i, rank, tied) in rank(rules, &out, &all) {
        out[i].rank = Some(rank);
        out[i].tied = tied;
    }
    for members in categories(&out) {
        for (i, rank, tied) in rank(rules, &out, &members) {
            out[i].category_rank = Some(rank);
            out[i].category_tied = tied;
        }
    }
    if let Some(bands) = &rules.bands {
        band(rules, bands, &mut out);
    }
    if let Some(previous) = &state.previous_results {
        // Units matched by name as names are (`names::key`; the same name as written first).
        let mut exact: HashMap<&str, &crate::session::PreviousResult> = HashMap::new();
        for p in &previous.units {
            exact.entry(p.unit.as_str()).or_insert(p);
        }
        // Keyed only when a unit is not found as written.
        let mut by_key: Option<HashMap<String, &crate::session::PreviousResult>> = None;
        // (A rank the copy cannot hold is none already: `PreviousResults::sane`.)
        let change = |before: Option<usize>, now: Option<usize>| match (before, now) {
            (Some(b), Some(n)) => Some(b as i64 - n as i64),
            _ => None,
        };
        let same = |a: &Option<String>, b: &Option<String>| {
            a.as_deref().map(crate::names::key) == b.as_deref().map(crate::names::key)
        };
        for r in &mut out {
            r.previous = match exact.get(r.unit.as_str()) {
                Some(p) => Some((*p).clone()),
                None => by_key
                    .get_or_insert_with(|| {
                        let mut keyed = HashMap::new();
                        for p in &previous.units {
                            keyed.entry(crate::names::key(&p.unit)).or_insert(p);
                        }
                        keyed
                    })
                    .get(&crate::names::key(&r.unit))
                    .map(|p| (*p).clone()),
            };
            let Some(p) = &r.previous else { continue };
            r.rank_change = change(p.rank, r.rank);
            if same(&p.category, &r.category) {
                r.category_rank_change = change(p.category_rank, r.category_rank);
            }
        }
    }
    out
}

/// The units of each category (by index), in running order; units without one are in none.
fn categories(results: &[UnitResult]) -> Vec<Vec<usize>> {
    let mut out: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (i, r) in results.iter().enumerate() {
        if let Some(c) = &r.category {
            out.entry(c.as_str()).or_default().push(i);
        }
    }
    out.into_values().collect()
}

/// 等次. By score: the first level whose `min` the final (as published) reaches. By quota:
/// within each category (all ranked units when there are no categories; units without a
/// category together), level k takes round-half-up(n × percent / 100) units in rank order
/// after the levels before it; units tied with one in a better level share it.
fn band(rules: &Rules, bands: &BandRules, results: &mut [UnitResult]) {
    use crate::plan::BandsBy;
    match bands.by {
        BandsBy::Score => {
            for r in results.iter_mut() {
                let Some(f) = r.final_score else { continue };
                let f = rules.publish(Ratio::int(f as i128));
                r.band = bands
                    .levels
                    .iter()
                    .find(|(_, min)| min.is_none_or(|m| f >= m))
                    .map(|(name, _)| name.clone());
            }
        }
        BandsBy::Quota => {
            let with_categories = results.iter().any(|r| r.category.is_some());
            let mut groups: std::collections::BTreeMap<Option<String>, Vec<usize>> =
                Default::default();
            for (i, r) in results.iter().enumerate() {
                if r.final_score.is_some() {
                    let key = if with_categories {
                        r.category.clone()
                    } else {
                        None
                    };
                    groups.entry(key).or_default().push(i);
                }
            }
            for (key, members) in groups {
                // The rank within the group: the category rank, or the overall one; units
                // without a category ranked among themselves.
                let ranked: Vec<(usize, usize)> = if key.is_some() || !with_categories {
                    members
                        .iter()
                        .filter_map(|&i| {
                            let r = &results[i];
                            let k = if key.is_some() {
                                r.category_rank
                            } else {
                                r.rank
                            };
                            k.map(|k| (i, k))
                        })
                        .collect()
                } else {
                    rank(rules, results, &members)
                        .into_iter()
                        .map(|(i, k, _)| (i, k))
                        .collect()
                };
                let n = ranked.len() as i128;
                // Cumulative counts: level k ends after `ends[k]` units.
                let mut ends = Vec::new();
                let mut taken: i128 = 0;
                for (_, percent) in &bands.levels {
                    taken = match percent {
                        // round half up of n × p / 100, p in ten-thousandths of a percent.
                        Some(p) => {
                            let count =
                                (n * *p as i128 * 2 + 100 * ONE as i128) / (200 * ONE as i128);
                            (taken + count).min(n)
                        }
                        None => n,
                    };
                    ends.push(taken);
                }
                for (i, k) in ranked {
                    let place = (k - 1) as i128;
                    results[i].band = ends
                        .iter()
                        .position(|end| place < *end)
                        .map(|l| bands.levels[l].0.clone());
                }
            }
        }
    }
}

/// One counting points ballot of a unit: its group, its serial, its values per criterion.
type BallotSheet<'a> = (usize, &'a str, &'a [Option<i64>]);

/// What the anonymous ballots give each unit, worked out once for all units (a ballot holds
/// every unit it scores).
#[derive(Default)]
struct Tally<'a> {
    /// Grades mode: unit → per ballot group → ballots per grade (tallied paper ballots and
    /// cast ballots together).
    grades: HashMap<&'a str, Vec<Vec<i64>>>,
    /// Points mode: unit → each counting ballot's (group, serial, values).
    sheets: HashMap<&'a str, Vec<BallotSheet<'a>>>,
    /// A ballot's place among the scorers (after the plan's reviewers), by serial: the order
    /// that breaks ties when trimming.
    order: HashMap<&'a str, usize>,
}

impl<'a> Tally<'a> {
    fn of(rules: &Rules, state: &'a State) -> Tally<'a> {
        let mut t = Tally::default();
        if !rules.ballots {
            return t;
        }
        let group = |name: &str| rules.groups.iter().position(|g| g.name == name);
        let ngrades = rules.grades.len();
        let ngroups = rules.groups.len();
        for (unit, by_group) in &state.scores.group_grades {
            let counts = t
                .grades
                .entry(unit.as_str())
                .or_insert_with(|| vec![vec![0; ngrades]; ngroups]);
            for (name, tallied) in by_group {
                let Some(g) = group(name) else { continue };
                for (c, n) in counts[g].iter_mut().zip(tallied) {
                    *c = c.saturating_add((*n).clamp(0, MAX_GRADE_COUNT * 100));
                }
            }
        }
        for (i, b) in state.ballots.issued.iter().enumerate() {
            t.order
                .insert(b.serial.as_str(), rules.reviewer_order.len() + i);
            let (Some(cast), Some(g)) = (&b.cast, group(&b.group)) else {
                continue;
            };
            if b.voided {
                continue;
            }
            for (unit, grade) in &cast.grades {
                let Some(k) = rules.grade(grade) else {
                    continue;
                };
                let counts = t
                    .grades
                    .entry(unit.as_str())
                    .or_insert_with(|| vec![vec![0; ngrades]; ngroups]);
                counts[g][k] = counts[g][k].saturating_add(1);
            }
            for (unit, values) in &cast.points {
                t.sheets.entry(unit.as_str()).or_default().push((
                    g,
                    b.serial.as_str(),
                    values.as_slice(),
                ));
            }
        }
        t
    }
}

fn unit_result(
    rules: &Rules,
    plan: &Plan,
    state: &State,
    tally: &Tally,
    unit: &str,
    now: Time,
) -> UnitResult {
    let (overtime_seconds, overtime_penalty, undertime_penalty) =
        penalties(rules, state, unit, now);
    let mut r = UnitResult {
        unit: unit.to_string(),
        groups: Vec::new(),
        totals: Vec::new(),
        incomplete: Vec::new(),
        missing: Vec::new(),
        score: None,
        score_rounded: None,
        overtime_seconds,
        overtime_penalty,
        undertime_penalty,
        final_score: None,
        rank: None,
        tied: false,
        untrimmed_mean: None,
        criterion_means: vec![None; rules.criteria.len()],
        spread: None,
        spread_flag: false,
        grade_counts: vec![0; rules.grades.len()],
        group_grade_counts: Vec::new(),
        excellent_share: None,
        trim_setting: rules.trim > 0,
        category: None,
        category_rank: None,
        category_tied: false,
        band: None,
        previous: None,
        rank_change: None,
        category_rank_change: None,
    };
    match rules.mode {
        ScoringMode::Points => points_result(rules, plan, state, tally, &mut r),
        ScoringMode::Grades if rules.ballots => grouped_grades_result(rules, tally, &mut r),
        ScoringMode::Grades => grades_result(rules, state, &mut r),
        ScoringMode::None => {}
    }
    if let Some(score) = r.score {
        let rounded = rules.publish(score);
        r.score_rounded = Some(rounded);
        r.final_score = Some((rounded - r.penalty()).max(0));
    }
    r
}

fn points_result(rules: &Rules, plan: &Plan, state: &State, tally: &Tally, r: &mut UnitResult) {
    let sheets = state.scores.points.get(&r.unit);
    let ncrit = rules.criteria.len();
    let mut by_group: Vec<Vec<(String, i64)>> = vec![Vec::new(); rules.groups.len()];
    let mut crit_values: Vec<Vec<i64>> = vec![Vec::new(); ncrit];
    for reviewer in &plan.reviewers {
        let name = &reviewer.name;
        let recused = reviewer.recused.contains(&r.unit);
        match sheets.and_then(|s| s.get(name)) {
            Some(values) if values.iter().all(Option::is_some) && values.len() == ncrit => {
                let total: i64 = values
                    .iter()
                    .flatten()
                    .fold(0i64, |a, v| a.saturating_add(*v));
                for (i, v) in values.iter().flatten().enumerate() {
                    crit_values[i].push(*v);
                }
                r.totals.push((name.clone(), total));
                let g = rules.reviewer_group.get(name).copied().unwrap_or(0);
                by_group[g].push((name.clone(), total));
            }
            Some(values) if values.iter().any(Option::is_some) => r.incomplete.push(name.clone()),
            _ if !recused => r.missing.push(name.clone()),
            _ => {}
        }
    }
    // Each counting ballot: an anonymous scorer of its group, named by its serial.
    for (g, serial, values) in tally.sheets.get(r.unit.as_str()).into_iter().flatten() {
        if values.len() == ncrit && values.iter().all(Option::is_some) {
            let total = values
                .iter()
                .flatten()
                .fold(0i64, |a, v| a.saturating_add(*v));
            for (i, v) in values.iter().flatten().enumerate() {
                crit_values[i].push(*v);
            }
            r.totals.push((serial.to_string(), total));
            by_group[*g].push((serial.to_string(), total));
        } else if values.iter().any(Option::is_some) {
            r.incomplete.push(serial.to_string());
        }
    }
    let all: Vec<i64> = r.totals.iter().map(|(_, t)| *t).collect();
    r.untrimmed_mean = mean(&all);
    r.criterion_means = crit_values.iter().map(|v| mean(v)).collect();
    if let (Some(max), Some(min)) = (all.iter().max(), all.iter().min()) {
        r.spread = Some(max - min);
        r.spread_flag = rules.spread_warn.is_some_and(|w| max - min > w);
    }
    let mut weighted = Ratio::int(0);
    let mut weights: i128 = 0;
    for (g, group) in rules.groups.iter().enumerate() {
        let mut entries = by_group[g].clone();
        let n = entries.len();
        let trimmed = rules.trim > 0 && n >= rules.trim_min && n > 2 * rules.trim;
        let (mut dropped_high, mut dropped_low) = (Vec::new(), Vec::new());
        if trimmed {
            // Highest first; among equal totals the reviewer listed first in the plan.
            let order = |name: &String| {
                rules
                    .reviewer_order
                    .get(name)
                    .or_else(|| tally.order.get(name.as_str()))
                    .copied()
                    .unwrap_or(usize::MAX)
            };
            entries.sort_by(|a, b| b.1.cmp(&a.1).then(order(&a.0).cmp(&order(&b.0))));
            dropped_high = entries.drain(..rules.trim).map(|e| e.0).collect();
            // Lowest: among equal totals the reviewer listed last in the plan.
            entries.sort_by(|a, b| a.1.cmp(&b.1).then(order(&b.0).cmp(&order(&a.0))));
            dropped_low = entries.drain(..rules.trim).map(|e| e.0).collect();
        }
        let values: Vec<i64> = entries.iter().map(|e| e.1).collect();
        let score = mean(&values);
        if let Some(s) = score {
            weighted = weighted.plus(s.mul_int(group.weight as i128));
            weights += group.weight as i128;
        }
        r.groups.push(GroupResult {
            name: group.name.clone(),
            n,
            score,
            trimmed,
            dropped_high,
            dropped_low,
        });
    }
    if weights > 0 {
        r.score = Some(weighted.div_int(weights));
    }
}

fn grades_result(rules: &Rules, state: &State, r: &mut UnitResult) {
    if let Some(counts) = state.scores.grades.get(&r.unit) {
        r.grade_counts = counts.clone();
    }
    // In i128, and checked: a session edited by hand may hold counts of i64::MAX, and a
    // saturated total beside an exact sum of points once made a score of 140 out of 100.
    let total = r
        .grade_counts
        .iter()
        .try_fold(0i128, |a, c| a.checked_add(i128::from((*c).max(0))));
    let points = r
        .grade_counts
        .iter()
        .zip(&rules.grades)
        .try_fold(0i128, |a, (c, g)| {
            i128::from((*c).max(0))
                .checked_mul(i128::from(g.points))
                .and_then(|p| a.checked_add(p))
        });
    if let (Some(total), Some(points)) = (total, points)
        && total > 0
    {
        r.score = Some(Ratio::new(points, total));
        r.excellent_share = Some(Ratio::new(
            i128::from(r.grade_counts.first().copied().unwrap_or(0).max(0)),
            total,
        ));
    }
}

/// Grades mode with ballot groups: each group's mean points per ballot, weighted by the
/// groups that have ballots for the unit; the share of the first grade weighted the same way.
fn grouped_grades_result(rules: &Rules, tally: &Tally, r: &mut UnitResult) {
    let Some(counts) = tally.grades.get(r.unit.as_str()) else {
        r.groups = rules
            .groups
            .iter()
            .map(|g| GroupResult {
                name: g.name.clone(),
                n: 0,
                score: None,
                trimmed: false,
                dropped_high: Vec::new(),
                dropped_low: Vec::new(),
            })
            .collect();
        return;
    };
    let mut score = Ratio::int(0);
    let mut share = Ratio::int(0);
    let mut weights: i128 = 0;
    let mut overflow = false;
    r.group_grade_counts = counts.clone();
    for (g, group) in rules.groups.iter().enumerate() {
        let c = &counts[g];
        for (all, n) in r.grade_counts.iter_mut().zip(c) {
            *all = all.saturating_add(*n);
        }
        let total: i128 = c.iter().map(|n| i128::from((*n).max(0))).sum();
        let points: i128 = c
            .iter()
            .zip(&rules.grades)
            .map(|(n, g)| i128::from((*n).max(0)) * i128::from(g.points))
            .sum();
        let mean = (total > 0).then(|| Ratio::new(points, total));
        if let Some(m) = mean {
            let w = i128::from(group.weight);
            let first = i128::from(c.first().copied().unwrap_or(0).max(0));
            match (
                score.checked_add_mul(m, w),
                share.checked_add_mul(Ratio::new(first, total), w),
            ) {
                (Some(s), Some(e)) => (score, share) = (s, e),
                // Counts no meeting has (a file edited by hand): no score, not a wrong one.
                _ => overflow = true,
            }
            weights += w;
        }
        r.groups.push(GroupResult {
            name: group.name.clone(),
            n: usize::try_from(total).unwrap_or(usize::MAX),
            score: mean,
            trimmed: false,
            dropped_high: Vec::new(),
            dropped_low: Vec::new(),
        });
    }
    if weights > 0 && !overflow {
        r.score = Some(score.div_int(weights));
        r.excellent_share = Some(share.div_int(weights));
    }
}

/// A tie-break key at published precision: higher is better (overtime is negated).
fn key(rules: &Rules, r: &UnitResult, t: &TieBreak) -> Option<i64> {
    match t {
        TieBreak::Group(g) => r
            .groups
            .get(*g)
            .and_then(|g| g.score)
            .map(|s| rules.publish(s)),
        TieBreak::UntrimmedMean => r.untrimmed_mean.map(|s| rules.publish(s)),
        TieBreak::LessOvertime => Some(-r.overtime_seconds),
        TieBreak::Criterion(c) => r
            .criterion_means
            .get(*c)
            .copied()
            .flatten()
            .map(|s| rules.publish(s)),
        TieBreak::ExcellentShare => r.excellent_share.map(|s| s.round(4)),
    }
}

/// Orders two scored units: better first. A missing key comes last on that key.
fn compare(rules: &Rules, a: &UnitResult, b: &UnitResult) -> Ordering {
    // Finals are compared as published (rounded half up to `decimals`).
    let fa = a.final_score.map(|f| rules.publish(Ratio::int(f as i128)));
    let fb = b.final_score.map(|f| rules.publish(Ratio::int(f as i128)));
    let mut ord = fb.cmp(&fa);
    for t in &rules.tie_break {
        if ord != Ordering::Equal {
            break;
        }
        ord = match (key(rules, a, t), key(rules, b, t)) {
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
    }
    ord
}

/// Standard competition ranking (1, 2, 2, 4) of the scored units among `members` (indices
/// into `results`): (index, rank, tied) for each scored one; unscored ones get none.
fn rank(rules: &Rules, results: &[UnitResult], members: &[usize]) -> Vec<(usize, usize, bool)> {
    let mut scored: Vec<usize> = members
        .iter()
        .copied()
        .filter(|i| results[*i].final_score.is_some())
        .collect();
    scored.sort_by(|a, b| compare(rules, &results[*a], &results[*b]));
    let mut ranks: Vec<usize> = Vec::with_capacity(scored.len());
    for (pos, &i) in scored.iter().enumerate() {
        let rank = if pos > 0
            && compare(rules, &results[scored[pos - 1]], &results[i]) == Ordering::Equal
        {
            ranks[pos - 1]
        } else {
            pos + 1
        };
        ranks.push(rank);
    }
    (0..scored.len())
        .map(|pos| {
            let tied = (pos > 0 && ranks[pos - 1] == ranks[pos])
                || (pos + 1 < ranks.len() && ranks[pos + 1] == ranks[pos]);
            (scored[pos], ranks[pos], tied)
        })
        .collect()
}

/// Units in ranking order: ranked ones by rank (then running order), unranked after.
pub fn ranking(results: &[UnitResult]) -> Vec<&UnitResult> {
    let mut order: Vec<(usize, &UnitResult)> = results.iter().enumerate().collect();
    order.sort_by_key(|(i, r)| (r.rank.unwrap_or(usize::MAX), *i));
    order.into_iter().map(|(_, r)| r).collect()
}

/// The units grouped by category, as a results view or a 通报 lists them: each category in
/// the order its first unit appears on the agenda, its units by category rank (then running
/// order), unranked after; units without a category last, under `None`, by overall rank.
/// One group `None` holding every unit when no unit has a category.
pub fn by_category(results: &[UnitResult]) -> Vec<(Option<&str>, Vec<&UnitResult>)> {
    let mut out: Vec<(Option<&str>, Vec<&UnitResult>)> = Vec::new();
    for r in results {
        let c = r.category.as_deref();
        if c.is_some() && !out.iter().any(|(k, _)| *k == c) {
            out.push((c, Vec::new()));
        }
    }
    if results.iter().any(|r| r.category.is_none()) {
        out.push((None, Vec::new()));
    }
    for (key, members) in &mut out {
        let mut order: Vec<(usize, &UnitResult)> = results
            .iter()
            .enumerate()
            .filter(|(_, r)| r.category.as_deref() == *key)
            .collect();
        order.sort_by_key(|(i, r)| {
            let k = if key.is_some() {
                r.category_rank
            } else {
                r.rank
            };
            (k.unwrap_or(usize::MAX), *i)
        });
        *members = order.into_iter().map(|(_, r)| r).collect();
    }
    out
}
