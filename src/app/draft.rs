//! Printing or downloading a report that still has errors: asked once, before the printout is
//! made ("Rapporten har 5 fel — skriva ut ändå?"). The printout itself carries "UTKAST" on every
//! page while errors are open (the engine's `render`), so an unfinished report is never taken
//! for the adopted one.

use leptos::prelude::*;

use super::{Dialog, Shell};
use crate::files;
use crate::store::Store;

/// What the treasurer asked for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Output {
    /// "Skriv ut": the browser's print dialog, with the preview as the page.
    Print,
    /// "Ladda ner utskrift": the printout as one HTML file.
    Download,
}

/// Prints or downloads at once when the report has no errors; otherwise asks first.
pub fn request(store: Store, shell: Shell, output: Output) {
    if store.computed.with_untracked(|c| c.has_errors()) {
        shell.dialog.set(Dialog::Draft(output));
    } else {
        produce(store, output);
    }
}

fn produce(store: Store, output: Output) {
    match output {
        Output::Print => {
            // After the dialog has left the page, so it is not part of what is printed.
            request_animation_frame(move || {
                let _ = window().print();
            });
        }
        Output::Download => files::save_html(store),
    }
}

/// "Rapporten har 5 fel — skriva ut ändå?"
#[component]
pub fn DraftQuestion(output: Output, on_close: Callback<()>) -> impl IntoView {
    let store = expect_context::<Store>();
    let errors = store.computed.with_untracked(|c| c.errors().count());
    let (question, go) = match output {
        Output::Print => ("skriva ut ändå?", "Skriv ut som utkast"),
        Output::Download => ("ladda ner ändå?", "Ladda ner som utkast"),
    };
    let go_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move || {
        if let Some(button) = go_ref.get() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="dialog draft-question" role="alertdialog" aria-modal="true"
            aria-labelledby="draft-title" aria-describedby="draft-text"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    on_close.run(());
                }
            }
        >
            <h2 id="draft-title">{format!("Rapporten har {errors} fel — {question}")}</h2>
            <p id="draft-text">
                "Utskriften märks med "<strong>"UTKAST"</strong>" på varje sida så länge felen finns kvar. Felen står under Kontroller."
            </p>
            <div class="dialog-actions">
                <button type="button" class="primary" node_ref=go_ref on:click=move |_| {
                    on_close.run(());
                    produce(store, output);
                }>{go}</button>
                <button type="button" on:click=move |_| on_close.run(())>"Avbryt"</button>
            </div>
        </div>
    }
}
