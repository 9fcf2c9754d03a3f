//! Property tests of the SIE import: a generated SIE 4 file of random balanced vouchers, closed
//! in any of the ways real files are, gives statements whose balansräkning balances and whose
//! årets resultat is the vouchers' result; vouchers of one year without `#RAR` import into
//! that year; `#IB 0` alone gives the comparison year's balansräkning; and the parser and the
//! import never panic, on arbitrary bytes, on SIE-like nonsense or on mutated sample files
//! (changed, removed and inserted bytes, NUL bytes, a byte-order mark, truncation, duplicated
//! lines, 10 MB lines).

mod common;

use kassoren_engine::model::*;
use kassoren_engine::sample::cp437;
use kassoren_engine::sie::{self, Closing, ImportOptions};
use kassoren_engine::{compute, json};
use proptest::prelude::*;
use rust_decimal::Decimal;

const BALANCE: &[u32] = &[1220, 1510, 1630, 1930, 2081, 2440, 2710, 2990];
const RESULT: &[u32] = &[
    3010, 3890, 3990, 4010, 5010, 6110, 7010, 7830, 8310, 8410, 8910,
];

/// How the generated year is closed.
#[derive(Clone, Copy, Debug)]
enum Close {
    NotBooked,
    Via8999,
    /// Part of the result (this many hundredths of it) via 8999.
    Partly(u8),
    /// Straight into equity (2091), no 8999, no voucher: the program's own #UB.
    Directly,
}

#[derive(Clone, Debug)]
struct Spec {
    form: LegalForm,
    opening: Vec<i64>,
    vouchers: Vec<Vec<(usize, i64)>>,
    close: Close,
    suspense: i64,
    with_balances: bool,
    eol: &'static str,
    sep: &'static str,
}

fn spec() -> impl Strategy<Value = Spec> {
    let row = (0..BALANCE.len() + RESULT.len(), -2_000_000i64..2_000_000);
    (
        prop::sample::select(LegalForm::ALL.to_vec()),
        prop::collection::vec(-10_000_000i64..10_000_000, BALANCE.len()),
        prop::collection::vec(prop::collection::vec(row, 1..5), 0..25),
        prop_oneof![
            Just(Close::NotBooked),
            Just(Close::Via8999),
            (1u8..100).prop_map(Close::Partly),
            Just(Close::Directly),
        ],
        prop_oneof![Just(0i64), -50_000i64..50_000],
        any::<bool>(),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
        prop::sample::select(vec![" ", "\t"]),
    )
        .prop_map(
            |(form, opening, vouchers, close, suspense, with_balances, eol, sep)| Spec {
                form,
                opening,
                vouchers,
                close,
                suspense,
                with_balances,
                eol,
                sep,
            },
        )
}

fn account(i: usize) -> u32 {
    if i < BALANCE.len() {
        BALANCE[i]
    } else {
        RESULT[i - BALANCE.len()]
    }
}

fn cents(v: i64) -> Decimal {
    Decimal::new(v, 2)
}

