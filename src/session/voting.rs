//! Deciding the ballot commands: issuing, voiding, opening and closing the vote, casting.

use super::Session;
use super::ballots::{self, Ballot};
use super::command::{BallotGrade, BallotKey, BallotScore, Command, Refusal};
use super::event::EventKind;
use crate::plan::{MAX_BALLOTS, ScoringMode};
use crate::scoring::{self, ScoreProblem};
use std::collections::HashSet;

impl Session {
    /// The ballot groups' names (the plan's `scoring.ballot_groups`).
    pub fn ballot_groups(&self) -> Vec<String> {
        self.plan
            .scoring()
            .ballot_groups
            .iter()
            .map(|g| g.name.clone())
            .collect()
    }

    /// The ballot a key opens: by code only while voting is open.
    pub fn ballot_of(&self, key: &BallotKey) -> Result<&Ballot, Refusal> {
        let b = &self.state.ballots;
        let ballot = match key {
            BallotKey::Code(code) => b.by_code(&code.0).ok_or(Refusal::UnknownBallot)?,
            BallotKey::Serial(serial) => {
                b.get(serial.trim()).ok_or_else(|| Refusal::UnknownSerial {
                    serial: serial.trim().to_string(),
                })?
            }
        };
        if ballot.voided {
            return Err(Refusal::BallotVoided {
                serial: ballot.serial.clone(),
            });
        }
        Ok(ballot)
    }

