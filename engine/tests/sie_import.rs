//! The SIE import's rules on small made-up files: how far the year was closed, signs,
//! unmapped accounts, the treasurer's account → line choices, hand-typed amounts, the legal form.

use kassoren_engine::edit;
use kassoren_engine::model::*;
use kassoren_engine::money::Money;
use kassoren_engine::sie::{self, Change, Closing, ImportOptions, Level, Placement, WarningCode};
use kassoren_engine::{compute, json, template, ProblemCode};
use rust_decimal::Decimal;

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

/// A K1 ideell förening's SIE 1 file for 2025 (and 2024 when `previous` has rows).
fn k1_file(ub: &[(u32, i64)], res: &[(u32, i64)], previous: &[&str]) -> sie::SieFile {
    let mut s = String::from(
        "#FLAGGA 0\n#SIETYP 1\n#FNAMN \"Ideella föreningen Skogsbrynet\"\n#ORGNR 8020000009\n\
         #RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n#KPTYP BAS2014\n\
         #KONTO 1930 \"Bank\"\n#KONTO 2067 \"Balanserat kapital\"\n#KONTO 2069 \"Årets resultat\"\n\
         #KONTO 3890 \"Medlemsavgifter\"\n#KONTO 5010 \"Lokalhyra\"\n#KONTO 8999 \"Årets resultat\"\n",
    );
    for (a, v) in ub {
        s.push_str(&format!("#UB 0 {a} {v}\n"));
    }
    for (a, v) in res {
        s.push_str(&format!("#RES 0 {a} {v}\n"));
    }
    for l in previous {
        s.push_str(l);
        s.push('\n');
    }
    sie::parse(s.as_bytes()).unwrap()
}

fn value(r: &Report, id: &str, year: usize) -> Decimal {
    compute(r).value(id, year)
}

fn role(r: &Report, role: Role, year: usize) -> Decimal {
    value(r, &r.line_by_role(role).unwrap().id, year)
}

fn balanced(r: &Report, year: usize) -> bool {
    role(r, Role::TotalAssets, year) == role(r, Role::TotalEquityAndLiabilities, year)
}

const RES: &[(u32, i64)] = &[(3890, -500), (5010, 200)];

/// Account → amount rows of a made-up file.
type Rows = &'static [(u32, i64)];

#[test]
fn closing_not_booked_booked_partly_and_directly() {
    let cases: &[(&str, Rows, Rows, Closing, i64)] = &[
        // The balance accounts sum to the result (300): not booked.
        (
            "not booked",
            &[(1930, 1300), (2067, -1000)],
            RES,
            Closing::NotBooked,
            0,
        ),
        // Booked via 8999 against 2069: the balance accounts sum to zero.
        (
            "via 8999",
            &[(1930, 1300), (2067, -1000), (2069, -300)],
            &[(3890, -500), (5010, 200), (8999, 300)],
            Closing::Booked,
            300,
        ),
        // Partly booked via 8999.
        (
            "partly",
            &[(1930, 1300), (2067, -1000), (2069, -100)],
            &[(3890, -500), (5010, 200), (8999, 100)],
            Closing::PartlyBooked,
            100,
        ),
        // Booked straight into equity without 8999.
        (
            "directly",
            &[(1930, 1300), (2067, -1300)],
            RES,
            Closing::Booked,
            300,
        ),
        // 2069 still holds last year's result (200), this year's is not booked.
        (
            "2069 holds last year's result",
            &[(1930, 1300), (2067, -800), (2069, -200)],
            RES,
            Closing::NotBooked,
            0,
        ),
    ];
    for (what, ub, res, closing, booked) in cases {
        let imp = sie::import(&k1_file(ub, res, &[]), None, &ImportOptions::default());
        let r = &imp.report;
        assert_eq!(
            r.organisation.legal_form,
            LegalForm::IdeellForening,
            "{what}"
        );
        assert_eq!(imp.years[0].closing, *closing, "{what}");
        assert_eq!(imp.years[0].booked, d(*booked), "{what}");
        assert_eq!(value(r, "medlemsavgifter", 0), d(500), "{what}");
        assert_eq!(value(r, "ovriga_externa_kostnader", 0), d(-200), "{what}");
        assert_eq!(value(r, "kassa_och_bank", 0), d(1300), "{what}");
        assert_eq!(value(r, "arets_resultat_balans", 0), d(300), "{what}");
        assert_eq!(value(r, "balanserat_resultat", 0), d(1000), "{what}");
        assert_eq!(role(r, Role::YearResult, 0), d(300), "{what}");
        assert!(balanced(r, 0), "{what}");
        assert!(!imp.has_errors(), "{what}: {:#?}", imp.warnings);
        assert!(
            imp.warnings
                .iter()
                .all(|w| w.level == Level::Info || w.code == WarningCode::NoComparisonYear),
            "{what}: {:#?}",
            imp.warnings
        );
    }
}

