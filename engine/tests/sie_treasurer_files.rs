//! SIE files as treasurers really have them: hand-made, small files, one per defect found in
//! real files (no `#RAR`, only `#IB 0` for last year, bad records the report does not use,
//! six-digit accounts, vouchers without dates, unquoted names, files cut before their
//! balances, unclear messages, duplicate rows, budgets). Every expected figure is worked out by
//! hand in the test.

use kassoren_engine::model::*;
use kassoren_engine::sie::{self, ImportOptions, WarningCode, YearSource};
use kassoren_engine::template;
use kassoren_engine::{compute, ProblemCode};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn date(s: &str) -> kassoren_engine::date::Date {
    s.parse().unwrap()
}

fn value(r: &Report, role: Role, year: usize) -> Decimal {
    let c = compute(r);
    c.value(&r.line_by_role(role).unwrap().id, year)
}

fn line_value(r: &Report, id: &str, year: usize) -> Decimal {
    compute(r).value(id, year)
}

fn new_import(text: &str) -> sie::Import {
    let file = sie::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{text}"));
    sie::import(&file, None, &ImportOptions::default())
}

// ---------------------------------------------------------------------------------------------
// 1. No #RAR: the year comes from the vouchers.

/// A file written on 1 June 2025 with the takings of January–May 2025 and no `#RAR`.
const MAY_TAKINGS: &str = "#FLAGGA 0\n#SIETYP 4\n#GEN 20250601\n#FNAMN \"Föreningen Ekbacken\"\n\
#KONTO 1930 \"Bank\"\n#KONTO 2067 \"Balanserat kapital\"\n#KONTO 3890 \"Medlemsavgifter\"\n\
#IB 0 1930 1000\n#IB 0 2067 -1000\n\
#VER A 1 20250107 \"Avgifter\"\n{\n#TRANS 1930 {} 400\n#TRANS 3890 {} -400\n}\n\
#VER A 2 20250315 \"Avgifter\"\n{\n#TRANS 1930 {} 250.50\n#TRANS 3890 {} -250.50\n}\n\
#VER A 3 20250530 \"Avgifter\"\n{\n#TRANS 1930 {} 100\n#TRANS 3890 {} -100\n}\n";

#[test]
fn without_rar_the_year_is_the_vouchers_year_and_is_said() {
    let file = sie::parse(MAY_TAKINGS.as_bytes()).unwrap();
    assert_eq!(
        file.year_source,
        YearSource::Vouchers {
            first: date("2025-01-07"),
            last: date("2025-05-30"),
            count: 3
        }
    );
    assert_eq!(file.vouchers_outside_years, 0);
    let imp = sie::import(&file, None, &ImportOptions::default());
    // The vouchers are dated 2025, so the year is 2025 (not 2024, the year before #GEN).
    assert_eq!(imp.report.years[0], template::calendar_year(2025));
    assert_eq!(imp.report.years[1], template::calendar_year(2024));
    let w = imp.warning(WarningCode::NoFiscalYear).expect("said");
    assert!(
        w.message.contains("2025-01-01 – 2025-12-31")
            && w.message.contains("verifikationernas datum")
            && w.message
                .contains("3 verifikationer från 2025-01-07 till 2025-05-30"),
        "{}",
        w.message
    );
    assert!(imp.warning(WarningCode::VouchersOutsideYears).is_none());
    // 400 + 250.50 + 100 of fees; the bank holds 1 000 + 750.50.
    let r = &imp.report;
    assert_eq!(value(r, Role::YearResult, 0), d("750.50"));
    assert_eq!(value(r, Role::TotalAssets, 0), d("1750.50"));
    assert_eq!(
        value(r, Role::TotalAssets, 0),
        value(r, Role::TotalEquityAndLiabilities, 0)
    );
}

