//! The application shell: toolbar, parts sidebar, the editor pane and the live preview.

use kassoren_engine::compute::Severity;
use kassoren_engine::model::Part;
use kassoren_engine::{edit, json, render};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::checks::ChecksPanel;
use crate::components::management::ManagementEditor;
use crate::components::narrative::SectionList;
use crate::components::notes::NotesEditor;
use crate::components::organisation::{OrganisationEditor, SignaturesEditor};
use crate::components::reports::{NewReport, ReportList};
use crate::components::review::{same_document, CompareOffer, Offer, ReviewState, ReviewView};
use crate::components::sie::{is_sie_name, open_sie, AccountsView, SieImportDialog, SieState};
use crate::components::statement::StatementEditor;
use crate::files;
use crate::store::{autosave, sync_tabs, SaveStatus, Store, View};

#[derive(Clone, Copy, PartialEq)]
enum Dialog {
    None,
    Reports,
    New,
}

/// On a narrow screen only one pane shows.
#[derive(Clone, Copy, PartialEq)]
enum Pane {
    Editor,
    Preview,
}

#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    provide_context(store);
    autosave(store);
    sync_tabs(store);
    provide_context(crate::pwa::persist_storage(store));
    let dialog = RwSignal::new(Dialog::None);
    let pane = RwSignal::new(Pane::Editor);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let sie_input = NodeRef::<leptos::html::Input>::new();
    let sie = SieState::new();
    provide_context(sie);
    let review = ReviewState::new();
    provide_context(review);
    let dragging = RwSignal::new(false);

    let open_file = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            let name = file.name();
            match files::read_bytes(&file)
                .await
                .map_err(|_| "filen kunde inte läsas".to_string())
            {
                Ok(bytes) if is_sie_name(&name) => open_sie(store, sie, &name, &bytes),
                Ok(bytes) => match json::from_bytes(&bytes) {
                    // A copy of a report kept here: offer to compare instead of a duplicate.
                    Ok(report) => match same_document(store, &report) {
                        Some((id, title)) => review.offer.set(Some(Offer {
                            id,
                            title,
                            file: name,
                            theirs: report,
                        })),
                        None => {
                            store.add(report, None);
                            store.notify(format!(
                                "\"{name}\" har öppnats som en ny årsredovisning i listan."
                            ));
                        }
                    },
                    Err(e) => store.fail(format!(
                        "\"{name}\" kunde inte öppnas. {e} Inget har ändrats."
                    )),
                },
                Err(e) => store.fail(format!("\"{name}\": {e}. Inget har ändrats.")),
            }
        });
    };
    let save_json = move |_| {
        let (name, text) = crate::components::review::export(store);
        if files::download(&name, "application/json", &text).is_err() {
            store.fail("Filen kunde inte sparas.");
        }
    };
    // When saving in the browser fails: the report as it is, not a new revision (which would
    // be one more change to save).
    let rescue_json = move |_| {
        let (name, text) = store
            .report
            .with_untracked(|r| (r.file_name("json"), json::to_json(r)));
        if files::download(&name, "application/json", &text).is_err() {
            store.fail("Filen kunde inte sparas.");
        }
    };
    let save_html = move |_| {
        let (name, text) = store.report.with(|r| {
            (
                r.file_name("html"),
                store.computed.with(|c| render::render_document(r, c)),
            )
        });
        if files::download(&name, "text/html", &text).is_err() {
            store.fail("Utskriften kunde inte laddas ner.");
        }
    };
    let next_year = move |_| {
        let next = store.report.with(edit::next_year);
        store.add_new(next, None);
        store.notify("Nästa års årsredovisning har skapats: årets belopp är nu jämförelseår, texterna finns kvar.");
    };

    // Drag and drop a file anywhere on the page.
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |_| dragging.set(false));
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(file);
        }
    });
    // Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes, in any field too: fields show the report.
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

    // Keep the preview at the part being edited (not on the first render: nothing moved yet).
    Effect::new(move |previous: Option<()>| {
        let anchor = store.view.get().preview_anchor();
        if previous.is_none() {
            return;
        }
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(anchor) {
                el.scroll_into_view();
            }
        });
    });

    let preview = live_preview(store);
    let counts = Memo::new(move |_| {
        store.computed.with(|c| {
            let errors = c
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            (errors, c.problems.len() - errors)
        })
    });
    let is_example = Memo::new(move |_| store.report.with(|r| r.settings.example));

    view! {
        <div class="app" class:dragging=move || dragging.get()>
            <header class="toolbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">"K"</span>
                    <span class="name">"Kassören"</span>
                </div>
                <div class="doc-title">
                    {move || store.report.with(crate::store::default_title)}
                    <Show when=move || is_example.get()>
                        <span class="badge example">"Exempel"</span>
                    </Show>
                </div>
                <SaveIndicator />
                <div class="undo" role="group" aria-label="Ångra och gör om">
                    <button type="button" aria-keyshortcuts="Control+Z" title="Ångra (Ctrl+Z)"
                        disabled=move || !store.can_undo.get() on:click=move |_| store.undo()>"Ångra"</button>
                    <button type="button" aria-keyshortcuts="Control+Shift+Z" title="Gör om (Ctrl+Shift+Z)"
                        disabled=move || !store.can_redo.get() on:click=move |_| store.redo()>"Gör om"</button>
                </div>
                <nav class="actions" aria-label="Årsredovisningen">
                    <button type="button" on:click=move |_| dialog.set(Dialog::New)>"Ny årsredovisning"</button>
                    <button type="button" on:click=move |_| dialog.set(Dialog::Reports)>"Mina årsredovisningar"</button>
                    <button type="button" on:click=move |_| {
                        if let Some(input) = file_input.get() {
                            input.click();
                        }
                    }>"Öppna fil"</button>
                    <button type="button" on:click=move |_| {
                        if let Some(input) = sie_input.get() {
                            input.click();
                        }
                    }>"Importera SIE"</button>
                    <button type="button" on:click=save_json>"Spara som fil"</button>
                    <button type="button" on:click=save_html>"Ladda ner utskrift"</button>
                    <button type="button" on:click=move |_| {
                        let _ = window().print();
                    }>"Skriv ut"</button>
                    <button type="button" on:click=next_year>"Nästa år"</button>
                </nav>
                <input
                    type="file"
                    accept=".se,.si,.sie,.SE,.SI,.SIE"
                    class="visually-hidden"
                    tabindex="-1"
                    aria-hidden="true"
                    id="sie-file"
                    node_ref=sie_input
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            open_file(file);
                        }
                        input.set_value("");
                    }
                />
                <input
                    type="file"
                    id="json-file"
                    accept=".json,application/json"
                    class="visually-hidden"
                    tabindex="-1"
                    aria-hidden="true"
                    node_ref=file_input
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            open_file(file);
                        }
                        input.set_value("");
                    }
                />
            </header>
            <section class="messages" aria-label="Meddelanden">
            <crate::pwa::UpdateBanner />
            {move || store.notice.get().map(|n| view! {
                <div class="notice" class:error=n.error role=if n.error { "alert" } else { "status" }>
                    <span>{n.text}</span>
                    <button type="button" on:click=move |_| store.notice.set(None)>"Stäng"</button>
                </div>
            })}
            {move || match store.status.get() {
                SaveStatus::Failed(why) => Some(view! {
                    <div class="notice error save-failed" role="alert">
                        <span>
                            "Ändringarna kunde inte sparas i webbläsaren (" {why} "). Du kan arbeta vidare; Kassören försöker igen av sig själv. Ladda ner årsredovisningen som fil så att inget går förlorat."
                        </span>
                        <button type="button" on:click=rescue_json>"Ladda ner som fil"</button>
                    </div>
                }),
                _ => None,
            }}
            <Show when=move || is_example.get()>
                <p class="example-banner">
                    "Det här är ett exempel. Ändra gärna i det, eller börja med "
                    <button type="button" class="link" on:click=move |_| dialog.set(Dialog::New)>"Ny årsredovisning"</button>
                    "."
                </p>
            </Show>
            </section>
            <div class="pane-tabs" role="tablist" aria-label="Visa">
                <button type="button" role="tab" aria-selected=move || (pane.get() == Pane::Editor).to_string()
                    on:click=move |_| pane.set(Pane::Editor)>"Redigera"</button>
                <button type="button" role="tab" aria-selected=move || (pane.get() == Pane::Preview).to_string()
                    on:click=move |_| pane.set(Pane::Preview)>"Förhandsvisning"</button>
            </div>
            <div class="workspace" class:show-preview=move || pane.get() == Pane::Preview>
                <nav class="sidebar" aria-label="Årsredovisningens delar">
                    <ul>
                        {View::ALL.iter().map(|v| {
                            let v2 = v.clone();
                            let v3 = v.clone();
                            let is_checks = *v == View::Checks;
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class:active=move || store.view.get() == v2
                                        aria-current=move || (store.view.get() == v3).then_some("page")
                                        on:click={
                                            let v = v.clone();
                                            move |_| {
                                                store.view.set(v.clone());
                                                pane.set(Pane::Editor);
                                            }
                                        }
                                    >
                                        {v.label()}
                                        {(v == &View::Review).then(|| view! {
                                            <span class="counts" data-testid="open-comments">
                                                {move || match store.report.with(crate::components::review::open_comments) {
                                                    0 => String::new(),
                                                    n => format!(" {n} öppna"),
                                                }}
                                            </span>
                                        })}
                                        {is_checks.then(|| view! {
                                            <span class="counts" data-testid="check-counts">
                                                {move || {
                                                    let (e, w) = counts.get();
                                                    format!(" {e} fel, {w} varn.")
                                                }}
                                            </span>
                                        })}
                                    </button>
                                    {(*v == View::Narrative).then(|| view! { <ChapterLinks /> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </nav>
                <main class="editor" id="editor">
                    {move || match store.view.get() {
                        View::Organisation => view! { <OrganisationEditor /> }.into_any(),
                        View::Narrative => view! {
                            <section class="editor-part"><h2>"Berättelse"</h2><SectionList part=Part::Chapter /></section>
                        }.into_any(),
                        View::Management => view! { <ManagementEditor /> }.into_any(),
                        View::Income => view! { <StatementEditor balance=false /> }.into_any(),
                        View::Balance => view! { <StatementEditor balance=true /> }.into_any(),
                        View::Notes => view! { <NotesEditor /> }.into_any(),
                        View::Signatures => view! { <SignaturesEditor /> }.into_any(),
                        View::Accounts => view! { <AccountsView /> }.into_any(),
                        View::Checks => view! { <ChecksPanel /> }.into_any(),
                        View::Review => view! { <ReviewView /> }.into_any(),
                    }}
                </main>
                <aside class="preview" aria-label="Förhandsvisning av utskriften">
                    <div id="rapport-start"></div>
                    <div class="preview-body" inner_html=move || preview.get()></div>
                </aside>
            </div>
            {move || review.offer.get().map(|offer| view! {
                <div class="backdrop"><CompareOffer offer=offer /></div>
            })}
            {move || sie.pending.get().map(|file| view! {
                <div class="backdrop"><SieImportDialog file=file /></div>
            })}
            {move || match dialog.get() {
                Dialog::None => ().into_any(),
                Dialog::Reports => view! {
                    <div class="backdrop"><ReportList on_close=Callback::new(move |()| dialog.set(Dialog::None)) /></div>
                }.into_any(),
                Dialog::New => view! {
                    <div class="backdrop"><NewReport on_close=Callback::new(move |()| dialog.set(Dialog::None)) /></div>
                }.into_any(),
            }}
        </div>
    }
}

/// The narrative's chapters under "Berättelse" in the sidebar: a click opens the chapter.
#[component]
fn ChapterLinks() -> impl IntoView {
    let store = expect_context::<Store>();
    let chapters = Memo::new(move |_| {
        store.report.with(|r| {
            r.narrative
                .iter()
                .filter(|s| s.part == Part::Chapter && s.level == 1)
                .map(|s| (s.id.clone(), s.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <ul class="chapters">
            <For each=move || chapters.get() key=|c| c.clone() let:chapter>
                {
                    let (id, title) = chapter;
                    view! {
                        <li>
                            <button type="button" class="chapter-link" on:click=move |_| {
                                store.view.set(View::Narrative);
                                crate::components::narrative::focus_later(format!("sec-title-{id}"));
                            }>{title}</button>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}

/// The preview's HTML, rendered by the engine. The first render runs in the first animation
/// frame, apart from mounting the editor (two shorter tasks, not one long one) but before the
/// first paint, so the page appears whole; after an edit the preview is
/// rendered in the next animation frame — still before the frame is painted — so the edited cell
/// and its totals update first and a burst of keystrokes renders once.
fn live_preview(store: Store) -> ReadSignal<String> {
    let render_now = move || {
        store
            .report
            .with(|r| store.computed.with(|c| render::preview_body(r, c)))
    };
    let (html, set_html) = signal(String::new());
    let scheduled = StoredValue::new(true);
    request_animation_frame(move || {
        scheduled.set_value(false);
        set_html.set(render_now());
    });
    Effect::new(move |previous: Option<()>| {
        store.report.track();
        if previous.is_none() || scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        request_animation_frame(move || {
            scheduled.set_value(false);
            set_html.set(render_now());
        });
    });
    html
}

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

/// The element an event came from, as the type it is.
fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target().expect("an event has a target").unchecked_into()
}