#[test]
fn last_years_result_missing_from_the_opening_balance() {
    let previous = [
        "#IB -1 1930 800",
        "#IB -1 2067 -800",
        "#UB -1 1930 1000",
        "#UB -1 2067 -800",
        "#RES -1 3890 -200",
        "#IB 0 1930 1000",
        "#IB 0 2067 -800",
    ];
    let f = k1_file(&[(1930, 1300), (2067, -800)], RES, &previous);
    let imp = sie::import(&f, None, &ImportOptions::default());
    let r = &imp.report;
    assert_eq!(imp.years[0].missing_carry_forward, Some(d(200)));
    assert_eq!(imp.years[1].closing, Closing::NotBooked);
    assert_eq!(value(r, "arets_resultat_balans", 0), d(300));
    assert_eq!(value(r, "balanserat_resultat", 0), d(1000));
    assert_eq!(value(r, "arets_resultat_balans", 1), d(200));
    assert_eq!(value(r, "balanserat_resultat", 1), d(800));
    assert!(balanced(r, 0) && balanced(r, 1));
    let w = imp.warning(WarningCode::MissingCarryForward).unwrap();
    assert_eq!(w.level, Level::Warning);
    assert!(
        w.message.contains("Förra årets resultat (200\u{a0}kr)"),
        "{}",
        w.message
    );
    // The equity roll-forward holds: 800 + 200 (last year's result) = 1000.
    let c = compute(r);
    assert!(
        !c.problems
            .iter()
            .any(|p| p.code == ProblemCode::EquityRollForward),
        "{:#?}",
        c.problems
    );
}

#[test]
fn a_file_that_does_not_balance_is_not_hidden_in_equity() {
    // The results give 250, the balances 300: the file is off by 50.
    let f = k1_file(
        &[(1930, 1300), (2067, -1000)],
        &[(3890, -500), (5010, 250)],
        &[],
    );
    let imp = sie::import(&f, None, &ImportOptions::default());
    let r = &imp.report;
    assert_eq!(imp.years[0].closing, Closing::Inconsistent);
    assert_eq!(imp.years[0].difference, Some(d(50)));
    assert_eq!(
        role(r, Role::TotalAssets, 0) - role(r, Role::TotalEquityAndLiabilities, 0),
        d(50)
    );
    assert_eq!(value(r, "arets_resultat_balans", 0), d(250));
    assert_eq!(value(r, "balanserat_resultat", 0), d(1000));
    let w = imp.warning(WarningCode::FileUnbalanced).unwrap();
    assert_eq!(w.level, Level::Error);
    assert!(w.message.contains("50\u{a0}kr"), "{}", w.message);
    assert_eq!(imp.warnings[0].level, Level::Error, "errors come first");
    let c = compute(r);
    let p = c
        .problems
        .iter()
        .find(|p| p.code == ProblemCode::BalanceSheetUnbalanced)
        .unwrap();
    assert!(p.message.contains("skillnad 50\u{a0}kr"), "{}", p.message);
}

