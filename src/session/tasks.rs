//! Deciding the task ledger's commands: what a task command records, or why it is refused.

use super::ledger::{Task, TaskFields, fill_due};
use super::state::Remark;
use super::{Command, EventKind, Refusal, RemarkKind, Session, clean_optional, clean_text};
use chrono::NaiveDate;

impl Session {
    /// The events of a task command, on the meeting's date `day`.
    pub(super) fn decide_task(
        &self,
        command: &Command,
        day: NaiveDate,
    ) -> Result<Vec<EventKind>, Refusal> {
        let st = &self.state;
        let task = |id: &u64| st.task(*id).ok_or(Refusal::UnknownTask { id: *id });
        match command {
            Command::AddTask {
                task: fields,
                unit,
                status,
                from_remark,
            } => {
                if let Some(u) = unit
                    && st.unit(u).is_none()
                {
                    return Err(Refusal::UnknownUnit { unit: u.clone() });
                }
                let remark = match from_remark {
                    Some(id) => Some(self.convertible_remark(*id)?),
                    None => None,
                };
                let fields = self.clean_task(fields, None, day)?;
                let mut new = Task::new(self.first_task_id()?, fields);
                new.status = status.unwrap_or_default();
                new.unit = unit.clone().or_else(|| remark.and_then(|r| r.unit.clone()));
                Ok(vec![EventKind::TaskAdded {
                    task: new,
                    from_remark: *from_remark,
                }])
            }
            Command::EditTask { id, task: fields } => {
                let old = task(id)?;
                let fields = self.clean_task(fields, Some(*id), day)?;
                if fields == old.fields {
                    return Err(Refusal::NothingChanged);
                }
                Ok(vec![EventKind::TaskEdited {
                    id: *id,
                    task: fields,
                }])
            }
            Command::SetTaskStatus { id, status } => {
                if task(id)?.status == *status {
                    return Err(Refusal::NothingChanged);
                }
                Ok(vec![EventKind::TaskStatusSet {
                    id: *id,
                    status: *status,
                }])
            }
            Command::AddTaskProgress { id, text } => {
                task(id)?;
                Ok(vec![EventKind::TaskProgressAdded {
                    id: *id,
                    text: clean_text(text)?,
                }])
            }
            Command::ClaimTask { id, owner } => {
                let t = task(id)?;
                let owner = clean_optional(&Some(owner.clone()))?.ok_or(Refusal::EmptyName)?;
                if t.fields.owner.as_deref() == Some(owner.as_str()) && t.claimed_at.is_some() {
                    return Err(Refusal::NothingChanged);
                }
                Ok(vec![EventKind::TaskClaimed { id: *id, owner }])
            }
            Command::DeleteTask { id } => {
                let t = task(id)?;
                // A task raised as a remark before the ledger lives in the remarks: deleting
                // it deletes the remark, as it always did.
                Ok(vec![match t.origin {
                    super::ledger::Origin::RemarkTask(remark) => {
                        EventKind::RemarkDeleted { id: remark }
                    }
                    _ => EventKind::TaskDeleted { id: *id },
                }])
            }
            Command::RevertTask { id } => {
                task(id)?;
                Ok(vec![EventKind::TaskReverted { id: *id }])
            }
            Command::ImportTasks { tasks } => self.decide_import(tasks, day),
            Command::CopyPreviousResults { sha256, results } => {
                if self.state().previous.is_none() {
                    return Err(Refusal::NotLinked);
                }
                // Published results are locked, their 较上期 with them: a 通报 already read
                // out must not change under it. Unlocking (with a reason) lets it copy again.
                if self.state().scores.published {
                    return Err(Refusal::ResultsPublished);
                }
                Ok(vec![EventKind::PreviousResultsCopied {
                    sha256: sha256.clone(),
                    results: (**results).clone(),
                }])
            }
            Command::LinkPrevious {
                previous,
                tasks,
                results,
            } => {
                if self.last_seq() > 0 {
                    return Err(Refusal::PreviousTooLate);
                }
                // The plan's tasks are numbered above the carried ones: the numbers must last.
                let carried_max = tasks.iter().map(|t| t.id).max().unwrap_or(0);
                carried_max
                    .checked_add(self.plan().tasks.len() as u64)
                    .ok_or(Refusal::SeqExhausted)?;
                Ok(vec![EventKind::PreviousLinked {
                    previous: (**previous).clone(),
                    tasks: tasks.clone(),
                    results: results.as_deref().cloned(),
                }])
            }
            // `AddRemark` and `EditRemark` that make a task come here from `decide_kinds`.
            Command::AddRemark {
                unit,
                reviewer,
                text,
                kind: RemarkKind::Task,
            } => self.decide_task(
                &Command::AddTask {
                    task: Box::new(TaskFields {
                        text: text.clone(),
                        owner: self.report_unit(unit.as_deref()),
                        assigned_by: Some(reviewer.clone()),
                        ..TaskFields::default()
                    }),
                    unit: unit.clone(),
                    status: None,
                    from_remark: None,
                },
                day,
            ),
            Command::EditRemark {
                id,
                reviewer,
                text,
                kind: RemarkKind::Task,
            } => {
                let remark = self.convertible_remark(*id)?;
                self.decide_task(
                    &Command::AddTask {
                        task: Box::new(TaskFields {
                            text: text.clone(),
                            owner: self.report_unit(remark.unit.as_deref()),
                            assigned_by: Some(reviewer.clone()),
                            ..TaskFields::default()
                        }),
                        unit: remark.unit.clone(),
                        status: None,
                        from_remark: Some(*id),
                    },
                    day,
                )
            }
            _ => Err(Refusal::NothingChanged),
        }
    }

