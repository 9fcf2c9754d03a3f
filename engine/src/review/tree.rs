//! The report as a JSON tree for comparing and merging, and the edits between two trees.
//!
//! Comparing works on the report's JSON form, so every field of the model is compared and
//! merged, including fields added later. The form differs from the file in three ways: the
//! format, version, lineage, comments and reviews are left out (they are handled apart); a note
//! table row's cells are a map from column id to cell, so a cell is named by its column and
//! not by its position; and a list of things with ids is compared by id.
//!
//! A [`Path`] names a place by object keys, ids of list elements and, for per-year amounts, the
//! year index: never by a list position. An [`Edit`] is one difference at one path.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::json::validate;
use crate::model::Report;

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Step {
    /// A field of an object, or a key of a map.
    Key(String),
    /// The element of a list with this id.
    Id(String),
    /// A year of a per-year amount list (0 = the fiscal year).
    Index(usize),
    /// The order of a list's elements.
    Order,
}

pub(crate) type Path = Vec<Step>;

/// What changed at a path.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Op {
    /// A value changed; `None` is a map key that is absent.
    Set {
        old: Option<Value>,
        new: Option<Value>,
    },
    /// A new list element, placed after / before these neighbours in the new list.
    Insert {
        value: Value,
        after: Option<String>,
        before: Option<String>,
    },
    /// A list element removed.
    Delete { value: Value },
    /// The common elements of a list are in another order (the new list's ids).
    Reorder { old: Vec<String>, new: Vec<String> },
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Edit {
    pub path: Path,
    pub op: Op,
}

/// The top-level fields compared, in the order of the file.
const FIELDS: [&str; 15] = [
    "document",
    "organisation",
    "years",
    "settings",
    "narrative",
    "income_statement",
    "balance_sheet",
    "off_balance",
    "equity",
    "appropriation",
    "notes",
    "signatures",
    "account_map",
    "invalid_amounts",
    "budget",
];

/// The fields that are not part of the compared content.
/// The kept SIE mapping table (`sie_accounts`) is derived from the import: the figures it gave
/// are in the statements and the treasurer's choices in `account_map`.
/// The change history (format 5) is how the content came to be, not content; whether the
/// document type is still to be confirmed (format 6) is this copy's question to its treasurer.
const APART: [&str; 8] = [
    "format",
    "version",
    "lineage",
    "comments",
    "reviews",
    "sie_accounts",
    "history",
    "document_unconfirmed",
];

/// The board's discussion: part of a change history's tree ([`content_tree`]), compared apart.
const DISCUSSION: [&str; 2] = ["comments", "reviews"];

/// The fields that name a thing.
const NAMES: [&str; 4] = ["title", "label", "name", "header"];

/// Objects whose keys are data (ids or account numbers), not field names.
const MAPS: [&str; 5] = ["opening", "account_map", "cells", "amounts", "lines"];

/// The report as a tree to compare. It goes through the file's text (not `to_value`), so the
/// program has one writer and one reader of reports, not two: in the browser each costs tens
/// of kilobytes.
pub(crate) fn to_doc(report: &Report) -> Value {
    tree(report, false)
}

/// What a change history records of the report: the tree [`to_doc`] compares, with the
/// comments and reviews. The lineage, the file format and the kept SIE mapping table are the
/// copy's own, not the document's.
pub fn content_tree(report: &Report) -> Value {
    tree(report, true)
}

/// The report a change history's tree ([`content_tree`]) describes; the lineage, the file
/// format, the SIE mapping table and the history itself are taken from `like`. An error (in
/// English, for the program) if the tree is not a valid report.
pub fn from_content_tree(mut doc: Value, like: &Report) -> Result<Report, String> {
    let mut discussion = Report {
        comments: Vec::new(),
        reviews: Vec::new(),
        ..like.clone()
    };
    if let Some(object) = doc.as_object_mut() {
        if let Some(v) = object.remove("comments") {
            discussion.comments = serde_json::from_value(v).map_err(|e| e.to_string())?;
        }
        if let Some(v) = object.remove("reviews") {
            discussion.reviews = serde_json::from_value(v).map_err(|e| e.to_string())?;
        }
    }
    let mut report = from_doc(doc, &discussion)?;
    report.sie_accounts = like.sie_accounts.clone();
    report.history = like.history.clone();
    Ok(report)
}

