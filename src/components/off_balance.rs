//! Under the balansräkning: ställda säkerheter and eventualförpliktelser (each "Inga" unless
//! there are any, with today's label or the older "Ställda panter" / "Ansvarsförbindelser") and
//! a free remark, all printed under the balansräkning.

use kassoren_engine::model::{OffBalance, OffBalanceItem, CONTINGENT_LABELS, PLEDGED_LABELS};
use leptos::prelude::*;

use super::inputs::TextArea;
use crate::store::Store;

#[derive(Clone, Copy)]
enum Which {
    Pledged,
    Contingent,
}

fn item(o: &OffBalance, which: Which) -> &OffBalanceItem {
    match which {
        Which::Pledged => &o.pledged,
        Which::Contingent => &o.contingent,
    }
}

fn item_mut(o: &mut OffBalance, which: Which) -> &mut OffBalanceItem {
    match which {
        Which::Pledged => &mut o.pledged,
        Which::Contingent => &mut o.contingent,
    }
}

#[component]
fn ItemFields(which: Which, key: &'static str, labels: [&'static str; 2]) -> impl IntoView {
    let store = expect_context::<Store>();
    let label = move || {
        store
            .report
            .with(|r| item(&r.off_balance, which).label.clone())
    };
    let text = move || {
        store
            .report
            .with(|r| item(&r.off_balance, which).text.clone())
    };
    let (select_id, text_id) = (format!("{key}-label"), crate::ids::off_balance_text(key));
    let (text_for, select_for) = (text_id.clone(), select_id.clone());
    view! {
        <div class="row-fields off-balance-item">
            <label class="field" for=select_for>
                <span class="field-label">"Rubrik"</span>
                <select id=select_id prop:value=label on:change=move |ev| {
                    let v = event_target_value(&ev);
                    store.edit(|r| item_mut(&mut r.off_balance, which).label = v);
                }>
                    {labels.map(|l| view! { <option value=l>{l}</option> })}
                </select>
            </label>
            <label class="field grow" for=text_for>
                <span class="field-label">{move || label()}</span>
                <input type="text" id=text_id prop:value=text on:input=move |ev| {
                    let v = event_target_value(&ev);
                    store.edit(|r| item_mut(&mut r.off_balance, which).text = v);
                } />
            </label>
        </div>
    }
}

/// The editor of what stands under the balansräkning.
#[component]
pub fn OffBalanceEditor() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <fieldset class="off-balance">
            <legend>"Under balansräkningen"</legend>
            <p class="hint">"Skriv \"Inga\" när det inte finns några. En tom ruta skrivs inte ut."</p>
            <ItemFields which=Which::Pledged key="pledged" labels=PLEDGED_LABELS />
            <ItemFields which=Which::Contingent key="contingent" labels=CONTINGENT_LABELS />
            <TextArea
                id="balance-remark"
                label="Kommentar under balansräkningen"
                rows=3
                value=Signal::derive(move || store.report.with(|r| r.off_balance.remark.clone()))
                on_change=move |v: String| store.edit(|r| r.off_balance.remark = v)
            />
        </fieldset>
    }
}
