//! The budget in the printout: outside an årsredovisning as columns of the resultaträkning
//! (Utfall <år>, Utfall <år−1>, Budget <år>, Avvikelse, Budget <år+1>); in an årsredovisning as
//! a "Budgetuppföljning" after the signatures, never among the statutory statements' columns;
//! a hidden budget changes nothing in the printout, and a mistyped budget never prints as a
//! number.

use kassoren_engine::edit::{self, Entry};
use kassoren_engine::model::*;
use kassoren_engine::render_html;
use kassoren_engine::template::{calendar_year, new_report};
use rust_decimal::Decimal;

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

/// A chess club's report for 2025: fees 48 000 (2024: 45 000), activity costs 26 000 (2024:
/// 24 000); budget 2025: fees 50 000, gifts 12 500 (none received), costs 30 000; budget 2026:
/// fees 55 000, costs 31 000.
fn club(document: DocumentType) -> Report {
    let mut r = new_report(
        LegalForm::IdeellForening,
        "Schackklubben Löparen",
        "",
        calendar_year(2025),
    );
    r.document = document;
    let mut amount = |line: &str, year: usize, v: i64| {
        let place = AmountPlace::Line {
            line: line.into(),
            year,
        };
        assert!(edit::enter_amount(
            &mut r,
            &place,
            Entry::Amount(Some(d(v)))
        ));
    };
    amount("medlemsavgifter", 0, 48_000);
    amount("medlemsavgifter", 1, 45_000);
    amount("verksamhetskostnader", 0, -26_000);
    amount("verksamhetskostnader", 1, -24_000);
    for (line, year, v) in [
        ("medlemsavgifter", BudgetYear::This, 50_000),
        ("gavor_och_bidrag", BudgetYear::This, 12_500),
        ("verksamhetskostnader", BudgetYear::This, -30_000),
        ("medlemsavgifter", BudgetYear::Next, 55_000),
        ("verksamhetskostnader", BudgetYear::Next, -31_000),
    ] {
        assert!(edit::set_budget_amount(&mut r, line, year, Some(d(v))));
    }
    r
}

/// A row's cells as text (tags stripped; the printout's no-break spaces and minus signs as
/// plain ones).
fn row(html: &str, id: &str) -> Vec<String> {
    let start = html
        .find(&format!("<tr id=\"{id}\""))
        .unwrap_or_else(|| panic!("no row {id}"));
    let end = start + html[start..].find("</tr>").unwrap();
    html[start..end]
        .split("<td")
        .skip(1)
        .map(|cell| {
            let mut text = String::new();
            let mut in_tag = true;
            for c in cell.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.replace('\u{a0}', " ").replace('\u{2212}', "-")
        })
        .collect()
}

