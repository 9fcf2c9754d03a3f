//! Every check, one test each: a balanced report has no problems, and each kind of mistake is
//! reported with its code, severity, a Swedish message and the place to go to.

mod common;

use common::*;
use kassoren_engine::compute;
use kassoren_engine::compute::{Location, ProblemCode, Severity};
use kassoren_engine::date::Date;
use kassoren_engine::model::*;
use kassoren_engine::money::{Money, Unit};
use rust_decimal::Decimal;

fn problem(r: &Report, code: ProblemCode) -> kassoren_engine::Problem {
    let c = compute(r);
    c.problems
        .iter()
        .find(|p| p.code == code)
        .cloned()
        .unwrap_or_else(|| panic!("expected {code:?}, got {:#?}", c.problems))
}

fn base() -> Report {
    balanced(LegalForm::IdeellForening, &FIGURES)
}

#[test]
fn balanced_reports_of_every_form_have_no_problems() {
    for form in LegalForm::ALL {
        let r = balanced(form, &FIGURES);
        let c = compute(&r);
        assert!(c.problems.is_empty(), "{form:?}: {:#?}", c.problems);
        let ta = role_id(&r, Role::TotalAssets);
        assert_eq!(c.value(&ta, 0), d(600 + 300 + 200));
        assert_eq!(c.value(&role_id(&r, Role::YearResult), 1), d(100));
    }
}

#[test]
fn unbalanced_balance_sheet() {
    let mut r = base();
    let asset = assets(&r)[0].clone();
    r.set_amount(&asset, 1, Some(d(751)));
    let p = problem(&r, ProblemCode::BalanceSheetUnbalanced);
    assert_eq!(p.severity, Severity::Error);
    assert!(p.message.contains("balanserar inte 2024"), "{}", p.message);
    assert!(p.message.contains("skillnad 1\u{a0}kr"), "{}", p.message);
    assert!(matches!(p.location, Location::Line { year: Some(1), .. }));
}

#[test]
fn result_differs_between_statements() {
    let mut r = base();
    let cost = inputs_under(&r, Role::TotalCosts)[0].clone();
    r.set_amount(&cost, 0, Some(d(-701)));
    let p = problem(&r, ProblemCode::ResultMismatch);
    assert!(
        p.message
            .contains("299\u{a0}kr i resultaträkningen men 300\u{a0}kr"),
        "{}",
        p.message
    );
    assert_eq!(
        p.location,
        Location::Line {
            line: role_id(&r, Role::YearResultBalance),
            year: Some(0)
        }
    );
}

#[test]
fn equity_does_not_roll_forward() {
    let mut r = base();
    // Move 50 from balanserat to the liability in the fiscal year: still balanced, but
    // balanserat no longer equals last year's balanserat plus last year's result.
    let retained = role_id(&r, Role::RetainedEarnings);
    let liability = liabilities(&r)[0].clone();
    r.set_amount(&retained, 0, Some(d(600 - 50)));
    r.set_amount(&liability, 0, Some(d(200 + 50)));
    let c = compute(&r);
    assert!(!c
        .problems
        .iter()
        .any(|p| p.code == ProblemCode::BalanceSheetUnbalanced));
    let p = problem(&r, ProblemCode::EquityRollForward);
    assert_eq!(
        p.location,
        Location::Equity {
            line: Some(retained.clone()),
            year: 0
        }
    );
    assert!(
        p.message.contains("600\u{a0}kr vid årets utgång"),
        "{}",
        p.message
    );
    // A recorded movement explains it.
    r.equity.movements.push(EquityMovement {
        id: "m1".into(),
        label: "Omföring".into(),
        amounts: [(retained, vec![Some(Money::from(-50)), None])]
            .into_iter()
            .collect(),
    });
    let codes = codes(&r);
    assert!(!codes.contains(&"equity_roll_forward"), "{codes:?}");
}

