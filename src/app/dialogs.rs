//! The dialogs over the editor: a copy of a kept report to compare, a SIE file to import, the
//! kept reports, a new report, next year's report and printing a report that has errors. Each
//! sits in a [`Modal`], which takes the focus, keeps it inside and gives it back.

use leptos::prelude::*;

use super::draft::DraftQuestion;
use super::{Dialog, Shell};
use crate::components::modal::Modal;
use crate::components::next_year::NextYearDialog;
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
            <Modal><CompareOffer offer=offer /></Modal>
        })}
        {move || sie.pending.get().map(|file| view! {
            <Modal><SieImportDialog file=file /></Modal>
        })}
        {move || match shell.dialog.get() {
            Dialog::None => ().into_any(),
            Dialog::Reports => view! {
                <Modal on_close=close><ReportList on_close=close /></Modal>
            }.into_any(),
            Dialog::New => view! {
                <Modal on_close=close><NewReport on_close=close /></Modal>
            }.into_any(),
            Dialog::NextYear => view! {
                <Modal on_close=close><NextYearDialog on_close=close /></Modal>
            }.into_any(),
            Dialog::Draft(output) => view! {
                <Modal on_close=close><DraftQuestion output=output on_close=close /></Modal>
            }.into_any(),
        }}
    }
}
