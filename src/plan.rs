//! The meeting plan a host prepares: meeting data, units in order, reviewers, scoring rules.
//! Parsing keeps what the user wrote (defaults are applied by accessors), and validation
//! reports every problem at once, each with its field path.

use crate::decimal;
use crate::jsonpos::Seg;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const DEFAULT_TALK_MINUTES: f64 = 8.0;
pub const DEFAULT_WARN_SECONDS: i64 = 60;
/// Scores, steps and weights are exact in ten-thousandths.
pub const SCORE_PLACES: u32 = 4;
/// The plan format this podium reads and writes (a plan's `version`; absent means 1). A plan
/// with a higher version is refused, naming both versions (docs/FORMAT.md, "Growing the
/// formats").
pub const PLAN_VERSION: u32 = 5;
/// The longest talk limit a plan may set, in minutes.
pub const MAX_MINUTES: f64 = 600.0;

// What `podium schema` says of the texts `validate` checks (ECMA-262 regular expressions, as
// every JSON Schema validator reads them; no custom `format`).
/// Something other than spaces.
const NOT_BLANK: &str = r"\S";
/// `YYYY-MM-DD` (the calendar itself is `podium check`'s).
const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
/// `HH:MM` or `H:MM`, 0:00 to 23:59.
const START_PATTERN: &str = r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$";
/// The tie-break rules `validate` knows.
const TIE_BREAK_PATTERN: &str =
    r"^(untrimmed_mean|less_overtime|excellent_share|group:.+|criterion:.+)$";

/// A report meeting's plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The plan format's version: 2 when the plan uses a field version 2 added (a unit's
    /// `kind`, `attendees`, `observers`, `recorder`, `scoring.mode` `none`), else absent or 1.
    /// A plan made for a newer podium carries a higher number and is refused here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = PLAN_VERSION))]
    pub version: Option<u32>,
    /// The meeting's title.
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub title: String,
    /// The date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("pattern" = DATE_PATTERN))]
    pub date: Option<String>,
    /// The planned start, `HH:MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("pattern" = START_PATTERN))]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// Who chairs the meeting (主持).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Who attends (出席): each a name, or a name with a role (“王明（市委书记）”).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = NOT_BLANK)))]
    pub attendees: Vec<String>,
    /// Who sits in (列席), written like `attendees`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = NOT_BLANK)))]
    pub observers: Vec<String>,
    /// Who keeps the minutes (记录).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub recorder: Option<String>,
    /// Default talk limit in minutes (8 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = MAX_MINUTES))]
    pub talk_minutes: Option<f64>,
    /// Seconds before the limit at which the timer turns yellow (60 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub warn_seconds: Option<i64>,
    /// The agenda, in order: at least one item. Items are unit talks (`report`, the default)
    /// or another `kind`.
    #[schemars(length(min = 1))]
    pub units: Vec<UnitPlan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewers: Vec<Reviewer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
    /// A prepared task list (交办事项 / 责任清单), folded into the meeting's task ledger. Plan
    /// version 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<TaskPlan>,
    /// The session of the meeting before this one (a path relative to the plan): its open
    /// tasks are carried into this meeting's ledger when the session is created. Plan version 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub previous: Option<String>,
}

/// One task of a prepared list: what an office writes in a 责任分解表.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TaskPlan {
    /// The list's own 序号, as written (序号 restart in every list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no: Option<String>,
    /// 事项.
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub text: String,
    /// Which list or category (清单名 / 类别).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<String>,
    /// 责任单位: usually one of the plan's units; any organisation is allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// 配合单位.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// 责任领导 / 牵头领导.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// The due date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("pattern" = DATE_PATTERN))]
    pub due: Option<String>,
    /// The deadline as written (“6月底前”, “年底前”, “长期坚持”); read relative to the
    /// meeting's date when `due` is absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_text: Option<String>,
    /// `open`, `in_progress`, `done`, `closed` or `cancelled` (or the words offices write:
    /// 未开始, 推进中, 已完成, 销号…); `open` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

impl TaskPlan {
    /// The status the plan gives (`open` when absent or unreadable: `validate` names it).
    pub fn status(&self) -> crate::task::Status {
        self.status
            .as_deref()
            .and_then(crate::task::Status::read)
            .map_or_else(Default::default, |(s, _)| s)
    }
}

/// What an agenda item is. Only `report` items are 汇报单位: scored, ranked and held to a
/// countdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// A unit's talk (汇报, 交流发言): timed against its limit, scored, ranked.
    #[default]
    Report,
    /// A leader's speech (讲话): elapsed time only; `minutes` is a soft limit for the host.
    Speech,
    /// 通报, 说明, 传达学习: timed against its limit like a talk, never scored or ranked.
    Briefing,
    /// 书面通报: not spoken, no timer; marked announced.
    Written,
    /// 集中点评: the reviewers comment after the talks; elapsed time like a speech.
    Comments,
}

impl UnitKind {
    pub const ALL: [UnitKind; 5] = [
        UnitKind::Report,
        UnitKind::Speech,
        UnitKind::Briefing,
        UnitKind::Written,
        UnitKind::Comments,
    ];