#[test]
fn equity_table_rows() {
    let r = base();
    let c = compute(&r);
    let y0 = &c.equity[0];
    let kinds: Vec<_> = y0.rows.iter().map(|row| row.kind).collect();
    use kassoren_engine::compute::EquityRowKind::*;
    assert_eq!(kinds, vec![Opening, Disposition, YearResult, Closing]);
    assert_eq!(y0.rows[0].total, d(500 + 100));
    assert_eq!(y0.closing().total, d(600 + 300));
    // The earliest year uses the given opening balances.
    assert_eq!(c.equity[1].rows[0].total, d(400 + 100));
    assert_eq!(c.equity.len(), 2);
}

fn tied_note(r: &mut Report, line: &str, year0: i64, year1: i64) {
    r.notes.push(Note {
        id: "n_tied".into(),
        title: "Intäkter".into(),
        text: String::new(),
        table: Some(NoteTable {
            columns: vec![
                NoteColumn {
                    id: "c0".into(),
                    header: String::new(),
                    year: Some(0),
                },
                NoteColumn {
                    id: "c1".into(),
                    header: String::new(),
                    year: Some(1),
                },
                NoteColumn {
                    id: "c2".into(),
                    header: "2023".into(),
                    year: None,
                },
            ],
            rows: vec![
                NoteRow {
                    id: "r1".into(),
                    label: "Medlemsavgifter".into(),
                    kind: RowKind::Item,
                    cells: vec![
                        Some(Cell::Amount(Money::from(year0 - 100))),
                        Some(Cell::Amount(Money::from(year1))),
                        Some(Cell::Amount(Money::from(5))),
                    ],
                },
                NoteRow {
                    id: "r2".into(),
                    label: "Bidrag".into(),
                    kind: RowKind::Item,
                    cells: vec![
                        Some(Cell::Amount(Money::from(100))),
                        Some(Cell::Text("–".into())),
                        None,
                    ],
                },
                NoteRow {
                    id: "rs".into(),
                    label: "Summa".into(),
                    kind: RowKind::Sum,
                    cells: vec![],
                },
            ],
            tie: Some(line.to_string()),
            sign: NoteSign::AsStatement,
        }),
    });
    if let Some(l) = r.line_mut(line) {
        l.note = Some("n_tied".into());
    }
}

#[test]
fn note_table_ties_to_its_line() {
    let mut r = base();
    let income = role_id(&r, Role::TotalIncome);
    tied_note(&mut r, &income, 1000, 900);
    assert!(codes(&r).is_empty(), "{:?}", codes(&r));
    let c = compute(&r);
    assert_eq!(
        c.note_tables["n_tied"][2],
        vec![Some(d(1000)), Some(d(900)), Some(d(5))]
    );
    let mut r = base();
    tied_note(&mut r, &income, 1000, 899);
    let p = problem(&r, ProblemCode::NoteTieOut);
    assert_eq!(
        p.location,
        Location::Note {
            note: "n_tied".into(),
            row: Some("rs".into()),
            column: Some("c1".into())
        }
    );
    assert!(p.message.contains("899\u{a0}kr för 2024"), "{}", p.message);
    assert!(p.message.contains("skillnad 1\u{a0}kr"), "{}", p.message);
}

#[test]
fn notes_are_numbered_in_statement_order() {
    let mut r = base();
    let principles = r.notes[0].id.clone();
    let asset = assets(&r)[0].clone();
    let income = inputs_under(&r, Role::TotalIncome)[0].clone();
    for (id, line) in [("n_bal", &asset), ("n_inc", &income)] {
        r.notes.push(Note {
            id: id.into(),
            title: id.into(),
            text: String::new(),
            table: None,
        });
        r.line_mut(line).unwrap().note = Some(id.into());
    }
    r.notes.push(Note {
        id: "n_free".into(),
        title: "Övrigt".into(),
        text: String::new(),
        table: None,
    });
    let c = compute(&r);
    assert_eq!(
        c.note_order,
        vec![principles, "n_inc".into(), "n_bal".into(), "n_free".into()]
    );
    assert_eq!(c.note_number("n_inc"), Some(2));
    // A reference to a note that does not exist is an error.
    r.line_mut(&asset).unwrap().note = Some("borta".into());
    assert!(codes(&r).contains(&"unknown_note"));
}

