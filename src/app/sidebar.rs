//! The parts sidebar: every part of the report, the chapters under "Berättelse", and the counts
//! beside Kontroller (errors, warnings) and Granskning (open comments).

use kassoren_engine::compute::Severity;
use kassoren_engine::model::Part;
use leptos::prelude::*;

use super::{Pane, Shell};
use crate::parts::View;
use crate::store::Store;

#[component]
pub fn Sidebar(shell: Shell) -> impl IntoView {
    let store = expect_context::<Store>();
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
    let document = Memo::new(move |_| store.report.with(|r| r.document));
    view! {
        <nav class="sidebar" aria-label="Dokumentets delar">
            <ul>
                {move || View::listed(document.get()).into_iter().map(|v| view! {
                    <li>
                        <button
                            type="button"
                            class:active=move || store.view.get() == v
                            aria-current=move || (store.view.get() == v).then_some("page")
                            on:click=move |_| {
                                store.view.set(v);
                                shell.pane.set(Pane::Editor);
                            }
                        >
                            {move || v.label(document.get())}
                            {(v == View::Review).then(|| view! {
                                <span class="counts" data-testid="open-comments">
                                    {move || match store.report.with(kassoren_engine::review::comments::open_comments) {
                                        0 => String::new(),
                                        n => format!(" {n} öppna"),
                                    }}
                                </span>
                            })}
                            {(v == View::Checks).then(|| view! {
                                <span class="counts" data-testid="check-counts">
                                    {move || {
                                        let (e, w) = counts.get();
                                        format!(" {e} fel, {w} varn.")
                                    }}
                                </span>
                            })}
                        </button>
                        {(v == View::Narrative).then(|| view! { <ChapterLinks /> })}
                    </li>
                }).collect_view()}
            </ul>
        </nav>
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
                                crate::dom::focus_later(crate::ids::section_title(&id));
                            }>{title}</button>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}