    /// The name written in plans and records.
    pub fn key(self) -> &'static str {
        match self {
            UnitKind::Report => "report",
            UnitKind::Speech => "speech",
            UnitKind::Briefing => "briefing",
            UnitKind::Written => "written",
            UnitKind::Comments => "comments",
        }
    }

    pub fn from_key(key: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// A 汇报单位: scored, ranked, revealed, penalised.
    pub fn is_report(self) -> bool {
        self == UnitKind::Report
    }

    /// Timed against a limit that counts down, warns and runs over (report, briefing).
    pub fn counts_down(self) -> bool {
        matches!(self, UnitKind::Report | UnitKind::Briefing)
    }

    /// Timed at all (every kind but `written`).
    pub fn is_timed(self) -> bool {
        self != UnitKind::Written
    }
}

/// One agenda item: a presenting unit (汇报单位) or, by its `kind`, a speech, a briefing, a
/// written announcement or the reviewers' comments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitPlan {
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub name: String,
    /// What the item is (`report` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<UnitKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// This unit's talk limit in minutes; overrides `talk_minutes`. May be fractional. For a
    /// speech or the comments, a soft limit shown to the host; ignored for a written item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = MAX_MINUTES))]
    pub minutes: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The unit's kind (类别), as the office sorts them: 县区 / 部门 / 园区, or 开发区 / 乡镇 /
    /// 街道. Free text; shown in the agenda and kept in the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub category: Option<String>,
}

impl UnitPlan {
    /// What the item is (`report` when the plan says nothing).
    pub fn kind(&self) -> UnitKind {
        self.kind.unwrap_or_default()
    }
}

/// A reviewer (点评嘉宾 / 评委).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reviewer {
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The scoring group; must be declared in `scoring.groups` when groups are declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Units this reviewer may not score.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recused: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum ScoringMode {
    #[default]
    Points,
    Grades,
    /// The meeting does not score: no sheets, results or ranking.
    None,
}

impl ScoringMode {
    /// Whether the meeting scores at all.
    pub fn scores(self) -> bool {
        self != ScoringMode::None
    }
}

const UNIT_KIND_WORDS: &[&str] = &["report", "speech", "briefing", "written", "comments"];
const SCORING_MODE_WORDS: &[&str] = &["points", "grades", "none"];

impl<'de> Deserialize<'de> for UnitKind {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        de.deserialize_str(Word {
            words: UNIT_KIND_WORDS,
            values: &UnitKind::ALL,
        })
    }
}

impl<'de> Deserialize<'de> for ScoringMode {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        de.deserialize_str(Word {
            words: SCORING_MODE_WORDS,
            values: &[ScoringMode::Points, ScoringMode::Grades, ScoringMode::None],
        })
    }
}

/// Reads one of `words` (the value at the same place in `values`) from a JSON string only. The
/// derived reading of an enum takes a number or a list for a syntax error (`expected value`,
/// said as a JSON error of a file that is sound JSON); this says the type is wrong and names
/// the words.
struct Word<T: 'static> {
    words: &'static [&'static str],
    values: &'static [T],
}

impl<T: Copy> serde::de::Visitor<'_> for Word<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let words: Vec<String> = self.words.iter().map(|w| format!("`{w}`")).collect();
        write!(f, "one of {}", words.join(", "))
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        self.words
            .iter()
            .position(|w| *w == text)
            .map(|i| self.values[i])
            .ok_or_else(|| E::unknown_variant(text, self.words))
    }
}

/// How units are scored and ranked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ScoringMode>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub step: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub trim: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub trim_min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 4))]
    pub decimals: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overtime: Option<Overtime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undertime: Option<Undertime>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = TIE_BREAK_PATTERN)))]
    pub tie_break: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub spread_warn: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grades: Vec<Grade>,
    /// Whether the overall rank is shown beside the rank within each category (true when
    /// absent). The record always has both. Plan version 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_rank: Option<bool>,
    /// Results as 等次: by score (each level's `min`) or by quota (each level's `percent` of
    /// the ranked units, within each category). Plan version 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands: Option<Bands>,
    /// Anonymous ballots by group (测评票), in grades or points mode: each group's weight and
    /// how many slips to issue. Not together with `groups`. Plan version 5.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ballot_groups: Vec<BallotGroup>,
}

/// One group of anonymous ballots (`scoring.ballot_groups`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BallotGroup {
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub name: String,
    /// Its share of the score in percent; the ballot groups' weights add up to 100.
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 100))]
    pub weight: f64,
    /// How many slips `podium ballots` issues for it when no `--group` says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = MAX_BALLOTS))]
    pub ballots: Option<u32>,
}

/// The most ballots one group may have issued.
pub const MAX_BALLOTS: u32 = 9999;

/// How results become 等次 (`scoring.bands`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bands {
    /// `score`: each level from its `min` (the final as published); `quota`: the best
    /// `percent` of the ranked units, then the next…
    pub by: BandsBy,
    /// Best first; the last one without `min` or `percent` takes the rest.
    #[schemars(length(min = 1))]
    pub levels: Vec<BandLevel>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum BandsBy {
    Score,
    Quota,
}