#[test]
fn appropriation_must_add_up() {
    let mut r = base();
    r.appropriation.proposal.last_mut().unwrap().amount = Some(Money::from(899));
    let p = problem(&r, ProblemCode::AppropriationMismatch);
    assert!(p.message.contains("900\u{a0}kr"), "{}", p.message);
    assert_eq!(p.location, Location::Appropriation);
    // With no amount typed, "balanseras i ny räkning" takes what is at the meeting's disposal.
    r.appropriation
        .proposal
        .iter_mut()
        .for_each(|p| p.amount = None);
    let c = compute(&r);
    assert!(!c
        .problems
        .iter()
        .any(|p| p.code == ProblemCode::AppropriationMismatch));
    let last = r.appropriation.proposal.last().unwrap();
    assert!(last.remainder);
    let figure = c.appropriation.item(&last.id).unwrap();
    assert_eq!((figure.amount, figure.computed), (Some(d(900)), true));
    assert_eq!(c.appropriation.proposed, d(900));
    // Without a remainder row, an empty proposal is an error.
    r.appropriation
        .proposal
        .iter_mut()
        .for_each(|p| p.remainder = false);
    assert!(problem(&r, ProblemCode::AppropriationMismatch)
        .message
        .contains("saknar belopp"));
    let c = compute(&base());
    assert_eq!(c.appropriation.at_disposal, d(900));
    assert_eq!(c.appropriation.parts.len(), 2);
}

#[test]
fn the_remainder_row_takes_what_the_other_rows_leave() {
    let mut r = base();
    let fund = kassoren_engine::edit::add_proposal_item(&mut r, "avsätts till fond");
    // Put the new row first, so the remainder row is not last.
    let item = r.appropriation.proposal.pop().unwrap();
    r.appropriation.proposal.insert(0, item);
    for p in r.appropriation.proposal.iter_mut() {
        p.amount = (p.id == fund).then(|| Money::from(250));
    }
    let c = compute(&r);
    let remainder = r
        .appropriation
        .proposal
        .iter()
        .find(|p| p.remainder)
        .unwrap();
    assert_eq!(
        c.appropriation.item(&remainder.id).unwrap().amount,
        Some(d(650))
    );
    assert_eq!(c.appropriation.item(&fund).unwrap().amount, Some(d(250)));
    assert_eq!(c.appropriation.proposed, d(900));
    // An override that no longer adds up is a check.
    r.appropriation
        .proposal
        .iter_mut()
        .find(|p| p.remainder)
        .unwrap()
        .amount = Some(Money::from(600));
    let p = problem(&r, ProblemCode::AppropriationMismatch);
    assert!(p.message.contains("850\u{a0}kr"), "{}", p.message);
}

#[test]
fn an_empty_year_result_in_the_balance_sheet_is_the_income_statement_s() {
    let mut r = base();
    let line = role_id(&r, Role::YearResultBalance);
    let income = role_id(&r, Role::YearResult);
    let typed = compute(&r).value(&line, 0);
    r.set_amount(&line, 0, None);
    r.set_amount(&line, 1, None);
    let c = compute(&r);
    assert_eq!(c.value(&line, 0), typed);
    assert_eq!(c.value(&line, 0), c.value(&income, 0));
    assert_eq!(c.value(&line, 1), c.value(&income, 1));
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
    // A typed (or imported) figure that differs is compared, not overwritten.
    r.set_amount(&line, 0, Some(typed + d(1)));
    assert_eq!(compute(&r).value(&line, 0), typed + d(1));
    problem(&r, ProblemCode::ResultMismatch);
}

