//! Money cells bound to a place in the report: what the cell sends goes through
//! [`edit::enter_amount`], and text that is not an amount comes back from the report, so a
//! mistyped cell stays marked on every visit and in every tab.

use kassoren_engine::edit::{self, Entry};
use kassoren_engine::model::AmountPlace;
use leptos::prelude::*;

use crate::store::Store;

/// The text kept at `place` while it holds no valid amount.
pub fn kept_text(store: Store, place: AmountPlace) -> Signal<Option<String>> {
    Signal::derive(move || {
        store
            .report
            .with(|r| r.invalid_text(&place).map(str::to_string))
    })
}

/// Sends what was typed at `place` to the report, as one undoable edit.
pub fn enter(store: Store, place: AmountPlace) -> Callback<Entry> {
    Callback::new(move |entry: Entry| {
        store.edit(|r| {
            edit::enter_amount(r, &place, entry);
        })
    })
}