const BANDS_BY_WORDS: &[&str] = &["score", "quota"];

impl<'de> Deserialize<'de> for BandsBy {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        de.deserialize_str(Word {
            words: BANDS_BY_WORDS,
            values: &[BandsBy::Score, BandsBy::Quota],
        })
    }
}

/// One 等次.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BandLevel {
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub name: String,
    /// By score: the least final of this level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// By quota: this level's share of the ranked units, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 100))]
    pub percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub name: String,
    /// The most a reviewer may give on it (满分).
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub max: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub name: String,
    /// Its share of the score in percent; the groups' weights add up to 100.
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 100))]
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overtime {
    #[schemars(range(min = 0))]
    pub grace_seconds: i64,
    #[schemars(range(min = 1))]
    pub every_seconds: i64,
    #[schemars(range(min = 0))]
    pub points: f64,
    #[schemars(range(min = 0))]
    pub max_points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Undertime {
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = MAX_MINUTES))]
    pub min_minutes: f64,
    #[schemars(range(min = 0))]
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    #[schemars(extend("pattern" = NOT_BLANK))]
    pub name: String,
    pub points: f64,
}

/// The plan's JSON Schema (`podium schema`): the fields, and the rules an editor can check
/// (minimums, maximums, at least one unit, the texts' shapes, the allowed values). The
/// `format`s schemars gives numbers (`uint32`, `double`…) are not JSON Schema's and a strict
/// validator refuses them: they are left out; the ranges say the same.
pub fn json_schema() -> serde_json::Value {
    const STANDARD: &[&str] = &[
        "date-time",
        "date",
        "time",
        "duration",
        "email",
        "idn-email",
        "hostname",
        "idn-hostname",
        "ipv4",
        "ipv6",
        "uri",
        "uri-reference",
        "iri",
        "iri-reference",
        "uuid",
        "uri-template",
        "json-pointer",
        "relative-json-pointer",
        "regex",
    ];
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                if map
                    .get("format")
                    .and_then(|f| f.as_str())
                    .is_some_and(|f| !STANDARD.contains(&f))
                {
                    map.remove("format");
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut schema = schemars::schema_for!(Plan).to_value();
    strip(&mut schema);
    schema
}

/// `scoring.bands`: levels named once each; by score, every level but the last with a `min`
/// below the one before; by quota, every level but the last with a `percent`, adding up to
/// at most 100.
fn validate_bands(bands: &Bands, err: &mut impl FnMut(Vec<Seg>, Problem)) {
    let key = |k: &str| Seg::Key(k.to_string());
    let path = |i: usize, f: &str| {
        vec![
            key("scoring"),
            key("bands"),
            key("levels"),
            Seg::Index(i),
            key(f),
        ]
    };
    if bands.levels.is_empty() {
        err(
            vec![key("scoring"), key("bands"), key("levels")],
            Problem::NoBands,
        );
    }
    let mut names = Seen::new();
    let mut before: Option<f64> = None;
    let mut total = 0i64;
    let last = bands.levels.len().saturating_sub(1);
    for (i, level) in bands.levels.iter().enumerate() {
        check_name(&level.name, path(i, "name"), err);
        once(&mut names, "band", &level.name, path(i, "name"), err);
        let (own, other, own_value, other_value) = match bands.by {
            BandsBy::Score => ("min", "percent", level.min, level.percent),
            BandsBy::Quota => ("percent", "min", level.percent, level.min),
        };
        if other_value.is_some() {
            err(
                path(i, other),
                Problem::BandField {
                    field: other,
                    by: bands.by,
                },
            );
        }
        match own_value {
            None if i < last => err(path(i, "name"), Problem::BandNeeds { field: own }),
            None => {}
            Some(v) if decimal::to_scaled(v, SCORE_PLACES).is_none() || !v.is_finite() => {
                err(path(i, own), Problem::NotExact { value: v })
            }
            Some(v) => match bands.by {
                BandsBy::Score => {
                    if let Some(b) = before
                        && v >= b
                    {
                        err(
                            path(i, own),
                            Problem::BandsNotDescending { min: v, before: b },
                        );
                    }
                    before = Some(v);
                }
                BandsBy::Quota => {
                    let scaled = decimal::to_scaled(v, SCORE_PLACES).unwrap_or(0);
                    if scaled <= 0 || scaled > 100 * 10i64.pow(SCORE_PLACES) {
                        err(path(i, own), Problem::BandPercent(v));
                    } else {
                        total = total.saturating_add(scaled);
                        if total > 100 * 10i64.pow(SCORE_PLACES) {
                            err(path(i, own), Problem::BandPercent(total as f64 / 10_000.0));
                        }
                    }
                }
            },
        }
    }
}

/// What is wrong with a plan. Rendered for people by `strings::plan_problem`.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    NoUnits,
    Duplicate {
        what: &'static str,
        name: String,
    },
    EmptyName,
    ControlChars,
    MinutesNotPositive(f64),
    MinutesTooLong(f64),
    LimitBelowOneSecond(f64),
    WarnNegative(i64),
    WarnNotBeforeLimit {
        warn: i64,
        limit: i64,
        unit: String,
    },
    BadDate(String),
    BadTime(String),
    UndeclaredGroup(String),
    WeightsNot100(f64),
    WeightNotPositive(f64),
    UnknownUnit(String),
    MaxNotPositive(f64),
    NotExact {
        value: f64,
    },
    StepNotPositive(f64),
    StepTooFine(f64),
    TrimNegative(i64),
    TrimMinTooSmall {
        trim_min: i64,
        least: i64,
    },
    DecimalsOutOfRange(i64),
    UnknownTieBreak(String),
    SpreadNotPositive(f64),
    NegativeSeconds(i64),
    EveryNotPositive(i64),
    PointsNegative(f64),
    PenaltyFinerThanDecimals {
        points: f64,
        decimals: i64,
    },
    /// A written item's `minutes`: it has no timer and adds nothing to the planned time.
    MinutesIgnored {
        unit: String,
    },
    /// A name imports would match wrongly (`names`): spaces or invisible characters at its
    /// ends, nothing visible, or another name that looks the same.
    Name(crate::names::NameProblem),
    /// A task's `status` that is none of the statuses or the words offices write.
    BadTaskStatus(String),
    /// Two tasks of the same list with the same `no`.
    DuplicateTaskNo {
        list: Option<String>,
        no: String,
    },
    /// A task's `due_text` that is not a deadline podium reads (kept as written; no due date).
    UnreadDeadline(String),
    /// A band level with a field of the other way (`min` when by quota, `percent` by score).
    BandField {
        field: &'static str,
        by: BandsBy,
    },
    /// A band level other than the last without its `min` (by score) or `percent` (quota).
    BandNeeds {
        field: &'static str,
    },
    /// By score, a level's `min` not below the one before it.
    BandsNotDescending {
        min: f64,
        before: f64,
    },
    /// By quota, a `percent` outside (0, 100], or percents adding up to more than 100.
    BandPercent(f64),
    /// `scoring.bands` without a level.
    NoBands,
    /// The last band has its own `min` (by score) or the percents add up to less than 100
    /// (by quota): some ranked units get no band.
    BandsLeaveSome {
        by: BandsBy,
    },
    /// `scoring.groups` and `scoring.ballot_groups` both declared.
    GroupsAndBallotGroups,
    /// Ballot groups in a meeting that does not score.
    BallotGroupsNotScored,
    /// A ballot group's `ballots` of 0 or more than [`MAX_BALLOTS`].
    BallotsOutOfRange(u32),
    /// A reviewer named like a ballot's serial (领导-001).
    ReviewerLikeSerial(String),
}

