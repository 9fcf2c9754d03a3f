//! "Tidigare versioner": a copy of a report kept in the browser before each step that replaces
//! or removes it (deleting it, importing SIE figures over it, merging another copy into it, a
//! second tab saving over unsaved edits). The last [`KEEP`] per report are kept, oldest dropped
//! first; they stay after the report itself is deleted, so a deleted report can be restored.

use serde::{Deserialize, Serialize};

use crate::store::{read_raw, storage_keys, write_raw};

const PREFIX: &str = "kassoren.snapshots.";
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

fn key(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// A report's snapshots, oldest first. Unreadable snapshot lists read as empty.
pub fn list(id: &str) -> Vec<Snapshot> {
    read_raw(&key(id))
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// The ids of every report with snapshots, deleted reports included.
pub fn ids() -> Vec<String> {
    storage_keys()
        .into_iter()
        .filter_map(|k| k.strip_prefix(PREFIX).map(str::to_string))
        .collect()
}

/// Keeps a snapshot of a report. When the browser's storage is full, older snapshots (of any
/// report, oldest first) make room; the reports themselves are never touched.
pub fn keep(id: &str, reason: &str, title: &str, text: &str) -> Result<(), String> {
    let mut mine = list(id);
    mine.push(Snapshot {
        at: js_sys::Date::now(),
        reason: reason.to_string(),
        title: title.to_string(),
        text: text.to_string(),
    });
    if mine.len() > KEEP {
        mine.drain(..mine.len() - KEEP);
    }
    loop {
        let serialised = serde_json::to_string(&mine).unwrap_or_default();
        match write_raw(&key(id), &serialised) {
            Ok(()) => return Ok(()),
            Err(e) => {
                if !drop_oldest(id, &mut mine) {
                    return Err(e);
                }
            }
        }
    }
}

/// Makes room for a report that cannot be saved: drops the oldest snapshot of any report. A
/// report always goes before its old copies. Whether anything was dropped.
pub fn make_room() -> bool {
    drop_oldest("", &mut Vec::new())
}

/// Drops the oldest snapshot there is, another report's stored list or this one's (never the
/// new snapshot itself). Whether anything could be dropped.
fn drop_oldest(id: &str, mine: &mut Vec<Snapshot>) -> bool {
    let mut oldest: Option<(f64, String)> = mine
        .iter()
        .take(mine.len().saturating_sub(1))
        .map(|s| (s.at, id.to_string()))
        .next();
    for other in ids().into_iter().filter(|o| o != id) {
        if let Some(first) = list(&other).first() {
            if !oldest.as_ref().is_some_and(|(at, _)| *at <= first.at) {
                oldest = Some((first.at, other));
            }
        }
    }
    match oldest {
        None => false,
        Some((_, owner)) if owner == id => {
            mine.remove(0);
            true
        }
        Some((_, owner)) => {
            let mut theirs = list(&owner);
            theirs.remove(0);
            crate::store::write_list(&key(&owner), &theirs);
            true
        }
    }
}