    /// `unit` when it is a 汇报单位: the owner a task raised there takes by default (never a
    /// speech or a briefing).
    pub fn report_unit(&self, unit: Option<&str>) -> Option<String> {
        unit.and_then(|u| self.state.unit(u))
            .filter(|u| u.kind.is_report())
            .map(|u| u.name.clone())
    }

    /// The remark `id`, when it can become a task (a remark, not already a task).
    fn convertible_remark(&self, id: u64) -> Result<&Remark, Refusal> {
        self.state
            .remark(id)
            .filter(|r| r.kind == RemarkKind::Remark)
            .ok_or(Refusal::UnknownRemark { id })
    }

    /// The id the next task added takes: above every id in the ledger (carried ones included)
    /// and every id an event ever gave (a task added and undone keeps its number to itself:
    /// a laptop still showing it must not reach another task by it), never below the event's
    /// own number. Refused when the numbers are used up (a hand-edited file).
    fn first_task_id(&self) -> Result<u64, Refusal> {
        let given = self
            .events()
            .iter()
            .flat_map(|e| match &e.kind {
                EventKind::TaskAdded { task, .. } => std::slice::from_ref(task),
                EventKind::PreviousLinked { tasks, .. } => tasks.as_slice(),
                _ => &[],
            })
            .map(|t| t.id)
            .max()
            .unwrap_or(0);
        let above = given.max(self.state.max_task_id());
        let first = above.checked_add(1).ok_or(Refusal::SeqExhausted)?;
        Ok(first.max(self.last_seq().saturating_add(1)))
    }

