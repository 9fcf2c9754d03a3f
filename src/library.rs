//! The reports kept in this browser: the list shown in "Mina rapporter" (the index), each
//! report's stored text and revision, and which one was open last. Plain functions over
//! [`crate::storage`]; the state that shows them is [`crate::store::Store`].

use kassoren_engine::edit::default_title;
use kassoren_engine::json;
use kassoren_engine::model::Report;
use serde::{Deserialize, Serialize};

use crate::room::{self, Purpose};
use crate::storage::{self, keys};

/// One report kept in the browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: String,
    pub title: String,
    /// Milliseconds since 1970, when last saved.
    pub updated: f64,
}

fn report_key(id: &str) -> String {
    storage::key(keys::REPORT, id)
}

fn revision_key(id: &str) -> String {
    storage::key(keys::REVISION, id)
}

/// The stored text of a report, readable or not.
pub fn raw(id: &str) -> Option<String> {
    storage::read(&report_key(id))
}

/// A kept report: `None` when there is none under `id`, an error (in Swedish) when its text
/// cannot be read.
pub fn read(id: &str) -> Option<Result<Report, String>> {
    raw(id).map(|t| json::from_json(&t).map_err(|e| e.to_string()))
}

/// Whether a kept report can be opened.
pub fn readable(id: &str) -> bool {
    matches!(read(id), Some(Ok(_)))
}

/// The stored revision of a report (0 if it was never written with one).
pub fn revision(id: &str) -> u64 {
    storage::read(&revision_key(id))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Writes a report's text, then its revision (another tab reacts to the revision, and by then
/// the text is there to read). When storage is full, kept copies make room by the one policy
/// ([`crate::room`]).
pub fn write(id: &str, text: &str, revision: u64) -> Result<(), String> {
    storage::record_layout();
    room::write(&report_key(id), Purpose::Report, || text.to_string())?;
    storage::write(&revision_key(id), &revision.to_string())
}

/// Removes a kept report and its revision (its snapshots stay).
pub fn remove(id: &str) {
    storage::remove(&report_key(id));
    storage::remove(&revision_key(id));
}

/// The id of the report that was open last.
pub fn current() -> Option<String> {
    storage::read(keys::CURRENT)
}

pub fn set_current(id: &str) -> Result<(), String> {
    storage::write(keys::CURRENT, id)
}

/// The list of kept reports. If the list itself is missing or unreadable, it is made again from
/// the reports found in storage, so no report is ever lost from view (such entries have
/// `updated` 0).
pub fn load_index() -> Vec<IndexEntry> {
    let mut index: Vec<IndexEntry> = storage::read_list(keys::INDEX);
    for id in storage::ids(keys::REPORT) {
        if index.iter().any(|e| e.id == id) {
            continue;
        }
        let title = match read(&id) {
            Some(Ok(r)) => default_title(&r),
            _ => format!("Oläslig årsredovisning ({id})"),
        };
        index.push(IndexEntry {
            id,
            title,
            updated: 0.0,
        });
    }
    index
}

/// Changes the list as it is stored now (another tab may have changed it) and writes it. An
/// entry the stored list lacked (made again from storage) keeps the title in `known`. Returns
/// the new list and whether it was written.
pub fn update_index(
    known: &[IndexEntry],
    f: impl FnOnce(&mut Vec<IndexEntry>),
) -> (Vec<IndexEntry>, Result<(), String>) {
    let mut index = load_index();
    for e in index.iter_mut().filter(|e| e.updated == 0.0) {
        if let Some(k) = known.iter().find(|k| k.id == e.id) {
            e.title = k.title.clone();
        }
    }
    f(&mut index);
    let text = serde_json::to_string(&index).unwrap_or_default();
    let written = storage::write(keys::INDEX, &text);
    (index, written)
}