#[test]
fn without_rar_the_treasurer_may_choose_another_year() {
    let file = sie::parse(MAY_TAKINGS.as_bytes()).unwrap();
    let broken = FiscalYear {
        start: date("2024-07-01"),
        end: date("2025-06-30"),
    };
    let options = ImportOptions {
        fiscal_year: Some(broken),
        ..ImportOptions::default()
    };
    let imp = sie::import(&file, None, &options);
    assert_eq!(imp.report.years[0], broken);
    assert_eq!(imp.year_source, YearSource::Chosen);
    let w = imp.warning(WarningCode::NoFiscalYear).unwrap();
    assert!(w.message.contains("valt vid importen"), "{}", w.message);
    assert_eq!(value(&imp.report, Role::YearResult, 0), d("750.50"));
    // A year the vouchers are not in: all three are named as outside it (and still counted).
    let options = ImportOptions {
        fiscal_year: Some(template::calendar_year(2024)),
        ..ImportOptions::default()
    };
    let imp = sie::import(&file, None, &options);
    assert_eq!(imp.report.years[0], template::calendar_year(2024));
    let w = imp.warning(WarningCode::VouchersOutsideYears).unwrap();
    assert!(
        w.message
            .starts_with("3 verifikationer har ett datum utanför"),
        "{}",
        w.message
    );
    // A file with #RAR keeps its year whatever is chosen.
    let with_rar = MAY_TAKINGS.replace(
        "#GEN 20250601\n",
        "#GEN 20250601\n#RAR 0 20250101 20251231\n",
    );
    let f = sie::parse(with_rar.as_bytes()).unwrap();
    assert_eq!(f.year_source, YearSource::Rar);
    let imp = sie::import(&f, None, &options);
    assert_eq!(imp.report.years[0], template::calendar_year(2025));
    assert!(imp.warning(WarningCode::NoFiscalYear).is_none());
}

#[test]
fn without_rar_or_vouchers_gen_gives_the_year_before() {
    let text = "#FLAGGA 0\n#GEN 20260215\n#UB 0 1930 500\n#UB 0 2067 -500\n";
    let imp = new_import(text);
    assert_eq!(imp.report.years[0], template::calendar_year(2025));
    let w = imp.warning(WarningCode::NoFiscalYear).unwrap();
    assert!(w.message.contains("#GEN 2026-02-15"), "{}", w.message);
}

// ---------------------------------------------------------------------------------------------
// 2. #IB 0 without #UB -1: the comparison year's closing balances.

#[test]
fn opening_balances_are_the_comparison_years_balance_sheet() {
    // 2024 closed with bank 800, receivables 200, a supplier owed 300 and equity 700.
    let text = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Föreningen Ekbacken\"\n\
        #RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n\
        #IB 0 1930 800\n#IB 0 1510 200\n#IB 0 2440 -300\n#IB 0 2067 -700\n\
        #UB 0 1930 1100\n#UB 0 1510 200\n#UB 0 2440 -300\n#UB 0 2067 -700\n\
        #RES 0 3890 -500\n#RES 0 5010 200\n";
    let imp = new_import(text);
    let r = &imp.report;
    // Year 1 (2024): assets 800 + 200, liabilities 300, equity 700.
    assert_eq!(value(r, Role::TotalAssets, 1), d("1000"));
    assert_eq!(value(r, Role::TotalEquityAndLiabilities, 1), d("1000"));
    assert_eq!(value(r, Role::RetainedEarnings, 1), d("700"));
    assert_eq!(value(r, Role::YearResultBalance, 1), d("0"));
    let w = imp
        .warning(WarningCode::BalancesFromNextOpening)
        .expect("said");
    assert!(w.message.starts_with("2024: "), "{}", w.message);
    assert!(w.message.contains("#IB 0"), "{}", w.message);
    assert!(imp.warning(WarningCode::NoComparisonYear).is_none());
    assert_eq!(
        imp.years[1].describe("2024"),
        "2024: filen har inget resultat för året; balansräkningen är räkenskapsårets ingående balanser (#IB 0)."
    );
    // The year itself: result 500 − 200 = 300, bank 1 100.
    assert_eq!(value(r, Role::YearResult, 0), d("300"));
    assert_eq!(value(r, Role::TotalAssets, 0), d("1300"));
    assert_eq!(
        value(r, Role::TotalAssets, 0),
        value(r, Role::TotalEquityAndLiabilities, 0)
    );
    // The report's own checks find nothing wrong with the balansräkning in either year.
    let problems = compute(r).problems;
    assert!(
        !problems.iter().any(|p| matches!(
            p.code,
            ProblemCode::BalanceSheetUnbalanced | ProblemCode::ResultMismatch
        )),
        "{problems:#?}"
    );
    // #UB -1 present: it is used, not #IB 0.
    let with_ub = text.replace(
        "#UB 0 1930 1100",
        "#UB -1 1930 750\n#UB -1 2067 -750\n#UB 0 1930 1100",
    );
    let imp = new_import(&with_ub);
    assert_eq!(value(&imp.report, Role::TotalAssets, 1), d("750"));
    assert!(imp.warning(WarningCode::BalancesFromNextOpening).is_none());
}

