//! Deciding the ballot commands: issuing, voiding, opening and closing the vote, casting.

use super::Session;
use super::ballots::{self, Ballot};
use super::command::{BallotKey, Command, Refusal};
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
            BallotKey::Code(code) => b.by_code(&code.0),
            BallotKey::Serial(serial) => b.get(serial.trim()),
        }
        .ok_or(Refusal::UnknownBallot)?;
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
                        .enumerate()
                        .map(|(i, h)| ballots::IssuedBallot {
                            serial: ballots::serial(group, before + i + 1),
                            hash: h.clone(),
                        })
                        .collect(),
                }])
            }
            Command::VoidBallot { serial } => {
                let ballot = st
                    .ballots
                    .get(serial.trim())
                    .ok_or(Refusal::UnknownBallot)?;
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
                let group = Some(b.group.clone());
                let serial = Some(b.serial.clone());
                let report = |unit: &str| match st.unit(unit) {
                    None => Err(Refusal::UnknownUnit {
                        unit: unit.to_string(),
                    }),
                    Some(u) if !u.kind.is_report() => {
                        Err(Refusal::Score(ScoreProblem::NotAReport(unit.to_string())))
                    }
                    Some(_) => Ok(()),
                };
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
                                return Err(Refusal::Score(ScoreProblem::UnknownGrade(
                                    g.grade.clone(),
                                )));
                            }
                            kinds.push(EventKind::GradesAdded {
                                unit: g.unit.clone(),
                                grade: g.grade.clone(),
                                count: 1,
                                group: group.clone(),
                                serial: serial.clone(),
                            });
                        }
                        let same = b.cast.as_ref().is_some_and(|c| {
                            c.grades.len() == grades.len()
                                && grades
                                    .iter()
                                    .all(|g| c.grades.get(&g.unit) == Some(&g.grade))
                        });
                        if same && !kinds.is_empty() {
                            return Err(Refusal::NothingChanged);
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
                            scoring::check_value(&self.rules, c, s.value)
                                .map_err(Refusal::Score)?;
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
                                    reviewer: b.serial.clone(),
                                    criterion: self.rules.criteria[c].name.clone(),
                                    value: crate::decimal::plain(v.unwrap_or(0)),
                                    group: group.clone(),
                                    serial: serial.clone(),
                                });
                            }
                        }
                        let same = b.cast.as_ref().is_some_and(|c| {
                            c.points.len() == sheets.len()
                                && sheets.iter().all(|(u, v)| c.points.get(*u) == Some(v))
                        });
                        if same && !kinds.is_empty() {
                            return Err(Refusal::NothingChanged);
                        }
                    }
                }
                if kinds.is_empty() {
                    return Err(Refusal::EmptyBallot);
                }
                Ok(kinds)
            }
            _ => Err(Refusal::NothingChanged),
        }
    }
}