fn tree(report: &Report, with_discussion: bool) -> Value {
    let mut doc: Value =
        serde_json::from_str(&crate::json::to_json(report)).expect("a report always serialises");
    if let Some(object) = doc.as_object_mut() {
        for key in APART {
            if !(with_discussion && DISCUSSION.contains(&key)) {
                object.remove(key);
            }
        }
    }
    fill_defaults(&mut doc);
    for table in tables_mut(&mut doc) {
        let columns = column_ids(table);
        for row in rows_mut(table) {
            if let Some(Value::Array(cells)) = row.get_mut("cells") {
                let mut map = Map::new();
                for (column, cell) in columns.iter().cloned().zip(cells.drain(..)) {
                    map.insert(column, cell);
                }
                row["cells"] = Value::Object(map);
            }
        }
    }
    doc
}

/// Writes out the fields the file leaves out while they hold their default (format 4's), so two
/// trees always have the same fields and a change back to the default is a difference too.
fn fill_defaults(doc: &mut Value) {
    let Some(object) = doc.as_object_mut() else {
        return;
    };
    object
        .entry("budget")
        .or_insert_with(|| serde_json::json!({ "shown": false, "deviation": false, "lines": {} }));
    object.entry("off_balance").or_insert_with(|| {
        let d = crate::model::OffBalance::default();
        let item = |i: &crate::model::OffBalanceItem| {
            let mut m = Map::new();
            m.insert("label".into(), Value::from(i.label.clone()));
            m.insert("text".into(), Value::from(i.text.clone()));
            Value::Object(m)
        };
        let mut m = Map::new();
        m.insert("pledged".into(), item(&d.pledged));
        m.insert("contingent".into(), item(&d.contingent));
        m.insert("remark".into(), Value::from(d.remark));
        Value::Object(m)
    });
    object
        .entry("invalid_amounts")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Some(settings) = object.get_mut("settings").and_then(Value::as_object_mut) {
        settings.entry("nil").or_insert_with(|| Value::from("zero"));
        settings.entry("cash_flow").or_insert(Value::Bool(false));
    }
    if let Some(items) = doc
        .pointer_mut("/appropriation/proposal")
        .and_then(Value::as_array_mut)
    {
        for item in items.iter_mut().filter_map(Value::as_object_mut) {
            item.entry("remainder").or_insert(Value::Bool(false));
        }
    }
    if let Some(notes) = doc.get_mut("notes").and_then(Value::as_array_mut) {
        for table in notes
            .iter_mut()
            .filter_map(|n| n.get_mut("table"))
            .filter_map(Value::as_object_mut)
        {
            table
                .entry("sign")
                .or_insert_with(|| Value::from("as_statement"));
        }
    }
}

/// The report a tree describes, with `like`'s format, version, lineage, comments and reviews;
/// an error if the tree is not a valid report.
pub(crate) fn from_doc(mut doc: Value, like: &Report) -> Result<Report, String> {
    for table in tables_mut(&mut doc) {
        let columns = column_ids(table);
        for row in rows_mut(table) {
            if let Some(Value::Object(map)) = row.get_mut("cells") {
                let len = columns
                    .iter()
                    .rposition(|c| map.contains_key(c))
                    .map_or(0, |i| i + 1);
                let cells: Vec<Value> = columns[..len]
                    .iter()
                    .map(|c| map.remove(c).unwrap_or(Value::Null))
                    .collect();
                row["cells"] = Value::Array(cells);
            }
        }
    }
    let object = doc.as_object_mut().ok_or("not an object")?;
    object.insert("format".into(), Value::from(like.format.clone()));
    object.insert("version".into(), Value::from(like.version));
    let mut report = crate::json::read_report(&doc.to_string()).map_err(|e| e.to_string())?;
    report.lineage = like.lineage.clone();
    report.document_unconfirmed = like.document_unconfirmed;
    report.comments = like.comments.clone();
    report.reviews = like.reviews.clone();
    validate(&report).map_err(|e| e.to_string())?;
    Ok(report)
}

fn tables_mut(doc: &mut Value) -> Vec<&mut Value> {
    match doc.get_mut("notes") {
        Some(Value::Array(notes)) => notes
            .iter_mut()
            .filter_map(|n| n.get_mut("table"))
            .filter(|t| t.is_object())
            .collect(),
        _ => Vec::new(),
    }
}