#[test]
fn unmapped_accounts_are_listed_with_their_totals_and_block_nothing() {
    let f = k1_file(
        &[(1930, 1300), (999, 50), (2067, -1050)],
        &[(3890, -500), (5010, 200), (9500, 25), (9600, -25)],
        &[],
    );
    let imp = sie::import(&f, None, &ImportOptions::default());
    let r = &imp.report;
    assert!(balanced(r, 0));
    assert_eq!(value(r, "kassa_och_bank", 0), d(1300));
    assert_eq!(value(r, "arets_resultat_balans", 0), d(300));
    let unmapped: Vec<u32> = imp
        .mapping
        .iter()
        .filter(|m| m.placement == Placement::Unmapped)
        .map(|m| m.account)
        .collect();
    assert_eq!(unmapped, vec![999, 9500, 9600]);
    let w = imp.warning(WarningCode::UnmappedAccounts).unwrap();
    assert_eq!(w.level, Level::Warning);
    assert!(w.message.starts_with("3 konton"), "{}", w.message);
    assert!(w.message.contains("2025 50\u{a0}kr"), "{}", w.message);
    assert!(!imp.has_errors());
}

#[test]
fn signs_follow_the_statements() {
    // Income positive, costs negative, assets +UB, equity and liabilities −UB.
    let f = k1_file(
        &[(1930, 1300), (1510, 200), (2440, -200), (2067, -1000)],
        &[
            (3890, -500),
            (3010, -100),
            (5010, 200),
            (8310, -10),
            (8410, 110),
        ],
        &[],
    );
    let imp = sie::import(&f, None, &ImportOptions::default());
    let r = &imp.report;
    assert_eq!(value(r, "medlemsavgifter", 0), d(500));
    assert_eq!(value(r, "forsaljningsintakter", 0), d(100));
    assert_eq!(value(r, "ovriga_externa_kostnader", 0), d(-200));
    assert_eq!(value(r, "finansiella_intakter", 0), d(10));
    assert_eq!(value(r, "finansiella_kostnader", 0), d(-110));
    assert_eq!(value(r, "kundfordringar", 0), d(200));
    assert_eq!(value(r, "leverantorsskulder", 0), d(200));
    assert_eq!(role(r, Role::YearResult, 0), d(300));
    assert!(balanced(r, 0));
    let row = imp.mapping.iter().find(|m| m.account == 2440).unwrap();
    assert!(row.balance_account);
    assert_eq!(row.amounts, vec![Some(d(-200)), None]);
    assert_eq!(
        row.placement,
        Placement::Line {
            id: "leverantorsskulder".into(),
            label: "Leverantörsskulder".into()
        }
    );
    assert!(!row.overridden);
}

