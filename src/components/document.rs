//! The document type of the open report: chosen in Organisation och räkenskapsår (what the new
//! type does not print is listed, nothing is removed), and the one-time question for a report
//! whose type came from an older file.

use kassoren_engine::edit;
use kassoren_engine::model::DocumentType;
use leptos::prelude::*;

use super::reports::DocumentChoice;
use crate::ids;
use crate::parts::View;
use crate::store::Store;

/// The type choice, with what the report holds that the type does not print.
#[component]
pub fn DocumentEditor() -> impl IntoView {
    let store = expect_context::<Store>();
    let form = Signal::derive(move || store.report.with(|r| r.organisation.legal_form));
    let chosen = Signal::derive(move || store.report.with(|r| r.document));
    let year_start =
        Signal::derive(move || store.report.with(|r| r.years.first().map(|y| y.start)));
    let not_printed = Memo::new(move |_| store.report.with(edit::not_printed));
    let choose = Callback::new(move |d: DocumentType| {
        store.edit(|r| {
            edit::set_document(r, d);
        });
    });
    view! {
        <div class="document-editor" id=ids::organisation("document") tabindex="-1">
            <DocumentChoice name="org-document" form=form year_start=year_start chosen=chosen on_choose=choose />
            <Show when=move || !not_printed.with(Vec::is_empty)>
                <div class="hint not-printed" data-testid="not-printed">
                    <p>"Finns kvar i rapporten men skrivs inte ut i den här dokumenttypen (kommer tillbaka om du byter tillbaka):"</p>
                    <ul>{move || not_printed.get().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </div>
            </Show>
        </div>
    }
}

/// "Den här rapporten är en årsredovisning enligt K2 — stämmer det?", once, for a report whose
/// type came from a file made before Kassören knew document types.
#[component]
pub fn ConfirmDocument() -> impl IntoView {
    let store = expect_context::<Store>();
    let unconfirmed = Memo::new(move |_| store.report.with(|r| r.document_unconfirmed));
    let label = move || store.report.with(|r| r.document.label());
    view! {
        <Show when=move || unconfirmed.get()>
            <section class="notice confirm-document" role="status" data-testid="confirm-document">
                <span>
                    "Rapporten kommer från en äldre version av Kassören och visas som "
                    <strong>{label}</strong>
                    ". Stämmer det, eller ska den vara ett annat dokument (t.ex. förenklat årsbokslut eller verksamhetsberättelse)?"
                </span>
                <div class="choices">
                    <button type="button" on:click=move |_| store.edit(|r| r.document_unconfirmed = false)>"Ja, det stämmer"</button>
                    <button type="button" on:click=move |_| {
                        store.edit(|r| r.document_unconfirmed = false);
                        store.view.set(View::Organisation);
                    }>"Välj dokumenttyp"</button>
                </div>
            </section>
        </Show>
    }
}
