//! A line's name in a table (a statement line, a detail row, a note row): a one-line text
//! field that wraps a long name over more lines instead of cutting it (a text area that grows
//! with its text; Enter does not add a line break, a name is one line).

use leptos::prelude::*;

#[component]
pub fn LabelText(
    #[prop(into)] id: String,
    /// The field's accessible name ("Radens namn").
    #[prop(into)]
    label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    view! {
        <textarea
            class=format!("cell-text label-text {class}")
            id=id
            rows="1"
            spellcheck="true"
            aria-label=label
            prop:value=move || value.get()
            on:keydown=move |ev| {
                if ev.key() == "Enter" {
                    ev.prevent_default();
                }
            }
            // A pasted line break becomes a space: the name stays one line.
            on:input=move |ev| {
                let text = event_target_value(&ev);
                if text.contains(['\n', '\r']) {
                    on_change.run(text.replace(['\r', '\n'], " "));
                } else {
                    on_change.run(text);
                }
            }
        ></textarea>
    }
}