// ---------------------------------------------------------------------------------------------
// 3. Bad records the report does not use are skipped, naming the line.

#[test]
fn bad_records_the_report_does_not_use_are_skipped_by_line() {
    let text = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n\
        #KONTO 1930 \"Bank\"\n\
        #KONTO 19x0 \"Kassa\"\n\
        #KONTO \"\" \"Utan nummer\"\n\
        #SRU 1930\n\
        #SRU abc 7281\n\
        #KTYP 3O10 I\n\
        #UB 0 1930 1200\n#UB 0 2067 -1000\n#RES 0 3890 -200\n";
    let imp = new_import(text);
    let skipped: Vec<&str> = imp
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::SkippedRecord)
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(skipped.len(), 5, "{skipped:#?}");
    for (k, (line, needle)) in [
        (5, "#KONTO hoppades över (kontonumret \"19x0\""),
        (6, "#KONTO hoppades över (kontonumret \"\""),
        (7, "#SRU hoppades över (#SRU för konto 1930 saknar SRU-kod)"),
        (8, "#SRU hoppades över (kontonumret \"abc\""),
        (9, "#KTYP hoppades över (kontonumret \"3O10\""),
    ]
    .iter()
    .enumerate()
    {
        assert!(
            skipped[k].starts_with(&format!("Rad {line}: {needle}")),
            "{}",
            skipped[k]
        );
    }
    // The figures are all there: bank 1 200, equity 1 000, a result of 200.
    let r = &imp.report;
    assert_eq!(value(r, Role::TotalAssets, 0), d("1200"));
    assert_eq!(value(r, Role::YearResult, 0), d("200"));
    assert!(!imp.has_errors(), "{:#?}", imp.warnings);
    // A bad row in #IB/#UB/#RES still refuses the file, naming the line.
    let bad = text.replace("#UB 0 2067 -1000", "#UB 0 2067 -1000kr");
    let e = sie::parse(bad.as_bytes()).unwrap_err();
    assert_eq!(e.line, 11);
    assert!(e.message.contains("\"-1000kr\" i #UB"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// 4. Accounts longer than four digits go by their BAS prefix.

#[test]
fn six_digit_accounts_are_mapped_by_their_first_four_digits() {
    // 143010 and 145010 are sub-accounts of 1430 and 1450 (lager); 193010 of 1930 (bank).
    let text = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n\
        #KONTO 143010 \"Lager, mjöl\"\n#KONTO 145010 \"Lager, kaffe\"\n#KONTO 193010 \"Bank, konto 1\"\n\
        #UB 0 143010 4800.40\n#UB 0 145010 4800.40\n#UB 0 193010 1399.20\n#UB 0 2067 -10000\n\
        #UB 0 999999 0\n#RES 0 301010 -1000\n#RES 0 501010 1000\n";
    let imp = new_import(text);
    let r = &imp.report;
    // Assets 4 800,40 + 4 800,40 + 1 399,20 = 11 000 (not 9 600,80 too low).
    assert_eq!(value(r, Role::TotalAssets, 0), d("11000.00"));
    assert_eq!(value(r, Role::RetainedEarnings, 0), d("10000"));
    assert_eq!(line_value(r, "kassa_och_bank", 0), d("1399.20"));
    let row = |a: u32| imp.mapping.iter().find(|m| m.account == a).unwrap();
    assert_eq!(row(143010).bas_account, Some(1430));
    assert_eq!(row(193010).bas_account, Some(1930));
    assert!(
        matches!(&row(193010).placement, sie::Placement::Line { id, .. } if id == "kassa_och_bank")
    );
    assert_eq!(row(301010).bas_account, Some(3010));
    assert!(row(301010).placement != sie::Placement::Unmapped);
    // Sales 1 000 and costs 1 000: a result of 0.
    assert_eq!(value(r, Role::YearResult, 0), d("0"));
    assert!(
        imp.warning(WarningCode::UnmappedAccounts).is_none(),
        "{:#?}",
        imp.warnings
    );
    // A prefix no line holds is still unmapped and warned about.
    let text = text.replace("#UB 0 999999 0", "#UB 0 999999 5\n#UB 0 2099 -5");
    let imp = new_import(&text);
    let w = imp.warning(WarningCode::UnmappedAccounts).unwrap();
    assert!(w.message.contains("999999"), "{}", w.message);
}

// ---------------------------------------------------------------------------------------------
// 5. Vouchers are counted, not their rows; a voucher without a date is not "outside".

#[test]
fn vouchers_outside_the_year_are_counted_once_each() {
    // Ten vouchers of four rows each, dated 2024, read before the #RAR that says 2025.
    let mut text = String::from("#FLAGGA 0\n#SIETYP 4\n");
    for k in 1..=10 {
        text.push_str(&format!(
            "#VER A {k} 202406{k:02}\n{{\n#TRANS 1930 {{}} 10\n#TRANS 1910 {{}} 10\n#TRANS 3890 {{}} -15\n#TRANS 3990 {{}} -5\n}}\n"
        ));
    }
    // One voucher without a date and one with an empty date field.
    text.push_str("#VER B 1\n{\n#TRANS 1930 {} 1\n#TRANS 3890 {} -1\n}\n");
    text.push_str("#VER B 2 \"\" \"Utan datum\"\n{\n#TRANS 1930 {} 2\n#TRANS 3890 {} -2\n}\n");
    text.push_str("#RAR 0 20250101 20251231\n");
    let file = sie::parse(text.as_bytes()).unwrap();
    assert_eq!(file.vouchers, 12);
    assert_eq!(file.transaction_rows, 44);
    assert_eq!(file.vouchers_outside_years, 10);
    assert_eq!(file.vouchers_without_date, 2);
    let imp = sie::import(&file, None, &ImportOptions::default());
    let w = imp.warning(WarningCode::VouchersOutsideYears).unwrap();
    assert!(
        w.message
            .starts_with("10 verifikationer har ett datum utanför"),
        "{}",
        w.message
    );
    let w = imp.warning(WarningCode::VouchersWithoutDate).unwrap();
    assert!(
        w.message
            .starts_with("2 verifikationer i filen saknar datum"),
        "{}",
        w.message
    );
    // All of them count to the year: 10 × 20 + 1 + 2 = 203 of income.
    assert_eq!(value(&imp.report, Role::YearResult, 0), d("203"));
}

#[test]
fn a_voucher_without_its_series_is_read_and_said() {
    let text = "#FLAGGA 0\n#RAR 0 20250101 20251231\n\
        #VER 17 20250110 \" \"\n{\n#TRANS 1930 {} 300\n#TRANS 3890 {} -300\n}\n\
        #UB 0 1930 300\n#UB 0 2099 -300\n";
    let file = sie::parse(text.as_bytes()).unwrap();
    assert_eq!(file.vouchers_outside_years, 0);
    let imp = sie::import(&file, None, &ImportOptions::default());
    let w = imp.warning(WarningCode::MissingSeries).unwrap();
    assert_eq!(
        w.message,
        "Rad 3: verifikationen saknar serie (#VER 17 20250110 …); den läses som nummer 17 med datum 2025-01-10."
    );
    // A date that is no date is still refused, and the message says how #VER is written.
    let e = sie::parse(b"#FLAGGA 0\n#VER A 1 31/01/2025\n{\n}\n").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.message.contains("\"31/01/2025\""), "{e}");
    assert!(e.message.contains("#VER serie nummer datum"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// 6. Unquoted names take the rest of the line.

#[test]
fn unquoted_names_take_the_rest_of_the_line() {
    let text = "#FLAGGA 0\n#RAR 0 20250101 20251231\n#FNAMN Övningsbolaget AB\n\
        #ADRESS \"Kalle Kassör\" Storgatan 1 \"123 45 Ekby\" 08-123 45\n\
        #KONTO 1930 Företagskonto i banken\n#KONTO 2067 \"Balanserat\" skräp\n\
        #UB 0 1930 10\n#UB 0 2067 -10\n";
    let file = sie::parse(text.as_bytes()).unwrap();
    assert_eq!(file.company_name.as_deref(), Some("Övningsbolaget AB"));
    assert_eq!(file.account_name(1930), "Företagskonto i banken");
    assert_eq!(file.account_name(2067), "Balanserat");
    let a = file.address.as_ref().unwrap();
    assert_eq!(
        (
            a.contact.as_str(),
            a.street.as_str(),
            a.postal.as_str(),
            a.phone.as_str()
        ),
        ("Kalle Kassör", "Storgatan 1", "123 45 Ekby", "08-123 45")
    );
    let imp = sie::import(&file, None, &ImportOptions::default());
    assert_eq!(imp.report.organisation.name, "Övningsbolaget AB");
    assert_eq!(imp.report.organisation.legal_form, LegalForm::Aktiebolag);
}

// ---------------------------------------------------------------------------------------------
// 8. Messages that say what is wrong, and where.

#[test]
fn a_nul_byte_names_its_line_and_never_reaches_the_report() {
    // A stray NUL in a name on line 3: read, removed, the line named.
    let text = b"#FLAGGA 0\n#RAR 0 20250101 20251231\n#FNAMN \"Ekbacken\x00 IF\"\n#UB 0 1930 5\n#UB 0 2067 -5\n";
    let file = sie::parse(text).unwrap();
    assert_eq!(file.company_name.as_deref(), Some("Ekbacken IF"));
    let imp = sie::import(&file, None, &ImportOptions::default());
    let w = imp.warning(WarningCode::ControlCharacter).unwrap();
    assert!(w.message.starts_with("Rad 3: "), "{}", w.message);
    let html = kassoren_engine::render_html(&imp.report);
    assert!(!html.contains('\0'));
    // The same beyond the first 64 KiB.
    let mut long = b"#FLAGGA 0\n#RAR 0 20250101 20251231\n".to_vec();
    for k in 0..5000 {
        long.extend_from_slice(format!("#KONTO {} \"Konto nummer {k}\"\n", 10000 + k).as_bytes());
    }
    assert!(long.len() > 65_536);
    long.extend_from_slice(b"#FNAMN \"Ekbacken\x00\"\n#UB 0 1930 5\n#UB 0 2067 -5\n");
    let file = sie::parse(&long).unwrap();
    assert_eq!(file.company_name.as_deref(), Some("Ekbacken"));
    assert_eq!(file.notices[0].line, 5003);
    // Many NUL bytes (binary data, UTF-16): refused, naming the line of the first.
    let mut binary = b"#FLAGGA 0\n#SIETYP 4\n".to_vec();
    binary.extend(std::iter::repeat_n(0u8, 200));
    let e = sie::parse(&binary).unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.message.contains("binära data"), "{e}");
    // A NUL in an amount is an error on its line, shown as ␀.
    let e = sie::parse(b"#FLAGGA 0\n#UB 0 1930 5\x00\n").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.message.contains("\"5\u{2400}\""), "{e}");
}

#[test]
fn a_byte_order_mark_before_pc8_text_does_not_destroy_the_letters() {
    // EF BB BF, then CP437: 0x99 is Ö, 0x94 is ö.
    let bytes = b"\xEF\xBB\xBF#FLAGGA 0\n#FNAMN \"\x99vningsf\x94reningen\"\n#KONTO 1930 \"F\x94retagskonto\"\n";
    let file = sie::parse(bytes).unwrap();
    assert_eq!(file.encoding, sie::Encoding::Cp437);
    assert_eq!(file.company_name.as_deref(), Some("Övningsföreningen"));
    assert_eq!(file.account_name(1930), "Företagskonto");
    // A mark before UTF-8 is UTF-8.
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend_from_slice("#FLAGGA 0\n#FNAMN \"Övningsföreningen\"\n".as_bytes());
    let file = sie::parse(&utf8).unwrap();
    assert_eq!(file.encoding, sie::Encoding::Utf8);
    assert_eq!(file.company_name.as_deref(), Some("Övningsföreningen"));
}

#[test]
fn a_ten_megabyte_name_is_cut_with_a_warning() {
    let mut bytes = b"#FLAGGA 0\n#RAR 0 20250101 20251231\n#FNAMN \"".to_vec();
    bytes.extend(std::iter::repeat_n(b'A', 10 * 1024 * 1024));
    bytes.extend_from_slice(b"\n#UB 0 1930 5\n#UB 0 2067 -5\n");
    let file = sie::parse(&bytes).unwrap();
    assert_eq!(
        file.company_name.as_deref().map(|s| s.chars().count()),
        Some(sie::MAX_TEXT_CHARS)
    );
    let imp = sie::import(&file, None, &ImportOptions::default());
    let w = imp.warning(WarningCode::TextCut).unwrap();
    assert_eq!(
        w.message,
        "Rad 3: texten i #FNAMN är för lång (10\u{a0}485\u{a0}760 byte); bara de första 200 tecknen används."
    );
    assert_eq!(value(&imp.report, Role::TotalAssets, 0), d("5"));
}

#[test]
fn the_chart_of_accounts_warning_says_what_it_means() {
    let with = |chart: &str| {
        new_import(&format!(
            "#FLAGGA 0\n#RAR 0 20250101 20251231\n#KPTYP {chart}\n#UB 0 1930 5\n#UB 0 2067 -5\n"
        ))
        .warning(WarningCode::OtherChartOfAccounts)
        .map(|w| w.message.clone())
    };
    assert_eq!(with("BAS"), None);
    assert_eq!(with("EUBAS97"), None);
    assert_eq!(with("BAS2014"), None);
    let old = with("BAS96").unwrap();
    assert!(
        old.contains("BAS96, en äldre version av BAS-kontoplanen"),
        "{old}"
    );
    let other = with("K-PLAN1").unwrap();
    assert!(other.contains("K-PLAN1, inte BAS"), "{other}");
}

// ---------------------------------------------------------------------------------------------
// 7. A file cut off before its balances: an error, nothing to import.

#[test]
fn a_file_without_balances_for_the_year_has_nothing_to_import() {
    let cut = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Ekbacken\"\n#RAR 0 20210101 20211231\n\
        #RAR -1 20200101 20201231\n#KONTO 1930 \"Bank\"\n#KONTO 2067 \"Balanserat\"\n";
    let imp = new_import(cut);
    assert!(imp.nothing_to_import());
    assert!(imp.has_errors());
    let w = imp.warning(WarningCode::NoBalances).unwrap();
    assert!(
        w.message
            .starts_with("Filen innehåller inga saldon för 2021"),
        "{}",
        w.message
    );
    // Balances only for last year are not enough either.
    let imp = new_import(&format!("{cut}#UB -1 1930 5\n#UB -1 2067 -5\n"));
    assert!(imp.nothing_to_import());
    // One voucher, or one #IB row, for the year is something to import.
    let imp = new_import(&format!("{cut}#IB 0 1930 5\n#IB 0 2067 -5\n"));
    assert!(!imp.nothing_to_import());
    let imp = new_import(&format!(
        "{cut}#VER A 1 20210301\n{{\n#TRANS 1930 {{}} 5\n#TRANS 3890 {{}} -5\n}}\n"
    ));
    assert!(!imp.nothing_to_import());
    assert_eq!(value(&imp.report, Role::YearResult, 0), d("5"));
}

// ---------------------------------------------------------------------------------------------
// 9. A row written twice: the last counts, and the lines are named.

#[test]
fn duplicate_closing_balances_use_the_last_and_say_so() {
    let text = "#FLAGGA 0\n#RAR 0 20250101 20251231\n\
        #UB 0 1930 1000\n#UB 0 2067 -1000\n#UB 0 1930 1000\n\
        #RES 0 3890 -300\n#RES 0 3890 -300\n#UB 0 2099 0\n";
    let file = sie::parse(text.as_bytes()).unwrap();
    // Not 2 000 and −600: the last row of each.
    assert_eq!(file.closing[&(0, 1930)], d("1000"));
    assert_eq!(file.result[&(0, 3890)], d("-300"));
    let imp = sie::import(&file, None, &ImportOptions::default());
    let dups: Vec<&str> = imp
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::DuplicateRow)
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(
        dups,
        [
            "Rad 5: #UB 0 1930 står också på rad 3; beloppet här (1\u{a0}000\u{a0}kr) används i stället för det på rad 3 (1\u{a0}000\u{a0}kr), de läggs inte ihop.",
            "Rad 7: #RES 0 3890 står också på rad 6; beloppet här (−300\u{a0}kr) används i stället för det på rad 6 (−300\u{a0}kr), de läggs inte ihop.",
        ]
    );
    // Bank 1 000 against equity 1 000: the balance accounts sum to 0, so the result of 300
    // (#RES −300 is income) was booked straight into equity, and the file balances. Had the
    // rows been added together (2 000 in the bank), it would not.
    assert!(
        imp.warning(WarningCode::FileUnbalanced).is_none(),
        "{:#?}",
        imp.warnings
    );
    assert_eq!(value(&imp.report, Role::YearResult, 0), d("300"));
    assert_eq!(value(&imp.report, Role::TotalAssets, 0), d("1000"));
    // Rows per object still add up to the account's balance.
    let objects = "#FLAGGA 0\n#RAR 0 20250101 20251231\n\
        #UB 0 1930 {1 \"A\"} 600\n#UB 0 1930 {1 \"B\"} 400\n#UB 0 2067 -1000\n";
    let file = sie::parse(objects.as_bytes()).unwrap();
    assert_eq!(file.closing[&(0, 1930)], d("1000"));
    assert_eq!(file.notice_count, 0);
}

// ---------------------------------------------------------------------------------------------
// 11. Budgets: #PBUDGET periods summed per year, for a budget column.

#[test]
fn period_budgets_are_summed_per_year_and_line() {
    let mut text = String::from(
        "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Ideella föreningen Ekbacken\"\n\
         #RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n\
         #UB 0 1930 500\n#UB 0 2067 -500\n#RES 0 3890 -1150\n#RES 0 5010 1150\n",
    );
    // 2025: fees of 100 a month (−1 200 in SIE's signs), rent of 50 a month for six months.
    for m in 1..=12 {
        text.push_str(&format!("#PBUDGET 0 2025{m:02} 3890 {{}} -100\n"));
    }
    for m in 1..=6 {
        text.push_str(&format!("#PBUDGET 0 2025{m:02} 5010 {{}} 50.25\n"));
    }
    // A row per object is part of the account's own row, not added again; 2024 in one row;
    // a row without an object list; a malformed row is skipped.
    text.push_str("#PBUDGET 0 202501 3890 {1 \"Avd A\"} -40\n");
    text.push_str("#PBUDGET -1 202412 3890 {} -1000\n");
    text.push_str("#PBUDGET -1 202412 5010 90\n");
    text.push_str("#PBUDGET 0 202501 3890 {} mycket\n");
    let file = sie::parse(text.as_bytes()).unwrap();
    assert_eq!(file.budget[&(0, 3890)], d("-1200"));
    assert_eq!(file.budget[&(0, 5010)], d("301.50"));
    assert_eq!(file.budget[&(-1, 3890)], d("-1000"));
    assert_eq!(file.budget[&(-1, 5010)], d("90"));
    let imp = sie::import(&file, None, &ImportOptions::default());
    let row = |a: u32| imp.mapping.iter().find(|m| m.account == a).unwrap();
    assert_eq!(row(3890).budget, vec![Some(d("-1200")), Some(d("-1000"))]);
    let line_of = |a: u32| match &row(a).placement {
        sie::Placement::Line { id, .. } => id.clone(),
        p => panic!("{p:?}"),
    };
    // As printed: income positive, costs negative; the fiscal year's budget only (no #RAR 1,
    // so no coming year; last year's budget is not a budget column).
    assert_eq!(imp.budget[&line_of(3890)], [Some(d("1200")), None]);
    assert_eq!(imp.budget[&line_of(5010)], [Some(d("-301.50")), None]);
    let w = imp.warning(WarningCode::SkippedRecord).unwrap();
    assert!(
        w.message.contains("#PBUDGET hoppades över"),
        "{}",
        w.message
    );
}
