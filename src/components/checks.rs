//! The checks panel: the engine's problems with their severity; a click takes the treasurer to
//! the place.

use kassoren_engine::compute::{Location, Severity};
use leptos::prelude::*;

use crate::dom::focus_later;
use crate::ids;
use crate::parts::View;
use crate::store::Store;

/// Where a problem is in the editor: the part to show and the element to focus.
fn target(store: Store, loc: &Location) -> (View, String) {
    match loc {
        Location::Organisation { field } => (View::Organisation, ids::organisation(field)),
        Location::Year { year } => (View::Organisation, ids::year_date(*year, false)),
        Location::Line { line, year } => {
            let (in_income, plain_input) = store.report.with_untracked(|r| {
                let plain = matches!(
                    r.line(line).map(|l| &l.kind),
                    Some(kassoren_engine::model::LineKind::Input { details, .. }) if details.is_empty()
                );
                (r.income_statement.find(line).is_some(), plain)
            });
            let view = if in_income {
                View::Income
            } else {
                View::Balance
            };
            let el = match year {
                Some(y) if plain_input => ids::cell(line, *y),
                _ => ids::label(line),
            };
            (view, el)
        }
        Location::Note { note, row, column } => {
            let el = match (row, column) {
                (Some(r), Some(c)) => ids::note_cell(note, r, c),
                (Some(r), None) => ids::note_row(r),
                _ => ids::note_title(note),
            };
            (View::Notes, el)
        }
        Location::Section { section } => {
            // A verksamhetsberättelse edits the förvaltningsberättelse's sections with its
            // chapters.
            let management = store.report.with_untracked(|r| {
                r.document.has_management_report()
                    && r.narrative.iter().any(|s| {
                        s.id == *section && s.part == kassoren_engine::model::Part::ManagementReport
                    })
            });
            (
                if management {
                    View::Management
                } else {
                    View::Narrative
                },
                ids::section_body(section),
            )
        }
        Location::Equity { line, .. } => (
            View::Management,
            line.as_deref()
                .map(ids::equity_opening)
                .unwrap_or_else(|| ids::EQUITY_TABLE.into()),
        ),
        // The amount to correct: the first proposal row without one, else the first row's.
        Location::Appropriation => (
            View::Management,
            store.report.with_untracked(|r| {
                let items = &r.appropriation.proposal;
                items
                    .iter()
                    .find(|p| p.amount.is_none())
                    .or(items.first())
                    .map(|p| ids::proposal_amount(&p.id))
                    .unwrap_or_else(|| ids::PROPOSAL.into())
            }),
        ),
        Location::Signatures { person: Some(p) } => (View::Signatures, ids::person_name(p)),
        Location::Signatures { person: None } => (View::Signatures, ids::SIGN_PLACE.into()),
        Location::OffBalance { field } => (View::Balance, ids::off_balance_text(field)),
    }
}

pub fn go_to(store: Store, loc: &Location) {
    let (view, el) = target(store, loc);
    store.view.set(view);
    // A place that is not a field (a table's heading) gets the first field after it.
    focus_later(el);
}

#[component]
pub fn ChecksPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <section class="editor-part checks" aria-labelledby="checks-title">
            <h2 id="checks-title">"Kontroller"</h2>
            {move || {
                store.computed.with(|c| {
                    if c.problems.is_empty() {
                        return view! { <p class="all-good">"Inga problem: allt stämmer."</p> }.into_any();
                    }
                    view! {
                        <ul class="problems">
                            {c.problems.iter().map(|p| {
                                let loc = p.location.clone();
                                let target = kassoren_engine::review::comments::check_target(p);
                                let error = p.severity == Severity::Error;
                                view! {
                                    <li class:error=error class:warning=!error data-code=p.code.as_str()>
                                        <button type="button" class="problem" on:click=move |_| go_to(store, &loc)>
                                            <span class="severity">{p.severity.label()}</span>
                                            <span class="message">{p.message.clone()}</span>
                                        </button>
                                        <button type="button" class="comment-on" on:click=move |_| super::review::comment_on(target.clone())>
                                            "Kommentera"
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })
            }}
        </section>
    }
}
