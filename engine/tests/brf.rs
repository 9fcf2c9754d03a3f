//! What a bostadsrättsförening's årsredovisning must say beyond the figures (issue 17): a loss
//! needs an explanation of what it means for financing the future commitments (ÅRL 6 kap. 3 a §).

use kassoren_engine::compute::{Location, LOSS_SECTION_TITLE};
use kassoren_engine::model::*;
use kassoren_engine::{compute, edit, template};
use rust_decimal::Decimal;

fn brf_with_result(result: i64) -> Report {
    let mut r = template::new_report(
        LegalForm::Bostadsrattsforening,
        "Brf Lönnen",
        "",
        template::calendar_year(2026),
    );
    assert!(r.set_amount("nettoomsattning", 0, Some(Decimal::from(100_000))));
    assert!(r.set_amount("driftkostnader", 0, Some(Decimal::from(result - 100_000))));
    r
}

fn loss_problems(r: &Report) -> Vec<(String, Location)> {
    compute(r)
        .problems
        .into_iter()
        .filter(|p| p.code.as_str() == "loss_explanation")
        .map(|p| (p.message, p.location))
        .collect()
}

#[test]
fn a_loss_needs_an_explanation_in_the_forvaltningsberattelse() {
    // A surplus needs none.
    assert!(loss_problems(&brf_with_result(20_000)).is_empty());
    assert!(loss_problems(&brf_with_result(0)).is_empty());

    // A loss of 50 000: named with the rule, and the treasurer is sent to the
    // förvaltningsberättelse to write it.
    let mut r = brf_with_result(-50_000);
    let found = loss_problems(&r);
    assert_eq!(found.len(), 1, "{found:?}");
    let (message, place) = &found[0];
    assert!(
        message.starts_with("Årets resultat är en förlust (−50\u{a0}000 kr)."),
        "{message}"
    );
    assert!(
        message.contains("årsredovisningslagen 6 kap. 3 a §"),
        "{message}"
    );
    assert!(
        message.contains(&format!("rubriken \"{LOSS_SECTION_TITLE}\"")),
        "{message}"
    );
    assert_eq!(
        *place,
        Location::Section {
            section: "verksamheten".into()
        }
    );

    // An empty section with that title: still an error, pointing at it.
    let id = edit::add_section(&mut r, None, Part::ManagementReport, LOSS_SECTION_TITLE);
    let found = loss_problems(&r);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].1,
        Location::Section {
            section: id.clone()
        }
    );
    assert!(found[0]
        .0
        .ends_with("Skriv det i avsnittet \"Upplysning vid förlust\"."));

    // Written: settled. Any title speaking of the loss counts.
    edit::section_mut(&mut r, &id).unwrap().body =
        "Förlusten beror på avskrivningarna; kassaflödet är positivt och underhållet finansieras enligt planen.".into();
    assert!(loss_problems(&r).is_empty());
    let mut other = brf_with_result(-50_000);
    let id = edit::add_section(&mut other, None, Part::ManagementReport, "Årets underskott");
    edit::section_mut(&mut other, &id).unwrap().body = "Underskottet …".into();
    assert!(loss_problems(&other).is_empty());
    // A chapter outside the förvaltningsberättelse does not count.
    let mut chapter = brf_with_result(-50_000);
    let id = edit::add_section(&mut chapter, None, Part::Chapter, LOSS_SECTION_TITLE);
    edit::section_mut(&mut chapter, &id).unwrap().body = "Text".into();
    assert_eq!(loss_problems(&chapter).len(), 1);
}

#[test]
fn only_a_bostadsrattsforenings_arsredovisning_is_asked() {
    for form in [LegalForm::Aktiebolag, LegalForm::Samfallighetsforening] {
        let mut r = template::new_report(form, "F", "", template::calendar_year(2025));
        let income = r
            .income_statement
            .all_lines()
            .into_iter()
            .find(|l| l.accounts.first().is_some_and(|a| a.starts_with('3')))
            .map(|l| l.id.clone())
            .unwrap();
        assert!(r.set_amount(&income, 0, Some(Decimal::from(-10_000))));
        assert!(loss_problems(&r).is_empty(), "{form:?}");
    }
}