/// One validation finding: where, what, and whether it stops the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub path: Vec<Seg>,
    pub problem: Problem,
    pub warning: bool,
}

impl Plan {
    pub fn talk_minutes(&self) -> f64 {
        self.talk_minutes.unwrap_or(DEFAULT_TALK_MINUTES)
    }

    pub fn warn_seconds(&self) -> i64 {
        self.warn_seconds.unwrap_or(DEFAULT_WARN_SECONDS).max(0)
    }

    /// An item's planned limit in whole seconds (minutes × 60, rounded half up, exactly): a
    /// report's or briefing's limit (`talk_minutes` when it sets none); a speech's or the
    /// comments' soft limit, 0 when it sets none; 0 for a written item.
    pub fn unit_limit_seconds(&self, unit: &UnitPlan) -> i64 {
        let kind = unit.kind();
        if kind.counts_down() {
            limit_seconds(unit.minutes.unwrap_or_else(|| self.talk_minutes()))
                .unwrap_or(1)
                .clamp(1, 36_000)
        } else if kind.is_timed() {
            unit.minutes
                .and_then(limit_seconds)
                .unwrap_or(0)
                .clamp(0, 36_000)
        } else {
            0
        }
    }

    /// The items that are 汇报单位.
    pub fn reports(&self) -> impl Iterator<Item = &UnitPlan> {
        self.units.iter().filter(|u| u.kind().is_report())
    }

    /// The scoring mode (`points` when absent).
    pub fn scoring_mode(&self) -> ScoringMode {
        self.scoring
            .as_ref()
            .and_then(|s| s.mode)
            .unwrap_or_default()
    }

    pub fn scoring(&self) -> Scoring {
        self.scoring.clone().unwrap_or_default()
    }

    /// The meeting's date, when the plan gives a valid one.
    pub fn meeting_date(&self) -> Option<chrono::NaiveDate> {
        self.date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    }

