//! Whether the report prints a kassaflödesanalys: always in a bostadsrättsförening's
//! årsredovisning (the box is ticked and cannot be cleared), and in any other report when the
//! treasurer asks for one. It is computed from the statements, never typed.

use kassoren_engine::compute::cash_flow::requires_cash_flow;
use leptos::prelude::*;

use crate::store::Store;

#[component]
pub fn CashFlowChoice() -> impl IntoView {
    let store = expect_context::<Store>();
    let required = Memo::new(move |_| store.report.with(requires_cash_flow));
    let asked = Memo::new(move |_| store.report.with(|r| r.settings.cash_flow));
    view! {
        <div class="cash-flow-choice">
            <label class="check-field" class:disabled=move || required.get() for="settings-cash-flow">
                <input
                    type="checkbox"
                    id="settings-cash-flow"
                    prop:checked=move || required.get() || asked.get()
                    disabled=move || required.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        store.edit(|r| r.settings.cash_flow = on);
                    }
                />
                " Skriv ut en kassaflödesanalys"
            </label>
            <p class="hint">
                {move || if required.get() {
                    "En bostadsrättsförenings årsredovisning ska alltid ha en kassaflödesanalys (årsredovisningslagen 2 kap. 1 §). Den räknas ut från resultat- och balansräkningen och skrivs ut efter balansräkningen."
                } else {
                    "Räknas ut från resultat- och balansräkningen och skrivs ut efter balansräkningen."
                }}
            </p>
        </div>
    }
}
