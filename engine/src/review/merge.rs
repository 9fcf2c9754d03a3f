//! Three-way merge: their changes since the common base, applied to my copy where they do not
//! touch what I changed.
//!
//! Both copies are compared with the base ([`super::tree`]). A change of theirs is
//! * left out when my copy already has it (the same change at the same place),
//! * a conflict when I changed the same place differently, changed or removed something it lies
//!   in, or changed something inside what it replaces or removes,
//! * else applied. One that cannot be applied to my copy (what it changes is not there, or the
//!   report would not be valid) becomes a conflict too.
//!
//! Before comparing, something their copy added under an id my copy also added for something
//! else gets a new id in their copy (both copies make ids the same way, so two board members
//! adding a note each may both call it `n6`).

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::model::*;

use super::describe::{changed_stretch, comment_changes, Describer};
use super::lineage::{same_document, MergeError};
use super::tree::{
    apply_edit, cell_column, common_order, entities, from_doc, id_of, path_text, table_column,
    to_doc, value_at, Edit, Op, Path, Step,
};
use super::{Change, ChangeId, Conflict};

/// The longest value a conflict's one-line description shows, in characters.
const MAX_SHOWN: usize = 60;

/// A merge of their copy into mine.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    /// Mine with every change of theirs that is not a conflict, and both copies' comments and
    /// reviews.
    pub report: Report,
    /// Their changes that are in `report` (comments and reviews included), to show and to
    /// accept or reject one by one with [`apply`].
    pub changes: Vec<Change>,
    /// Their changes to places I changed too: not in `report`.
    pub conflicts: Vec<Conflict>,
}

impl Merge {
    pub fn has_conflicts(&self) -> bool {
        !self.conflicts.is_empty()
    }
}

/// Merges their copy into mine; `base` is the revision their copy started from
/// ([`Lineage::derived_from`]). Every change of theirs since the base that is not a conflict is
/// applied. An error if the three are not the same document.
pub fn merge(base: &Report, mine: &Report, theirs: &Report) -> Result<Merge, MergeError> {
    let plan = Plan::new(base, mine, theirs)?;
    let chosen: Vec<&Item> = plan.items.iter().filter(|i| i.conflict.is_none()).collect();
    let (report, applied) = plan.build(&chosen);
    let mut done = applied.into_iter();
    let mut changes = Vec::new();
    let mut conflicts = Vec::new();
    for item in &plan.items {
        match &item.conflict {
            Some(c) => conflicts.push(c.clone()),
            None if done.next() == Some(true) => changes.push(item.change.clone()),
            None => conflicts.push(not_applicable(&item.change)),
        }
    }
    changes.extend(comment_changes(mine, &report));
    Ok(Merge {
        report,
        changes,
        conflicts,
    })
}

/// Merges their copy into mine when the two have no common history (a file from before the
/// change history, or copies made apart): every difference is a [`Conflict`] for the treasurer
/// to decide, and none is applied — nothing of theirs is taken for a change of theirs, since
/// what either side changed cannot be told. Accepting one ([`apply`] with mine as the base)
/// takes their version. Comments and reviews are merged by id.
pub fn merge_unrelated(mine: &Report, theirs: &Report) -> Result<Merge, MergeError> {
    let plan = Plan::new(mine, mine, theirs)?;
    let mine_doc = to_doc(mine);
    let theirs_doc = to_doc(&plan.theirs);
    let docs = Docs {
        mine: &mine_doc,
        theirs: &theirs_doc,
    };
    let theirs_view = Describer::new(mine, &plan.theirs);
    let mine_view = Describer::new(mine, mine);
    let conflicts = plan
        .items
        .iter()
        .map(|i| conflict(&theirs_view, &mine_view, &i.edit, &i.edit, &docs))
        .collect();
    let (report, _) = plan.build(&[]);
    let changes = comment_changes(mine, &report);
    Ok(Merge {
        report,
        changes,
        conflicts,
    })
}