    /// Every problem in the plan: errors and warnings, in document order.
    pub fn validate(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut err = |path: Vec<Seg>, problem: Problem| {
            out.push(Finding {
                path,
                problem,
                warning: false,
            })
        };
        let key = |k: &str| Seg::Key(k.to_string());

        check_name(&self.title, vec![key("title")], &mut err);
        if let Some(date) = &self.date
            && chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err()
        {
            err(vec![key("date")], Problem::BadDate(date.clone()));
        }
        if let Some(start) = &self.start
            && parse_start(start).is_none()
        {
            err(vec![key("start")], Problem::BadTime(start.clone()));
        }
        if let Some(m) = self.talk_minutes {
            check_minutes(m, vec![key("talk_minutes")], &mut err);
        }
        if let Some(w) = self.warn_seconds
            && w < 0
        {
            err(vec![key("warn_seconds")], Problem::WarnNegative(w));
        }
        if self.units.is_empty() {
            err(vec![key("units")], Problem::NoUnits);
        }
        let mut seen = Seen::new();
        for (i, unit) in self.units.iter().enumerate() {
            let at = |f: &str| vec![key("units"), Seg::Index(i), key(f)];
            check_matched_name(&unit.name, at("name"), &mut err);
            once(&mut seen, "unit", &unit.name, at("name"), &mut err);
            if let Some(c) = &unit.category {
                check_name(c, at("category"), &mut err);
            }
            for (field, value) in [("presenter", &unit.presenter), ("role", &unit.role)] {
                if let Some(v) = value
                    && has_control(v)
                {
                    err(at(field), Problem::ControlChars);
                }
            }
            if let Some(m) = unit.minutes {
                check_minutes(m, at("minutes"), &mut err);
            }
        }
        for (field, names) in [
            ("attendees", &self.attendees),
            ("observers", &self.observers),
        ] {
            for (i, name) in names.iter().enumerate() {
                check_name(name, vec![key(field), Seg::Index(i)], &mut err);
            }
        }
        if let Some(r) = &self.recorder {
            check_name(r, vec![key("recorder")], &mut err);
        }
        let mut seen = Seen::new();
        let scoring = self.scoring();
        for (i, reviewer) in self.reviewers.iter().enumerate() {
            let at = |f: &str| vec![key("reviewers"), Seg::Index(i), key(f)];
            check_matched_name(&reviewer.name, at("name"), &mut err);
            once(&mut seen, "reviewer", &reviewer.name, at("name"), &mut err);
            if let Some(group) = &reviewer.group
                && !(scoring.groups.is_empty() && scoring.ballot_groups.is_empty())
                && !scoring.groups.iter().any(|g| &g.name == group)
                && !scoring.ballot_groups.iter().any(|g| &g.name == group)
            {
                err(at("group"), Problem::UndeclaredGroup(group.clone()));
            }
            // A ballot is named by its serial (领导-007) where a reviewer is named: a reviewer
            // named like one would share its sheet.
            if scoring.ballot_groups.iter().any(|g| {
                reviewer
                    .name
                    .strip_prefix(g.name.as_str())
                    .and_then(|rest| rest.strip_prefix('-'))
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            }) {
                err(
                    at("name"),
                    Problem::ReviewerLikeSerial(reviewer.name.clone()),
                );
            }
            for (j, unit) in reviewer.recused.iter().enumerate() {
                if !self.units.iter().any(|u| &u.name == unit) {
                    let mut path = at("recused");
                    path.push(Seg::Index(j));
                    err(path, Problem::UnknownUnit(unit.clone()));
                }
            }
        }
        if let Some(s) = &self.scoring {
            validate_scoring(s, &mut err);
        }
        if let Some(p) = &self.previous {
            check_name(p, vec![key("previous")], &mut err);
        }
        let mut numbers = std::collections::HashSet::new();
        for (i, task) in self.tasks.iter().enumerate() {
            let at = |f: &str| vec![key("tasks"), Seg::Index(i), key(f)];
            if task.text.trim().is_empty() {
                err(at("text"), Problem::EmptyName);
            }
            for (field, value) in [
                ("no", &task.no),
                ("list", &task.list),
                ("owner", &task.owner),
                ("leader", &task.leader),
                ("due_text", &task.due_text),
            ] {
                if let Some(v) = value
                    && has_control(v)
                {
                    err(at(field), Problem::ControlChars);
                }
            }
            for (j, partner) in task.partners.iter().enumerate() {
                let mut path = at("partners");
                path.push(Seg::Index(j));
                check_name(partner, path, &mut err);
            }
            if let Some(due) = &task.due
                && chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").is_err()
            {
                err(at("due"), Problem::BadDate(due.clone()));
            }
            if let Some(status) = &task.status
                && crate::task::Status::read(status).is_none()
            {
                err(at("status"), Problem::BadTaskStatus(status.clone()));
            }
            // Matched as the ledger matches them: “１” is “1”, spaces around are nothing.
            if let Some(no) = task.no.as_deref().map(str::trim).filter(|n| !n.is_empty())
                && let Some(key) = crate::session::ledger::match_key(task.list.as_deref(), Some(no))
                && !numbers.insert(key)
            {
                err(
                    at("no"),
                    Problem::DuplicateTaskNo {
                        list: task.list.clone(),
                        no: no.to_string(),
                    },
                );
            }
        }
        // Warnings: a task's deadline podium cannot read (kept as written, never overdue).
        let meeting_date = self.meeting_date();
        for (i, task) in self.tasks.iter().enumerate() {
            if let Some(text) = &task.due_text
                && task.due.is_none()
                && !text.trim().is_empty()
                && crate::deadline::read(text, meeting_date.unwrap_or_default()).is_none()
            {
                out.push(Finding {
                    path: vec![key("tasks"), Seg::Index(i), key("due_text")],
                    problem: Problem::UnreadDeadline(text.clone()),
                    warning: true,
                });
            }
        }
        // Warning: bands that leave some ranked units without one.
        if let Some(bands) = self.scoring.as_ref().and_then(|s| s.bands.as_ref())
            && let Some(last) = bands.levels.last()
        {
            let leaves = match bands.by {
                BandsBy::Score => last.min.is_some(),
                BandsBy::Quota => {
                    let total: i64 = bands
                        .levels
                        .iter()
                        .filter_map(|l| l.percent.and_then(|p| decimal::to_scaled(p, SCORE_PLACES)))
                        .fold(0, i64::saturating_add);
                    last.percent.is_some() && total < 100 * 10i64.pow(SCORE_PLACES)
                }
            };
            if leaves {
                let i = bands.levels.len() - 1;
                let field = match bands.by {
                    BandsBy::Score => "min",
                    BandsBy::Quota => "percent",
                };
                out.push(Finding {
                    path: vec![
                        key("scoring"),
                        key("bands"),
                        key("levels"),
                        Seg::Index(i),
                        key(field),
                    ],
                    problem: Problem::BandsLeaveSome { by: bands.by },
                    warning: true,
                });
            }
        }
        // Warnings: a written item's minutes, which nothing uses.
        for (i, unit) in self.units.iter().enumerate() {
            if unit.kind() == UnitKind::Written && unit.minutes.is_some() {
                out.push(Finding {
                    path: vec![key("units"), Seg::Index(i), key("minutes")],
                    problem: Problem::MinutesIgnored {
                        unit: unit.name.clone(),
                    },
                    warning: true,
                });
            }
        }
        // A warning that would sound at or before the start of a talk that counts down.
        let warn = self.warn_seconds();
        if warn > 0 {
            for (i, unit) in self
                .units
                .iter()
                .enumerate()
                .filter(|(_, u)| u.kind().counts_down())
            {
                let minutes = unit.minutes.unwrap_or_else(|| self.talk_minutes());
                if let Some(limit) = limit_seconds(minutes)
                    && limit >= 1
                    && warn >= limit
                {
                    let path = if self.warn_seconds.is_some() {
                        vec![key("warn_seconds")]
                    } else {
                        vec![key("units"), Seg::Index(i), key("minutes")]
                    };
                    out.push(Finding {
                        path,
                        problem: Problem::WarnNotBeforeLimit {
                            warn,
                            limit,
                            unit: unit.name.clone(),
                        },
                        warning: true,
                    });
                }
            }
        }
        out
    }
}

