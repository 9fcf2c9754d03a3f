//! Input controls: the money cell, text fields that edit the report as they are typed, and
//! small buttons.

use kassoren_engine::edit::Entry;
use kassoren_engine::money::{format_for_input, parse_swedish};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// A money cell: takes Swedish input (`1 234 567`, `1234567,50`, `−15`), shows the formatted
/// amount when not being edited, and never turns bad input into 0 or into the last valid
/// amount. Each keystroke is sent as an [`Entry`]: an amount (or an empty cell), or text that is
/// not an amount, which the report keeps as typed (`invalid`) while the cell's amount is empty,
/// so the cell is marked and explained again on every visit. Escape restores the last valid
/// amount the cell held when it got focus. `placeholder` shows a computed figure the cell takes
/// while it is empty.
#[component]
pub fn MoneyInput(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<Option<Decimal>>,
    #[prop(into)] on_change: Callback<Entry>,
    /// The text kept for this cell when it holds no valid amount.
    #[prop(optional, into)]
    invalid: Signal<Option<String>>,
    #[prop(optional, into)] placeholder: Signal<String>,
) -> impl IntoView {
    // Some while the treasurer is typing in the cell.
    let draft = RwSignal::new(None::<String>);
    // The last valid amount the cell held when it got focus (or, if it never held one while
    // shown, the text it held), for Escape.
    let at_focus = StoredValue::new(None::<Entry>);
    let text = move || draft.get().or_else(|| invalid.get());
    let error = Memo::new(move |_| text().and_then(|t| parse_swedish(&t).err().map(|e| e.0)));
    let formatted = move || value.get().map(format_for_input).unwrap_or_default();
    let shown = move || text().unwrap_or_else(formatted);
    let error_id = format!("{id}-fel");
    let described = error_id.clone();
    view! {
        <span class="money-cell">
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                class="money"
                id=id
                aria-label=move || label.get()
                placeholder=move || placeholder.get()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                prop:value=shown
                on:focus=move |_| {
                    match invalid.get_untracked() {
                        None => at_focus.set_value(Some(Entry::Amount(value.get_untracked()))),
                        Some(t) => {
                            if at_focus.with_value(Option::is_none) {
                                at_focus.set_value(Some(Entry::Invalid(t)));
                            }
                        }
                    }
                }
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let entry = match parse_swedish(&text) {
                        Ok(v) => Entry::Amount(v),
                        Err(_) => Entry::Invalid(text.clone()),
                    };
                    draft.set(Some(text));
                    on_change.run(entry);
                }
                // Also fired when the cell is removed while focused (another report opened by
                // another tab), after its signals are gone: then there is nothing to reset.
                on:blur=move |_| {
                    draft.try_set(None);
                }
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        draft.set(None);
                        if let Some(held) = at_focus.get_value() {
                            on_change.run(held);
                        }
                    }
                }
            />
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <span class="cell-error" id=error_id.clone() role="alert">
                                {e}
                            </span>
                        }
                    })
            }}
        </span>
    }
}

/// A one-line text field bound to a piece of the report.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional, into)] placeholder: String,
    #[prop(optional)] hide_label: bool,
) -> impl IntoView {
    let for_id = id.clone();
    view! {
        <label class="field" class:visually-hidden-label=hide_label for=for_id>
            <span class="field-label">{label}</span>
            <input
                type="text"
                id=id
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
            />
        </label>
    }
}

/// A text field whose label is only for screen readers (table cells).
#[component]
pub fn CellText(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    view! {
        <input
            type="text"
            class=format!("cell-text {class}")
            id=id
            aria-label=label
            prop:value=move || value.get()
            on:input=move |ev| on_change.run(event_target_value(&ev))
        />
    }
}

/// A Markdown text area.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(default = 8)] rows: u32,
) -> impl IntoView {
    let for_id = id.clone();
    view! {
        <label class="field" for=for_id>
            <span class="field-label">{label}</span>
            <textarea
                id=id
                rows=rows
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
            ></textarea>
        </label>
    }
}

/// A small button showing a symbol (`text`, hidden from screen readers) and named by `label`
/// (read by screen readers, shown as a tooltip).
#[component]
pub fn IconButton(
    #[prop(into)] label: String,
    #[prop(into)] text: String,
    #[prop(into)] on_click: Callback<()>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let tooltip = label.clone();
    view! {
        <button
            type="button"
            class="icon-button"
            title=tooltip
            disabled=move || disabled.get()
            on:click=move |_| on_click.run(())
        >
            <span aria-hidden="true">{text}</span>
            <span class="visually-hidden">{label}</span>
        </button>
    }
}