/// The texts both copies changed since the base, as a merge engine merged them character by
/// character (`merged`): the base and their copy are given mine's and the merged text there, so
/// that [`merge`] shows the merged text as their change to mine — their insertions and
/// deletions — instead of a conflict of two whole texts. Everything else is left as it is.
pub fn with_merged_texts(
    base: &Report,
    mine: &Report,
    theirs: &Report,
    merged: &Report,
) -> (Report, Report) {
    let (base_doc, mine_doc, theirs_doc, merged_doc) =
        (to_doc(base), to_doc(mine), to_doc(theirs), to_doc(merged));
    let view = Describer::new(base, mine);
    let local = super::tree::diff_docs(&base_doc, &mine_doc);
    let remote = super::tree::diff_docs(&base_doc, &theirs_doc);
    let (mut new_base, mut new_theirs) = (base_doc.clone(), theirs_doc.clone());
    let mut touched = false;
    for edit in &local {
        let both = remote.iter().any(|r| r.path == edit.path);
        let (Some(mine_text), Some(merged_text)) = (
            value_at(&mine_doc, &edit.path),
            value_at(&merged_doc, &edit.path),
        ) else {
            continue;
        };
        if !both || !view.is_text(&edit.path) || !mine_text.is_string() {
            continue;
        }
        touched |= set_at(&mut new_base, &edit.path, mine_text.clone())
            && set_at(&mut new_theirs, &edit.path, merged_text.clone());
    }
    if !touched {
        return (base.clone(), theirs.clone());
    }
    match (from_doc(new_base, base), from_doc(new_theirs, theirs)) {
        (Ok(b), Ok(t)) => (b, t),
        _ => (base.clone(), theirs.clone()),
    }
}

/// Puts `value` at an existing string's place; whether it was there.
fn set_at(doc: &mut Value, path: &[Step], value: Value) -> bool {
    let old = value_at(doc, path).cloned();
    apply_edit(
        doc,
        &Edit {
            path: path.to_vec(),
            op: Op::Set {
                old,
                new: Some(value),
            },
        },
    )
}

/// Mine with the accepted changes of theirs: the ids of [`Merge::changes`] and of
/// [`Merge::conflicts`] (accepting a conflict takes their version). Comments and reviews are
/// always merged. Accepting every change and no conflict gives [`Merge::report`]; with an
/// unchanged copy of mine, accepting everything gives their copy's content.
pub fn apply(
    base: &Report,
    mine: &Report,
    theirs: &Report,
    accepted: &[ChangeId],
) -> Result<Report, MergeError> {
    let plan = Plan::new(base, mine, theirs)?;
    let accepted: HashSet<&ChangeId> = accepted.iter().collect();
    let chosen: Vec<&Item> = plan
        .items
        .iter()
        .filter(|i| accepted.contains(&i.change.id))
        .collect();
    Ok(plan.build(&chosen).0)
}

/// One change of theirs that my copy does not have.
struct Item {
    change: Change,
    /// What accepting it does.
    edit: Edit,
    conflict: Option<Conflict>,
}

struct Plan<'a> {
    base: &'a Report,
    mine: &'a Report,
    theirs: Report,
    items: Vec<Item>,
}

impl<'a> Plan<'a> {
    fn new(base: &'a Report, mine: &'a Report, theirs: &Report) -> Result<Self, MergeError> {
        same_document(mine, theirs)?;
        same_document(mine, base)?;
        let base_doc = to_doc(base);
        let mine_doc = to_doc(mine);
        let theirs = without_clashes(&base_doc, &mine_doc, theirs);
        let theirs_doc = to_doc(&theirs);
        let local = super::tree::diff_docs(&base_doc, &mine_doc);
        let index = LocalIndex::new(&local);
        let theirs_view = Describer::new(base, &theirs);
        let mine_view = Describer::new(base, mine);
        let mut items = Vec::new();
        for edit in super::tree::diff_docs(&base_doc, &theirs_doc) {
            let item = match index.relation(&edit) {
                Relation::Same => continue,
                Relation::Free => Item {
                    change: theirs_view.change(edit.clone()),
                    edit,
                    conflict: None,
                },
                Relation::Conflict(local) => {
                    let docs = Docs {
                        mine: &mine_doc,
                        theirs: &theirs_doc,
                    };
                    let conflict = conflict(&theirs_view, &mine_view, &edit, local, &docs);
                    Item {
                        edit: resolution(&edit, local, &docs),
                        change: theirs_view.change(edit),
                        conflict: Some(conflict),
                    }
                }
            };
            items.push(item);
        }
        Ok(Plan {
            base,
            mine,
            theirs,
            items,
        })
    }