#[test]
fn moving_an_account_is_kept_and_reused_next_year() {
    let f = k1_file(&[(1930, 1300), (2067, -1000)], RES, &[]);
    let first = sie::import(&f, None, &ImportOptions::default());
    // A hand-typed amount elsewhere survives the move.
    let mut report = first.report.clone();
    assert!(report.set_amount("leverantorsskulder", 0, Some(d(77))));
    let before = report.clone();
    let moved = sie::move_account(
        &f,
        &report,
        1930,
        Some("finansiella_placeringar"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(report, before, "the given report is not touched");
    let r = &moved.report;
    assert_eq!(
        r.account_map.get(&1930).map(String::as_str),
        Some("finansiella_placeringar")
    );
    assert_eq!(value(r, "finansiella_placeringar", 0), d(1300));
    assert_eq!(value(r, "kassa_och_bank", 0), d(0));
    assert_eq!(value(r, "leverantorsskulder", 0), d(77));
    // The hand-typed amount is kept and offered (the file has nothing there); the lines the
    // move changed are not asked about: they held the file's amounts.
    assert_eq!(moved.changes.len(), 1, "{:#?}", moved.changes);
    assert!(
        matches!(&moved.changes[0], Change::Amount { line, .. } if line == "leverantorsskulder")
    );
    let row = moved.mapping.iter().find(|m| m.account == 1930).unwrap();
    assert!(row.overridden);
    // The choice is part of the file format.
    assert_eq!(&json::from_json(&json::to_json(r)).unwrap(), r);
    // Moving to a line that is not an input line is refused.
    assert!(
        sie::move_account(&f, r, 1930, Some("tillgangar"), &ImportOptions::default()).is_none()
    );
    assert!(
        sie::move_account(&f, r, 1930, Some("finns_inte"), &ImportOptions::default()).is_none()
    );

    // Next year: the choice is used for the new file.
    let next = edit::next_year(r);
    assert_eq!(next.account_map, r.account_map);
    let f2 = sie::parse(
        b"#FLAGGA 0\n#FNAMN \"Ideella f\x94reningen Skogsbrynet\"\n#RAR 0 20260101 20261231\n#RAR -1 20250101 20251231\n\
          #UB 0 1930 1500\n#UB 0 2067 -1300\n#RES 0 3890 -200\n#UB -1 1930 1300\n#UB -1 2067 -1000\n#RES -1 3890 -500\n#RES -1 5010 200\n",
    )
    .unwrap();
    let imp = sie::import(&f2, Some(&next), &ImportOptions::default());
    let r2 = &imp.report;
    assert_eq!(r2.years[0].label(), "2026");
    assert_eq!(value(r2, "finansiella_placeringar", 0), d(1500));
    assert_eq!(value(r2, "finansiella_placeringar", 1), d(1300));
    assert_eq!(value(r2, "kassa_och_bank", 0), d(0));
    assert!(balanced(r2, 0));
    // The comparison year keeps the hand-typed 77 (not from the file), so it is off by that.
    assert_eq!(
        role(r2, Role::TotalAssets, 1) - role(r2, Role::TotalEquityAndLiabilities, 1),
        d(-77)
    );
    // The comparison year is what last year's report said: nothing to ask about, except the
    // hand-typed leverantörsskulder that the file does not have.
    assert_eq!(
        imp.changes,
        vec![Change::Amount {
            line: "leverantorsskulder".into(),
            label: "Leverantörsskulder".into(),
            year: 1,
            year_label: "2025".into(),
            current: d(77),
            file: None,
        }]
    );

    // Moving back to the line the ranges give.
    let back = sie::move_account(&f, r, 1930, None, &ImportOptions::default()).unwrap();
    assert!(back.report.account_map.is_empty());
    assert_eq!(value(&back.report, "kassa_och_bank", 0), d(1300));
    assert_eq!(value(&back.report, "finansiella_placeringar", 0), d(0));
}

#[test]
fn choices_that_cannot_be_used_are_ignored_with_a_warning() {
    let f = k1_file(
        &[(1930, 1300), (2067, -1000), (2069, -300)],
        &[(3890, -500), (5010, 200), (8999, 300)],
        &[],
    );
    let mut report = sie::import(&f, None, &ImportOptions::default()).report;
    report.account_map.insert(8999, "kassa_och_bank".into());
    report.account_map.insert(1930, "finns_inte".into());
    let imp = sie::import(&f, Some(&report), &ImportOptions::default());
    let w = imp.warning(WarningCode::MappingIgnored).unwrap();
    assert!(w.message.contains("8999"), "{}", w.message);
    assert!(w.message.contains("1930"), "{}", w.message);
    assert_eq!(value(&imp.report, "kassa_och_bank", 0), d(1300));
    let row = imp.mapping.iter().find(|m| m.account == 8999).unwrap();
    assert_eq!(row.placement, Placement::ResultAccount);
}

#[test]
fn hand_typed_amounts_name_and_years_are_offered_not_overwritten() {
    let f = k1_file(&[(1930, 1300), (2067, -1000)], RES, &[]);
    let mut report = template::new_report(
        LegalForm::IdeellForening,
        "Vår förening",
        "",
        template::calendar_year(2025),
    );
    assert!(report.set_amount("medlemsavgifter", 0, Some(d(999))));
    assert!(report.set_amount("gavor_och_bidrag", 0, Some(d(0))));
    assert!(report.set_amount("kassa_och_bank", 0, Some(d(1300))));
    let original = report.clone();
    let imp = sie::import(&f, Some(&report), &ImportOptions::default());
    assert_eq!(report, original);
    let r = &imp.report;
    // The hand-typed 999 stays; the name stays; the empty org.nr is filled in.
    assert_eq!(value(r, "medlemsavgifter", 0), d(999));
    assert_eq!(r.organisation.name, "Vår förening");
    assert_eq!(r.organisation.org_nr, "802000-0009");
    assert_eq!(value(r, "ovriga_externa_kostnader", 0), d(-200));
    assert_eq!(
        imp.changes,
        vec![
            Change::OrganisationName {
                current: "Vår förening".into(),
                file: "Ideella föreningen Skogsbrynet".into()
            },
            Change::Amount {
                line: "medlemsavgifter".into(),
                label: "Medlemsavgifter".into(),
                year: 0,
                year_label: "2025".into(),
                current: d(999),
                file: Some(d(500)),
            },
        ]
    );
    assert_eq!(
        imp.changes[1].describe(),
        "Medlemsavgifter 2025: 999\u{a0}kr → 500\u{a0}kr"
    );
    // Applied on request.
    let applied = sie::import(
        &f,
        Some(&report),
        &ImportOptions {
            apply_changes: true,
            ..ImportOptions::default()
        },
    );
    assert!(applied.changes.is_empty());
    assert_eq!(value(&applied.report, "medlemsavgifter", 0), d(500));
    assert_eq!(
        applied.report.organisation.name,
        "Ideella föreningen Skogsbrynet"
    );
    // Importing the applied result again changes nothing.
    let again = sie::import(&f, Some(&applied.report), &ImportOptions::default());
    assert_eq!(again.report, applied.report);
    assert!(again.changes.is_empty());

    // Other fiscal years: filled in while the report has no amounts, offered otherwise.
    let empty = template::new_report(
        LegalForm::IdeellForening,
        "",
        "",
        template::calendar_year(2023),
    );
    let imp = sie::import(&f, Some(&empty), &ImportOptions::default());
    assert_eq!(imp.report.years[0].label(), "2025");
    assert!(imp.changes.is_empty());
    let imp = sie::import(
        &f,
        Some(&{
            let mut r = empty.clone();
            r.set_amount("medlemsavgifter", 1, Some(d(5)));
            r
        }),
        &ImportOptions::default(),
    );
    assert_eq!(imp.report.years[0].label(), "2023");
    assert!(matches!(imp.changes[0], Change::FiscalYear { year: 0, .. }));
    assert!(imp
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::YearsDiffer));
}

#[test]
fn lines_with_detail_rows_are_not_changed() {
    let f = k1_file(&[(1930, 1300), (2067, -1000)], RES, &[]);
    let mut report = sie::import(&f, None, &ImportOptions::default()).report;
    let row = edit::add_detail_row(&mut report, "medlemsavgifter").unwrap();
    assert!(edit::set_detail_amount(
        &mut report,
        "medlemsavgifter",
        &row,
        0,
        Some(d(10))
    ));
    let imp = sie::import(&f, Some(&report), &ImportOptions::default());
    assert_eq!(value(&imp.report, "medlemsavgifter", 0), d(10));
    let w = imp.warning(WarningCode::DetailRowsKept).unwrap();
    assert!(
        w.message.contains("Medlemsavgifter (2025)"),
        "{}",
        w.message
    );
    // A detail row that already sums to the file's amount gives no warning.
    assert!(edit::set_detail_amount(
        &mut report,
        "medlemsavgifter",
        &row,
        0,
        Some(d(500))
    ));
    let imp = sie::import(&f, Some(&report), &ImportOptions::default());
    assert!(!imp
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::DetailRowsKept));
}

