//! `kassoren import-sie`: a new report from a SIE file (the form it used is printed), into an
//! existing report (hand-typed amounts are listed, `--overwrite` applies them), `--move`,
//! `--mapping`, and one-line errors with exit status 2.

mod common;

use common::{kassoren, stderr, stdout, tmp};
use std::path::Path;

use kassoren_engine::json;
use kassoren_engine::model::*;
use rust_decimal::Decimal;

fn sample(name: &str) -> String {
    common::sie_sample(name).to_string_lossy().into()
}

fn read(path: &Path) -> Report {
    json::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_new_report_from_a_sie_file_says_which_form() {
    let out = tmp("bl.json");
    let o = kassoren(&[
        "import-sie",
        &sample("jsisie__BL0001_typ1.SE"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    assert_eq!(
        text.lines().next(),
        Some("Form: aktiebolag (enligt #FTYP AB i filen)")
    );
    assert!(
        text.contains("2009/10: årets resultat 223\u{a0}703,47\u{a0}kr"),
        "{text}"
    );
    assert!(text.contains("[unmapped_accounts]"), "{text}");
    let r = read(&out);
    assert_eq!(r.organisation.name, "SEEE Speak Easy Executive English AB");
    assert_eq!(r.organisation.legal_form, LegalForm::Aktiebolag);
    // The report checks out as a file: `check` reads it (errors such as missing signatures
    // are expected in a fresh report, but the balansräkning balances).
    let o = kassoren(&["check", "--json", out.to_str().unwrap()]);
    let problems: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!problems
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["code"] == "balance_sheet_unbalanced"));

    // A chosen form; and the form from the name.
    let o = kassoren(&[
        "import-sie",
        &sample("jsisie__Visma_Enskild_Firma_2010.se"),
        "--form",
        "ideell-forening",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o).lines().next(),
        Some("Form: ideell-forening (vald)")
    );
    assert_eq!(
        read(&out).organisation.legal_form,
        LegalForm::IdeellForening
    );
    let o = kassoren(&[
        "import-sie",
        &sample("jsisie__transaktioner_ovnbolag.se"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        stdout(&o).lines().next(),
        Some("Form: aktiebolag (enligt namnet \"Övningsbolaget AB (Ekonomi 60)\")")
    );
}

#[test]
fn into_a_report_hand_typed_amounts_are_listed_until_overwrite() {
    let out = tmp("into.json");
    let o = kassoren(&[
        "import-sie",
        &sample("jsisie__BL0001_typ1.SE"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let mut r = read(&out);
    assert!(r.set_amount("nettoomsattning", 0, Some(Decimal::from(1))));
    r.organisation.name = "Mitt namn".into();
    std::fs::write(&out, json::to_json(&r)).unwrap();
    let merged = tmp("merged.json");
    let o = kassoren(&[
        "import-sie",
        &sample("jsisie__BL0001_typ1.SE"),
        "--into",
        out.to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("Form: aktiebolag (rapportens form)"),
        "{text}"
    );
    assert!(
        text.contains("Ändras inte utan --overwrite (2 st):"),
        "{text}"
    );
    assert!(
        text.contains("  Namn: \"Mitt namn\" → \"SEEE Speak Easy Executive English AB\""),
        "{text}"
    );
    assert!(
        text.contains("  Nettoomsättning 2009/10: 1\u{a0}kr → 289\u{a0}328,17\u{a0}kr"),
        "{text}"
    );
    let m = read(&merged);
    assert_eq!(m.organisation.name, "Mitt namn");
    let o = kassoren(&[
        "import-sie",
        &sample("jsisie__BL0001_typ1.SE"),
        "--into",
        out.to_str().unwrap(),
        "--overwrite",
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stdout(&o).contains("Ändras inte"));
    let m = read(&merged);
    assert_eq!(m.organisation.name, "SEEE Speak Easy Executive English AB");
    // --form does not go with --into.
    let o = kassoren(&[
        "import-sie",
        &sample("jsisie__BL0001_typ1.SE"),
        "--into",
        out.to_str().unwrap(),
        "--form",
        "stiftelse",
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn move_and_mapping() {
    let out = tmp("moved.json");
    let o = kassoren(&[
        "import-sie",
        &sample("jsisie__BL0001_typ1.SE"),
        "--move",
        "9999=ovriga_fordringar",
        "--mapping",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(!text.contains("[unmapped_accounts]"), "{text}");
    let row = text.lines().find(|l| l.starts_with("9999 ")).unwrap();
    assert!(row.contains("Obs-konto"), "{row}");
    assert!(row.contains("11\u{a0}120"), "{row}");
    assert!(
        row.contains("Övriga fordringar (ovriga_fordringar) [flyttad]"),
        "{row}"
    );
    let row = text.lines().find(|l| l.starts_with("8999 ")).unwrap();
    assert!(row.contains("årets resultat, 8990–8999"), "{row}");
    let r = read(&out);
    assert_eq!(
        r.account_map.get(&9999).map(String::as_str),
        Some("ovriga_fordringar")
    );
    for bad in [
        "9999",
        "x=ovriga_fordringar",
        "9999=finns_inte",
        "9999=tillgangar",
    ] {
        let o = kassoren(&[
            "import-sie",
            &sample("jsisie__BL0001_typ1.SE"),
            "--move",
            bad,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("--move"), "{bad}: {}", stderr(&o));
    }
}

#[test]
fn a_file_that_does_not_balance_exits_1_and_is_still_written() {
    let out = tmp("test3.json");
    let o = kassoren(&[
        "import-sie",
        &sample("jsisie__Test3_typ3.SE"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("Fel: 1997: Filens belopp går inte jämnt ut"));
    assert!(out.exists());
}

#[test]
fn unreadable_sie_files_exit_2_with_one_line_naming_the_line() {
    let truncated = tmp("cut.se");
    let bytes = std::fs::read(sample("jsisie__BL0001_typ4.SE")).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() - 200]).unwrap();
    let not_sie = tmp("not.se");
    std::fs::write(&not_sie, "Det här är ingen SIE-fil\n").unwrap();
    let out = tmp("never.json");
    for (args, needle) in [
        (
            vec![
                "import-sie",
                truncated.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
            "filen tar slut mitt i verifikationen",
        ),
        (
            vec![
                "import-sie",
                not_sie.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
            "Rad 1: filen är ingen SIE-fil",
        ),
        (
            vec!["import-sie", "/finns/inte.se", "-o", out.to_str().unwrap()],
            "kan inte läsa filen",
        ),
        (vec!["import-sie", not_sie.to_str().unwrap()], "ange utfil"),
        (
            vec!["import-sie", "-o", out.to_str().unwrap()],
            "ange SIE-filen",
        ),
        (
            vec![
                "import-sie",
                not_sie.to_str().unwrap(),
                "--form",
                "klubb",
                "-o",
                out.to_str().unwrap(),
            ],
            "okänd form",
        ),
    ] {
        let o = kassoren(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("kassoren: "), "{err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!out.exists(), "a failed import writes nothing");
    }
}

/// Takings of January–May 2025, written on 1 June 2025, without `#RAR`.
const NO_RAR: &str = "#FLAGGA 0\n#SIETYP 4\n#GEN 20250601\n#FNAMN \"Föreningen Ekbacken\"\n\
#IB 0 1930 1000\n#IB 0 2067 -1000\n\
#VER A 1 20250107 \"Avgifter\"\n{\n#TRANS 1930 {} 400\n#TRANS 3890 {} -400\n}\n\
#VER A 2 20250530 \"Avgifter\"\n{\n#TRANS 1930 {} 100\n#TRANS 3890 {} -100\n}\n";

#[test]
fn without_rar_the_year_comes_from_the_vouchers_and_can_be_chosen() {
    let file = tmp("no-rar.se");
    std::fs::write(&file, NO_RAR).unwrap();
    let out = tmp("no-rar.json");
    let f = file.to_str().unwrap();
    let o = kassoren(&["import-sie", f, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains(
            "Räkenskapsåret 2025-01-01 – 2025-12-31 är taget från verifikationernas datum"
        ),
        "{text}"
    );
    assert_eq!(
        read(&out).years[0],
        kassoren_engine::template::calendar_year(2025)
    );
    // Another year, chosen.
    let o = kassoren(&[
        "import-sie",
        f,
        "--start",
        "2024-07-01",
        "--end",
        "2025-06-30",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("valt vid importen"), "{}", stdout(&o));
    let r = read(&out);
    assert_eq!(r.years[0].start.to_string(), "2024-07-01");
    assert_eq!(r.years[0].end.to_string(), "2025-06-30");
    // A file with #RAR keeps its year: choosing one is an error.
    let o = kassoren(&[
        "import-sie",
        &sample("jsisie__BL0001_typ1.SE"),
        "--year",
        "2024",
        "-o",
        tmp("never-rar.json").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("#RAR"), "{}", stderr(&o));
}

#[test]
fn a_file_without_balances_exits_1_and_writes_nothing() {
    let file = tmp("cut-before-balances.se");
    std::fs::write(
        &file,
        "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Ekbacken\"\n#RAR 0 20210101 20211231\n#KONTO 1930 \"Bank\"\n",
    )
    .unwrap();
    let out = tmp("cut-before-balances.json");
    let o = kassoren(&[
        "import-sie",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("Fel: Filen innehåller inga saldon för 2021"),
        "{}",
        stdout(&o)
    );
    assert!(!out.exists());
}

#[test]
fn six_digit_accounts_are_listed_with_their_bas_account() {
    let file = tmp("sub-accounts.se");
    std::fs::write(
        &file,
        "#FLAGGA 0\n#RAR 0 20250101 20251231\n#KONTO 143010 \"Lager, mjöl\"\n\
         #UB 0 143010 4800.40\n#UB 0 1930 199.60\n#UB 0 2067 -5000\n",
    )
    .unwrap();
    let out = tmp("sub-accounts.json");
    let o = kassoren(&[
        "import-sie",
        file.to_str().unwrap(),
        "--mapping",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    let line = text
        .lines()
        .find(|l| l.starts_with("143010"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("Lager, mjöl (BAS 1430)"), "{line}");
    assert!(
        line.contains("lager_ravaror_och_fornodenheter") || line.contains("Råvaror"),
        "{line}"
    );
    assert!(!text.contains("[unmapped_accounts]"), "{text}");
    // The kept table travels in the report.
    let r = read(&out);
    assert_eq!(
        r.sie_accounts
            .iter()
            .find(|a| a.account == 143010)
            .unwrap()
            .line
            .as_deref(),
        Some("lager_ravaror_och_fornodenheter")
    );
}

/// `#PBUDGET` goes into the budget: the typ 4 sample's year budget lands on its lines (not
/// shown in an aktiebolag's årsredovisning until asked for), and the import says so.
#[test]
fn the_files_budget_fills_the_budget_columns() {
    let out = tmp("bl4-budget.json");
    let o = kassoren(&[
        "import-sie",
        &sample("jsisie__BL0001_typ4.SE"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("[budget_imported]"), "{text}");
    let r = read(&out);
    assert!(!r.budget.shown);
    assert_eq!(
        r.budget.lines["nettoomsattning"].this_year,
        Some(kassoren_engine::money::Money(Decimal::from(1_200_000)))
    );
}