fn validate_scoring(s: &Scoring, err: &mut impl FnMut(Vec<Seg>, Problem)) {
    let key = |k: &str| Seg::Key(k.to_string());
    let at = |parts: &[&str]| -> Vec<Seg> {
        let mut p = vec![key("scoring")];
        p.extend(parts.iter().map(|k| key(k)));
        p
    };
    if let Some(bands) = &s.bands {
        validate_bands(bands, err);
    }
    let mut names = Seen::new();
    for (i, c) in s.criteria.iter().enumerate() {
        let path = |f: &str| vec![key("scoring"), key("criteria"), Seg::Index(i), key(f)];
        check_matched_name(&c.name, path("name"), err);
        once(&mut names, "criterion", &c.name, path("name"), err);
        if c.max <= 0.0 {
            err(path("max"), Problem::MaxNotPositive(c.max));
        } else if !fits_scores(c.max) {
            err(path("max"), Problem::NotExact { value: c.max });
        }
    }
    if let Some(step) = s.step {
        if step <= 0.0 {
            err(at(&["step"]), Problem::StepNotPositive(step));
        } else if decimal::to_scaled(step, SCORE_PLACES).is_none() {
            err(at(&["step"]), Problem::StepTooFine(step));
        }
    }
    let mut names = Seen::new();
    for (i, g) in s.groups.iter().enumerate() {
        let path = |f: &str| vec![key("scoring"), key("groups"), Seg::Index(i), key(f)];
        check_matched_name(&g.name, path("name"), err);
        once(&mut names, "group", &g.name, path("name"), err);
        if g.weight <= 0.0 {
            err(path("weight"), Problem::WeightNotPositive(g.weight));
        } else if !fits_scores(g.weight) {
            err(path("weight"), Problem::NotExact { value: g.weight });
        }
    }
    check_weights(
        &s.groups.iter().map(|g| g.weight).collect::<Vec<_>>(),
        at(&["groups"]),
        err,
    );
    let mut names = Seen::new();
    for (i, g) in s.ballot_groups.iter().enumerate() {
        let path = |f: &str| vec![key("scoring"), key("ballot_groups"), Seg::Index(i), key(f)];
        check_matched_name(&g.name, path("name"), err);
        once(&mut names, "ballot group", &g.name, path("name"), err);
        if g.weight <= 0.0 {
            err(path("weight"), Problem::WeightNotPositive(g.weight));
        } else if !fits_scores(g.weight) {
            err(path("weight"), Problem::NotExact { value: g.weight });
        }
        if let Some(n) = g.ballots
            && !(1..=MAX_BALLOTS).contains(&n)
        {
            err(path("ballots"), Problem::BallotsOutOfRange(n));
        }
    }
    check_weights(
        &s.ballot_groups.iter().map(|g| g.weight).collect::<Vec<_>>(),
        at(&["ballot_groups"]),
        err,
    );
    if !s.ballot_groups.is_empty() {
        if !s.groups.is_empty() {
            err(at(&["ballot_groups"]), Problem::GroupsAndBallotGroups);
        }
        if s.mode == Some(ScoringMode::None) {
            err(at(&["ballot_groups"]), Problem::BallotGroupsNotScored);
        }
    }
    if let Some(trim) = s.trim
        && trim < 0
    {
        err(at(&["trim"]), Problem::TrimNegative(trim));
    }
    if let Some(trim_min) = s.trim_min {
        let least = s
            .trim
            .unwrap_or(0)
            .max(0)
            .saturating_mul(2)
            .saturating_add(1);
        if trim_min < least {
            err(
                at(&["trim_min"]),
                Problem::TrimMinTooSmall { trim_min, least },
            );
        }
    }
    if let Some(d) = s.decimals
        && !(0..=4).contains(&d)
    {
        err(at(&["decimals"]), Problem::DecimalsOutOfRange(d));
    }
    if let Some(o) = &s.overtime {
        if o.grace_seconds < 0 {
            err(
                at(&["overtime", "grace_seconds"]),
                Problem::NegativeSeconds(o.grace_seconds),
            );
        }
        if o.every_seconds <= 0 {
            err(
                at(&["overtime", "every_seconds"]),
                Problem::EveryNotPositive(o.every_seconds),
            );
        }
        for (f, v) in [("points", o.points), ("max_points", o.max_points)] {
            if v < 0.0 {
                err(at(&["overtime", f]), Problem::PointsNegative(v));
            } else if decimal::to_scaled(v, SCORE_PLACES).is_none() {
                err(at(&["overtime", f]), Problem::NotExact { value: v });
            } else if finer_than_published(v, s.decimals) {
                err(
                    at(&["overtime", f]),
                    Problem::PenaltyFinerThanDecimals {
                        points: v,
                        decimals: s.decimals.unwrap_or(2),
                    },
                );
            }
        }
    }
    if let Some(u) = &s.undertime {
        if u.min_minutes <= 0.0 {
            err(
                at(&["undertime", "min_minutes"]),
                Problem::MinutesNotPositive(u.min_minutes),
            );
        } else if u.min_minutes > 600.0 {
            err(
                at(&["undertime", "min_minutes"]),
                Problem::MinutesTooLong(u.min_minutes),
            );
        } else if !fits_scores(u.min_minutes) {
            err(
                at(&["undertime", "min_minutes"]),
                Problem::NotExact {
                    value: u.min_minutes,
                },
            );
        }
        if u.points < 0.0 {
            err(
                at(&["undertime", "points"]),
                Problem::PointsNegative(u.points),
            );
        } else if decimal::to_scaled(u.points, SCORE_PLACES).is_none() {
            err(
                at(&["undertime", "points"]),
                Problem::NotExact { value: u.points },
            );
        } else if finer_than_published(u.points, s.decimals) {
            err(
                at(&["undertime", "points"]),
                Problem::PenaltyFinerThanDecimals {
                    points: u.points,
                    decimals: s.decimals.unwrap_or(2),
                },
            );
        }
    }
    for (i, rule) in s.tie_break.iter().enumerate() {
        let known = match rule.split_once(':') {
            Some(("group", g)) => {
                s.groups.iter().any(|x| x.name == g) || s.ballot_groups.iter().any(|x| x.name == g)
            }
            Some(("criterion", c)) => s.criteria.iter().any(|x| x.name == c),
            Some(_) => false,
            None => matches!(
                rule.as_str(),
                "untrimmed_mean" | "less_overtime" | "excellent_share"
            ),
        };
        if !known {
            err(
                vec![key("scoring"), key("tie_break"), Seg::Index(i)],
                Problem::UnknownTieBreak(rule.clone()),
            );
        }
    }
    if let Some(v) = s.spread_warn {
        if v <= 0.0 {
            err(at(&["spread_warn"]), Problem::SpreadNotPositive(v));
        } else if !fits_scores(v) {
            err(at(&["spread_warn"]), Problem::NotExact { value: v });
        }
    }
    let mut names = Seen::new();
    for (i, g) in s.grades.iter().enumerate() {
        let path = |f: &str| vec![key("scoring"), key("grades"), Seg::Index(i), key(f)];
        check_matched_name(&g.name, path("name"), err);
        once(&mut names, "grade", &g.name, path("name"), err);
        if decimal::to_scaled(g.points, SCORE_PLACES).is_none() {
            err(path("points"), Problem::NotExact { value: g.points });
        }
    }
}