#[test]
fn the_form_comes_from_the_option_the_file_type_the_name_or_defaults_to_aktiebolag() {
    let file = |head: &str| {
        sie::parse(
            format!("#FLAGGA 0\n{head}\n#RAR 0 20250101 20251231\n#UB 0 1930 1\n#UB 0 2099 -1\n")
                .as_bytes(),
        )
        .unwrap()
    };
    let form = |f: &sie::SieFile, chosen: Option<LegalForm>| {
        let imp = sie::import(
            f,
            None,
            &ImportOptions {
                form: chosen,
                ..ImportOptions::default()
            },
        );
        assert_eq!(imp.report.organisation.legal_form, imp.form);
        (imp.form, imp.form_line())
    };
    let f = file("#FTYP BRF\n#FNAMN \"Ideella föreningen X\"");
    assert_eq!(
        form(&f, None),
        (
            LegalForm::Bostadsrattsforening,
            "Form: bostadsrattsforening (enligt #FTYP BRF i filen)".into()
        )
    );
    assert_eq!(
        form(&f, Some(LegalForm::Stiftelse)),
        (LegalForm::Stiftelse, "Form: stiftelse (vald)".into())
    );
    let f = file("#FNAMN \"Ekbackens samfällighetsförening\"");
    assert_eq!(form(&f, None).0, LegalForm::Samfallighetsforening);
    let f = file("#FTYP E\n#FNAMN \"Kalles Bygg\"");
    let (got, line) = form(&f, None);
    assert_eq!(got, LegalForm::Aktiebolag);
    assert!(line.contains("#FTYP E har ingen egen mall"), "{line}");
    let f = file("#FTYP EK\n#FNAMN \"Fiber\"");
    assert_eq!(form(&f, None).0, LegalForm::EkonomiskForening);
    // Into a report: its form, whatever the file says.
    let report = template::new_report(LegalForm::Stiftelse, "", "", template::calendar_year(2025));
    let imp = sie::import(&f, Some(&report), &ImportOptions::default());
    assert_eq!(imp.form, LegalForm::Stiftelse);
    assert_eq!(imp.form_line(), "Form: stiftelse (rapportens form)");
}