#[test]
fn a_mistyped_amount_is_listed_first_and_counts_as_empty() {
    use kassoren_engine::edit::{enter_amount, Entry};
    let mut r = base();
    let cost = inputs_under(&r, Role::TotalCosts)[0].clone();
    let label = r.line(&cost).unwrap().label.clone();
    let year = r.years[0].label();
    let place = AmountPlace::Line {
        line: cost.clone(),
        year: 0,
    };
    assert!(enter_amount(
        &mut r,
        &place,
        Entry::Invalid("61 9OO".into())
    ));
    let c = compute(&r);
    let first = &c.problems[0];
    assert_eq!(first.code, ProblemCode::InvalidAmount);
    assert_eq!(first.severity, Severity::Error);
    assert!(
        first
            .message
            .starts_with(&format!("Ogiltigt belopp i {label}, {year}: \"61 9OO\"")),
        "{}",
        first.message
    );
    assert_eq!(
        first.location,
        Location::Line {
            line: cost.clone(),
            year: Some(0)
        }
    );
    assert_eq!(c.value(&cost, 0), d(0));
    // A valid amount clears it.
    assert!(enter_amount(&mut r, &place, Entry::Amount(Some(d(-700)))));
    assert!(compute(&r).problems.is_empty());
}

#[test]
fn comparison_year_missing_or_empty() {
    let mut r = base();
    r.years.truncate(1);
    let p = problem(&r, ProblemCode::ComparisonYearMissing);
    assert_eq!(p.severity, Severity::Error);
    let mut r = base();
    let ids: Vec<String> = r
        .all_lines()
        .filter(|l| matches!(l.kind, LineKind::Input { .. }))
        .map(|l| l.id.clone())
        .collect();
    for id in ids {
        r.set_amount(&id, 1, None);
    }
    let p = problem(&r, ProblemCode::ComparisonYearMissing);
    assert_eq!(p.severity, Severity::Warning);
}

#[test]
fn organisation_number_name_and_seat() {
    let mut r = base();
    r.organisation.org_nr = "802000-0003".into();
    let p = problem(&r, ProblemCode::InvalidOrgNr);
    assert!(
        p.message
            .starts_with("Organisationsnumret är inte giltigt: kontrollsiffran"),
        "{}",
        p.message
    );
    assert_eq!(
        p.location,
        Location::Organisation {
            field: "org_nr".into()
        }
    );
    r.organisation.org_nr = String::new();
    assert!(problem(&r, ProblemCode::InvalidOrgNr)
        .message
        .contains("saknas"));
    r.organisation.name = " ".into();
    problem(&r, ProblemCode::MissingOrganisationName);
    r.organisation.seat.clear();
    assert_eq!(
        problem(&r, ProblemCode::MissingSeat).severity,
        Severity::Warning
    );
}

#[test]
fn fiscal_year_rules() {
    let mut r = base();
    r.years[0].end = Date::new(2026, 7, 31).unwrap();
    assert!(problem(&r, ProblemCode::InvalidFiscalYear)
        .message
        .contains("19 månader"));
    let mut r = base();
    r.years[0].start = Date::new(2025, 2, 1).unwrap();
    assert_eq!(
        problem(&r, ProblemCode::InvalidFiscalYear).severity,
        Severity::Warning
    );
    // An extended first year of 18 months is allowed.
    let mut r = base();
    r.years[1].start = Date::new(2023, 7, 1).unwrap();
    assert!(
        !codes(&r).contains(&"invalid_fiscal_year"),
        "{:?}",
        codes(&r)
    );
}

#[test]
fn unknown_placeholders_are_errors_not_crashes() {
    let mut r = base();
    r.narrative.push(Section {
        id: "s_test".into(),
        title: "Test".into(),
        level: 1,
        part: Part::Chapter,
        body: "Resultat {{årets_resultat}}, i fjol {{årets_resultat:-1}}, {{hittepå}}, {{årets_resultat:-7}}, {{soliditet:x}}".into(),
    });
    let c = compute(&r);
    let found: Vec<_> = c
        .problems
        .iter()
        .filter(|p| p.code == ProblemCode::UnknownPlaceholder)
        .collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].message.contains("{{hittepå}}"));
    assert!(found[1].message.contains("inte det året"));
    assert_eq!(
        found[0].location,
        Location::Section {
            section: "s_test".into()
        }
    );
    let text = kassoren_engine::placeholders::substitute(&r, &c, &r.narrative.last().unwrap().body);
    assert!(
        text.starts_with("Resultat 300\u{a0}kr, i fjol 100\u{a0}kr, {{hittepå}}"),
        "{text}"
    );
}