/// Writes the SIE 4 file; returns it with the year's result (profit positive) of the accounts
/// 3000–8989.
fn write(s: &Spec) -> (String, Decimal) {
    use std::collections::BTreeMap;
    let mut lines: Vec<String> = vec![
        "#FLAGGA 0".into(),
        "#FORMAT PC8".into(),
        "#SIETYP 4".into(),
        "#FNAMN \"Föreningen Åkerbäret\"".into(),
        "#RAR 0 20250101 20251231".into(),
        "#KONTO 1930 \"Företagskonto\"".into(),
        "#KONTO 2091 \"Balanserat resultat\"".into(),
    ];
    let mut ib: BTreeMap<u32, Decimal> = BTreeMap::new();
    for (i, v) in s.opening.iter().enumerate() {
        *ib.entry(BALANCE[i]).or_default() += cents(*v);
    }
    let sum: Decimal = ib.values().sum();
    *ib.entry(2091).or_default() -= sum;
    let mut ub = ib.clone();
    let mut res: BTreeMap<u32, Decimal> = BTreeMap::new();
    let mut vouchers: Vec<Vec<(u32, Decimal)>> = Vec::new();
    for rows in &s.vouchers {
        let mut v: Vec<(u32, Decimal)> =
            rows.iter().map(|&(a, x)| (account(a), cents(x))).collect();
        let total: Decimal = v.iter().map(|(_, x)| *x).sum();
        v.push((1930, -total));
        vouchers.push(v);
    }
    if s.suspense != 0 {
        // A suspense account no line holds (9999) against the bank.
        vouchers.push(vec![(9999, cents(s.suspense)), (1930, -cents(s.suspense))]);
    }
    for v in &vouchers {
        for (a, x) in v {
            if *a < 3000 {
                *ub.entry(*a).or_default() += *x;
            } else {
                *res.entry(*a).or_default() += *x;
            }
        }
    }
    let result = -res
        .iter()
        .filter(|(a, _)| (3000..=8989).contains(*a))
        .map(|(_, v)| *v)
        .sum::<Decimal>();
    let whole = -res.values().copied().sum::<Decimal>();
    let booked = match s.close {
        Close::NotBooked | Close::Directly => Decimal::ZERO,
        Close::Via8999 => whole,
        Close::Partly(p) => (whole * Decimal::from(p) / Decimal::from(100)).round_dp(2),
    };
    if !booked.is_zero() {
        let v = vec![(8999, booked), (2099, -booked)];
        for (a, x) in &v {
            if *a < 3000 {
                *ub.entry(*a).or_default() += *x;
            } else {
                *res.entry(*a).or_default() += *x;
            }
        }
        vouchers.push(v);
    }
    if let Close::Directly = s.close {
        *ub.entry(2091).or_default() -= whole;
    }
    for (a, v) in &ib {
        lines.push(format!("#IB 0 {a} {v}"));
    }
    if s.with_balances || matches!(s.close, Close::Directly) {
        for (a, v) in &ub {
            lines.push(format!("#UB 0 {a} {v}"));
        }
        for (a, v) in &res {
            lines.push(format!("#RES 0 {a} {v}"));
        }
    }
    for (n, v) in vouchers.iter().enumerate() {
        lines.push(format!(
            "#VER A {} 2025{:02}15 \"Verifikation {n}\"",
            n + 1,
            n % 12 + 1
        ));
        lines.push("{".into());
        for (a, x) in v {
            lines.push(format!("   #TRANS {a} {{}} {x} \"\" \"Rad\""));
        }
        lines.push("}".into());
    }
    let mut out = String::new();
    for l in lines {
        if l.contains('"') {
            out.push_str(&l);
        } else {
            out.push_str(&l.replace(' ', s.sep));
        }
        out.push_str(s.eol);
    }
    (out, result)
}