    /// Mine with the chosen items' edits (whether each was applied) and both copies' comments
    /// and reviews; the revision is bumped if anything came in.
    fn build(&self, chosen: &[&Item]) -> (Report, Vec<bool>) {
        let edits: Vec<&Edit> = chosen.iter().map(|i| &i.edit).collect();
        let (mut report, applied) = apply_edits(self.mine, &edits);
        report.comments = union_comments(self.base, self.mine, &self.theirs);
        report.reviews = union_reviews(self.mine, &self.theirs);
        let came_in = applied.contains(&true)
            || report.comments != self.mine.comments
            || report.reviews != self.mine.reviews;
        if came_in {
            report.lineage.revision =
                self.mine.lineage.revision.max(self.theirs.lineage.revision) + 1;
        }
        (report, applied)
    }
}

/// The two copies' trees.
struct Docs<'a> {
    mine: &'a Value,
    theirs: &'a Value,
}

/// How a change of theirs relates to mine.
enum Relation<'a> {
    /// Mine has made the same change.
    Same,
    /// Mine has not touched the place.
    Free,
    /// Mine changed the place, something containing it, or something inside it.
    Conflict(&'a Edit),
}

/// My changes by path, by every path that contains one of them, and by the table and column
/// of the cells they change.
struct LocalIndex<'a> {
    at: HashMap<&'a [Step], &'a Edit>,
    inside: HashMap<&'a [Step], &'a Edit>,
    cells: HashMap<(&'a [Step], &'a str), &'a Edit>,
}

impl<'a> LocalIndex<'a> {
    fn new(local: &'a [Edit]) -> Self {
        let mut at = HashMap::new();
        let mut inside = HashMap::new();
        let mut cells = HashMap::new();
        for e in local {
            at.insert(e.path.as_slice(), e);
            for k in 1..e.path.len() {
                inside.entry(&e.path[..k]).or_insert(e);
            }
            if let Some(cell) = cell_column(&e.path) {
                cells.entry(cell).or_insert(e);
            }
        }
        LocalIndex { at, inside, cells }
    }

    fn relation(&self, edit: &Edit) -> Relation<'a> {
        if let Some(mine) = self.at.get(edit.path.as_slice()) {
            return if same_outcome(mine, edit) {
                Relation::Same
            } else {
                Relation::Conflict(mine)
            };
        }
        let containing = (1..edit.path.len()).find_map(|k| self.at.get(&edit.path[..k]));
        let column_cells = match (&edit.op, table_column(&edit.path)) {
            (Op::Delete { .. }, Some(column)) => self.cells.get(&column),
            _ => None,
        };
        match containing
            .or_else(|| self.inside.get(edit.path.as_slice()))
            .or(column_cells)
        {
            Some(mine) => Relation::Conflict(mine),
            None => Relation::Free,
        }
    }
}

fn same_outcome(a: &Edit, b: &Edit) -> bool {
    match (&a.op, &b.op) {
        (Op::Set { new: x, .. }, Op::Set { new: y, .. }) => x == y,
        (Op::Insert { value: x, .. }, Op::Insert { value: y, .. }) => x == y,
        (Op::Delete { .. }, Op::Delete { .. }) => true,
        (Op::Reorder { new: x, .. }, Op::Reorder { new: y, .. }) => {
            common_order(x, y) == common_order(y, x)
        }
        _ => false,
    }
}

/// The value at a path (for a list's order, the list).
fn value_for<'v>(doc: &'v Value, path: &[Step]) -> Option<&'v Value> {
    match path.split_last() {
        Some((Step::Order, list)) => value_at(doc, list),
        _ => value_at(doc, path),
    }
}