    pub(super) fn decide_ballot(&self, command: &Command) -> Result<Vec<EventKind>, Refusal> {
        let st = &self.state;
        let groups = self.ballot_groups();
        if groups.is_empty() {
            return Err(Refusal::NoBallotGroups);
        }
        match command {
            Command::IssueBallots {
                group,
                salt,
                hashes,
            } => {
                if !groups.contains(group) {
                    return Err(Refusal::UnknownBallotGroup {
                        group: group.clone(),
                    });
                }
                if hashes.is_empty() {
                    return Err(Refusal::NothingChanged);
                }
                let before = st.ballots.issued_in(group);
                if before + hashes.len() > MAX_BALLOTS as usize {
                    return Err(Refusal::TooManyBallots { max: MAX_BALLOTS });
                }
                let mut seen = HashSet::new();
                if !ballots::is_hex(salt, 2 * ballots::SALT_BYTES)
                    || hashes.iter().any(|h| {
                        !ballots::is_hex(h, 64) || !seen.insert(h) || st.ballots.has_hash(h)
                    })
                {
                    return Err(Refusal::BadBallotHash);
                }
                Ok(vec![EventKind::BallotsIssued {
                    group: group.clone(),
                    salt: salt.clone(),
                    ballots: hashes
                        .iter()
                        .zip(st.ballots.next_serials(group, hashes.len()))
                        .map(|(h, serial)| ballots::IssuedBallot {
                            serial,
                            hash: h.clone(),
                        })
                        .collect(),
                }])
            }
            Command::VoidBallot { serial } => {
                let ballot =
                    st.ballots
                        .get(serial.trim())
                        .ok_or_else(|| Refusal::UnknownSerial {
                            serial: serial.trim().to_string(),
                        })?;
                if ballot.voided {
                    return Err(Refusal::NothingChanged);
                }
                // A counted ballot taken out changes published results.
                if ballot.cast.is_some() && st.scores.published {
                    return Err(Refusal::ResultsPublished);
                }
                Ok(vec![EventKind::BallotVoided {
                    serial: ballot.serial.clone(),
                }])
            }
            Command::OpenVoting => {
                if st.scores.published {
                    return Err(Refusal::ResultsPublished);
                }
                if st.ballots.open {
                    return Err(Refusal::NothingChanged);
                }
                Ok(vec![EventKind::VotingOpened])
            }
            Command::CloseVoting => {
                if !st.ballots.open {
                    return Err(Refusal::NothingChanged);
                }
                Ok(vec![EventKind::VotingClosed])
            }
            Command::CastBallot {
                ballot,
                grades,
                scores,
            } => {
                let b = self.ballot_of(ballot)?;
                if matches!(ballot, BallotKey::Code(_)) && !st.ballots.open {
                    return Err(Refusal::VotingClosed);
                }
                if st.scores.published {
                    return Err(Refusal::ResultsPublished);
                }
                let kinds = self.cast_kinds(&b.group, &b.serial, grades, scores)?;
                if self.same_cast(b, grades, scores) {
                    return Err(Refusal::NothingChanged);
                }
                Ok(kinds)
            }
            Command::RecordBallots { salt, ballots } => {
                if st.scores.published {
                    return Err(Refusal::ResultsPublished);
                }
                if ballots.is_empty() {
                    return Err(Refusal::NothingChanged);
                }
                if !ballots::is_hex(salt, 2 * ballots::SALT_BYTES) {
                    return Err(Refusal::BadBallotHash);
                }
                // New ballots first, by group (numbered on from each group's last), then every
                // cast: one action.
                let mut issued: Vec<(String, Vec<ballots::IssuedBallot>)> = Vec::new();
                // Each group's ballots issued before, and the number of its last serial.
                let mut numbers: Vec<(usize, usize)> = Vec::new();
                let mut casts = Vec::new();
                let mut hashes = HashSet::new();
                let mut serials = HashSet::new();
                for r in ballots {
                    let (group, serial) = match (&r.serial, &r.hash) {
                        (Some(serial), None) => {
                            let b = self.ballot_of(&BallotKey::Serial(serial.clone()))?;
                            // A row that says another group than its serial's is a mistake
                            // somewhere: never recorded under either silently.
                            if b.group != r.group {
                                return Err(Refusal::BallotOtherGroup {
                                    serial: b.serial.clone(),
                                    group: r.group.clone(),
                                });
                            }
                            (b.group.clone(), b.serial.clone())
                        }
                        (None, Some(hash)) => {
                            if !groups.contains(&r.group) {
                                return Err(Refusal::UnknownBallotGroup {
                                    group: r.group.clone(),
                                });
                            }
                            if !ballots::is_hex(hash, 64)
                                || !hashes.insert(hash.clone())
                                || st.ballots.has_hash(hash)
                            {
                                return Err(Refusal::BadBallotHash);
                            }
                            let i = match issued.iter().position(|(g, _)| *g == r.group) {
                                Some(i) => i,
                                None => {
                                    issued.push((r.group.clone(), Vec::new()));
                                    let before = st.ballots.issued_in(&r.group);
                                    numbers.push((before, before));
                                    issued.len() - 1
                                }
                            };
                            let (before, last) = numbers[i];
                            if before + issued[i].1.len() + 1 > MAX_BALLOTS as usize {
                                return Err(Refusal::TooManyBallots { max: MAX_BALLOTS });
                            }
                            let (number, serial) = st.ballots.serial_after(&r.group, last);
                            numbers[i].1 = number;
                            issued[i].1.push(ballots::IssuedBallot {
                                serial: serial.clone(),
                                hash: hash.clone(),
                            });
                            (r.group.clone(), serial)
                        }
                        _ => return Err(Refusal::BadBallotHash),
                    };
                    if !serials.insert(serial.clone()) {
                        return Err(Refusal::BallotTwice { serial });
                    }
                    casts.extend(self.cast_kinds(&group, &serial, &r.grades, &r.scores)?);
                }
                let mut kinds: Vec<EventKind> = issued
                    .into_iter()
                    .map(|(group, ballots)| EventKind::BallotsIssued {
                        group,
                        salt: salt.clone(),
                        ballots,
                    })
                    .collect();
                kinds.extend(casts);
                Ok(kinds)
            }
            _ => Err(Refusal::NothingChanged),
        }
    }