/// The headings of the first table after `anchor`.
fn headings(html: &str, anchor: &str) -> Vec<String> {
    let start = html.find(&format!("id=\"{anchor}\"")).unwrap();
    let end = start + html[start..].find("</thead>").unwrap();
    html[start..end]
        .split("<th ")
        .skip(1)
        .map(|h| {
            let t = &h[h.find('>').unwrap() + 1..];
            t[..t.find('<').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn a_verksamhetsberattelse_prints_the_budget_beside_the_outcome() {
    let mut r = club(DocumentType::Verksamhetsberattelse);
    edit::show_budget(&mut r, true);
    edit::show_deviation(&mut r, true);
    let html = render_html(&r);
    assert_eq!(
        headings(&html, "resultatrakning"),
        [
            "Belopp i kr",
            "Not",
            "Utfall 2025",
            "Utfall 2024",
            "Budget 2025",
            "Avvikelse",
            "Budget 2026"
        ]
    );
    // Worked out by hand: Avvikelse = utfall − budget.
    assert_eq!(
        row(&html, "line-medlemsavgifter"),
        [
            "Medlemsavgifter",
            "",
            "48 000",
            "45 000",
            "50 000",
            "-2 000",
            "55 000"
        ]
    );
    assert_eq!(
        row(&html, "line-verksamhetskostnader"),
        [
            "Verksamhetskostnader",
            "",
            "-26 000",
            "-24 000",
            "-30 000",
            "4 000",
            "-31 000"
        ]
    );
    // A line with a budget but no outcome is printed (its outcome 0).
    assert_eq!(
        row(&html, "line-gavor_och_bidrag"),
        ["Gåvor och bidrag", "", "0", "0", "12 500", "-12 500", "0"]
    );
    // Sums and the result, computed for the budget like for the outcome: 62 500 − 30 000.
    let result = r.line_by_role(Role::YearResult).unwrap().id.clone();
    let cells = row(&html, &format!("line-{result}"));
    assert_eq!(
        cells[2..],
        ["22 000", "21 000", "32 500", "-10 500", "24 000"]
    );
    // The balansräkning keeps its two years.
    assert_eq!(
        headings(&html, "balansrakning"),
        ["Belopp i kr", "Not", "2025", "2024"]
    );
    assert!(!html.contains("Budgetuppföljning"));
}

#[test]
fn avvikelse_is_printed_only_when_asked_for() {
    let mut r = club(DocumentType::ForenklatArsbokslut);
    edit::show_budget(&mut r, true);
    let html = render_html(&r);
    assert_eq!(
        headings(&html, "resultatrakning")[2..],
        ["Utfall 2025", "Utfall 2024", "Budget 2025", "Budget 2026"]
    );
    // Only the coming year's budget (the fiscal year's emptied): no Avvikelse to print.
    edit::show_deviation(&mut r, true);
    for line in [
        "medlemsavgifter",
        "gavor_och_bidrag",
        "verksamhetskostnader",
    ] {
        edit::set_budget_amount(&mut r, line, BudgetYear::This, None);
    }
    let html = render_html(&r);
    assert_eq!(
        headings(&html, "resultatrakning")[2..],
        ["Utfall 2025", "Utfall 2024", "Budget 2026"]
    );
}

#[test]
fn a_hidden_budget_leaves_the_printout_as_it_was() {
    for document in DocumentType::ALL {
        let with = club(document);
        let mut without = with.clone();
        without.budget = Budget::default();
        assert_eq!(render_html(&with), render_html(&without), "{document:?}");
    }
}

#[test]
fn an_arsredovisning_prints_the_budget_as_a_follow_up_after_the_signatures() {
    let mut r = club(DocumentType::ArsredovisningK2);
    edit::show_budget(&mut r, true);
    edit::show_deviation(&mut r, true);
    let html = render_html(&r);
    // The statutory resultaträkning has its two years only.
    assert_eq!(
        headings(&html, "resultatrakning"),
        ["Belopp i kr", "Not", "2025", "2024"]
    );
    assert_eq!(
        row(&html, "line-medlemsavgifter"),
        ["Medlemsavgifter", "", "48 000", "45 000"]
    );
    // After the signatures, and in Innehåll.
    let signatures = html.find("id=\"underskrifter\"").unwrap();
    // A line with a budget only is not in the statutory resultaträkning.
    assert!(!html[..signatures].contains("<tr id=\"line-gavor_och_bidrag\""));
    let follow_up = html.find("id=\"budgetuppfoljning\"").unwrap();
    assert!(signatures < follow_up);
    assert!(html.contains("href=\"#budgetuppfoljning\""));
    assert!(html.contains("ingår inte i årsredovisningen"));
    assert_eq!(
        headings(&html, "budgetuppfoljning"),
        [
            "Belopp i kr",
            "Not",
            "Utfall 2025",
            "Budget 2025",
            "Avvikelse",
            "Budget 2026"
        ]
    );
    let tail = &html[follow_up..];
    assert_eq!(
        row(tail, "line-medlemsavgifter"),
        [
            "Medlemsavgifter",
            "",
            "48 000",
            "50 000",
            "-2 000",
            "55 000"
        ]
    );
    assert_eq!(
        row(tail, "line-gavor_och_bidrag"),
        ["Gåvor och bidrag", "", "0", "12 500", "-12 500", "0"]
    );
}

/// "5O 000" (a letter O) typed as the fees' Budget 2025.
fn mistype_fees_budget(r: &mut Report) {
    let place = AmountPlace::Budget {
        line: "medlemsavgifter".into(),
        year: BudgetYear::This,
    };
    assert!(edit::enter_amount(
        r,
        &place,
        Entry::Invalid("5O 000".into())
    ));
}

#[test]
fn a_mistyped_budget_is_printed_as_typed_and_marked_never_as_a_number() {
    let mut r = club(DocumentType::Verksamhetsberattelse);
    edit::show_budget(&mut r, true);
    edit::show_deviation(&mut r, true);
    mistype_fees_budget(&mut r);
    let html = render_html(&r);
    let cells = row(&html, "line-medlemsavgifter");
    assert_eq!(cells[4], "⚠ 5O 000");
    // No deviation from a figure that is not one.
    assert_eq!(cells[5], "");
    assert!(!cells.iter().any(|c| c.contains("50 000")), "{cells:?}");
    assert!(html.contains("UTKAST"));
}

#[test]
fn a_column_with_only_a_mistyped_budget_is_printed_marked() {
    let mut r = club(DocumentType::Verksamhetsberattelse);
    for line in [
        "medlemsavgifter",
        "gavor_och_bidrag",
        "verksamhetskostnader",
    ] {
        edit::set_budget_amount(&mut r, line, BudgetYear::This, None);
    }
    edit::show_budget(&mut r, true);
    mistype_fees_budget(&mut r);
    let html = render_html(&r);
    assert_eq!(
        headings(&html, "resultatrakning")[2..],
        ["Utfall 2025", "Utfall 2024", "Budget 2025", "Budget 2026"]
    );
    assert_eq!(row(&html, "line-medlemsavgifter")[4], "⚠ 5O 000");
}
