//! The one policy for making room when the browser's storage is full: which kept copies go, and
//! in which order. Reports themselves never make room.
//!
//! - For a report: the oldest snapshot ("Tidigare versioner") of any report goes first, one at
//!   a time, then the exports kept for merging (the lowest revision of the document with the
//!   most kept).
//! - For a snapshot: only older snapshots make room.
//!
//! Nothing is dropped for a write that would fail anyway: before the first copy goes, the text's
//! size is weighed against what storage can take at all ([`storage::CAPACITY`]) and against the
//! room there would be with every copy that may go gone ([`storage::fits`]).

use crate::storage::{self, keys, QUOTA_FULL};
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

/// The keys of the copies that may make room for a write of `purpose`.
fn droppable(purpose: Purpose) -> &'static [&'static str] {
    match purpose {
        Purpose::Report => &[keys::SNAPSHOTS, keys::EXPORTS],
        Purpose::Snapshot => &[keys::SNAPSHOTS],
    }
}

/// Why `text` cannot be written under `key` even if every copy that may make room for it went
/// (storage being full now): `None` when it would fit then.
fn refusal(key: &str, text: &str, purpose: Purpose) -> Option<String> {
    let needed = storage::units(key, text);
    let droppable = droppable(purpose);
    let freed: usize = droppable.iter().map(|p| storage::units_under(p)).sum();
    // What the write replaces goes too (already counted when it is one of the copies).
    let replaced = match droppable.iter().any(|p| key.starts_with(p)) {
        true => 0,
        false => storage::read(key).map_or(0, |old| storage::units(key, &old)),
    };
    let more = needed.saturating_sub(freed + replaced);
    (more > 0 && !storage::fits(more)).then(|| QUOTA_FULL.to_string())
}

/// Why a text larger than local storage can ever hold is refused.
fn too_big(text: &str) -> String {
    let mb = |bytes: usize| format!("{:.1}", bytes as f64 / 1_000_000.0).replace('.', ",");
    format!(
        "den är för stor för webbläsarens lagring: {} MB, och webbläsaren rymmer omkring {} MB",
        mb(text.len()),
        mb(storage::CAPACITY)
    )
}

/// Writes the text `text()` gives under `key`; while storage is full, kept copies make room by
/// the policy and the text is made again (a list may have lost its oldest entry). A text that
/// would not fit even then is refused before anything goes.
pub fn write(key: &str, purpose: Purpose, text: impl Fn() -> String) -> Result<(), String> {
    let mut weighed = false;
    loop {
        let text = text();
        if storage::units(key, &text) > storage::CAPACITY {
            return Err(too_big(&text));
        }
        match storage::write(key, &text) {
            Err(e) if e == QUOTA_FULL => {
                if !weighed {
                    weighed = true;
                    if let Some(why) = refusal(key, &text, purpose) {
                        return Err(why);
                    }
                }
                if !make_room(purpose) {
                    return Err(e);
                }
            }
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

/// Brings the snapshot of a report taken at `at` up to date with `snapshot` (or keeps it as a
/// new one); older snapshots make room.
pub fn replace_snapshot(
    id: &str,
    at: Option<f64>,
    snapshot: &snapshots::Snapshot,
) -> Result<(), String> {
    write(&snapshots::key(id), Purpose::Snapshot, || {
        snapshots::replaced(id, at, snapshot)
    })
}
