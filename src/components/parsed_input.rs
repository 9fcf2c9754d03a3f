//! A text field for a value that is typed as text and read by a parser (a date, …): it keeps
//! what was typed, marks text that does not parse and says why, and sends only values that
//! parse. In the style of thaw's `SpinButton` (a `parser` and a `format` callback), and with
//! the same behaviour as the money cell ([`super::inputs::MoneyInput`]).

use leptos::prelude::*;

/// Reads the field's text: `Ok(None)` for an empty field, `Err` with a Swedish reason.
pub type Parse<T> = fn(&str) -> Result<Option<T>, String>;
/// Shows a stored value as text.
pub type Format<T> = fn(&T) -> String;

/// The field. While the text is being typed it is kept as typed; every text that parses is sent
/// (`on_change`); one that does not is kept, and when the field is left it is marked invalid
/// with the reason beside it (an unfinished value is not an error while it is still being
/// typed). Leaving the field with a value that parses shows it formatted; Escape restores the
/// stored value. Partial input never empties the field.
#[component]
pub fn ParsedInput<T>(
    #[prop(into)] id: String,
    /// The accessible name (the visible label, when the field has one outside).
    #[prop(into)]
    label: Signal<String>,
    #[prop(into)] value: Signal<Option<T>>,
    #[prop(into)] on_change: Callback<Option<T>>,
    parse: Parse<T>,
    format: Format<T>,
    #[prop(optional, into)] placeholder: String,
    #[prop(optional, into)] class: String,
    #[prop(default = "text")] inputmode: &'static str,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    // Some while the treasurer is typing (or the text does not parse).
    let draft = RwSignal::new(None::<String>);
    // Why the draft does not parse, and whether that is shown (after leaving the field).
    let error = RwSignal::new(None::<String>);
    let shown_error = RwSignal::new(false);
    let formatted = move || value.get().as_ref().map(format).unwrap_or_default();
    let shown = move || draft.get().unwrap_or_else(formatted);
    let error_id = format!("{id}-fel");
    let described = error_id.clone();
    let marked = move || shown_error.get() && error.with(Option::is_some);
    view! {
        <span class="parsed-cell">
            <input
                type="text"
                inputmode=inputmode
                autocomplete="off"
                spellcheck="false"
                class=class
                id=id
                aria-label=move || label.get()
                placeholder=placeholder
                aria-invalid=move || if marked() { "true" } else { "false" }
                aria-describedby=move || marked().then(|| described.clone())
                prop:value=shown
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    match parse(&text) {
                        Ok(v) => {
                            error.set(None);
                            shown_error.set(false);
                            draft.set(Some(text));
                            on_change.run(v);
                        }
                        Err(e) => {
                            error.set(Some(e));
                            draft.set(Some(text));
                        }
                    }
                }
                // Also fired when the field is removed while focused, after its signals are
                // gone: then there is nothing to do.
                on:blur=move |_| {
                    match error.try_with_untracked(Option::is_none) {
                        Some(true) => {
                            draft.try_set(None);
                        }
                        Some(false) => {
                            shown_error.try_set(true);
                        }
                        None => {}
                    }
                }
                on:keydown=move |ev| {
                    match ev.key().as_str() {
                        "Escape" => {
                            error.set(None);
                            shown_error.set(false);
                            draft.set(None);
                        }
                        "Enter" if error.with_untracked(Option::is_some) => shown_error.set(true),
                        _ => {}
                    }
                }
            />
            {move || {
                marked()
                    .then(|| error.get())
                    .flatten()
                    .map(|e| view! { <span class="cell-error" id=error_id.clone() role="alert">{e}</span> })
            }}
        </span>
    }
}
