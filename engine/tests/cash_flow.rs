//! A bostadsrättsförening's kassaflödesanalys (ÅRL 2 kap 1 §, issue 17): a hand-made BRF worked
//! out by hand ties to kassa och bank; it is printed after the balansräkning and listed in
//! Innehåll (and not for other forms); a line without a BAS account is named; and for random
//! balanced two-year figures årets kassaflöde always equals the change in likvida medel.

use kassoren_engine::compute::cash_flow::CashFlowYear;
use kassoren_engine::model::*;
use kassoren_engine::{compute, edit, render_html, template};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

fn brf() -> Report {
    template::new_report(
        LegalForm::Bostadsrattsforening,
        "Brf Lönnen",
        "769600-0000",
        template::calendar_year(2025),
    )
}

fn set(r: &mut Report, line: &str, year: usize, v: i64) {
    assert!(r.set_amount(line, year, Some(d(v))), "{line}");
}

/// Brf Lönnen, 2025 against 2024 (figures in kr):
/// - Result after financial items 2 400 000 − 1 500 000 − 200 000 − 300 000 + 10 000 − 250 000
///   = 160 000; avskrivningar 300 000 (250 000 on the building, 50 000 on inventarier).
/// - A renovation of 150 000 is capitalised: byggnader 30 000 000 + 150 000 − 250 000.
/// - Fordringar 150 000 both years; kortfristiga skulder 250 000 → 300 000 (+50 000).
/// - The loans are amortised by 200 000; new insatser of 400 000 come in.
/// - Kassa och bank 1 000 000 → 1 560 000.
fn lonnen() -> Report {
    let mut r = brf();
    for (line, v) in [
        ("nettoomsattning", 2_400_000),
        ("driftkostnader", -1_500_000),
        ("ovriga_externa_kostnader", -200_000),
        ("av_och_nedskrivningar", -300_000),
        ("ovriga_ranteintakter", 10_000),
        ("rantekostnader", -250_000),
    ] {
        set(&mut r, line, 0, v);
    }
    let balance = [
        ("byggnader_och_mark", 29_900_000, 30_000_000),
        ("inventarier_verktyg_och_installationer", 150_000, 200_000),
        ("kundfordringar", 60_000, 50_000),
        (
            "forutbetalda_kostnader_och_upplupna_intakter",
            90_000,
            100_000,
        ),
        ("kassa_och_bank", 1_560_000, 1_000_000),
        ("medlemsinsatser", 20_400_000, 20_000_000),
        ("fond_for_yttre_underhall", 500_000, 500_000),
        ("balanserat_resultat", 400_000, 300_000),
        ("arets_resultat_balans", 160_000, 100_000),
        ("skulder_till_kreditinstitut_lang", 9_800_000, 10_000_000),
        ("skulder_till_kreditinstitut_kort", 200_000, 200_000),
        ("leverantorsskulder", 180_000, 150_000),
        (
            "upplupna_kostnader_och_forutbetalda_intakter",
            120_000,
            100_000,
        ),
    ];
    for (line, now, before) in balance {
        set(&mut r, line, 0, now);
        set(&mut r, line, 1, before);
    }
    r
}

fn amounts(cf: &CashFlowYear) -> Vec<(&'static str, Decimal)> {
    cf.rows
        .iter()
        .filter(|r| r.kind != kassoren_engine::compute::cash_flow::CashFlowRowKind::Heading)
        .map(|r| (r.id, r.amount))
        .collect()
}

#[test]
fn a_hand_made_brf_ties_to_kassa_och_bank() {
    let r = lonnen();
    let c = compute(&r);
    assert!(
        !c.problems
            .iter()
            .any(|p| p.code.as_str() == "balance_sheet_unbalanced"),
        "{:?}",
        c.problems
    );
    assert_eq!(c.cash_flow.len(), 1, "2024 has no year before it");
    let cf = &c.cash_flow[0];
    assert_eq!(
        amounts(cf),
        [
            ("resultat", d(160_000)),
            ("avskrivningar", d(300_000)),
            ("fore_rorelsekapital", d(460_000)),
            ("fordringar", d(0)),
            ("skulder", d(50_000)),
            ("lopande_summa", d(510_000)),
            ("investeringar", d(-150_000)),
            ("investering_summa", d(-150_000)),
            ("lan", d(-200_000)),
            ("insatser", d(400_000)),
            ("finansiering_summa", d(200_000)),
            ("arets_kassaflode", d(560_000)),
            ("likvida_borjan", d(1_000_000)),
            ("likvida_slut", d(1_560_000)),
        ]
    );
    assert!(cf.ties_out());
    assert!(!c
        .problems
        .iter()
        .any(|p| p.code.as_str() == "cash_flow_tie_out"));
}

