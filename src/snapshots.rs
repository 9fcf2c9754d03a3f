//! "Tidigare versioner": a copy of a report kept in the browser before each step that replaces
//! or removes it (deleting it, importing SIE figures over it, merging another copy into it, a
//! second tab saving over unsaved edits). The last [`KEEP`] per report are kept, oldest dropped
//! first; they stay after the report itself is deleted, so a deleted report can be restored.
//! Writing one goes through [`crate::room`], which decides what makes room when storage is full.

use serde::{Deserialize, Serialize};

use crate::storage::{self, keys};

/// How many snapshots are kept per report.
pub const KEEP: usize = 20;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Milliseconds since 1970.
    pub at: f64,
    /// Why it was kept ("Före borttagning").
    pub reason: String,
    /// The report's title in the list at the time.
    pub title: String,
    /// The report as a Kassören JSON file.
    pub text: String,
}

/// Where a report's snapshots are kept.
pub fn key(id: &str) -> String {
    storage::key(keys::SNAPSHOTS, id)
}

/// A report's snapshots, oldest first. Unreadable snapshot lists read as empty.
pub fn list(id: &str) -> Vec<Snapshot> {
    storage::read_list(&key(id))
}

/// The ids of every report with snapshots, deleted reports included.
pub fn ids() -> Vec<String> {
    storage::ids(keys::SNAPSHOTS)
}

/// The report's stored list with `snapshot` added and the oldest beyond [`KEEP`] dropped, as
/// it is written.
pub fn appended(id: &str, snapshot: &Snapshot) -> String {
    let mut mine = list(id);
    mine.push(snapshot.clone());
    if mine.len() > KEEP {
        mine.drain(..mine.len() - KEEP);
    }
    storage::list_text(&mine).unwrap_or_default()
}

/// The report's stored list with the snapshot taken at `at` replaced by `snapshot` (added, as by
/// [`appended`], when there is none taken then), as it is written: one copy of a version that
/// is brought up to date, not a new one for every change.
pub fn replaced(id: &str, at: Option<f64>, snapshot: &Snapshot) -> String {
    let mut mine = list(id);
    match mine.iter_mut().find(|s| Some(s.at) == at) {
        Some(s) => *s = snapshot.clone(),
        None => return appended(id, snapshot),
    }
    storage::list_text(&mine).unwrap_or_default()
}

/// Drops the oldest stored snapshot of any report. Whether there was one.
pub fn drop_oldest() -> bool {
    let oldest = ids()
        .into_iter()
        .filter_map(|id| list(&id).first().map(|s| (s.at, id)))
        .fold(None::<(f64, String)>, |best, (at, id)| match best {
            Some((b, _)) if b <= at => best,
            _ => Some((at, id)),
        });
    let Some((_, owner)) = oldest else {
        return false;
    };
    let mut theirs = list(&owner);
    theirs.remove(0);
    storage::write_list(&key(&owner), &theirs);
    true
}
