//! Narrative sections: add, rename, reorder, delete; Markdown bodies; computed-figure
//! placeholders inserted from a list.

use kassoren_engine::edit;
use kassoren_engine::model::{Part, Report, Section};
use kassoren_engine::placeholders::FIGURES;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::inputs::{IconButton, TextField};
use crate::dom::focus_later;
use crate::ids;
use crate::store::Store;
use kassoren_engine::model::CommentTarget;

fn section(r: &Report, id: &str) -> Option<Section> {
    r.narrative.iter().find(|s| s.id == id).cloned()
}

/// Every section of one part, in order, each editable.
#[component]
pub fn SectionList(
    part: Part,
    /// The add button's words, when not the part's own.
    #[prop(optional)]
    add: Option<&'static str>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let ids = Memo::new(move |_| {
        store.report.with(|r| {
            r.narrative
                .iter()
                .filter(|s| s.part == part)
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add_label = add.unwrap_or(match part {
        Part::Chapter => "Nytt kapitel",
        Part::ManagementReport => "Nytt avsnitt i förvaltningsberättelsen",
    });
    view! {
        <div class="section-list">
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <SectionEditor id=id />
            </For>
            <button
                type="button"
                class="add"
                on:click=move |_| {
                    let mut new_id = String::new();
                    store.edit(|r| new_id = edit::add_section(r, None, part, "Nytt avsnitt"));
                    focus_later(ids::section_title(&new_id));
                }
            >
                "+ "
                {add_label}
            </button>
        </div>
    }
}

#[component]
fn SectionEditor(id: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let confirm = RwSignal::new(false);
    let get = {
        let id = id.clone();
        move |f: fn(&Section) -> String| {
            let id = id.clone();
            Signal::derive(move || {
                store
                    .report
                    .with(|r| section(r, &id).as_ref().map(f).unwrap_or_default())
            })
        }
    };
    let title = get(|s| s.title.clone());
    let body = get(|s| s.body.clone());
    let sub = {
        let id = id.clone();
        Signal::derive(move || {
            store
                .report
                .with(|r| section(r, &id).is_some_and(|s| s.level == 2))
        })
    };
    let body_id = ids::section_body(&id);
    let insert_into = body_id.clone();
    let body_for = body_id.clone();
    let (t, b, lv, up, down, del, ins) = (
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
    );
    view! {
        <article class="section-editor" class:sub=move || sub.get() data-section=id.clone()>
            <div class="section-head">
                <TextField
                    id=ids::section_title(&id)
                    label="Rubrik"
                    value=title
                    on_change=move |v: String| store.edit(|r| {
                        if let Some(s) = edit::section_mut(r, &t) {
                            s.title = v;
                        }
                    })
                />
                <div class="section-tools" role="group" aria-label="Flytta och ta bort">
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || sub.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                store.edit(|r| {
                                    if let Some(s) = edit::section_mut(r, &lv) {
                                        s.level = if on { 2 } else { 1 };
                                    }
                                });
                            }
                        />
                        "Underavsnitt"
                    </label>
                    <IconButton label="Kommentera avsnittet" text="Kommentera" on_click={
                        let section = up.clone();
                        move |_| super::review::comment_on(CommentTarget::Section { section: section.clone() })
                    } />
                    <IconButton label="Flytta upp" text="↑" on_click=move |_| store.edit(|r| {
                        edit::move_section(r, &up, true);
                    }) />
                    <IconButton label="Flytta ned" text="↓" on_click=move |_| store.edit(|r| {
                        edit::move_section(r, &down, false);
                    }) />
                    <Show
                        when=move || confirm.get()
                        fallback=move || view! {
                            <IconButton label="Ta bort avsnittet" text="Ta bort" on_click=move |_| confirm.set(true) />
                        }
                    >
                        {
                            let del = del.clone();
                            view! {
                                <span class="confirm" role="alert">
                                    "Ta bort avsnittet? "
                                    <button type="button" class="danger" on:click=move |_| store.edit(|r| {
                                        edit::remove_section(r, &del);
                                    })>"Ja, ta bort"</button>
                                    <button type="button" on:click=move |_| confirm.set(false)>"Avbryt"</button>
                                </span>
                            }
                        }
                    </Show>
                </div>
            </div>
            <label class="field" for=body_for>
                <span class="field-label">"Text (Markdown: **fet**, *kursiv*, - punktlista, # rubrik)"</span>
                <textarea
                    id=body_id
                    rows=10
                    prop:value=move || body.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        store.edit(|r| {
                            if let Some(s) = edit::section_mut(r, &b) {
                                s.body = v;
                            }
                        });
                    }
                ></textarea>
            </label>
            <PlaceholderPicker target=insert_into section=ins />
        </article>
    }
}

/// Inserts a `{{placeholder}}` at the cursor of the section's text area.
#[component]
fn PlaceholderPicker(target: String, section: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let select_id = format!("{target}-figur");
    let select_for = select_id.clone();
    view! {
        <label class="field inline" for=select_for>
            <span class="field-label">"Infoga uträknad uppgift"</span>
            <select
                id=select_id
                on:change=move |ev| {
                    let name = event_target_value(&ev);
                    if name.is_empty() {
                        return;
                    }
                    let placeholder = format!("{{{{{name}}}}}");
                    let area = document()
                        .get_element_by_id(&target)
                        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
                    let at = area.as_ref().and_then(|a| a.selection_start().ok().flatten()).map(|u| u as usize);
                    let mut caret = 0;
                    store.edit(|r| {
                        if let Some(s) = edit::section_mut(r, &section) {
                            // The caret is counted in UTF-16 units.
                            let units: Vec<u16> = s.body.encode_utf16().collect();
                            let at = at.unwrap_or(units.len()).min(units.len());
                            let before = String::from_utf16_lossy(&units[..at]);
                            let after = String::from_utf16_lossy(&units[at..]);
                            caret = at + placeholder.encode_utf16().count();
                            s.body = format!("{before}{placeholder}{after}");
                        }
                    });
                    // After the new text is in the text area, put the caret after the placeholder.
                    if let Some(a) = area {
                        request_animation_frame(move || {
                            let _ = a.focus();
                            let _ = a.set_selection_range(caret as u32, caret as u32);
                        });
                    }
                    if let Some(sel) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                        sel.set_value("");
                    }
                }
            >
                <option value="">"Välj…"</option>
                {FIGURES
                    .iter()
                    .map(|f| view! { <option value=f.name>{f.label}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
