//! The page-wide listeners: undo and redo from the keyboard in any field, and a file dropped
//! anywhere on the page.

use leptos::prelude::*;

use super::Shell;
use crate::components::review::ReviewState;
use crate::components::sie::SieState;
use crate::files;
use crate::store::Store;

/// Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes, in any field too (fields show the report);
/// a file dragged over the page marks it, and dropped, is opened. The listeners go with the
/// owner.
pub fn listen(store: Store, sie: SieState, review: ReviewState, shell: Shell) {
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        shell.dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |_| shell.dragging.set(false));
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        shell.dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            files::open(store, sie, review, file);
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "z" | "Z" if ev.shift_key() => {
                ev.prevent_default();
                store.redo();
            }
            "z" | "Z" => {
                ev.prevent_default();
                store.undo();
            }
            "y" | "Y" => {
                ev.prevent_default();
                store.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || {
        keys.remove();
        over.remove();
        leave.remove();
        drop.remove();
    });
}
