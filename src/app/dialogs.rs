//! The dialogs over the editor: a copy of a kept report to compare, a SIE file to import, the
//! kept reports, a new report, and printing a report that has errors.

use leptos::prelude::*;

use super::draft::DraftQuestion;
use super::{Dialog, Shell};
use crate::components::reports::{NewReport, ReportList};
use crate::components::review::{CompareOffer, ReviewState};
use crate::components::sie::{SieImportDialog, SieState};

#[component]
pub fn Dialogs(shell: Shell) -> impl IntoView {
    let review = expect_context::<ReviewState>();
    let sie = expect_context::<SieState>();
    let close = Callback::new(move |()| shell.dialog.set(Dialog::None));
    view! {
        {move || review.offer.get().map(|offer| view! {
            <div class="backdrop"><CompareOffer offer=offer /></div>
        })}
        {move || sie.pending.get().map(|file| view! {
            <div class="backdrop"><SieImportDialog file=file /></div>
        })}
        {move || match shell.dialog.get() {
            Dialog::None => ().into_any(),
            Dialog::Reports => view! {
                <div class="backdrop"><ReportList on_close=close /></div>
            }.into_any(),
            Dialog::New => view! {
                <div class="backdrop"><NewReport on_close=close /></div>
            }.into_any(),
            Dialog::Draft(output) => view! {
                <div class="backdrop"><DraftQuestion output=output on_close=close /></div>
            }.into_any(),
        }}
    }
}
