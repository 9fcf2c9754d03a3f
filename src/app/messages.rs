//! The messages: a new version waiting, the latest notice, a failed save with its rescue
//! download, and a tab that has stopped writing because of another tab (its choice between the
//! two versions, [`crate::tabs::Hold`]) float over the editor (they never move the page) and stay until dismissed or
//! resolved; the example's banner sits under the toolbar. A notice about a report goes when
//! that report is no longer the open one (deleted, or another one opened).

use leptos::prelude::*;

use super::{Dialog, Shell};
use crate::components::document::ConfirmDocument;
use crate::files;
use crate::store::{SaveStatus, Store};
use crate::tabs::Hold;

#[component]
pub fn Messages(shell: Shell) -> impl IntoView {
    let store = expect_context::<Store>();
    let is_example = Memo::new(move |_| store.report.with(|r| r.settings.example));
    Effect::new(move |_| {
        let current = store.current.get();
        let other = store.notice.with_untracked(|n| {
            n.as_ref()
                .and_then(|n| n.report.as_ref())
                .is_some_and(|r| *r != current)
        });
        if other {
            store.notice.set(None);
        }
    });
    view! {
        <section class="messages" aria-label="Meddelanden">
            <crate::pwa::UpdateBanner />
            {move || store.notice.get().map(|n| view! {
                <div class="notice" class:error=n.error role=if n.error { "alert" } else { "status" }>
                    <span>{n.text}</span>
                    <button type="button" on:click=move |_| store.notice.set(None)>"Stäng"</button>
                </div>
            })}
            {move || store.held.get().map(|hold| {
                let conflict = matches!(hold, Hold::Conflict { .. });
                view! {
                    <div class="notice error held" role="alert">
                        <span>{hold.message()}</span>
                        <div class="choices">
                            <Show when=move || conflict>
                                <button type="button" on:click=move |_| store.keep_mine()>"Behåll den här flikens version"</button>
                                <button type="button" on:click=move |_| store.show_theirs()>"Visa den andra flikens version"</button>
                            </Show>
                            <button type="button" on:click=move |_| files::rescue_json(store)>"Ladda ner som fil"</button>
                        </div>
                    </div>
                }
            })}
            {move || match store.status.get() {
                SaveStatus::Failed(_) if store.held.with(Option::is_some) => None,
                SaveStatus::Failed(why) => Some(view! {
                    <div class="notice error save-failed" role="alert">
                        <span>
                            "Ändringarna kunde inte sparas i webbläsaren (" {why} "). Du kan arbeta vidare; Kassören försöker igen av sig själv. Ladda ner årsredovisningen som fil så att inget går förlorat."
                        </span>
                        <button type="button" on:click=move |_| files::rescue_json(store)>"Ladda ner som fil"</button>
                    </div>
                }),
                _ => None,
            }}
        </section>
        <ConfirmDocument />
        <Show when=move || is_example.get()>
            <section class="example-banner" aria-label="Om exemplet">
                "Det här är ett exempel. Ändra gärna i det, eller börja med "
                <button type="button" class="link" on:click=move |_| shell.dialog.set(Dialog::New)>"Ny rapport"</button>
                "."
            </section>
        </Show>
    }
}