#[test]
fn every_form_balances_a_typical_file() {
    let f = k1_file(
        &[
            (1930, 1300),
            (1510, 200),
            (2440, -200),
            (2067, -800),
            (2099, -200),
            (2081, 0),
        ],
        &[(3890, -500), (3010, -100), (5010, 200), (7010, 100)],
        &[],
    );
    for form in LegalForm::ALL {
        let imp = sie::import(
            &f,
            None,
            &ImportOptions {
                form: Some(form),
                ..ImportOptions::default()
            },
        );
        let r = &imp.report;
        assert!(balanced(r, 0), "{form:?}");
        assert_eq!(role(r, Role::YearResult, 0), d(300), "{form:?}");
        assert_eq!(role(r, Role::YearResultBalance, 0), d(300), "{form:?}");
        assert_eq!(imp.years[0].result, d(300), "{form:?}");
        assert!(json::validate(r).is_ok(), "{form:?}");
        let c = compute(r);
        assert!(
            !c.problems.iter().any(|p| matches!(
                p.code,
                ProblemCode::BalanceSheetUnbalanced | ProblemCode::ResultMismatch
            )),
            "{form:?}: {:#?}",
            c.problems
        );
        for m in &imp.mapping {
            assert!(
                matches!(m.placement, Placement::Line { .. }),
                "{form:?}: {}",
                m.account
            );
        }
    }
}

#[test]
fn amounts_are_stored_as_exact_money() {
    let f = k1_file(&[(1930, 1300), (2067, -1000)], RES, &[]);
    let imp = sie::import(&f, None, &ImportOptions::default());
    let line = imp.report.line("kassa_och_bank").unwrap();
    let LineKind::Input { amounts, .. } = &line.kind else {
        panic!()
    };
    assert_eq!(amounts[0], Some(Money(d(1300))));
    // No figures for 2024 in the file: the comparison year stays empty.
    assert_eq!(amounts[1], None);
    assert!(imp
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::NoComparisonYear));
}