#[test]
fn rounding_differences_in_tkr() {
    let mut r = base();
    r.settings.unit = Unit::Tkr;
    // 1 400 + 1 400 = 2 800 → shown 1 + 1 = 2 tkr but the total shows 3 tkr.
    let income = inputs_under(&r, Role::TotalIncome);
    assert!(income.len() >= 2);
    r.set_amount(&income[0], 0, Some(d(1400)));
    r.set_amount(&income[1], 0, Some(d(1400)));
    let c = compute(&r);
    let p = c
        .problems
        .iter()
        .find(|p| {
            p.code == ProblemCode::RoundingDifference
                && p.location
                    == Location::Line {
                        line: role_id(&r, Role::TotalIncome),
                        year: Some(0),
                    }
        })
        .unwrap_or_else(|| panic!("{:#?}", c.problems));
    assert_eq!(p.severity, Severity::Warning);
    assert!(
        p.message.contains("3 tkr") && p.message.contains("2 tkr"),
        "{}",
        p.message
    );
    // In kr the same figures round to nothing.
    r.settings.unit = Unit::Kr;
    assert!(!codes(&r).contains(&"rounding_difference"));
    // Öre: 0,60 + 0,60 prints 1 + 1 but sums to 1,20 → 1.
    r.set_amount(&income[0], 0, Some(Decimal::new(60, 2)));
    r.set_amount(&income[1], 0, Some(Decimal::new(60, 2)));
    assert!(codes(&r).contains(&"rounding_difference"));
}

#[test]
fn signatures() {
    let mut r = base();
    r.signatures
        .signatories
        .iter_mut()
        .for_each(|p| p.name.clear());
    assert_eq!(
        problem(&r, ProblemCode::MissingSignatures).location,
        Location::Signatures { person: None }
    );
    let mut r = base();
    r.signatures.signatories[0].name.clear();
    let id = r.signatures.signatories[0].id.clone();
    assert_eq!(
        problem(&r, ProblemCode::MissingSignatures).location,
        Location::Signatures { person: Some(id) }
    );
    let mut r = base();
    r.signatures.date = None;
    assert_eq!(
        problem(&r, ProblemCode::MissingSignatureDate).severity,
        Severity::Warning
    );
    r.signatures.date = Date::new(2025, 12, 31);
    assert_eq!(
        problem(&r, ProblemCode::SignatureDateTooEarly).severity,
        Severity::Error
    );
    r.signatures.date = Date::new(2026, 3, 1);
    r.signatures.auditor_report_date = Date::new(2026, 2, 1);
    problem(&r, ProblemCode::AuditorReportDate);
}

#[test]
fn broken_structure_is_reported_not_panicked() {
    let mut r = base();
    // A formula that refers to itself and one that refers to nothing.
    let result = role_id(&r, Role::YearResult);
    if let Some(LineKind::Formula { terms }) = r.line_mut(&result).map(|l| &mut l.kind) {
        terms.push(Term {
            line: result.clone(),
            negate: false,
        });
        terms.push(Term {
            line: "finns_inte".into(),
            negate: true,
        });
    }
    let c = compute(&r);
    let codes: Vec<_> = c.problems.iter().map(|p| p.code).collect();
    assert!(codes.contains(&ProblemCode::FormulaCycle), "{codes:?}");
    assert!(codes.contains(&ProblemCode::UnknownLine), "{codes:?}");
}

