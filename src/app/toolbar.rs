//! The toolbar: the report's title, whether it is saved, undo and redo, and the actions on the
//! whole report (new, kept reports, open, import, save, print, next year). On a phone
//! (≤ 480 px) undo, redo and the actions fold into one "Meny" button.

use kassoren_engine::edit;
use leptos::prelude::*;

use super::draft::{self, Output};
use super::{Dialog, Shell};
use crate::components::review::ReviewState;
use crate::components::sie::SieState;
use crate::dom::event_target;
use crate::files;
use crate::store::{SaveStatus, Store};

#[component]
pub fn Toolbar(shell: Shell) -> impl IntoView {
    let store = expect_context::<Store>();
    let is_example = Memo::new(move |_| store.report.with(|r| r.settings.example));
    let file_input = NodeRef::<leptos::html::Input>::new();
    let sie_input = NodeRef::<leptos::html::Input>::new();
    let choose = move |input: NodeRef<leptos::html::Input>| {
        move |_| {
            if let Some(input) = input.get() {
                input.click();
            }
        }
    };
    // The phone's menu: open or not. Choosing an action closes it.
    let menu = RwSignal::new(false);
    let close_menu = move || menu.set(false);
    view! {
            <header class="toolbar" on:keydown=move |ev| {
                if ev.key() == "Escape" && menu.get_untracked() {
                    menu.set(false);
                    crate::dom::focus_selector_later(&[".menu-button"]);
                }
            }>
                <div class="brand">
                    <span class="logo" aria-hidden="true">"K"</span>
                    <h1 class="name">"Kassören"</h1>
                </div>
                <div class="doc-title">
                    <bdi>{move || store.report.with(edit::default_title)}</bdi>
                    <span class="badge document" data-testid="document-type">{move || store.report.with(|r| r.document.title())}</span>
                    <Show when=move || is_example.get()>
                        <span class="badge example">"Exempel"</span>
                    </Show>
                </div>
                <SaveIndicator />
                <button type="button" class="menu-button" aria-expanded=move || menu.get().to_string()
                    aria-controls="toolbar-menu" on:click=move |_| menu.update(|m| *m = !*m)>
                    <span aria-hidden="true">"☰ "</span>"Meny"
                </button>
                <div class="toolbar-menu" id="toolbar-menu" class:open=move || menu.get()
                    on:click=move |ev| {
                        // A chosen action closes the phone's menu (undo and redo keep it open).
                        let target: web_sys::Element = event_target(&ev);
                        if target.closest(".actions button").ok().flatten().is_some() {
                            close_menu();
                        }
                    }
    >
                <div class="undo" role="group" aria-label="Ångra och gör om">
                    <button type="button" aria-keyshortcuts="Control+Z" title="Ångra (Ctrl+Z)"
                        disabled=move || !store.can_undo.get() on:click=move |_| store.undo()>"Ångra"</button>
                    <button type="button" aria-keyshortcuts="Control+Shift+Z" title="Gör om (Ctrl+Shift+Z)"
                        disabled=move || !store.can_redo.get() on:click=move |_| store.redo()>"Gör om"</button>
                </div>
                <nav class="actions" aria-label="Årsredovisningen">
                    <button type="button" on:click=move |_| shell.dialog.set(Dialog::New)>"Ny rapport"</button>
                    <button type="button" on:click=move |_| shell.dialog.set(Dialog::Reports)>"Mina rapporter"</button>
                    <button type="button" on:click=choose(file_input)>"Öppna fil"</button>
                    <button type="button" on:click=choose(sie_input)>"Importera SIE"</button>
                    <button type="button" on:click=move |_| files::save_json(store)>"Spara som fil"</button>
                    <button type="button" on:click=move |_| draft::request(store, shell, Output::Download)>"Ladda ner utskrift"</button>
                    <button type="button" on:click=move |_| draft::request(store, shell, Output::Print)>"Skriv ut"</button>
                    <button type="button" on:click=move |_| shell.dialog.set(Dialog::NextYear)>"Nästa år"</button>
                </nav>
                </div>
                <FileInput id="sie-file" accept=".se,.si,.sie,.SE,.SI,.SIE" node_ref=sie_input />
                <FileInput id="json-file" accept=".json,application/json" node_ref=file_input />
            </header>
        }
}

/// A hidden file input that a toolbar button clicks; the chosen file is opened
/// ([`files::open`]) and the input emptied, so the same file can be chosen again.
#[component]
fn FileInput(
    id: &'static str,
    accept: &'static str,
    node_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let sie = expect_context::<SieState>();
    let review = expect_context::<ReviewState>();
    view! {
        <input
            type="file"
            id=id
            accept=accept
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            node_ref=node_ref
            on:change=move |ev| {
                let input: web_sys::HtmlInputElement = event_target(&ev);
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    files::open(store, sie, review, file);
                }
                input.set_value("");
            }
        />
    }
}

/// "Sparat", "Sparar…" or why it is not saved.
#[component]
fn SaveIndicator() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <span class="save-status" role="status" data-testid="save-status">
            {move || match store.status.get() {
                SaveStatus::Saved => "Sparat".to_string(),
                SaveStatus::Saving => "Sparar…".to_string(),
                SaveStatus::Failed(e) => format!("Inte sparat: {e}"),
            }}
        </span>
    }
}