/// What accepting their side of a conflict does: their change; or, where I changed or removed
/// something their change lies in, that thing as it is in their copy.
fn resolution(edit: &Edit, mine: &Edit, docs: &Docs) -> Edit {
    if mine.path.len() >= edit.path.len() {
        return edit.clone();
    }
    let path = mine.path.clone();
    let theirs = value_at(docs.theirs, &path).cloned();
    let current = value_at(docs.mine, &path).cloned();
    let op = match (path.split_last(), theirs) {
        (Some((Step::Id(id), list)), Some(value)) if current.is_none() => {
            let (after, before) = neighbours(docs.theirs, list, id);
            Op::Insert {
                value,
                after,
                before,
            }
        }
        (_, theirs) => Op::Set {
            old: current,
            new: theirs,
        },
    };
    Edit { path, op }
}

/// The ids before and after an element in a list.
fn neighbours(doc: &Value, list: &[Step], id: &str) -> (Option<String>, Option<String>) {
    let ids: Vec<&str> = value_at(doc, list)
        .and_then(Value::as_array)
        .map(|l| l.iter().filter_map(id_of).collect())
        .unwrap_or_default();
    let Some(i) = ids.iter().position(|x| *x == id) else {
        return (None, None);
    };
    (
        i.checked_sub(1).map(|j| ids[j].to_string()),
        ids.get(i + 1).map(|s| s.to_string()),
    )
}

fn conflict(
    theirs_view: &Describer,
    mine_view: &Describer,
    edit: &Edit,
    mine: &Edit,
    docs: &Docs,
) -> Conflict {
    let place = theirs_view.place(&edit.path);
    let mine_value = mine_view.show_at(&mine.path, value_for(docs.mine, &mine.path));
    let theirs_value = theirs_view.show_at(&edit.path, value_for(docs.theirs, &edit.path));
    let texts = mine.path == edit.path && theirs_view.is_text(&edit.path);
    let stretch = texts
        .then(|| changed_stretch(&mine_value, &theirs_value))
        .flatten();
    let description = match stretch {
        Some((m, t)) => format!("{place}: din version \"{m}\", deras \"{t}\""),
        None => format!(
            "{place}: din version {}, deras {}",
            shorten(&mine_value),
            shorten(&theirs_value)
        ),
    };
    Conflict {
        path: ChangeId(path_text(&edit.path)),
        place,
        description,
        mine: mine_value,
        theirs: theirs_value,
    }
}

/// A change of theirs that could not be applied to my copy.
fn not_applicable(change: &Change) -> Conflict {
    Conflict {
        path: change.id.clone(),
        place: change.place.clone(),
        description: format!(
            "{} (kan inte föras in: det som ändrats finns inte i din version)",
            change.describe()
        ),
        mine: "(finns inte)".into(),
        theirs: change.describe().to_string(),
    }
}

