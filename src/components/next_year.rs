//! "Nästa år": a dialog that says what the button will do (next year's report as a new one,
//! this year's amounts as the comparison year, texts kept) and asks before doing it.

use kassoren_engine::edit;
use kassoren_engine::edit::following_year;
use kassoren_engine::model::MAX_YEARS;
use leptos::prelude::*;

use crate::store::Store;

#[component]
pub fn NextYearDialog(on_close: Callback<()>) -> impl IntoView {
    let store = expect_context::<Store>();
    let (this_year, next_year, dropped) = store.report.with_untracked(|r| {
        let first = r.years.first();
        (
            first.map(|y| y.label()).unwrap_or_default(),
            first.map(|y| following_year(y).label()).unwrap_or_default(),
            (r.years.len() >= MAX_YEARS)
                .then(|| r.years.last().map(|y| y.label()))
                .flatten(),
        )
    });
    let create = move |_| {
        let next = store.report.with(edit::next_year);
        if store.add_new(next, None) {
            store.notify_about_report(
                "Nästa års årsredovisning har skapats: årets belopp är nu jämförelseår, texterna finns kvar.",
            );
        }
        on_close.run(());
    };
    view! {
        <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="next-year-title" aria-describedby="next-year-what">
            <h2 id="next-year-title">"Nästa års årsredovisning"</h2>
            <div id="next-year-what">
                <p>
                    "Kassören skapar en ny årsredovisning för räkenskapsåret "
                    <bdi>{next_year.clone()}</bdi>
                    " och öppnar den. Den här årsredovisningen ("
                    <bdi>{this_year.clone()}</bdi>
                    ") ändras inte och finns kvar under \"Mina rapporter\"."
                </p>
                <ul>
                    <li>"Årets belopp (" <bdi>{this_year}</bdi> ") blir jämförelseår; beloppen för " <bdi>{next_year}</bdi> " är tomma tills du fyller i dem."</li>
                    <li>"Berättelsen, noterna, radernas namn och styrelsen följer med och kan ändras."</li>
                    <li>"Resultatdispositionens belopp och underskrifternas datum töms."</li>
                    {dropped.map(|y| view! { <li>"Det äldsta året (" <bdi>{y}</bdi> ") tas bort, eftersom en årsredovisning har högst " {MAX_YEARS} " år."</li> })}
                </ul>
            </div>
            <div class="dialog-actions">
                <button type="button" class="primary" data-autofocus on:click=create>"Skapa nästa års årsredovisning"</button>
                <button type="button" on:click=move |_| on_close.run(())>"Avbryt"</button>
            </div>
        </div>
    }
}