/// Imports and checks that nothing the import produced is an invalid report.
fn import_checked(f: &sie::SieFile) -> sie::Import {
    let imp = sie::import(f, None, &ImportOptions::default());
    let text = json::to_json(&imp.report);
    let back = json::from_json(&text).unwrap_or_else(|e| panic!("invalid report: {e}"));
    assert_eq!(back, imp.report);
    compute(&imp.report);
    let again = sie::import(f, Some(&imp.report), &ImportOptions::default());
    assert_eq!(again.report, imp.report, "not idempotent");
    // The mapping table kept in the report gives the same report without the file.
    if let Some(kept) = sie::kept_file(&imp.report) {
        let from_table = sie::import(&kept, Some(&imp.report), &ImportOptions::default());
        assert_eq!(
            from_table.report, imp.report,
            "the kept table gives other figures"
        );
    }
    imp
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_balanced_vouchers_give_a_balanced_balance_sheet(s in spec()) {
        let (text, result) = write(&s);
        let f = sie::parse(&cp437(&text)).unwrap_or_else(|e| panic!("{e}\n{text}"));
        prop_assert_eq!(f.company_name.as_deref(), Some("Föreningen Åkerbäret"));
        prop_assert_eq!(f.unbalanced_voucher_count, 0);
        let imp = sie::import(
            &f,
            None,
            &ImportOptions { form: Some(s.form), ..ImportOptions::default() },
        );
        let r = &imp.report;
        let c = compute(r);
        let v = |role: Role| c.value(&r.line_by_role(role).unwrap().id, 0);
        prop_assert_eq!(v(Role::TotalAssets), v(Role::TotalEquityAndLiabilities));
        prop_assert_eq!(v(Role::YearResult), result);
        prop_assert_eq!(v(Role::YearResultBalance), result);
        prop_assert_eq!(imp.years[0].result, result);
        prop_assert!(imp.years[0].closing != Closing::Inconsistent, "{:?}", imp.years[0]);
        prop_assert!(!imp.has_errors(), "{:#?}", imp.warnings);
        prop_assert_eq!(json::from_json(&json::to_json(r)).unwrap(), r.clone());
        let again = sie::import(&f, Some(r), &ImportOptions::default());
        prop_assert_eq!(&again.report, r);
    }

    #[test]
    fn vouchers_in_one_year_without_rar_import_into_that_year(
        year in 1990i32..2090,
        vouchers in prop::collection::vec((1u8..=12, 1u8..=28, 1i64..1_000_000), 1..20),
        gen_offset in prop::option::of(0u8..18),
    ) {
        // Fees paid into the bank on dates of one calendar year; #GEN up to 18 months after
        // the year began (or none); no #RAR.
        let mut text = String::from("#FLAGGA 0\n#SIETYP 4\n");
        if let Some(m) = gen_offset {
            text.push_str(&format!("#GEN {}{:02}15\n", year + i32::from(m / 12), m % 12 + 1));
        }
        let mut total = 0i64;
        for (k, (month, day, cents)) in vouchers.iter().enumerate() {
            total += cents;
            let amount = Decimal::new(*cents, 2);
            text.push_str(&format!(
                "#VER A {} {year}{month:02}{day:02}\n{{\n#TRANS 1930 {{}} {amount}\n#TRANS 3890 {{}} -{amount}\n}}\n",
                k + 1
            ));
        }
        let f = sie::parse(text.as_bytes()).unwrap();
        let imp = import_checked(&f);
        prop_assert_eq!(imp.report.years[0], kassoren_engine::template::calendar_year(year));
        prop_assert!(imp.warning(sie::WarningCode::VouchersOutsideYears).is_none());
        let no_rar = imp.warning(sie::WarningCode::NoFiscalYear).map(|w| w.message.clone());
        prop_assert!(
            no_rar.as_deref().is_some_and(|m| m.contains("verifikationernas datum")),
            "{:?}", no_rar
        );
        let c = compute(&imp.report);
        let result = c.value(&imp.report.line_by_role(Role::YearResult).unwrap().id, 0);
        prop_assert_eq!(result, Decimal::new(total, 2));
    }

    #[test]
    fn only_opening_balances_give_the_comparison_balance_sheet(
        form in prop::sample::select(LegalForm::ALL.to_vec()),
        opening in prop::collection::vec(-10_000_000i64..10_000_000, BALANCE.len()),
    ) {
        // A file with nothing but #RAR and #IB 0 (balanced on 2067).
        let mut text = String::from("#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n");
        for (a, v) in BALANCE.iter().zip(&opening) {
            text.push_str(&format!("#IB 0 {a} {}\n", cents(*v)));
        }
        let rest: i64 = -opening.iter().sum::<i64>();
        text.push_str(&format!("#IB 0 2067 {}\n", cents(rest)));
        let f = sie::parse(text.as_bytes()).unwrap();
        let imp = sie::import(&f, None, &ImportOptions { form: Some(form), ..ImportOptions::default() });
        let r = &imp.report;
        let c = compute(r);
        let v = |role: Role| c.value(&r.line_by_role(role).unwrap().id, 1);
        let assets: Decimal = BALANCE.iter().zip(&opening).filter(|(a, _)| **a < 2000).map(|(_, v)| cents(*v)).sum();
        prop_assert_eq!(v(Role::TotalAssets), assets);
        prop_assert_eq!(v(Role::TotalEquityAndLiabilities), assets);
        // Every account's comparison amount is its opening balance, on the same line as this year's.
        for row in imp.mapping.iter().filter(|m| m.balance_account) {
            let ib = f.opening[&(0, row.account)];
            prop_assert_eq!(row.amounts[1], Some(ib));
            prop_assert_eq!(row.amounts[0], Some(ib));
        }
        prop_assert!(imp.warning(sie::WarningCode::BalancesFromNextOpening).is_some());
        // The balansräkning of each year balances: no check reports an error the file does not have.
        prop_assert!(!c.problems.iter().any(|p| p.code == kassoren_engine::ProblemCode::BalanceSheetUnbalanced), "{:#?}", c.problems);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        if let Ok(f) = sie::parse(&bytes) {
            import_checked(&f);
        }
        let mut with_header = b"#FLAGGA 0\n".to_vec();
        with_header.extend_from_slice(&bytes);
        if let Ok(f) = sie::parse(&with_header) {
            import_checked(&f);
        }
    }

    #[test]
    fn sie_like_nonsense_never_panics(
        lines in prop::collection::vec(
            (
                prop::sample::select(vec![
                    "#VER", "{", "}", "#TRANS", "#RTRANS", "#BTRANS", "#IB", "#UB", "#RES", "#RAR",
                    "#KONTO", "#KTYP", "#SRU", "#PSALDO", "#FTYP", "#FNAMN", "#ORGNR", "#GEN",
                    "#SIETYP", "#KPTYP", "\"", "",
                ]),
                prop::collection::vec(
                    prop::sample::select(vec![
                        "0", "-1", "-2", "1", "1930", "2099", "3010", "8999", "9999", "999999999",
                        "{}", "{1 \"a\"}", "{", "\"x\"", "\"", "20250101", "20241231", "20250230",
                        "-12.5", "1e3", "abc", "", "99999999999999999999", "0.00001",
                        "123456789012345678901234567890", "I", "T", "AB", "BRF", "BAS96",
                    ]),
                    0..6,
                ),
            ),
            0..60,
        ),
        eol in prop::sample::select(vec!["\n", "\r\n", "\r"]),
    ) {
        let mut text = String::from("#FLAGGA 0");
        text.push_str(eol);
        for (label, fields) in lines {
            text.push_str(label);
            for f in fields {
                text.push(' ');
                text.push_str(f);
            }
            text.push_str(eol);
        }
        if let Ok(f) = sie::parse(text.as_bytes()) {
            import_checked(&f);
        }
    }

    #[test]
    fn mutated_samples_never_panic(
        which in 0usize..8,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..7, any::<u8>(), 0usize..200), 1..8),
    ) {
        let dir = common::sie_samples();
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| {
                let e = e.to_string_lossy().to_ascii_lowercase();
                e == "se" || e == "si"
            }))
            .collect();
        #[allow(clippy::disallowed_methods)] // a test: the standard sort costs nothing here
        names.sort();
        let mut bytes = std::fs::read(&names[which % names.len()]).unwrap();
        for (at, kind, byte, len) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match kind {
                0 => bytes[i] = byte,
                1 => {
                    let end = (i + len).min(bytes.len());
                    bytes.drain(i..end);
                }
                2 => {
                    let chunk: Vec<u8> = std::iter::repeat(byte).take(len % 8 + 1).collect();
                    bytes.splice(i..i, chunk);
                }
                3 => bytes.truncate(i),
                // NUL bytes, as damaged files have them.
                4 => {
                    bytes.splice(i..i, std::iter::repeat(0u8).take(len % 3 + 1));
                }
                // A byte-order mark in front (of any encoding).
                5 => {
                    if !bytes.starts_with(b"\xEF\xBB\xBF") {
                        bytes.splice(0..0, *b"\xEF\xBB\xBF");
                    }
                }
                // The line at `i` twice: duplicate #IB/#UB/#RES rows, vouchers, records.
                _ => {
                    let start = bytes[..i].iter().rposition(|&b| b == b'\n').map_or(0, |k| k + 1);
                    let end = bytes[i..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |k| i + k + 1);
                    let line = bytes[start..end].to_vec();
                    bytes.splice(end..end, line);
                }
            }
        }
        if let Ok(f) = sie::parse(&bytes) {
            let imp = import_checked(&f);
            prop_assert!(!kassoren_engine::render_html(&imp.report).contains('\0'));
        }
    }
}