fn column_ids(table: &Value) -> Vec<String> {
    match table.get("columns") {
        Some(Value::Array(columns)) => columns.iter().filter_map(id_of).map(String::from).collect(),
        _ => Vec::new(),
    }
}

fn rows_mut(table: &mut Value) -> impl Iterator<Item = &mut Value> {
    table
        .get_mut("rows")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

pub(crate) fn id_of(v: &Value) -> Option<&str> {
    v.get("id").and_then(Value::as_str)
}

/// A list whose elements are objects with ids (an empty list qualifies).
fn is_id_list(list: &[Value]) -> bool {
    list.iter().all(|v| id_of(v).is_some())
}

fn is_map(path: &[Step]) -> bool {
    matches!(path.last(), Some(Step::Key(k)) if MAPS.contains(&k.as_str()))
}

/// Per-year amounts: an input line's or detail row's `amounts`, or an equity movement's
/// amounts for one line.
fn is_per_year(path: &[Step]) -> bool {
    match path {
        [.., Step::Key(k)] if k == "amounts" => true,
        [.., Step::Key(k), Step::Key(_)] => k == "amounts",
        _ => false,
    }
}

/// An object's keys in a fixed order: names first (a title, label, name or header), then the
/// rest alphabetically.
fn sorted_keys(object: &Map<String, Value>) -> Vec<&String> {
    let mut keys: Vec<&String> = object.keys().collect();
    crate::util::sort::sort_by_key(&mut keys, |k| (!NAMES.contains(&k.as_str()), *k));
    keys
}

fn with(path: &[Step], step: Step) -> Path {
    let mut p = path.to_vec();
    p.push(step);
    p
}

/// Every difference from `old` to `new`, in the order of the file.
pub(crate) fn diff_docs(old: &Value, new: &Value) -> Vec<Edit> {
    let mut out = Vec::new();
    let (Some(a), Some(b)) = (old.as_object(), new.as_object()) else {
        return out;
    };
    let mut keys: Vec<&String> = sorted_keys(b);
    crate::util::sort::sort_by_key(&mut keys, |k| {
        FIELDS.iter().position(|f| f == k).unwrap_or(FIELDS.len())
    });
    for key in keys {
        let path = vec![Step::Key(key.clone())];
        diff_value(&path, a.get(key).unwrap_or(&Value::Null), &b[key], &mut out);
    }
    // The cells of a removed column go with it.
    out.retain(|e| !removed_with_column(old, new, &e.path));
    out
}

/// A cell of a column the old table has and the new one does not.
fn removed_with_column(old: &Value, new: &Value, path: &[Step]) -> bool {
    cell_column(path).is_some() && cell_column_exists(old, path) && !cell_column_exists(new, path)
}

fn diff_value(path: &[Step], old: &Value, new: &Value, out: &mut Vec<Edit>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Value::Object(a), Value::Object(b)) if is_map(path) => diff_map(path, a, b, out),
        (Value::Object(a), Value::Object(b))
            if a.len() == b.len() && a.keys().all(|k| b.contains_key(k)) =>
        {
            for key in sorted_keys(b) {
                diff_value(&with(path, Step::Key(key.clone())), &a[key], &b[key], out);
            }
        }
        (Value::Array(a), Value::Array(b)) if is_id_list(a) && is_id_list(b) => {
            diff_list(path, a, b, out)
        }
        (Value::Array(a), Value::Array(b)) if is_per_year(path) && a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                diff_value(&with(path, Step::Index(i)), x, y, out);
            }
        }
        _ => out.push(Edit {
            path: path.to_vec(),
            op: Op::Set {
                old: Some(old.clone()),
                new: Some(new.clone()),
            },
        }),
    }
}

/// A map: an absent key and a null value are the same.
fn diff_map(path: &[Step], a: &Map<String, Value>, b: &Map<String, Value>, out: &mut Vec<Edit>) {
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    crate::util::sort::sort(&mut keys);
    keys.dedup();
    for key in keys {
        let here = with(path, Step::Key(key.clone()));
        let present = |v: Option<&Value>| v.filter(|v| !v.is_null()).cloned();
        match (a.get(key), b.get(key)) {
            (Some(x), Some(y)) if !x.is_null() && !y.is_null() => diff_value(&here, x, y, out),
            (x, y) if present(x) != present(y) => out.push(Edit {
                path: here,
                op: Op::Set {
                    old: present(x),
                    new: present(y),
                },
            }),
            _ => {}
        }
    }
}

