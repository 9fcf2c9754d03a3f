//! Two tabs or windows on the same reports: what one saves, the other shows. This module decides
//! what a tab does when another has saved the report it has open, and listens for those saves;
//! [`crate::store::Store`] carries the decision out.

use kassoren_engine::model::Report;
use kassoren_engine::review;
use leptos::prelude::*;

use crate::storage::keys;

/// What to do with another tab's newer version of the open report.
#[derive(Clone, Debug, PartialEq)]
pub enum Reconciled {
    /// Nothing to save here: show the other tab's version (it may equal this one).
    TakeTheirs,
    /// Both tabs changed the report without touching the same place: the engine merged the two
    /// from the version both started from. This tab shows and saves the result.
    Merged(Box<Report>),
    /// Both changed the same place (or there is no version both started from): the other tab's
    /// version is shown and not written over; this tab's version is kept for the treasurer.
    /// `conflicts` names the places, "; "-separated (empty without a common version).
    Conflict { conflicts: String },
}

/// Decides, given the version this tab last read or wrote (`base`), its own (`mine`), the other
/// tab's (`theirs`) and whether this tab has edits that are not stored yet.
pub fn reconcile(
    base: Option<&Report>,
    mine: &Report,
    theirs: &Report,
    unsaved: bool,
) -> Reconciled {
    if mine == theirs || !unsaved || base == Some(mine) {
        return Reconciled::TakeTheirs;
    }
    match base.and_then(|base| review::merge(base, mine, theirs).ok()) {
        Some(m) if m.conflicts.is_empty() => Reconciled::Merged(Box::new(m.report)),
        other => Reconciled::Conflict {
            conflicts: other
                .map(|m| {
                    m.conflicts
                        .iter()
                        .map(|c| c.describe())
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default(),
        },
    }
}

/// Listens to local storage's `storage` event, which the browser fires in every other tab:
/// `on_index` when the list of reports changed, `on_report` when a report or its revision did
/// (or storage was cleared). Tracks nothing; the listener goes with the owner.
pub fn listen(on_index: impl Fn() + 'static, on_report: impl Fn() + 'static) {
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        let Some(key) = ev.key() else {
            return on_report();
        };
        if key == keys::INDEX {
            on_index();
        } else if key.starts_with(keys::REVISION) || key.starts_with(keys::REPORT) {
            on_report();
        }
    });
    on_cleanup(move || listener.remove());
}