fn shorten(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_SHOWN {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX_SHOWN - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Applies the edits to my copy; whether each was applied. All at once when the result is a
/// valid report, else one by one, leaving out each edit that would make it invalid.
fn apply_edits(mine: &Report, edits: &[&Edit]) -> (Report, Vec<bool>) {
    let mut doc = to_doc(mine);
    let applied: Vec<bool> = edits.iter().map(|e| apply_edit(&mut doc, e)).collect();
    if !applied.contains(&true) {
        return (mine.clone(), applied);
    }
    if let Ok(report) = from_doc(doc, mine) {
        return (report, applied);
    }
    let mut doc = to_doc(mine);
    let mut report = mine.clone();
    let mut applied = Vec::with_capacity(edits.len());
    for edit in edits {
        let mut trial = doc.clone();
        let valid = apply_edit(&mut trial, edit)
            .then(|| from_doc(trial.clone(), mine).ok())
            .flatten();
        applied.push(valid.is_some());
        if let Some(r) = valid {
            doc = trial;
            report = r;
        }
    }
    (report, applied)
}

/// Both copies' comments: mine, then theirs that I do not have. A comment is resolved or open
/// as the copy that changed it since the base has it (resolved if either has it resolved, for a
/// comment the base does not have).
fn union_comments(base: &Report, mine: &Report, theirs: &Report) -> Vec<Comment> {
    let mut out = mine.comments.clone();
    for t in &theirs.comments {
        match out.iter_mut().find(|c| c.id == t.id) {
            None => out.push(t.clone()),
            Some(m) => {
                m.resolved = match base.comments.iter().find(|c| c.id == t.id) {
                    Some(b) if b.resolved != t.resolved => t.resolved,
                    Some(_) => m.resolved,
                    None => m.resolved || t.resolved,
                }
            }
        }
    }
    out
}

fn union_reviews(mine: &Report, theirs: &Report) -> Vec<Review> {
    let mut out = mine.reviews.clone();
    for t in &theirs.reviews {
        if !out.iter().any(|r| r.id == t.id) {
            out.push(t.clone());
        }
    }
    out
}

/// Their copy, with a new id for everything it added under an id my copy added for something
/// else: something with other content, in another place, or inside something renamed.
fn without_clashes(base: &Value, mine: &Value, theirs: &Report) -> Report {
    let theirs_doc = to_doc(theirs);
    let (known, mine_ids, theirs_ids) = (entities(base), entities(mine), entities(&theirs_doc));
    let mut both_added: Vec<(&String, &(Path, &Value))> = theirs_ids
        .iter()
        .filter(|(id, _)| !known.contains_key(*id) && mine_ids.contains_key(*id))
        .collect();
    crate::util::sort::sort_by_key(&mut both_added, |(id, (path, _))| (path.len(), *id));
    let mut clashes: Vec<&String> = Vec::new();
    for (id, theirs_entity) in both_added {
        let inside_renamed = theirs_entity
            .0
            .iter()
            .any(|s| matches!(s, Step::Id(parent) if clashes.contains(&parent)));
        if inside_renamed || mine_ids[id] != *theirs_entity {
            clashes.push(id);
        }
    }
    let mut out = theirs.clone();
    let mut used: HashSet<String> = known
        .keys()
        .chain(mine_ids.keys())
        .chain(theirs_ids.keys())
        .cloned()
        .collect();
    for id in clashes {
        let prefix = id.trim_end_matches(|c: char| c.is_ascii_digit());
        let fresh = (1..)
            .map(|i| format!("{prefix}{i}"))
            .find(|c| !used.contains(c))
            .expect("an unused id exists");
        rename_id(&mut out, id, &fresh);
        used.insert(fresh);
    }
    out
}

/// Renames an id everywhere in a report: the thing itself and every reference to it.
fn rename_id(r: &mut Report, from: &str, to: &str) {
    let swap = |id: &mut Id| {
        if id == from {
            *id = to.to_string();
        }
    };
    r.narrative.iter_mut().for_each(|s| swap(&mut s.id));
    for line in r
        .income_statement
        .lines
        .iter_mut()
        .chain(&mut r.balance_sheet.lines)
    {
        line.walk_mut(&mut |l| {
            swap(&mut l.id);
            if let Some(n) = &mut l.note {
                swap(n);
            }
            match &mut l.kind {
                LineKind::Input { details, .. } => details.iter_mut().for_each(|d| swap(&mut d.id)),
                LineKind::Formula { terms } => terms.iter_mut().for_each(|t| swap(&mut t.line)),
                LineKind::Group { .. } => {}
            }
        });
    }
    if let Some(v) = r.equity.opening.remove(from) {
        r.equity.opening.insert(to.to_string(), v);
    }
    for m in &mut r.equity.movements {
        swap(&mut m.id);
        if let Some(v) = m.amounts.remove(from) {
            m.amounts.insert(to.to_string(), v);
        }
    }
    r.appropriation
        .proposal
        .iter_mut()
        .for_each(|p| swap(&mut p.id));
    for n in &mut r.notes {
        swap(&mut n.id);
        if let Some(t) = &mut n.table {
            if let Some(tie) = &mut t.tie {
                swap(tie);
            }
            t.columns.iter_mut().for_each(|c| swap(&mut c.id));
            t.rows.iter_mut().for_each(|x| swap(&mut x.id));
        }
    }
    let s = &mut r.signatures;
    s.signatories
        .iter_mut()
        .chain(&mut s.auditors)
        .for_each(|p| swap(&mut p.id));
    r.account_map.values_mut().for_each(swap);
    r.sie_accounts
        .iter_mut()
        .filter_map(|a| a.line.as_mut())
        .for_each(swap);
    for c in &mut r.comments {
        match &mut c.target {
            CommentTarget::Section { section: id }
            | CommentTarget::Line { line: id }
            | CommentTarget::Note { note: id } => swap(id),
            CommentTarget::Report | CommentTarget::Check { .. } => {}
        }
    }
}