fn diff_list(path: &[Step], a: &[Value], b: &[Value], out: &mut Vec<Edit>) {
    let old: HashMap<&str, &Value> = a.iter().filter_map(|v| Some((id_of(v)?, v))).collect();
    let new_ids: Vec<&str> = b.iter().filter_map(id_of).collect();
    let new_set: HashSet<&str> = new_ids.iter().copied().collect();
    for (i, (id, value)) in new_ids.iter().zip(b).enumerate() {
        match old.get(id) {
            Some(before) => diff_value(&with(path, Step::Id(id.to_string())), before, value, out),
            None => out.push(Edit {
                path: with(path, Step::Id(id.to_string())),
                op: Op::Insert {
                    value: value.clone(),
                    after: i.checked_sub(1).map(|j| new_ids[j].to_string()),
                    before: new_ids.get(i + 1).map(|s| s.to_string()),
                },
            }),
        }
    }
    for value in a {
        let Some(id) = id_of(value) else { continue };
        if !new_set.contains(id) {
            out.push(Edit {
                path: with(path, Step::Id(id.to_string())),
                op: Op::Delete {
                    value: value.clone(),
                },
            });
        }
    }
    let old_ids: Vec<String> = a.iter().filter_map(id_of).map(String::from).collect();
    let new_ids: Vec<String> = new_ids.into_iter().map(String::from).collect();
    if common_order(&old_ids, &new_ids) != common_order(&new_ids, &old_ids) {
        out.push(Edit {
            path: with(path, Step::Order),
            op: Op::Reorder {
                old: old_ids,
                new: new_ids,
            },
        });
    }
}

/// The ids of `order` that are also in `other`, in `order`'s order.
pub(crate) fn common_order<'a>(order: &'a [String], other: &[String]) -> Vec<&'a String> {
    let other: HashSet<&String> = other.iter().collect();
    order.iter().filter(|id| other.contains(id)).collect()
}

/// The value at a path, if it is there.
pub(crate) fn value_at<'a>(doc: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(doc, |v, step| match step {
        Step::Key(k) => v.get(k),
        Step::Id(id) => v.as_array()?.iter().find(|e| id_of(e) == Some(id)),
        Step::Index(i) => v.get(i),
        Step::Order => None,
    })
}

fn value_at_mut<'a>(doc: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(doc, |v, step| match step {
        Step::Key(k) => v.get_mut(k),
        Step::Id(id) => v.as_array_mut()?.iter_mut().find(|e| id_of(e) == Some(id)),
        Step::Index(i) => v.get_mut(i),
        Step::Order => None,
    })
}

/// Applies an edit to a tree. False if the place it changes is not there (or, for a new list
/// element, its id is already taken by something else); the tree is then unchanged.
pub(crate) fn apply_edit(doc: &mut Value, edit: &Edit) -> bool {
    let Some((last, parent_path)) = edit.path.split_last() else {
        return false;
    };
    if !cell_column_exists(doc, &edit.path) {
        return false;
    }
    let map = is_map(parent_path);
    let Some(parent) = value_at_mut(doc, parent_path) else {
        return false;
    };
    match (&edit.op, last) {
        (Op::Set { new, .. }, Step::Key(key)) => {
            let Some(object) = parent.as_object_mut() else {
                return false;
            };
            match new {
                Some(v) if map || object.contains_key(key) => {
                    object.insert(key.clone(), v.clone());
                }
                None if map => {
                    object.remove(key);
                }
                _ => return false,
            }
            true
        }
        (Op::Set { new: Some(v), .. }, Step::Index(i)) => match parent.get_mut(*i) {
            Some(slot) => {
                *slot = v.clone();
                true
            }
            None => false,
        },
        (Op::Set { new, .. }, Step::Id(id)) => {
            let Some(list) = parent.as_array_mut() else {
                return false;
            };
            let Some(at) = list.iter().position(|e| id_of(e) == Some(id)) else {
                return false;
            };
            match new {
                Some(v) => list[at] = v.clone(),
                None => {
                    list.remove(at);
                }
            }
            true
        }
        (
            Op::Insert {
                value,
                after,
                before,
            },
            Step::Id(id),
        ) => {
            let inserted = insert(parent, id, value, after, before);
            if let (true, Some((table, _))) = (inserted, table_column(&edit.path)) {
                pad_rows(doc, table);
            }
            inserted
        }
        (Op::Delete { .. }, Step::Id(id)) => match parent.as_array_mut() {
            Some(list) => {
                list.retain(|e| id_of(e) != Some(id));
                true
            }
            None => false,
        },
        (Op::Reorder { new, .. }, Step::Order) => match parent.as_array_mut() {
            Some(list) => {
                reorder(list, new);
                true
            }
            None => false,
        },
        _ => false,
    }
}

