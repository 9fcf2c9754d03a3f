//! Files in and out: what happens to a file the treasurer opens or drops (a SIE file goes to the
//! import, a report to the list, a copy of a report kept here to the comparison), and the files
//! the toolbar saves (the report as JSON, the printout as HTML).

use kassoren_engine::{json, render};
use leptos::prelude::*;

use crate::components::review::{self, Offer, ReviewState};
use crate::components::sie::{is_sie_name, open_sie, SieState};
use crate::dom;
use crate::store::Store;

/// Reads a chosen or dropped file and sends it where it belongs. Nothing stored changes when it
/// cannot be read; the treasurer is told why, in Swedish.
pub fn open(store: Store, sie: SieState, review: ReviewState, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let name = file.name();
        match dom::read_bytes(&file)
            .await
            .map_err(|_| "filen kunde inte läsas".to_string())
        {
            Ok(bytes) if is_sie_name(&name) => open_sie(store, sie, &name, &bytes),
            Ok(bytes) => match json::from_bytes(&bytes) {
                // A copy of a report kept here: offer to compare instead of a duplicate.
                Ok(report) => match review::same_document(store, &report) {
                    Some((id, title)) => review.offer.set(Some(Offer {
                        id,
                        title,
                        file: name,
                        theirs: report,
                    })),
                    None => {
                        if store.add(report, None) {
                            store.notify(format!(
                                "\"{name}\" har öppnats som en ny årsredovisning i listan."
                            ));
                        }
                    }
                },
                Err(e) => store.fail(format!(
                    "\"{name}\" kunde inte öppnas. {e} Inget har ändrats."
                )),
            },
            Err(e) => store.fail(format!("\"{name}\": {e}. Inget har ändrats.")),
        }
    });
}

/// "Spara som fil": the report as a new revision by this user, with its change history (see
/// [`review::export`]).
pub fn save_json(store: Store) {
    leptos::task::spawn_local(async move {
        let (name, text) = review::export(store).await;
        if dom::download(&name, "application/json", &text).is_err() {
            store.fail("Filen kunde inte sparas.");
        }
    });
}

/// When saving in the browser fails: the report as it is, not a new revision (which would be
/// one more change to save).
pub fn rescue_json(store: Store) {
    let (name, text) = store
        .report
        .with_untracked(|r| (r.file_name("json"), json::to_json(r)));
    if dom::download(&name, "application/json", &text).is_err() {
        store.fail("Filen kunde inte sparas.");
    }
}

/// "Ladda ner utskrift": the printout as one self-contained HTML file.
pub fn save_html(store: Store) {
    let (name, text) = store.report.with(|r| {
        (
            r.file_name("html"),
            store.computed.with(|c| render::render_document(r, c)),
        )
    });
    if dom::download(&name, "text/html", &text).is_err() {
        store.fail("Utskriften kunde inte laddas ner.");
    }
}