proptest! {
    // Each case reads a file with a 10 MB line: a few cases are enough.
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn ten_megabyte_lines_never_panic_and_are_cut(
        which in 0usize..8,
        at in any::<prop::sample::Index>(),
        kind in 0usize..5,
    ) {
        let dir = common::sie_samples();
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| {
                let e = e.to_string_lossy().to_ascii_lowercase();
                e == "se" || e == "si"
            }))
            .collect();
        #[allow(clippy::disallowed_methods)] // a test: the standard sort costs nothing here
        names.sort();
        let mut bytes = std::fs::read(&names[which % names.len()]).unwrap();
        let huge = "Å".repeat(5 * 1024 * 1024);
        let line = match kind {
            0 => format!("#FNAMN \"{huge}"),
            1 => format!("#FNAMN {huge} AB"),
            2 => format!("#KONTO 1930 \"{huge}\""),
            3 => format!("{huge}{huge}"),
            _ => format!("#UB 0 1930 {}", "9".repeat(10 * 1024 * 1024)),
        };
        // At the start of a line.
        let i = at.index(bytes.len());
        let start = bytes[..i].iter().rposition(|&b| b == b'\n').map_or(0, |k| k + 1);
        let mut insert = line.into_bytes();
        insert.push(b'\n');
        bytes.splice(start..start, insert);
        if let Ok(f) = sie::parse(&bytes) {
            let imp = import_checked(&f);
            let longest = f
                .company_name
                .iter()
                .chain(f.accounts.values().map(|a| &a.name))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0);
            prop_assert!(longest <= sie::MAX_TEXT_CHARS, "{longest}");
            prop_assert!(imp.report.organisation.name.chars().count() <= sie::MAX_TEXT_CHARS);
        }
    }
}
