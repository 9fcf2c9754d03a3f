//! The application shell: the toolbar, the messages, the parts sidebar, the editor pane and the
//! live preview, and the dialogs over them. Each is a file of its own; this one puts them
//! together and holds what they share ([`Shell`]).

mod dialogs;
mod draft;
mod editor_pane;
mod keys;
mod messages;
mod preview;
mod sidebar;
mod toolbar;

use leptos::prelude::*;

use crate::components::review::ReviewState;
use crate::components::sie::SieState;
use crate::store::{autosave, sync_tabs, Store};

/// Which dialog is open over the editor.
#[derive(Clone, Copy, PartialEq)]
pub enum Dialog {
    None,
    Reports,
    New,
    /// Print or download a report with errors open: asked first.
    Draft(draft::Output),
    NextYear,
}

/// On a narrow screen only one pane shows.
#[derive(Clone, Copy, PartialEq)]
pub enum Pane {
    Editor,
    Preview,
}

/// What the shell's parts share: the open dialog, the pane shown on a narrow screen, and a file
/// being dragged over the page.
#[derive(Clone, Copy)]
pub struct Shell {
    pub dialog: RwSignal<Dialog>,
    pub pane: RwSignal<Pane>,
    pub dragging: RwSignal<bool>,
}

#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    provide_context(store);
    autosave(store);
    sync_tabs(store);
    provide_context(crate::pwa::persist_storage(store));
    let sie = SieState::default();
    provide_context(sie);
    let review = ReviewState::default();
    provide_context(review);
    let shell = Shell {
        dialog: RwSignal::new(Dialog::None),
        pane: RwSignal::new(Pane::Editor),
        dragging: RwSignal::new(false),
    };
    keys::listen(store, sie, review, shell);

    view! {
        <div class="app" class:dragging=move || shell.dragging.get()>
            <a class="skip-link" href="#editor" on:click=move |ev| {
                ev.prevent_default();
                shell.pane.set(Pane::Editor);
                crate::dom::focus_selector_later(&[
                    "#editor :is(input, select, textarea):not([disabled])",
                    "#editor",
                ]);
            }>"Hoppa till innehållet"</a>
            <toolbar::Toolbar shell=shell />
            <messages::Messages shell=shell />
            <nav class="pane-switch" aria-label="Redigera eller förhandsvisa">
            <div class="pane-tabs" role="tablist" aria-label="Visa">
                <button type="button" role="tab" aria-selected=move || (shell.pane.get() == Pane::Editor).to_string()
                    on:click=move |_| shell.pane.set(Pane::Editor)>"Redigera"</button>
                <button type="button" role="tab" aria-selected=move || (shell.pane.get() == Pane::Preview).to_string()
                    on:click=move |_| shell.pane.set(Pane::Preview)>"Förhandsvisning"</button>
            </div>
            </nav>
            <div class="workspace" class:show-preview=move || shell.pane.get() == Pane::Preview>
                <sidebar::Sidebar shell=shell />
                <editor_pane::EditorPane />
                <preview::Preview />
            </div>
            <dialogs::Dialogs shell=shell />
        </div>
    }
}
