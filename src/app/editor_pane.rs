//! The editor pane: the part chosen in the sidebar.

use kassoren_engine::model::Part;
use leptos::prelude::*;

use crate::components::checks::ChecksPanel;
use crate::components::management::ManagementEditor;
use crate::components::narrative::SectionList;
use crate::components::notes::NotesEditor;
use crate::components::organisation::{OrganisationEditor, SignaturesEditor};
use crate::components::review::ReviewView;
use crate::components::sie::AccountsView;
use crate::components::statement::StatementEditor;
use crate::parts::View;
use crate::store::Store;

/// The berättelse's chapters; in a verksamhetsberättelse, whose printout has the
/// förvaltningsberättelse's sections among them, those sections after the chapters.
#[component]
fn NarrativeEditor() -> impl IntoView {
    let store = expect_context::<Store>();
    let document = Memo::new(move |_| store.report.with(|r| r.document));
    let management_sections = Memo::new(move |_| {
        store.report.with(|r| {
            r.document.narrates_management_sections()
                && r.narrative.iter().any(|s| s.part == Part::ManagementReport)
        })
    });
    view! {
        <section class="editor-part">
            <h2>{move || View::Narrative.label(document.get())}</h2>
            <SectionList part=Part::Chapter />
            {move || management_sections.get().then(|| view! {
                <SectionList part=Part::ManagementReport add="Nytt avsnitt sist" />
            })}
        </section>
    }
}

#[component]
pub fn EditorPane() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <main class="editor" id="editor" tabindex="-1">
            {move || match store.view.get() {
                View::Organisation => view! { <OrganisationEditor /> }.into_any(),
                View::Narrative => view! { <NarrativeEditor /> }.into_any(),
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
    }
}