#[test]
fn it_is_printed_after_the_balansrakning_and_listed_in_innehall_for_a_brf_only() {
    let html = render_html(&lonnen());
    let balance = html.find("id=\"balansrakning\"").expect("balansräkning");
    let cash = html
        .find("id=\"kassaflodesanalys\"")
        .expect("kassaflödesanalys");
    let notes = html.find("id=\"noter\"").expect("noter");
    assert!(balance < cash && cash < notes);
    assert!(
        html.contains("href=\"#kassaflodesanalys\""),
        "listed in Innehåll"
    );
    let row = html.split("id=\"kf-arets_kassaflode\"").nth(1).unwrap();
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("560\u{a0}000"), "{row}");

    let example = render_html(&kassoren_engine::example::example_report());
    assert!(
        !example.contains("kassaflodesanalys"),
        "an ideell förening prints none"
    );
    // Not in an årsbokslut or another document that is no årsredovisning either.
    let mut other = lonnen();
    other.document = DocumentType::Arsbokslut;
    assert!(!render_html(&other).contains("id=\"kassaflodesanalys\""));
}

#[test]
fn a_line_without_a_bas_account_is_named_and_an_unbalanced_year_is_left_to_the_balance_check() {
    let mut r = lonnen();
    let id = edit::add_line(
        &mut r,
        "kortfristiga_fordringar",
        None,
        "Fordran på mäklaren",
        &[],
    )
    .expect("a line");
    assert!(r.set_amount(&id, 0, Some(d(10_000))));
    let tie_out = |r: &Report| -> Vec<String> {
        compute(r)
            .problems
            .into_iter()
            .filter(|p| p.code.as_str() == "cash_flow_tie_out")
            .map(|p| p.message)
            .collect()
    };
    assert_eq!(
        tie_out(&r),
        ["Raden \"Fordran på mäklaren\" har inget BAS-konto, så kassaflödesanalysen vet inte var den hör hemma. Ange kontona under raden (⋯)."]
    );

    // Kassa och bank 5 000 higher with nothing against it: the year does not tie, and the
    // balance check (not a second message) says why.
    let mut r = lonnen();
    set(&mut r, "kassa_och_bank", 0, 1_565_000);
    assert!(!compute(&r).cash_flow[0].ties_out());
    assert!(tie_out(&r).is_empty());
    assert!(compute(&r)
        .problems
        .iter()
        .any(|p| p.code.as_str() == "balance_sheet_unbalanced"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// For any two balanced years (kassa och bank the balancing item), årets kassaflöde takes
    /// likvida medel from the start of the year to its end.
    #[test]
    fn random_balanced_two_year_figures_always_tie_out(
        income in prop::collection::vec(-5_000_000i64..5_000_000, 6),
        balance in prop::collection::vec((0i64..40_000_000, 0i64..40_000_000), 12),
    ) {
        let mut r = brf();
        let is_lines = ["nettoomsattning", "driftkostnader", "ovriga_externa_kostnader", "av_och_nedskrivningar", "ovriga_ranteintakter", "rantekostnader"];
        for (line, v) in is_lines.iter().zip(&income) {
            set(&mut r, line, 0, *v);
        }
        let assets = ["byggnader_och_mark", "inventarier_verktyg_och_installationer", "kundfordringar", "forutbetalda_kostnader_och_upplupna_intakter", "kortfristiga_placeringar"];
        let claims = ["medlemsinsatser", "upplatelseavgifter", "fond_for_yttre_underhall", "balanserat_resultat", "skulder_till_kreditinstitut_lang", "skulder_till_kreditinstitut_kort", "leverantorsskulder"];
        for (line, (now, before)) in assets.iter().chain(&claims).zip(&balance) {
            set(&mut r, line, 0, *now);
            set(&mut r, line, 1, *before);
        }
        // Årets resultat in the balansräkning as in the resultaträkning; kassa och bank balances.
        let c = compute(&r);
        let result = c.value("arets_resultat", 0);
        assert!(r.set_amount("arets_resultat_balans", 0, Some(result)));
        for y in 0..2 {
            let c = compute(&r);
            let gap = c.value("eget_kapital_och_skulder", y) - c.value("tillgangar", y);
            let cash = c.value("kassa_och_bank", y) + gap;
            assert!(r.set_amount("kassa_och_bank", y, Some(cash)));
        }
        let c = compute(&r);
        prop_assert!(!c.problems.iter().any(|p| p.code.as_str() == "balance_sheet_unbalanced"));
        let cf = &c.cash_flow[0];
        prop_assert!(cf.ties_out(), "{:?}", cf);
        prop_assert_eq!(cf.closing - cf.opening, c.value("kassa_och_bank", 0) - c.value("kassa_och_bank", 1));
        prop_assert!(!c.problems.iter().any(|p| p.code.as_str() == "cash_flow_tie_out"), "{:?}", c.problems);
    }
}