/// A penalty with more decimals than the results are published with would make a final
/// that cannot be shown as it was ranked.
fn finer_than_published(points: f64, decimals: Option<i64>) -> bool {
    let d = decimals.unwrap_or(2).clamp(0, 4) as u32;
    decimal::to_scaled(points, d).is_none()
}

/// Scores, points and minutes are kept in ten-thousandths; a value must fit that exactly, with
/// room to add and multiply (at most a billion).
/// Declared weights (of `groups` or `ballot_groups`) add up to exactly 100.
fn check_weights(weights: &[f64], path: Vec<Seg>, err: &mut impl FnMut(Vec<Seg>, Problem)) {
    if weights.is_empty() {
        return;
    }
    let total: Option<i64> = weights
        .iter()
        .map(|w| decimal::to_scaled(*w, SCORE_PLACES))
        .try_fold(0i64, |sum, w| sum.checked_add(w?));
    if total != Some(100 * 10i64.pow(SCORE_PLACES)) {
        err(path, Problem::WeightsNot100(weights.iter().sum()));
    }
}

fn fits_scores(v: f64) -> bool {
    v.abs() <= 1e9 && decimal::to_scaled(v, SCORE_PLACES).is_some()
}

fn check_name(name: &str, path: Vec<Seg>, err: &mut impl FnMut(Vec<Seg>, Problem)) {
    if name.trim().is_empty() {
        err(path, Problem::EmptyName);
    } else if has_control(name) {
        err(path, Problem::ControlChars);
    }
}