/// A cell edit needs its column in the table (a row's cell map may hold any key).
fn cell_column_exists(doc: &Value, path: &[Step]) -> bool {
    match cell_column(path) {
        Some((table, column)) => value_at(doc, table)
            .map(column_ids)
            .is_some_and(|ids| ids.iter().any(|id| id == column)),
        None => true,
    }
}

/// For a path into a note table's cell: the table's path and the cell's column.
pub(crate) fn cell_column(path: &[Step]) -> Option<(&[Step], &str)> {
    let at = path.iter().position(|s| *s == Step::Key("cells".into()))?;
    match (path.get(at + 1), at.checked_sub(2)) {
        (Some(Step::Key(column)), Some(table)) => Some((&path[..table], column)),
        _ => None,
    }
}

/// For a path to a note table's column: the table's path and the column.
pub(crate) fn table_column(path: &[Step]) -> Option<(&[Step], &str)> {
    match path {
        [table @ .., Step::Key(columns), Step::Id(column)] if columns == "columns" => {
            Some((table, column))
        }
        _ => None,
    }
}

/// Gives every row of a table a cell (empty if it has none) in every column, as adding a
/// column does in the editor.
fn pad_rows(doc: &mut Value, table: &[Step]) {
    let Some(table) = value_at_mut(doc, table) else {
        return;
    };
    let columns = column_ids(table);
    for row in rows_mut(table) {
        if let Some(Value::Object(cells)) = row.get_mut("cells") {
            for c in &columns {
                cells.entry(c.clone()).or_insert(Value::Null);
            }
        }
    }
}

fn insert(
    parent: &mut Value,
    id: &str,
    value: &Value,
    after: &Option<String>,
    before: &Option<String>,
) -> bool {
    let Some(list) = parent.as_array_mut() else {
        return false;
    };
    if let Some(existing) = list.iter().find(|e| id_of(e) == Some(id)) {
        return existing == value;
    }
    let position = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| list.iter().position(|e| id_of(e) == Some(id)))
    };
    // Before its next neighbour, so that what my copy added there stays first; at the end if
    // it was last; else after its previous neighbour.
    let at = match (before, position(before), position(after)) {
        (None, _, _) => list.len(),
        (Some(_), Some(j), _) => j,
        (Some(_), None, Some(i)) => i + 1,
        (Some(_), None, None) if after.is_none() => 0,
        (Some(_), None, None) => list.len(),
    };
    list.insert(at, value.clone());
    true
}

/// Puts the list's elements that `order` names into `order`'s order, in the places those
/// elements have; the others stay where they are.
fn reorder(list: &mut [Value], order: &[String]) {
    let wanted: Vec<&String> = order
        .iter()
        .filter(|id| list.iter().any(|e| id_of(e) == Some(id)))
        .collect();
    let slots: Vec<usize> = (0..list.len())
        .filter(|&i| id_of(&list[i]).is_some_and(|id| wanted.iter().any(|w| *w == id)))
        .collect();
    let elements: Vec<Value> = wanted
        .iter()
        .filter_map(|id| list.iter().find(|e| id_of(e) == Some(id)).cloned())
        .collect();
    for (slot, element) in slots.into_iter().zip(elements) {
        list[slot] = element;
    }
}

