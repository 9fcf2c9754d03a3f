//! Property tests: random balanced reports pass the balance checks and any edit that
//! unbalances them is caught; JSON export → import is the identity; any text in any text field
//! comes out escaped in the HTML.

mod common;

use common::*;
use kassoren_engine::compute::ProblemCode;
use kassoren_engine::model::*;
use kassoren_engine::money::Money;
use kassoren_engine::{compute, json, render_html};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn form() -> impl Strategy<Value = LegalForm> {
    prop::sample::select(LegalForm::ALL.to_vec())
}

fn amount() -> impl Strategy<Value = i64> {
    -5_000_000i64..5_000_000
}

/// Fills every income-statement input and every asset and liability with random amounts,
/// then sets the equity lines so the report balances and rolls forward.
fn random_balanced(form: LegalForm, seeds: &[i64], opening_result: i64) -> Report {
    let mut r = balanced(form, &FIGURES);
    // Random amounts run to millions: an årsredovisning, which has no turnover limit.
    kassoren_engine::edit::set_document(&mut r, DocumentType::ArsredovisningK2);
    // A bostadsrättsförening explains a loss (ÅRL 6 kap. 3 a §): the random result may be one.
    if form == LegalForm::Bostadsrattsforening {
        let id = kassoren_engine::edit::add_section(
            &mut r,
            None,
            Part::ManagementReport,
            kassoren_engine::compute::LOSS_SECTION_TITLE,
        );
        kassoren_engine::edit::section_mut(&mut r, &id)
            .unwrap()
            .body = "Förlusten beror på avskrivningarna.".into();
    }
    let mut next = seeds.iter().cycle().copied();
    let is_inputs: Vec<String> = r
        .income_statement
        .all_lines()
        .into_iter()
        .filter(|l| matches!(l.kind, LineKind::Input { .. }))
        .map(|l| l.id.clone())
        .collect();
    let mut others = liabilities(&r);
    others.extend(inputs_under(&r, Role::UntaxedReserves));
    let equity = equity_ids(&r);
    let retained = role_id(&r, Role::RetainedEarnings);
    let year_result = role_id(&r, Role::YearResultBalance);
    let bound: Vec<String> = equity
        .iter()
        .filter(|id| **id != retained && **id != year_result)
        .cloned()
        .collect();
    let asset_ids = assets(&r);
    for y in [1, 0] {
        for id in is_inputs.iter().chain(&others).chain(&asset_ids[1..]) {
            r.set_amount(id, y, Some(Decimal::from(next.next().unwrap())));
        }
    }
    // Bound equity stays the same in both years (no movements).
    for id in &bound {
        let v = Decimal::from(next.next().unwrap());
        r.set_amount(id, 0, Some(v));
        r.set_amount(id, 1, Some(v));
        r.equity.opening.insert(id.clone(), Money(v));
    }
    let c = compute(&r);
    let result_id = role_id(&r, Role::YearResult);
    let result = |y| c.value(&result_id, y);
    let opening_retained = Decimal::from(next.next().unwrap());
    let retained_1 = opening_retained + Decimal::from(opening_result);
    let retained_0 = retained_1 + result(1);
    r.equity
        .opening
        .insert(retained.clone(), Money(opening_retained));
    r.equity
        .opening
        .insert(year_result.clone(), Money::from(opening_result));
    for (y, ret) in [(0, retained_0), (1, retained_1)] {
        r.set_amount(&retained, y, Some(ret));
        r.set_amount(&year_result, y, Some(result(y)));
    }
    let c = compute(&r);
    for y in 0..2 {
        let liabilities_and_equity: Decimal =
            others.iter().chain(&equity).map(|id| c.value(id, y)).sum();
        let other_assets: Decimal = asset_ids[1..].iter().map(|id| c.value(id, y)).sum();
        r.set_amount(
            &asset_ids[0],
            y,
            Some(liabilities_and_equity - other_assets),
        );
    }
    let at_disposal = compute(&r).appropriation.at_disposal;
    for p in &mut r.appropriation.proposal {
        p.amount = None;
    }
    r.appropriation.proposal.last_mut().unwrap().amount = Some(Money(at_disposal));
    r
}

const BALANCE_CODES: [ProblemCode; 3] = [
    ProblemCode::BalanceSheetUnbalanced,
    ProblemCode::ResultMismatch,
    ProblemCode::EquityRollForward,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_balanced_reports_pass_and_any_unbalancing_edit_is_caught(
        form in form(),
        seeds in prop::collection::vec(amount(), 8..40),
        opening_result in amount(),
        pick in any::<prop::sample::Index>(),
        year in 0usize..2,
        delta in amount().prop_filter("non-zero", |d| *d != 0),
    ) {
        let r = random_balanced(form, &seeds, opening_result);
        let c = compute(&r);
        prop_assert!(c.problems.is_empty(), "{:#?}", c.problems);

        // Change any one input line of either statement by a non-zero amount.
        let inputs: Vec<&Line> = r.all_lines().filter(|l| matches!(l.kind, LineKind::Input { .. })).collect();
        let line = pick.get(&inputs).id.clone();
        let in_income_statement = r.income_statement.find(&line).is_some();
        let mut edited = r.clone();
        let old = c.value(&line, year);
        edited.set_amount(&line, year, Some(old + Decimal::from(delta)));
        let codes: Vec<ProblemCode> = compute(&edited).problems.iter().map(|p| p.code).collect();
        if in_income_statement {
            prop_assert!(codes.contains(&ProblemCode::ResultMismatch), "{line}: {codes:?}");
        } else {
            prop_assert!(codes.contains(&ProblemCode::BalanceSheetUnbalanced), "{line}: {codes:?}");
        }
        prop_assert!(codes.iter().all(|c| BALANCE_CODES.contains(c) || *c == ProblemCode::AppropriationMismatch), "{codes:?}");
    }
}

