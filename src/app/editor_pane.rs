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

#[component]
pub fn EditorPane() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <main class="editor" id="editor" tabindex="-1">
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
    }
}
