//! The date field: typed and shown as `ÅÅÅÅ-MM-DD` whatever the browser's language (a text
//! field read by the engine's [`date::parse_input`], not the browser's own date control, which
//! follows the browser's locale), with the money cell's keep-what-was-typed, mark-and-explain
//! behaviour ([`ParsedInput`]).

use kassoren_engine::date::{self, Date};
use leptos::prelude::*;

use super::parsed_input::ParsedInput;

fn format(d: &Date) -> String {
    d.to_string()
}

/// A required date: an empty field is an error, not "no date".
fn parse_required(text: &str) -> Result<Option<Date>, String> {
    match date::parse_input(text)? {
        None => Err("ange ett datum (ÅÅÅÅ-MM-DD)".into()),
        some => Ok(some),
    }
}

/// A labelled date field. `required`: the value cannot be emptied (a fiscal year's first and
/// last day); otherwise emptying the field sends `None`.
#[component]
pub fn DateInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<Option<Date>>,
    #[prop(into)] on_change: Callback<Option<Date>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let for_id = id.clone();
    let name = label.clone();
    view! {
        <label class="field date-field" class:inline=inline for=for_id>
            <span class="field-label">{label}</span>
            <ParsedInput
                id=id
                label=Signal::derive(move || format!("{name} (ÅÅÅÅ-MM-DD)"))
                value=value
                on_change=on_change
                parse=if required { parse_required } else { date::parse_input }
                format=format
                placeholder="ÅÅÅÅ-MM-DD"
                class="date"
                inputmode="numeric"
            />
        </label>
    }
}
