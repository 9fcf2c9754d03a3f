//! Changing a statement's structure in the editor, within the rules the engine keeps
//! ([`edit::can_move`] and friends): each line's "⋯" menu moves it, puts it under a heading of
//! the treasurer's own or takes it out, removes a line the treasurer added, sets the BAS
//! accounts the SIE import puts on it; a heading's menu adds a line or a heading under it.

use kassoren_engine::edit::{self, Move};
use kassoren_engine::model::LineKind;
use leptos::prelude::*;

use crate::dom;
use crate::ids;
use crate::store::Store;

/// What the menu of a line offers, worked out from the report.
#[derive(Clone, PartialEq)]
struct Offer {
    moves: Vec<Move>,
    removable: bool,
    heading: bool,
    input: bool,
    accounts: String,
}

fn offer(store: Store, line: &str) -> Option<Offer> {
    store.report.with(|r| {
        let l = r.line(line)?;
        Some(Offer {
            moves: [Move::Up, Move::Down, Move::In, Move::Out]
                .into_iter()
                .filter(|m| edit::can_move(r, line, *m))
                .collect(),
            removable: edit::is_added(r, line) && edit::parent_of(r, line).is_some(),
            heading: matches!(l.kind, LineKind::Group { .. }),
            input: matches!(l.kind, LineKind::Input { .. }),
            accounts: l.accounts.join(", "),
        })
    })
}

fn move_label(m: Move) -> &'static str {
    match m {
        Move::Up => "Flytta upp",
        Move::Down => "Flytta ner",
        Move::In => "Lägg under rubriken ovanför",
        Move::Out => "Ta ut ur rubriken",
    }
}

/// The "⋯" button of a statement line and the menu it opens.
#[component]
pub fn RowMenu(line: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let open = RwSignal::new(false);
    // What the menu offers is worked out only while it is open: a closed menu costs nothing
    // on a keystroke, whatever the number of lines.
    let key = line.clone();
    let offer = Memo::new(move |_| open.get().then(|| offer(store, &key)).flatten());
    let accounts_error = RwSignal::new(None::<String>);
    let menu_id = format!("meny-{line}");
    let key = line.clone();
    let name = Memo::new(move |_| {
        store
            .report
            .with(|r| r.line(&key).map(|l| l.label.clone()).unwrap_or_default())
    });
    let button_label = move || format!("Ändra raden {}", name.get());
    let menu = {
        let line = line.clone();
        move || {
            let o = offer.get()?;
            let line = line.clone();
            let moves = o
                .moves
                .iter()
                .map(|m| {
                    let (m, line) = (*m, line.clone());
                    view! {
                        <button type="button" on:click=move |_| {
                            store.edit(|r| {
                                edit::move_line(r, &line, m);
                            });
                            open.set(false);
                            dom::focus_later(ids::label(&line));
                        }>{move_label(m)}</button>
                    }
                })
                .collect_view();
            let add = o.heading.then(|| {
                let (l1, l2) = (line.clone(), line.clone());
                view! {
                    <button type="button" on:click=move |_| {
                        let mut added = None;
                        store.edit(|r| added = edit::add_line(r, &l1, None, "Ny rad", &[]));
                        open.set(false);
                        if let Some(id) = added {
                            dom::focus_later(ids::label(&id));
                        }
                    }>"Lägg till en rad under rubriken"</button>
                    <button type="button" on:click=move |_| {
                        let mut added = None;
                        store.edit(|r| added = edit::add_heading(r, &l2, None, "Ny rubrik"));
                        open.set(false);
                        if let Some(id) = added {
                            dom::focus_later(ids::label(&id));
                        }
                    }>"Lägg till en rubrik med summa"</button>
                }
            });
            let remove = o.removable.then(|| {
                let line = line.clone();
                view! {
                    <button type="button" class="danger" on:click=move |_| {
                        open.set(false);
                        store.edit(|r| {
                            edit::remove_line(r, &line);
                        });
                    }>{if o.heading { "Ta bort rubriken (raderna under den blir kvar)" } else { "Ta bort raden" }}</button>
                }
            });
            let accounts = o.input.then(|| {
                let line = line.clone();
                let field = format!("konton-{line}");
                let field_for = field.clone();
                let error_id = format!("konton-{line}-fel");
                let described = error_id.clone();
                view! {
                    <label class="field" for=field_for>
                        <span class="field-label">"BAS-konton för SIE-importen"</span>
                        <input type="text" id=field inputmode="numeric" placeholder="t.ex. 3000-3099, 3120"
                            prop:value=o.accounts.clone()
                            aria-invalid=move || if accounts_error.with(Option::is_some) { "true" } else { "false" }
                            aria-describedby=move || accounts_error.with(Option::is_some).then(|| described.clone())
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                let mut result = Ok(());
                                store.edit(|r| result = edit::set_line_accounts(r, &line, &text));
                                accounts_error.set(result.err());
                            }
                        />
                        {move || accounts_error.get().map(|e| view! {
                            <span class="cell-error" id=error_id.clone() role="alert">{e}</span>
                        })}
                    </label>
                }
            });
            let nothing = o.moves.is_empty() && !o.removable && !o.heading && !o.input;
            Some(view! {
                <div class="row-menu-actions">
                    {moves}
                    {add}
                    {remove}
                    {accounts}
                    {nothing.then(|| view! {
                        <p class="hint">"Raden är föreskriven och står på sin plats."</p>
                    })}
                </div>
            })
        }
    };
    let controls = menu_id.clone();
    view! {
        <span class="row-menu">
            <button type="button" class="icon-button" title=button_label
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=controls
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span aria-hidden="true">"⋯"</span>
                <span class="visually-hidden">{button_label}</span>
            </button>
            <div class="row-menu-popup" id=menu_id role="group" aria-label=button_label hidden=move || !open.get()
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        open.set(false);
                    }
                }
            >
                {move || open.get().then(menu.clone())}
            </div>
        </span>
    }
}
