//! The one policy for making room when the browser's storage is full: which kept copies go, and
//! in which order. Reports themselves never make room.
//!
//! - For a report: the oldest snapshot ("Tidigare versioner") of any report goes first, one at
//!   a time, then the exports kept for merging (the lowest revision of the document with the
//!   most kept).
//! - For a snapshot: only older snapshots make room.

use crate::storage::{self, QUOTA_FULL};
use crate::{exports, snapshots};

/// What is being written, which decides what may make room for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Report,
    Snapshot,
}

/// Drops one kept copy that may make room for a write of `purpose`, in the policy's order.
/// Whether one was dropped.
pub fn make_room(purpose: Purpose) -> bool {
    match purpose {
        Purpose::Report => snapshots::drop_oldest() || exports::drop_oldest(),
        Purpose::Snapshot => snapshots::drop_oldest(),
    }
}

/// Writes the text `text()` gives under `key`; while storage is full, kept copies make room by
/// the policy and the text is made again (a list may have lost its oldest entry).
pub fn write(key: &str, purpose: Purpose, text: impl Fn() -> String) -> Result<(), String> {
    loop {
        match storage::write(key, &text()) {
            Err(e) if e == QUOTA_FULL && make_room(purpose) => continue,
            result => return result,
        }
    }
}

/// Keeps a snapshot of a report in "Tidigare versioner"; older snapshots make room.
pub fn keep_snapshot(id: &str, snapshot: &snapshots::Snapshot) -> Result<(), String> {
    write(&snapshots::key(id), Purpose::Snapshot, || {
        snapshots::appended(id, snapshot)
    })
}
