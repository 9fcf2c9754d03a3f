//! The SIE mapping table kept in the report (file format 4): written by the import, in the
//! JSON file, used to move an account on a later visit without the SIE file, carried by
//! "Nästa år", and migrated from format 3 (no table).

use kassoren_engine::compute;
use kassoren_engine::edit::next_year;
use kassoren_engine::json;
use kassoren_engine::model::*;
use kassoren_engine::money::Money;
use kassoren_engine::sie::{self, ImportOptions};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Bank 1 000 and a savings sub-account 100 (BAS 1930), equity 800, fees 500 and rent 200
/// (a result of 300, not booked), a budget of 600 in fees; 2024 from #IB 0.
const FILE: &str = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Ideella föreningen Ekbacken\"\n\
    #RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n\
    #KONTO 1930 \"Bank\"\n#KONTO 193010 \"Bank, sparkonto\"\n#KONTO 2067 \"Balanserat kapital\"\n\
    #KONTO 3890 \"Medlemsavgifter\"\n#KONTO 5010 \"Lokalhyra\"\n\
    #IB 0 1930 800\n#IB 0 2067 -800\n\
    #UB 0 1930 1000\n#UB 0 193010 100\n#UB 0 2067 -800\n\
    #RES 0 3890 -500\n#RES 0 5010 200\n#PBUDGET 0 202501 3890 {} -600\n";

fn kept(r: &Report, account: u32) -> &SieAccount {
    r.sie_accounts
        .iter()
        .find(|a| a.account == account)
        .unwrap_or_else(|| panic!("{account} not kept"))
}

#[test]
fn the_import_keeps_the_table_in_the_report_and_the_file() {
    let file = sie::parse(FILE.as_bytes()).unwrap();
    let imp = sie::import(&file, None, &ImportOptions::default());
    let r = &imp.report;
    assert_eq!(r.sie_accounts.len(), imp.mapping.len());
    let bank = kept(r, 1930);
    assert_eq!(bank.name, "Bank");
    assert!(bank.balance);
    assert_eq!(
        bank.amounts,
        vec![Some(Money(d("1000"))), Some(Money(d("800")))]
    );
    assert_eq!(bank.line.as_deref(), Some("kassa_och_bank"));
    let fees = kept(r, 3890);
    assert!(!fees.balance);
    assert_eq!(fees.amounts, vec![Some(Money(d("-500"))), None]);
    assert_eq!(fees.budget, vec![Some(Money(d("-600"))), None]);
    assert_eq!(kept(r, 193010).line.as_deref(), Some("kassa_och_bank"));
    // It travels in the JSON file and comes back equal.
    let text = json::to_json(r);
    assert!(text.contains("\"sie_accounts\": ["), "{text}");
    let back = json::from_json(&text).unwrap();
    assert_eq!(&back, r);
    // The kept table, read back as a file, gives the same report.
    let again = sie::import(
        &sie::kept_file(&back).unwrap(),
        Some(&back),
        &ImportOptions::default(),
    );
    assert_eq!(&again.report, r);
    // A line that does not exist is refused when the file is read.
    let bad = text.replacen(
        "\"line\": \"kassa_och_bank\"",
        "\"line\": \"finns_inte\"",
        1,
    );
    let e = json::from_json(&bad).unwrap_err().to_string();
    assert!(e.contains("sie_accounts[0].line"), "{e}");
}

#[test]
fn an_account_is_moved_on_a_later_visit_without_the_file() {
    let file = sie::parse(FILE.as_bytes()).unwrap();
    let imp = sie::import(&file, None, &ImportOptions::default());
    // After a reload only the report is there.
    let reloaded = json::from_json(&json::to_json(&imp.report)).unwrap();
    let moved = sie::move_kept_account(&reloaded, 193010, Some("finansiella_placeringar")).unwrap();
    let with_file = sie::move_account(
        &file,
        &imp.report,
        193010,
        Some("finansiella_placeringar"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(moved.report, with_file.report);
    let r = &moved.report;
    assert_eq!(r.account_map[&193010], "finansiella_placeringar");
    assert_eq!(
        kept(r, 193010).line.as_deref(),
        Some("finansiella_placeringar")
    );
    // Bank 1 000 and 100 in finansiella placeringar.
    let c = compute(r);
    assert_eq!(c.value("kassa_och_bank", 0), d("1000"));
    assert_eq!(c.value("finansiella_placeringar", 0), d("100"));
    // Back to the line its range gives.
    let back = sie::move_kept_account(r, 193010, None).unwrap();
    assert!(back.report.account_map.is_empty());
    assert_eq!(compute(&back.report).value("kassa_och_bank", 0), d("1100"));
    // A report without a table has nothing to move.
    let empty = kassoren_engine::example::example_report();
    assert!(sie::kept_file(&empty).is_none());
    assert!(sie::move_kept_account(&empty, 1930, None).is_none());
}

#[test]
fn next_year_carries_the_choices_and_the_table() {
    let file = sie::parse(FILE.as_bytes()).unwrap();
    let imp = sie::import(&file, None, &ImportOptions::default());
    let moved = sie::move_account(
        &file,
        &imp.report,
        193010,
        Some("finansiella_placeringar"),
        &ImportOptions::default(),
    )
    .unwrap();
    let next = next_year(&moved.report);
    assert_eq!(next.account_map[&193010], "finansiella_placeringar");
    // This year's amounts are next year's comparison amounts.
    assert_eq!(
        kept(&next, 1930).amounts,
        vec![None, Some(Money(d("1000")))]
    );
    assert_eq!(kept(&next, 3890).budget, vec![None, Some(Money(d("-600")))]);
    assert!(json::from_json(&json::to_json(&next)).is_ok());
    // Next year's file reuses the choice.
    let next_file = FILE.replace(
        "#RAR 0 20250101 20251231\n#RAR -1 20240101 20241231",
        "#RAR 0 20260101 20261231\n#RAR -1 20250101 20251231",
    );
    let f = sie::parse(next_file.as_bytes()).unwrap();
    let imp = sie::import(&f, Some(&next), &ImportOptions::default());
    assert_eq!(
        kept(&imp.report, 193010).line.as_deref(),
        Some("finansiella_placeringar")
    );
}

#[test]
fn a_format_3_file_opens_without_a_table() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let v3 = std::fs::read_to_string(dir.join("format-v3.json")).unwrap();
    assert!(!v3.contains("sie_accounts"));
    let r = json::from_json(&v3).unwrap();
    assert_eq!(r.version, FORMAT_VERSION);
    assert!(r.sie_accounts.is_empty());
    assert!(json::to_json(&r).contains("\"sie_accounts\": []"));
    // A version 3 file that already has the field is refused rather than guessed at.
    let odd = v3.replacen(
        "\"version\": 3,",
        "\"version\": 3,\n  \"sie_accounts\": [],",
        1,
    );
    let e = json::from_json(&odd).unwrap_err().to_string();
    assert!(e.contains("sie_accounts"), "{e}");
    // The format 4 fixture has a table, with a moved sub-account.
    let v4 =
        json::from_json(&std::fs::read_to_string(dir.join("format-v4.json")).unwrap()).unwrap();
    assert_eq!(v4.account_map[&193010], "finansiella_placeringar");
    assert_eq!(
        kept(&v4, 193010).line.as_deref(),
        Some("finansiella_placeringar")
    );
}