#[test]
fn detail_rows_sum_into_their_line() {
    let mut r = base();
    let income = inputs_under(&r, Role::TotalIncome)[0].clone();
    if let Some(LineKind::Input { details, .. }) = r.line_mut(&income).map(|l| &mut l.kind) {
        details.push(DetailRow {
            id: "d1".into(),
            label: "Seniorer".into(),
            amounts: vec![Some(Money::from(600)), Some(Money::from(500))],
        });
        details.push(DetailRow {
            id: "d2".into(),
            label: "Juniorer".into(),
            amounts: vec![Some(Money::from(400)), Some(Money::from(400))],
        });
    }
    assert!(codes(&r).is_empty(), "{:?}", codes(&r));
    // An input line with details cannot be set directly.
    assert!(!r.set_amount(&income, 0, Some(d(1))));
}

#[test]
fn lines_zero_in_every_shown_year_are_not_printed() {
    let r = base();
    let c = compute(&r);
    let income = inputs_under(&r, Role::TotalIncome);
    assert!(c.is_shown(r.line(&income[0]).unwrap()));
    assert!(!c.is_shown(r.line(&income[1]).unwrap()));
    assert!(c.is_shown(r.line_by_role(Role::YearResult).unwrap()));
}

#[test]
fn every_code_is_stable_snake_case() {
    for code in ProblemCode::ALL {
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.as_str()));
        assert!(code
            .as_str()
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_'));
    }
}

#[test]
fn solidity_counts_the_equity_share_of_untaxed_reserves() {
    let mut r = balanced(LegalForm::Aktiebolag, &FIGURES);
    let untaxed = inputs_under(&r, Role::UntaxedReserves)[0].clone();
    let asset = assets(&r)[0].clone();
    // Add 1 000 of periodiseringsfond and 1 000 of assets: equity 900, total assets 2 100.
    r.set_amount(&untaxed, 0, Some(d(1000)));
    r.set_amount(&asset, 0, Some(d(1100 + 1000)));
    let c = compute(&r);
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
    let s = c.overview.years[0].solidity.unwrap();
    // (900 + 0.794 × 1000) / 2100 = 80.666… %
    assert_eq!(s.round_dp(3), Decimal::new(80667, 3));
}

#[test]
fn a_cost_note_with_positive_amounts_ties_out_when_it_says_so() {
    let mut r = base();
    let costs = role_id(&r, Role::TotalCosts);
    let c = compute(&r);
    let (v0, v1) = (c.value(&costs, 0), c.value(&costs, 1));
    assert!(v0.is_sign_negative() && v1.is_sign_negative());
    let to_i64 = |d: Decimal| -> i64 { d.abs().try_into().unwrap() };
    // The note lists the costs as positive numbers, as real reports do.
    tied_note(&mut r, &costs, to_i64(v0), to_i64(v1));
    let p = problem(&r, ProblemCode::NoteTieOut);
    assert!(
        p.message.contains("samma tecken som räkningen"),
        "{}",
        p.message
    );
    r.notes
        .iter_mut()
        .find(|n| n.id == "n_tied")
        .unwrap()
        .table
        .as_mut()
        .unwrap()
        .sign = NoteSign::Positive;
    assert!(
        !codes(&r).contains(&"note_tie_out"),
        "{:?}",
        compute(&r).problems
    );
    // A real difference is still found, and the message says which convention the note uses.
    let mut off = r.clone();
    tied_cell(&mut off, 1);
    let p = problem(&off, ProblemCode::NoteTieOut);
    assert!(p.message.contains("som positiva tal"), "{}", p.message);
    assert!(p.message.contains("skillnad"), "{}", p.message);
}

/// Adds `by` to the first item row's fiscal-year cell of the tied note.
fn tied_cell(r: &mut Report, by: i64) {
    let table = r
        .notes
        .iter_mut()
        .find(|n| n.id == "n_tied")
        .unwrap()
        .table
        .as_mut()
        .unwrap();
    if let Some(Cell::Amount(m)) = &mut table.rows[0].cells[0] {
        m.0 += Decimal::from(by);
    }
}