/// A name that imports match against (a unit, reviewer, criterion, group or grade): the
/// checks of any name, then those of `names::check`.
fn check_matched_name(name: &str, path: Vec<Seg>, err: &mut impl FnMut(Vec<Seg>, Problem)) {
    if name.trim().is_empty() || has_control(name) {
        check_name(name, path, err);
    } else if let Some(p) = crate::names::check(name) {
        err(path, Problem::Name(p));
    }
}

/// The names of one list seen so far, by their `names::key`: the name and where it is.
type Seen = std::collections::HashMap<String, (String, Vec<Seg>)>;

/// The second of two equal names is a `Duplicate`; of two names that only look equal (equal
/// keys), `LooksLike`. A name with nothing visible is reported by itself, not here.
fn once(
    seen: &mut Seen,
    what: &'static str,
    name: &str,
    path: Vec<Seg>,
    err: &mut impl FnMut(Vec<Seg>, Problem),
) {
    let key = crate::names::key(name);
    if key.is_empty() {
        return;
    }
    match seen.get(&key) {
        Some((other, _)) if other == name => err(
            path,
            Problem::Duplicate {
                what,
                name: name.to_string(),
            },
        ),
        Some((other, other_path)) => err(
            path,
            Problem::Name(crate::names::NameProblem::LooksLike {
                what,
                name: name.to_string(),
                other: other.clone(),
                other_path: crate::jsonpos::path_text(other_path),
            }),
        ),
        None => {
            seen.insert(key, (name.to_string(), path));
        }
    }
}

fn check_minutes(minutes: f64, path: Vec<Seg>, err: &mut impl FnMut(Vec<Seg>, Problem)) {
    if minutes <= 0.0 {
        err(path, Problem::MinutesNotPositive(minutes));
    } else if minutes > MAX_MINUTES {
        err(path, Problem::MinutesTooLong(minutes));
    } else if limit_seconds(minutes).is_none_or(|s| s < 1) {
        err(path, Problem::LimitBelowOneSecond(minutes));
    }
}

/// Control characters (C0, DEL, C1) have no place in a name shown on a terminal.
pub fn has_control(text: &str) -> bool {
    text.chars().any(|c| c.is_control())
}

/// A talk limit in seconds from minutes, rounded half up to the nearest second, exactly.
pub fn limit_seconds(minutes: f64) -> Option<i64> {
    decimal::mul_round(minutes, 60)
}

/// `HH:MM` (or `H:MM`) as a time of day.
pub fn parse_start(text: &str) -> Option<chrono::NaiveTime> {
    chrono::NaiveTime::parse_from_str(text, "%H:%M").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_read_are_the_words_written() {
        for (word, kind) in UNIT_KIND_WORDS.iter().zip(UnitKind::ALL) {
            assert_eq!(*word, kind.key());
            let read: UnitKind = serde_json::from_value(serde_json::json!(word)).unwrap();
            assert_eq!(read, kind);
            assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::json!(word));
        }
        for word in SCORING_MODE_WORDS {
            let read: ScoringMode = serde_json::from_value(serde_json::json!(word)).unwrap();
            assert_eq!(serde_json::to_value(read).unwrap(), serde_json::json!(word));
        }
        let e = serde_json::from_str::<UnitKind>("5")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("invalid type: integer `5`, expected one of `report`"),
            "{e}"
        );
    }
}
