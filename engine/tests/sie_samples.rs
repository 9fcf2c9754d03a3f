//! The SIE import on real files: every sample in `tests/fixtures/sie/` (see `SOURCES.txt`
//! there) imports without error; for each year with
//! balances the balansräkning balances and årets resultat matches the file's result accounts,
//! except where the file itself does not balance, where the difference is named. Golden line
//! totals for five files were computed by `tests/fixtures/sie_golden.py` straight from the
//! files' `#UB`/`#RES` rows, not by this program.

use std::path::PathBuf;

mod common;

use kassoren_engine::model::*;
use kassoren_engine::money::Money;
use kassoren_engine::sie::{self, Closing, Import, ImportOptions, Level, Placement, WarningCode};
use kassoren_engine::{compute, json, ProblemCode};
use rust_decimal::Decimal;

fn dir() -> PathBuf {
    common::sie_samples()
}

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            matches!(ext.as_str(), "se" | "si" | "sie")
        })
        .collect();
    #[allow(clippy::disallowed_methods)] // a test: the standard sort costs nothing here
    files.sort();
    files
}

fn read(name: &str) -> sie::SieFile {
    let bytes = std::fs::read(dir().join(name)).unwrap();
    sie::parse(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn fresh(name: &str) -> Import {
    sie::import(&read(name), None, &ImportOptions::default())
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The value of the line with a role in a year.
fn role_value(r: &Report, role: Role, year: usize) -> Decimal {
    let id = &r.line_by_role(role).unwrap().id;
    compute(r).value(id, year)
}

/// The cases where a sample file itself does not balance, and by how much (see
/// `src/sie/README-samples.md`).
const INCONSISTENT: &[(&str, usize, &str)] = &[
    // #PSALDO for 1997-02 sums to 100: a period whose movements do not balance.
    ("jsisie__Test3_typ3.SE", 0, "100"),
    // #IB sums to 76 663 (and #UB is a copy of #IB): the opening balance does not balance.
    ("jsisie__Sie4_fortnox.si", 0, "76663"),
    // No #UB -1: the comparison year's closing balances are #IB 0, the same 76 663 off.
    ("jsisie__Sie4_fortnox.si", 1, "76663"),
];

#[test]
fn every_sample_imports_balances_and_keeps_the_result() {
    let files = samples();
    assert_eq!(files.len(), 8, "{files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let file = read(&name);
        let imp = sie::import(&file, None, &ImportOptions::default());
        let r = &imp.report;
        // The report is a valid file.
        let text = json::to_json(r);
        assert_eq!(&json::from_json(&text).unwrap(), r, "{name}");
        // The mapping table kept in it, read back as a file, gives the same report (so moving
        // an account on a later visit, without the file, starts from the same figures).
        let kept = sie::kept_file(r).unwrap_or_else(|| panic!("{name}: no table kept"));
        let again = sie::import(&kept, Some(r), &ImportOptions::default());
        assert_eq!(
            &again.report, r,
            "{name}: the kept table gives other figures"
        );
        let c = compute(r);
        for y in &imp.years {
            if y.closing == Closing::NoBalances {
                continue;
            }
            let i = y.year;
            let assets = role_value(r, Role::TotalAssets, i);
            let other = role_value(r, Role::TotalEquityAndLiabilities, i);
            let expected = INCONSISTENT
                .iter()
                .find(|(n, year, _)| *n == name && *year == i)
                .map(|(_, _, diff)| d(diff));
            match expected {
                None => {
                    assert_eq!(assets, other, "{name} year {i}: unbalanced");
                    assert_eq!(y.difference, None, "{name} year {i}");
                    assert!(
                        !c.problems
                            .iter()
                            .any(|p| p.code == ProblemCode::BalanceSheetUnbalanced
                                && p.message.contains(&r.years[i].label())),
                        "{name} year {i}"
                    );
                }
                Some(diff) => {
                    assert_eq!(assets - other, diff, "{name} year {i}");
                    assert_eq!(y.difference, Some(diff), "{name} year {i}");
                    assert_eq!(y.closing, Closing::Inconsistent);
                    let w = imp
                        .warning(WarningCode::FileUnbalanced)
                        .unwrap_or_else(|| panic!("{name}: no warning"));
                    assert_eq!(w.level, Level::Error);
                    let shown = kassoren_engine::money::format_for_input(diff);
                    assert!(w.message.contains(&shown), "{name}: {}", w.message);
                    // The report's own check names the same amount.
                    assert!(
                        c.problems
                            .iter()
                            .any(|p| p.code == ProblemCode::BalanceSheetUnbalanced
                                && p.message.contains(&shown)),
                        "{name}: {:#?}",
                        c.problems
                    );
                }
            }
            // Årets resultat: the income statement's, the balance sheet's, and the file's
            // result accounts (3000–8989 plus anything unmapped is excluded: the statement
            // shows the mapped lines), all equal.
            let result = role_value(r, Role::YearResult, i);
            assert_eq!(result, y.result, "{name} year {i}");
            assert_eq!(
                role_value(r, Role::YearResultBalance, i),
                result,
                "{name} year {i}"
            );
            let file_result: Decimal = imp
                .mapping
                .iter()
                .filter(|m| !m.balance_account && matches!(m.placement, Placement::Line { .. }))
                .filter_map(|m| m.amounts[i])
                .sum();
            assert_eq!(result, -file_result, "{name} year {i}");
            assert!(
                !c.problems
                    .iter()
                    .any(|p| p.code == ProblemCode::ResultMismatch),
                "{name}: {:#?}",
                c.problems
            );
        }
        for (n, year, _) in INCONSISTENT {
            if *n == name {
                assert_eq!(imp.years[*year].closing, Closing::Inconsistent, "{name}");
            }
        }
        // No balance is dropped: every account with an amount is in the mapping table, and
        // every account 1000–8989 is on a line.
        for m in &imp.mapping {
            if (1000..=8989).contains(&m.account) {
                assert!(
                    matches!(m.placement, Placement::Line { .. }),
                    "{name}: konto {} is not on a line",
                    m.account
                );
            }
        }
        // Importing the same file again changes nothing.
        let again = sie::import(&file, Some(r), &ImportOptions::default());
        assert_eq!(&again.report, r, "{name}: not idempotent");
        assert!(again.changes.is_empty(), "{name}: {:#?}", again.changes);
    }
}

#[test]
fn swedish_letters_come_out_right_in_every_sample() {
    let expect = [
        (
            "jsisie__Visma_Enskild_Firma_2010.se",
            "Övningsföretaget",
            (1120, "Förbättring på annans fastighet"),
        ),
        (
            "jsisie__transaktioner_ovnbolag.se",
            "Övningsbolaget AB (Ekonomi 60)",
            (1510, "Kundfordringar"),
        ),
        (
            "jsisie__BL0001_typ1.SE",
            "SEEE Speak Easy Executive English AB",
            (2150, "Ackumulerade överavskr"),
        ),
        (
            "jsisie__BL0001_typ4.SE",
            "SEEE Speak Easy Executive English AB",
            (1680, "Övr. kortfristiga fordr."),
        ),
        (
            "jsisie__Sie4_fortnox.si",
            "Testföretaget AB",
            (1111, "Byggnader på egen mark"),
        ),
        (
            "jsisie__Test3_typ3.SE",
            "Testföretaget",
            (2320, "Upplupna semesterlöner"),
        ),
        (
            "alipsa__9_sie-gruppen-e-conomic.se",
            "Lillakonsultbyrån",
            (1060, "Hyresrätt"),
        ),
        // The letters of this file were destroyed before it was published (U+FFFD is in the
        // bytes); they stay U+FFFD and a warning says so, instead of turning into "∩┐╜".
        (
            "jsisie__SIE4_Exempelfil_med_underdim.SE",
            "\u{FFFD}vningsbolaget AB",
            (1060, "Hyresr\u{FFFD}tt"),
        ),
    ];
    for (name, company, (account, account_name)) in expect {
        let f = read(name);
        assert_eq!(f.company_name.as_deref(), Some(company), "{name}");
        assert_eq!(f.account_name(account), account_name, "{name}");
        let imp = sie::import(&f, None, &ImportOptions::default());
        assert_eq!(imp.report.organisation.name, company, "{name}");
        let damaged = imp
            .warnings
            .iter()
            .any(|w| w.code == WarningCode::DamagedText);
        assert_eq!(damaged, company.contains('\u{FFFD}'), "{name}");
        // No box-drawing or Greek letters from a wrong code page anywhere.
        for a in f.accounts.values() {
            assert!(
                !a.name
                    .chars()
                    .any(|c| ('\u{2500}'..='\u{25FF}').contains(&c)
                        || ('\u{0391}'..='\u{03C9}').contains(&c)
                        || c == '∩'),
                "{name}: {:?}",
                a.name
            );
        }
    }
}

/// Expected line totals (line id, fiscal year, comparison year) from `sie_golden.py`.
type Golden = &'static [(&'static str, &'static str, &'static str)];

const BL0001_TYP1: Golden = &[
    ("ackumulerade_overavskrivningar", "4246", "4246"),
    ("aktiekapital", "100000", "100000"),
    ("andra_langfristiga_vardepappersinnehav", "100000", "100000"),
    ("arets_resultat_balans", "223703.47", "4424.6"),
    ("av_och_nedskrivningar", "-4513", "-2933"),
    ("balanserat_resultat", "334811.13", "341506.53"),
    ("forandring_av_lager", "-1600", "-400"),
    (
        "forutbetalda_kostnader_och_upplupna_intakter",
        "50500",
        "45500",
    ),
    (
        "inventarier_verktyg_och_installationer",
        "68185.0",
        "1898.0",
    ),
    ("kassa_och_bank", "1023719.15", "768182.98"),
    ("kundfordringar", "347497.9", "372260.9"),
    ("leverantorsskulder", "71773.31", "37696.31"),
    ("nettoomsattning", "289328.17", "37200"),
    ("ovriga_externa_kostnader", "-13818.5", "-3842.4"),
    ("ovriga_fordringar", "26569.59", "28569.59"),
    ("ovriga_skulder_kort", "626774.29", "573374.59"),
    ("periodiseringsfonder", "90533", "90533"),
    ("ravaror_och_fornodenheter", "-45693.2", "-25600"),
    ("reservfond", "20000", "20000"),
    (
        "upplupna_kostnader_och_forutbetalda_intakter",
        "144630.44",
        "144630.44",
    ),
];

const ECONOMIC: Golden = &[
    ("aktiekapital", "100000", "100000"),
    ("arets_resultat_balans", "474420.91", "474420.91"),
    ("balanserat_resultat", "215367.91", "215367.91"),
    (
        "forutbetalda_kostnader_och_upplupna_intakter",
        "12500",
        "12500",
    ),
    ("inventarier_verktyg_och_installationer", "50000", "50000"),
    ("kassa_och_bank", "250777.11", "250777.11"),
    ("kundfordringar", "96361.25", "96361.25"),
    ("leverantorsskulder", "180008.61", "180008.61"),
    ("nettoomsattning", "1108914.2", "1108914.2"),
    ("ovriga_externa_kostnader", "-45522.09", "-45522.09"),
    ("ovriga_fordringar", "-2200", "-2200"),
    ("ovriga_lagertillgangar", "45000", "45000"),
    ("ovriga_skulder_kort", "361839.73", "361839.73"),
    (
        "pagaende_arbete_for_annans_rakning_tillgang",
        "994070",
        "994070",
    ),
    ("personalkostnader", "-585971.2", "-585971.2"),
    ("skatt_pa_arets_resultat", "-3000", "-3000"),
    ("skatteskulder", "3900", "3900"),
    (
        "upplupna_kostnader_och_forutbetalda_intakter",
        "110971.2",
        "110971.2",
    ),
];

const OVNBOLAG: Golden = &[
    ("aktiekapital", "200000.00", "200000.00"),
    ("arets_resultat_balans", "277798.46", "1151678.15"),
    ("balanserat_resultat", "3367906.16", "2216228.01"),
    ("fardiga_varor_och_handelsvaror", "688700.22", "612139.47"),
    ("forandring_av_lager", "76560.75", "31198.65"),
    (
        "forutbetalda_kostnader_och_upplupna_intakter",
        "33500.00",
        "33500.00",
    ),
    (
        "inventarier_verktyg_och_installationer",
        "165263.03",
        "151303.03",
    ),
    ("kassa_och_bank", "3201850.89", "2680216.34"),
    ("kundfordringar", "971482.00", "814506.00"),
    ("leverantorsskulder", "738854.30", "199491.80"),
    ("nettoomsattning", "1960220.73", "5716962.92"),
    ("ovriga_externa_kostnader", "-141605.28", "-449970.62"),
    ("ovriga_fordringar", "-1500.00", "0"),
    ("ovriga_rorelseintakter", "4124.11", "2365.97"),
    ("ovriga_rorelsekostnader", "-1635.56", "-1586.52"),
    ("ovriga_skulder_kort", "101000.39", "154244.31"),
    ("periodiseringsfonder", "311300.00", "311300.00"),
    ("personalkostnader", "-528449.94", "-1773365.55"),
    ("ravaror_och_fornodenheter", "-1091416.35", "-2373926.70"),
    ("reservfond", "20000.00", "20000.00"),
    ("skatteskulder", "-262500.00", "-210000.00"),
    (
        "upplupna_kostnader_och_forutbetalda_intakter",
        "304936.83",
        "248722.57",
    ),
];

const VISMA_ENSKILD_FIRMA: Golden = &[
    // Year 1 (2009) has no #UB -1: its closing balances are #IB 0, summed by hand per line
    // (1910 + 1940 + 1941 = 220 000 in kassa och bank; 2010 −162 388 is all of equity).
    ("arets_resultat_balans", "73860.93", "0"),
    ("av_och_nedskrivningar", "-8000.00", "0"),
    ("balanserat_resultat", "162270.00", "162388.00"),
    ("fardiga_varor_och_handelsvaror", "58888.00", "88888.00"),
    ("forskott_fran_kunder", "-998.75", "0"),
    (
        "inventarier_verktyg_och_installationer",
        "8000.00",
        "16000.00",
    ),
    ("kassa_och_bank", "293792.18", "220000.00"),
    ("kundfordringar", "2500.00", "2500.00"),
    ("leverantorsskulder", "8000.00", "5000.00"),
    ("nettoomsattning", "68822.68", "0"),
    ("ovriga_externa_kostnader", "-4441.50", "0"),
    ("ovriga_lagertillgangar", "48500.00", "0"),
    ("ovriga_ranteintakter", "396.00", "0"),
    ("ovriga_rorelseintakter", "3223.75", "0"),
    ("ovriga_skulder_kort", "8548.00", "0"),
    ("ovriga_skulder_lang", "160000.00", "160000.00"),
    ("ravaror_och_fornodenheter", "13860.00", "0"),
];

const EXEMPELFIL: Golden = &[
    ("ackumulerade_overavskrivningar", "87500.00", "87500.00"),
    ("aktiekapital", "200000.00", "200000.00"),
    ("arets_resultat_balans", "1074344.11", "585964.73"),
    ("av_och_nedskrivningar", "0", "-84291.50"),
    ("balanserat_resultat", "2216228.01", "2130263.28"),
    ("forandring_av_lager", "75787.51", "90861.69"),
    (
        "forutbetalda_kostnader_och_upplupna_intakter",
        "17000.00",
        "16500.00",
    ),
    (
        "inventarier_verktyg_och_installationer",
        "151303.03",
        "54703.03",
    ),
    ("kassa_och_bank", "2381558.42", "2383773.77"),
    ("kundfordringar", "1050982.35", "1000255.40"),
    ("leverantorsskulder", "234973.13", "398062.30"),
    ("nettoomsattning", "5782818.36", "5341826.38"),
    ("ovriga_externa_kostnader", "-466117.90", "-405979.78"),
    ("ovriga_lagertillgangar", "656728.33", "580940.82"),
    ("ovriga_ranteintakter", "1487.89", "1829.44"),
    ("ovriga_rorelseintakter", "-3944.95", "-504.95"),
    ("ovriga_skulder_kort", "162004.31", "119334.29"),
    (
        "ovriga_skulder_till_kreditinstitut_lang",
        "223800.00",
        "223800.00",
    ),
    ("personalkostnader", "-1773365.55", "-1768061.80"),
    ("rantekostnader", "0", "-940.00"),
    ("ravaror_och_fornodenheter", "-2542321.25", "-2398774.75"),
    ("reservfond", "20000.00", "20000.00"),
    ("skatt_pa_arets_resultat", "0", "-190000.00"),
    ("skatteskulder", "-210000.00", "0"),
    (
        "upplupna_kostnader_och_forutbetalda_intakter",
        "248722.57",
        "271248.42",
    ),
];

#[test]
fn golden_line_totals() {
    for (name, golden, totals) in [
        (
            "jsisie__BL0001_typ1.SE",
            BL0001_TYP1,
            [("1616471.64", "223703.47"), ("1316411.47", "4424.6")],
        ),
        (
            "alipsa__9_sie-gruppen-e-conomic.se",
            ECONOMIC,
            [("1446508.36", "474420.91"), ("1446508.36", "474420.91")],
        ),
        (
            "jsisie__transaktioner_ovnbolag.se",
            OVNBOLAG,
            [("5059296.14", "277798.46"), ("4291664.84", "1151678.15")],
        ),
        (
            "jsisie__Visma_Enskild_Firma_2010.se",
            VISMA_ENSKILD_FIRMA,
            [("411680.18", "73860.93"), ("327388.00", "0")],
        ),
        (
            "jsisie__SIE4_Exempelfil_med_underdim.SE",
            EXEMPELFIL,
            [("4257572.13", "1074344.11"), ("4036173.02", "585964.73")],
        ),
    ] {
        let imp = fresh(name);
        let r = &imp.report;
        assert_eq!(r.organisation.legal_form, LegalForm::Aktiebolag, "{name}");
        let c = compute(r);
        for l in r.all_lines() {
            if !matches!(l.kind, LineKind::Input { .. }) {
                continue;
            }
            let expected = golden.iter().find(|(id, _, _)| *id == l.id);
            for y in 0..2 {
                let want = expected.map_or(Decimal::ZERO, |g| d(if y == 0 { g.1 } else { g.2 }));
                assert_eq!(c.value(&l.id, y), want, "{name}: {} year {y}", l.id);
            }
        }
        for (y, (assets, result)) in totals.iter().enumerate() {
            assert_eq!(role_value(r, Role::TotalAssets, y), d(assets), "{name} {y}");
            assert_eq!(
                role_value(r, Role::TotalEquityAndLiabilities, y),
                d(assets),
                "{name} {y}"
            );
            assert_eq!(role_value(r, Role::YearResult, y), d(result), "{name} {y}");
        }
    }
}

#[test]
fn what_each_sample_gives() {
    // BL0001: #FTYP AB; year 0 not booked, year −1 booked via 8999; 9999 Obs-konto is
    // unmapped (11 120 kr and −800 kr) and the balansräkning balances in both years.
    let imp = fresh("jsisie__BL0001_typ1.SE");
    assert_eq!(
        imp.form_line(),
        "Form: aktiebolag (enligt #FTYP AB i filen)"
    );
    assert_eq!(imp.report.organisation.org_nr, "556265-1892");
    assert_eq!(imp.report.years[0].label(), "2009/10");
    assert_eq!(imp.report.years[1].label(), "2008/09");
    assert_eq!(imp.years[0].closing, Closing::NotBooked);
    assert_eq!(imp.years[1].closing, Closing::Booked);
    assert_eq!(imp.years[1].booked, d("5224.6"));
    let unmapped = imp.warning(WarningCode::UnmappedAccounts).unwrap();
    assert!(
        unmapped.message.contains("9999 Obs-konto"),
        "{}",
        unmapped.message
    );
    assert!(
        unmapped.message.contains("11\u{a0}120\u{a0}kr"),
        "{}",
        unmapped.message
    );
    assert!(
        unmapped.message.contains("\u{2212}800\u{a0}kr"),
        "{}",
        unmapped.message
    );
    let row = imp.mapping.iter().find(|m| m.account == 9999).unwrap();
    assert_eq!(row.placement, Placement::Unmapped);
    assert_eq!(row.amounts, vec![Some(d("11120")), Some(d("-800"))]);
    let row = imp.mapping.iter().find(|m| m.account == 8999).unwrap();
    assert_eq!(row.placement, Placement::ResultAccount);
    // Type 4 of the same company gives the same statements from its #UB/#RES (the vouchers,
    // with #RTRANS and #BTRANS, agree with them).
    // The kept mapping tables have the same amounts (the files' names may differ).
    let typ4 = fresh("jsisie__BL0001_typ4.SE");
    let amounts = |r: &Report| -> Vec<_> {
        r.sie_accounts
            .iter()
            .map(|a| (a.account, a.amounts.clone(), a.line.clone()))
            .collect()
    };
    assert_eq!(amounts(&typ4.report), amounts(&imp.report));
    // Type 4 also has the year's budget (#PBUDGET), which goes into the budget columns (not
    // shown: an aktiebolag's årsredovisning prints it only when asked).
    let without_table = |r: &Report| Report {
        sie_accounts: Vec::new(),
        budget: Budget::default(),
        ..r.clone()
    };
    assert_eq!(without_table(&typ4.report), without_table(&imp.report));
    assert!(imp.report.budget.lines.is_empty());
    assert!(!typ4.report.budget.shown);
    assert_eq!(
        typ4.report.budget.lines["nettoomsattning"].this_year,
        Some(Money(d("1200000")))
    );
    assert_eq!(
        typ4.report.budget.lines["ravaror_och_fornodenheter"].this_year,
        Some(Money(d("-600000")))
    );
    assert!(!typ4
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::TransactionsDisagree));

    // Övningsbolaget: last year's result was never carried into the opening balance.
    let imp = fresh("jsisie__transaktioner_ovnbolag.se");
    assert_eq!(imp.years[0].missing_carry_forward, Some(d("1151678.15")));
    assert_eq!(imp.years[0].closing, Closing::NotBooked);
    let w = imp.warning(WarningCode::MissingCarryForward).unwrap();
    assert_eq!(w.level, Level::Warning);
    assert!(
        w.message.contains("1\u{a0}151\u{a0}678,15\u{a0}kr"),
        "{}",
        w.message
    );
    assert!(!imp.has_errors());

    // Fortnox: no #RES (the result comes from the vouchers) and #UB a copy of #IB.
    let imp = fresh("jsisie__Sie4_fortnox.si");
    assert_eq!(imp.years[0].results, sie::Source::Transactions);
    assert_eq!(imp.years[0].balances, sie::Source::Transactions);
    assert_eq!(imp.years[0].result, d("595635.04"));
    for code in [
        WarningCode::ResultFromTransactions,
        WarningCode::StaleClosingBalances,
        WarningCode::BalancesFromNextOpening,
    ] {
        assert!(imp.warnings.iter().any(|w| w.code == code), "{code:?}");
    }
    let w = imp.warning(WarningCode::FileUnbalanced).unwrap();
    assert!(
        w.message
            .contains("ingående balanserna (#IB) summerar till 76\u{a0}663\u{a0}kr"),
        "{}",
        w.message
    );

    // Test3: BAS96, a period that does not balance by 100 kr.
    let imp = fresh("jsisie__Test3_typ3.SE");
    let w = imp.warning(WarningCode::FileUnbalanced).unwrap();
    assert!(w.message.contains("1997-02: 100\u{a0}kr"), "{}", w.message);
    assert!(imp
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::OtherChartOfAccounts));
    assert_eq!(imp.years[1].closing, Closing::NotBooked);
    assert_eq!(imp.years[1].result, d("-20370"));

    // Visma enskild firma: the result is booked into 2010 without 8999.
    let imp = fresh("jsisie__Visma_Enskild_Firma_2010.se");
    assert_eq!(imp.years[0].closing, Closing::Booked);
    // No #UB -1: the comparison year's balansräkning is #IB 0, which balances.
    assert_eq!(imp.years[1].balances, sie::Source::NextYearOpening);
    assert_eq!(imp.years[1].results, sie::Source::Missing);
    assert_eq!(imp.years[1].difference, None);
    assert!(
        imp.form_line().contains("aktiebolag antas"),
        "{}",
        imp.form_line()
    );

    // e-conomic: a voucher without its { line is read; the vouchers disagree with #UB/#RES
    // for eight accounts, and #UB/#RES win.
    let imp = fresh("alipsa__9_sie-gruppen-e-conomic.se");
    let file = read("alipsa__9_sie-gruppen-e-conomic.se");
    assert_eq!(file.vouchers, 57);
    assert_eq!(file.transaction_rows, 160);
    assert_eq!(file.vouchers_without_brace, 1);
    let w = imp.warning(WarningCode::TransactionsDisagree).unwrap();
    assert!(w.message.contains("8 konton"), "{}", w.message);

    // The UTF-8 file with destroyed letters: booked via 8999 in year −1, not in year 0.
    let imp = fresh("jsisie__SIE4_Exempelfil_med_underdim.SE");
    assert_eq!(imp.years[0].closing, Closing::NotBooked);
    assert_eq!(imp.years[1].closing, Closing::Booked);
    assert_eq!(
        read("jsisie__SIE4_Exempelfil_med_underdim.SE").encoding,
        sie::Encoding::Utf8
    );
}