    /// A task's fields as stored: text cleaned (not empty), names trimmed, partners split and
    /// without repeats, the due date read from the deadline text when only that is given; a
    /// number already taken in the same list (by a task other than `id`) is refused.
    fn clean_task(
        &self,
        fields: &TaskFields,
        id: Option<u64>,
        day: NaiveDate,
    ) -> Result<TaskFields, Refusal> {
        let out = self.clean_fields(fields, day)?;
        if let Some(key) = out.match_key()
            && self
                .state
                .tasks
                .iter()
                .any(|t| Some(t.id) != id && t.fields.has_key(&key))
        {
            return Err(Refusal::DuplicateTask {
                list: out.list.clone(),
                no: out.no.clone().unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// A task's fields as stored (see `clean_task`), without looking at the other tasks.
    fn clean_fields(&self, fields: &TaskFields, day: NaiveDate) -> Result<TaskFields, Refusal> {
        let mut partners: Vec<String> = Vec::new();
        // Repeats found through a set: a laptop may send tens of thousands of partners.
        let mut seen = std::collections::HashSet::new();
        for p in &fields.partners {
            for p in super::ledger::split_partners(p) {
                let p = clean_optional(&Some(p))?.unwrap_or_default();
                if !p.is_empty() && seen.insert(p.clone()) {
                    partners.push(p);
                }
            }
        }
        let mut out = TaskFields {
            no: clean_optional(&fields.no)?,
            text: clean_text(&fields.text)?,
            list: clean_optional(&fields.list)?,
            owner: clean_optional(&fields.owner)?,
            partners,
            leader: clean_optional(&fields.leader)?,
            due: fields.due,
            due_text: clean_optional(&fields.due_text)?,
            assigned_by: clean_optional(&fields.assigned_by)?,
        };
        fill_due(&mut out, Some(day));
        Ok(out)
    }

    /// An imported list: rows matched by `list` + `no` update their task (fields a row gives,
    /// its status, progress not yet recorded); the other rows are added.
    fn decide_import(
        &self,
        rows: &[super::ImportedTask],
        day: NaiveDate,
    ) -> Result<Vec<EventKind>, Refusal> {
        let mut kinds = Vec::new();
        let mut added = 0;
        let first_id = self.first_task_id();
        let mut seen = std::collections::HashSet::new();
        // The ledger's tasks by list + number (the first of a hand-made twin), built once: an
        // import of thousands of rows into thousands of tasks stays linear.
        let mut ledger = std::collections::HashMap::new();
        for t in &self.state.tasks {
            if let Some(key) = t.match_key() {
                ledger.entry(key).or_insert(t);
            }
        }
        for row in rows {
            let mut fields = row.task.clone();
            fields.no = fields.no.filter(|n| !n.trim().is_empty());
            let key = fields.match_key();
            // podium's own sheet names the task by its ledger id.
            let by_id = row.id.and_then(|id| self.state.task(id));
            if let Some(key) = &key
                && by_id.is_none()
                && !seen.insert(key.clone())
            {
                return Err(Refusal::DuplicateTask {
                    list: key.0.clone(),
                    no: fields.no.clone().unwrap_or_default(),
                });
            }
            // A row with a number matches its task or is new: no other task has that number.
            let existing = by_id.or_else(|| key.as_ref().and_then(|key| ledger.get(key).copied()));
            match existing {
                Some(old) => {
                    let merged = merge(&old.fields, &fields);
                    let merged = self.clean_fields(&merged, day)?;
                    if merged != old.fields {
                        kinds.push(EventKind::TaskEdited {
                            id: old.id,
                            task: merged,
                        });
                    }
                    if let Some(status) = row.status
                        && status != old.status
                    {
                        kinds.push(EventKind::TaskStatusSet { id: old.id, status });
                    }
                    for text in &row.progress {
                        let text = clean_text(text)?;
                        if !old.progress.iter().any(|p| p.text == text) {
                            kinds.push(EventKind::TaskProgressAdded { id: old.id, text });
                        }
                    }
                }
                None => {
                    let fields = self.clean_fields(&fields, day)?;
                    let mut new = Task::new(task_id(first_id.clone()?, added)?, fields);
                    added += 1;
                    new.status = row.status.unwrap_or_default();
                    kinds.push(EventKind::TaskAdded {
                        task: new.clone(),
                        from_remark: None,
                    });
                    for text in &row.progress {
                        kinds.push(EventKind::TaskProgressAdded {
                            id: new.id,
                            text: clean_text(text)?,
                        });
                    }
                }
            }
        }
        if kinds.is_empty() {
            return Err(Refusal::NothingChanged);
        }
        Ok(kinds)
    }
}

/// The id of the how-manieth (`offset`) task one action adds, ids counting from `first`.
fn task_id(first: u64, offset: u64) -> Result<u64, Refusal> {
    first.checked_add(offset).ok_or(Refusal::SeqExhausted)
}

/// Whether `row` gives `old`'s due date again, as the date itself or with no text.
fn same_day(old: &TaskFields, row: &TaskFields) -> bool {
    row.due.is_some()
        && row.due == old.due
        && row.due_text.as_deref().is_none_or(|t| {
            t.trim().is_empty()
                || row.due.map(|d| d.format("%Y-%m-%d").to_string()).as_deref() == Some(t.trim())
        })
}

/// A task's fields with what a row gives put over them (an empty cell keeps the old value).
fn merge(old: &TaskFields, row: &TaskFields) -> TaskFields {
    let pick = |new: &Option<String>, old: &Option<String>| {
        new.clone()
            .filter(|v| !v.trim().is_empty())
            .or_else(|| old.clone())
    };
    let deadline_given =
        row.due.is_some() || row.due_text.as_ref().is_some_and(|t| !t.trim().is_empty());
    TaskFields {
        // Matched by list + number: they stay as the ledger writes them (a sheet's “１” for
        // the ledger's “1” is no change). Matched by ledger id: a task of no number is given
        // none (podium's own sheet numbers such rows by their place).
        no: old.no.clone(),
        text: if row.text.trim().is_empty() {
            old.text.clone()
        } else {
            row.text.clone()
        },
        list: old.list.clone(),
        owner: pick(&row.owner, &old.owner),
        partners: if row.partners.is_empty() {
            old.partners.clone()
        } else {
            row.partners.clone()
        },
        leader: pick(&row.leader, &old.leader),
        due: if deadline_given { row.due } else { old.due },
        // The same day written as a date (podium's own sheet writes its dates as date cells)
        // keeps the deadline as the ledger had it written (“6月底前”).
        due_text: if deadline_given && !same_day(old, row) {
            row.due_text.clone()
        } else {
            old.due_text.clone()
        },
        assigned_by: pick(&row.assigned_by, &old.assigned_by),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_row_keeps_what_its_empty_cells_do_not_say() {
        let old = TaskFields {
            no: Some("1".into()),
            text: "报送清单".into(),
            owner: Some("市财政局".into()),
            due_text: Some("6月底前".into()),
            ..TaskFields::default()
        };
        let row = TaskFields {
            no: Some("1".into()),
            text: String::new(),
            due_text: Some("年底前".into()),
            ..TaskFields::default()
        };
        let m = merge(&old, &row);
        assert_eq!(m.text, "报送清单");
        assert_eq!(m.owner.as_deref(), Some("市财政局"));
        assert_eq!(m.due_text.as_deref(), Some("年底前"));
    }

    #[test]
    fn task_statuses_closed_and_cancelled_are_finished() {
        assert!(crate::task::Status::Closed.is_finished());
    }
}