    /// Whether a cast gives exactly what the ballot's last cast gave.
    fn same_cast(&self, b: &Ballot, grades: &[BallotGrade], scores: &[BallotScore]) -> bool {
        let Some(c) = &b.cast else { return false };
        match self.rules.mode {
            ScoringMode::Grades => {
                c.grades.len() == grades.len()
                    && grades
                        .iter()
                        .all(|g| c.grades.get(&g.unit) == Some(&g.grade))
            }
            _ => {
                let mut sheets: std::collections::BTreeMap<&str, Vec<Option<i64>>> =
                    Default::default();
                let n = self.rules.criteria.len();
                for s in scores {
                    if let Some(k) = self.rules.criterion(&s.criterion) {
                        sheets
                            .entry(s.unit.as_str())
                            .or_insert_with(|| vec![None; n])[k] = Some(s.value);
                    }
                }
                c.points.len() == sheets.len()
                    && sheets.iter().all(|(u, v)| c.points.get(*u) == Some(v))
            }
        }
    }

    /// The events of one ballot's cast, checked: units that are reports, each once; known
    /// grades (grades mode) or every criterion of a unit in range and on the step (points).
    fn cast_kinds(
        &self,
        group: &str,
        serial: &str,
        grades: &[BallotGrade],
        scores: &[BallotScore],
    ) -> Result<Vec<EventKind>, Refusal> {
        let st = &self.state;
        let report = |unit: &str| match st.unit(unit) {
            None => Err(Refusal::UnknownUnit {
                unit: unit.to_string(),
            }),
            Some(u) if !u.kind.is_report() => {
                Err(Refusal::Score(ScoreProblem::NotAReport(unit.to_string())))
            }
            Some(_) => Ok(()),
        };
        let (group, serial) = (Some(group.to_string()), Some(serial.to_string()));
        let mut kinds = Vec::new();
        match self.rules.mode {
            ScoringMode::None => return Err(Refusal::Score(ScoreProblem::NotScored)),
            ScoringMode::Grades => {
                if !scores.is_empty() {
                    return Err(Refusal::Score(ScoreProblem::WrongMode));
                }
                let mut seen = HashSet::new();
                for g in grades {
                    report(&g.unit)?;
                    if !seen.insert(g.unit.as_str()) {
                        return Err(Refusal::BallotUnit {
                            unit: g.unit.clone(),
                        });
                    }
                    if self.rules.grade(&g.grade).is_none() {
                        return Err(Refusal::Score(ScoreProblem::UnknownGrade(g.grade.clone())));
                    }
                    kinds.push(EventKind::GradesAdded {
                        unit: g.unit.clone(),
                        grade: g.grade.clone(),
                        count: 1,
                        group: group.clone(),
                        serial: serial.clone(),
                    });
                }
            }
            ScoringMode::Points => {
                if !grades.is_empty() {
                    return Err(Refusal::Score(ScoreProblem::WrongMode));
                }
                let n = self.rules.criteria.len();
                let mut sheets: Vec<(&str, Vec<Option<i64>>)> = Vec::new();
                for s in scores {
                    report(&s.unit)?;
                    let c = self.rules.criterion(&s.criterion).ok_or_else(|| {
                        Refusal::Score(ScoreProblem::UnknownCriterion(s.criterion.clone()))
                    })?;
                    scoring::check_value(&self.rules, c, s.value).map_err(Refusal::Score)?;
                    let i = match sheets.iter().position(|(u, _)| *u == s.unit) {
                        Some(i) => i,
                        None => {
                            sheets.push((s.unit.as_str(), vec![None; n]));
                            sheets.len() - 1
                        }
                    };
                    if sheets[i].1[c].replace(s.value).is_some() {
                        return Err(Refusal::BallotUnit {
                            unit: s.unit.clone(),
                        });
                    }
                }
                for (unit, values) in &sheets {
                    if values.iter().any(Option::is_none) {
                        return Err(Refusal::BallotUnit {
                            unit: unit.to_string(),
                        });
                    }
                    for (c, v) in values.iter().enumerate() {
                        kinds.push(EventKind::ScoreSet {
                            unit: unit.to_string(),
                            reviewer: serial.clone().unwrap_or_default(),
                            criterion: self.rules.criteria[c].name.clone(),
                            value: crate::decimal::plain(v.unwrap_or(0)),
                            group: group.clone(),
                            serial: serial.clone(),
                        });
                    }
                }
            }
        }
        if kinds.is_empty() {
            return Err(Refusal::EmptyBallot);
        }
        Ok(kinds)
    }
}