/// Any text, including markup, quotes, ampersands and control characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        Just("<script>alert(1)</script>".to_string()),
        Just("</title><script>x</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("\"'><x-evil a=b>&amp;".to_string()),
    ]
}

/// Sets every user text field of the report with texts from `next`.
fn fill_texts(r: &mut Report, mut next: impl FnMut() -> String) {
    r.organisation.name = next();
    r.organisation.org_nr = next();
    r.organisation.seat = next();
    for s in &mut r.narrative {
        s.title = next();
        s.body = next();
    }
    for st in [&mut r.income_statement, &mut r.balance_sheet] {
        for top in &mut st.lines {
            top.walk_mut(&mut |l| {
                l.label = next();
                if let LineKind::Group {
                    sum_label: Some(s), ..
                } = &mut l.kind
                {
                    *s = next();
                }
            });
        }
    }
    for p in &mut r.appropriation.proposal {
        p.label = next();
    }
    r.appropriation.comment = next();
    for n in &mut r.notes {
        n.title = next();
        n.text = next();
    }
    r.notes.push(Note {
        id: "prop_note".into(),
        title: next(),
        text: next(),
        table: Some(NoteTable {
            columns: vec![NoteColumn {
                id: "pc".into(),
                header: next(),
                year: None,
            }],
            rows: vec![
                NoteRow {
                    id: "pr".into(),
                    label: next(),
                    kind: RowKind::Item,
                    cells: vec![Some(Cell::Text(next()))],
                },
                NoteRow {
                    id: "ph".into(),
                    label: next(),
                    kind: RowKind::Heading,
                    cells: vec![],
                },
                NoteRow {
                    id: "ps".into(),
                    label: next(),
                    kind: RowKind::Sum,
                    cells: vec![],
                },
            ],
            tie: None,
            sign: NoteSign::AsStatement,
        }),
    });
    r.equity.movements.push(EquityMovement {
        id: "pm".into(),
        label: next(),
        amounts: Default::default(),
    });
    r.signatures.place = next();
    for p in r.signatures.signatories.iter_mut() {
        p.name = next();
        p.role = next();
    }
    r.signatures.auditors.push(Person {
        id: "pa".into(),
        name: next(),
        role: next(),
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn json_export_then_import_is_the_identity(
        form in form(),
        texts in prop::collection::vec(text(), 1..20),
        amounts in prop::collection::vec((-99_999_999_999i64..99_999_999_999, 0u32..=4), 1..30),
        unit_tkr in any::<bool>(),
    ) {
        let mut r = balanced(form, &FIGURES);
        let mut t = texts.iter().cycle();
        fill_texts(&mut r, || t.next().unwrap().clone());
        let inputs: Vec<String> = r.all_lines().filter(|l| matches!(l.kind, LineKind::Input { .. })).map(|l| l.id.clone()).collect();
        for (i, (mantissa, scale)) in amounts.iter().enumerate() {
            r.set_amount(&inputs[i % inputs.len()], i % 2, Some(Decimal::new(*mantissa, *scale)));
        }
        if unit_tkr {
            r.settings.unit = kassoren_engine::money::Unit::Tkr;
        }
        let text = json::to_json(&r);
        let back = json::from_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &r);
        prop_assert_eq!(json::to_json(&back), text);
    }

    #[test]
    fn any_text_in_any_field_is_escaped_in_the_html(
        form in form(),
        texts in prop::collection::vec(text(), 1..30),
    ) {
        let mut r = balanced(form, &FIGURES);
        let marked: Vec<String> = texts.iter().map(|t| format!("{t}<x-evil>")).collect();
        let mut t = marked.iter().cycle();
        fill_texts(&mut r, || t.next().unwrap().clone());
        let html = render_html(&r);
        // Tags in any case, as a browser reads them (a test: the Unicode tables cost nothing here).
        #[allow(clippy::disallowed_methods)]
        let lower = html.to_lowercase();
        prop_assert!(!lower.contains("<x-evil"), "unescaped markup in the HTML");
        prop_assert!(!lower.contains("<script"), "a script element in the HTML");
        prop_assert!(!lower.contains("<img"), "an img element in the HTML");
        prop_assert!(lower.contains("&lt;x-evil&gt;"));
    }
}