/// Every element with an id anywhere in the tree, by id: the path of the list it is in, and
/// the element.
pub(crate) fn entities(doc: &Value) -> HashMap<String, (Path, &Value)> {
    fn walk<'a>(v: &'a Value, path: &mut Path, out: &mut HashMap<String, (Path, &'a Value)>) {
        match v {
            Value::Array(list) => {
                for e in list {
                    if let Some(id) = id_of(e) {
                        out.insert(id.to_string(), (path.clone(), e));
                        path.push(Step::Id(id.to_string()));
                        walk(e, path, out);
                        path.pop();
                    } else {
                        walk(e, path, out);
                    }
                }
            }
            Value::Object(object) => {
                for (key, x) in object {
                    path.push(Step::Key(key.clone()));
                    walk(x, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = HashMap::new();
    walk(doc, &mut Vec::new(), &mut out);
    out
}

/// The name of a place in a change id: `notes/#n1/title`.
pub(crate) fn path_text(path: &[Step]) -> String {
    fn escape(s: &str) -> String {
        s.replace('%', "%25")
            .replace('/', "%2F")
            .replace('#', "%23")
            .replace('[', "%5B")
    }
    path.iter()
        .map(|s| match s {
            Step::Key(k) => escape(k),
            Step::Id(id) => format!("#{}", escape(id)),
            Step::Index(i) => format!("[{i}]"),
            Step::Order => "[ordning]".into(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_report;
    use serde_json::json;

    fn key(k: &str) -> Step {
        Step::Key(k.into())
    }

    fn id(x: &str) -> Step {
        Step::Id(x.into())
    }

    #[test]
    fn the_tree_round_trips() {
        let r = example_report();
        let doc = to_doc(&r);
        assert!(doc.get("lineage").is_none());
        let cells = &doc["notes"][1]["table"]["rows"][0]["cells"];
        assert!(cells.is_object(), "{cells}");
        assert_eq!(from_doc(doc, &r).unwrap(), r);
    }

    #[test]
    fn lists_are_compared_by_id() {
        let old =
            json!({"narrative": [{"id": "a", "t": 1}, {"id": "b", "t": 2}, {"id": "c", "t": 3}]});
        let new =
            json!({"narrative": [{"id": "c", "t": 3}, {"id": "a", "t": 9}, {"id": "d", "t": 4}]});
        let edits = diff_docs(&old, &new);
        let paths: Vec<String> = edits.iter().map(|e| path_text(&e.path)).collect();
        assert_eq!(
            paths,
            [
                "narrative/#a/t",
                "narrative/#d",
                "narrative/#b",
                "narrative/[ordning]"
            ]
        );
        assert!(
            matches!(&edits[1].op, Op::Insert { after: Some(a), before: None, .. } if a == "a")
        );
        let mut doc = old.clone();
        for e in &edits {
            assert!(apply_edit(&mut doc, e), "{e:?}");
        }
        assert_eq!(doc, new);
    }

    #[test]
    fn a_reorder_keeps_other_elements_in_place() {
        let mut list = vec![json!({"id": "x"}), json!({"id": "a"}), json!({"id": "b"})];
        reorder(&mut list, &["b".into(), "a".into(), "gone".into()]);
        let ids: Vec<&str> = list.iter().filter_map(id_of).collect();
        assert_eq!(ids, ["x", "b", "a"]);
    }

    #[test]
    fn edits_to_missing_places_fail() {
        let mut doc = json!({"narrative": [{"id": "a", "body": "x"}], "equity": {"opening": {}}});
        let set = |path: Path, new: Option<Value>| Edit {
            path,
            op: Op::Set { old: None, new },
        };
        assert!(!apply_edit(
            &mut doc,
            &set(
                vec![key("narrative"), id("b"), key("body")],
                Some(json!("y"))
            )
        ));
        // A struct has no new fields; a map takes new keys.
        assert!(!apply_edit(
            &mut doc,
            &set(vec![key("narrative"), id("a"), key("nope")], Some(json!(1)))
        ));
        assert!(apply_edit(
            &mut doc,
            &set(
                vec![key("equity"), key("opening"), key("l")],
                Some(json!("5"))
            )
        ));
        assert_eq!(doc["equity"]["opening"]["l"], "5");
        let same = Edit {
            path: vec![key("narrative"), id("a")],
            op: Op::Insert {
                value: json!({"id": "a", "body": "other"}),
                after: None,
                before: None,
            },
        };
        assert!(!apply_edit(&mut doc, &same));
    }

    #[test]
    fn ids_in_change_names_are_escaped() {
        assert_eq!(
            path_text(&[key("notes"), id("a/b#c"), Step::Index(1)]),
            "notes/#a%2Fb%23c/[1]"
        );
    }
}
