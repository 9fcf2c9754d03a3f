//! Each document type's printout: its title, its parts, its principles text (and BFNAR number),
//! its signature wording and its checks; a type change keeps every figure and text.

mod common;

use kassoren_engine::example::example_report;
use kassoren_engine::model::*;
use kassoren_engine::{compute, edit, render_html, template};

fn as_type(document: DocumentType) -> (Report, String) {
    let mut r = example_report();
    edit::set_document(&mut r, document);
    let html = render_html(&r);
    (r, html)
}

#[test]
fn each_type_prints_its_title_parts_rule_and_signing_words() {
    let (_, k2) = as_type(DocumentType::ArsredovisningK2);
    assert!(k2.contains("<p class=\"doc-kind\">Årsredovisning</p>"));
    assert!(k2.contains("id=\"forvaltningsberattelse\""));
    assert!(k2.contains("id=\"flerarsoversikt\""));
    assert!(k2.contains("BFNAR 2016:10"));
    assert!(!k2.contains("class=\"signing\""));

    let (_, k3) = as_type(DocumentType::ArsredovisningK3);
    assert!(k3.contains("BFNAR 2012:1") && !k3.contains("BFNAR 2016:10"));

    let (_, ab) = as_type(DocumentType::Arsbokslut);
    assert!(ab.contains("<p class=\"doc-kind\">Årsbokslut</p>"));
    assert!(ab.contains("<title>Årsbokslut 2025 – Friluftsföreningen Tresjöleden</title>"));
    assert!(!ab.contains("id=\"forvaltningsberattelse\""));
    assert!(!ab.contains("id=\"flerarsoversikt\""));
    assert!(!ab.contains("id=\"resultatdisposition\""));
    assert!(ab.contains("BFNAR 2017:3"));
    assert!(ab.contains("Årsbokslutet har upprättats av styrelsen."));

    let (_, k1) = as_type(DocumentType::ForenklatArsbokslut);
    assert!(k1.contains("<p class=\"doc-kind\">Förenklat årsbokslut</p>"));
    assert!(k1.contains("BFNAR 2010:1"));
    assert!(!k1.contains("id=\"forvaltningsberattelse\""));
    assert!(k1.contains("Det förenklade årsbokslutet har upprättats av styrelsen."));

    let (_, vb) = as_type(DocumentType::Verksamhetsberattelse);
    assert!(vb.contains("<p class=\"doc-kind\">Verksamhetsberättelse</p>"));
    assert!(
        !vb.contains("BFNAR"),
        "a verksamhetsberättelse cites no rule"
    );
    assert!(!vb.contains("id=\"forvaltningsberattelse\""));
    assert!(vb.contains("id=\"forslag-till-beslut\""));
    assert!(vb.contains("Styrelsen lämnar denna verksamhetsberättelse till årsmötet."));
    assert!(vb.contains("Revisorernas berättelse"));
    // The förvaltningsberättelse's sections are the board's narrative here: still printed.
    assert!(vb.contains("Allmänt om verksamheten"), "no text is lost");
}

#[test]
fn the_checks_follow_the_document_type() {
    let codes = |r: &Report| -> Vec<&'static str> {
        compute(r)
            .problems
            .iter()
            .map(|p| p.code.as_str())
            .collect()
    };
    // An aktiebolag cannot make a förenklat årsbokslut.
    let mut ab = template::new_report(
        LegalForm::Aktiebolag,
        "Bolaget AB",
        "556000-0000",
        template::calendar_year(2025),
    );
    assert_eq!(ab.document, DocumentType::ArsredovisningK2);
    edit::set_document(&mut ab, DocumentType::ForenklatArsbokslut);
    let problems = compute(&ab).problems;
    let refused = problems
        .iter()
        .find(|p| p.code.as_str() == "document_not_allowed")
        .expect("refused");
    assert!(refused
        .message
        .contains("ett aktiebolag ska alltid upprätta en årsredovisning"));

    // A förenklat årsbokslut over 3 Mkr, and with a line of the treasurer's own.
    let (mut k1, _) = as_type(DocumentType::ForenklatArsbokslut);
    assert!(!codes(&k1).contains(&"turnover_over_limit"));
    k1.set_amount(
        "medlemsavgifter",
        0,
        Some(rust_decimal::Decimal::from(3_500_000)),
    );
    assert!(codes(&k1).contains(&"turnover_over_limit"));
    edit::add_line(
        &mut k1,
        "intakter",
        Some("medlemsavgifter"),
        "Lotteriintäkter",
        &[],
    )
    .unwrap();
    assert!(codes(&k1).contains(&"fixed_items"));

    // The example as it was before format 6 (an ideell förening's BFNAR 2010:1 sentence in an
    // årsredovisning) is flagged.
    let mut old = example_report();
    let note = old
        .notes
        .iter_mut()
        .find(|n| n.id == "redovisningsprinciper")
        .unwrap();
    note.text = note.text.replacen(
        DocumentType::ArsredovisningK2.principles_sentence(),
        "Årsredovisningen har upprättats enligt bokföringslagen (1999:1078) och BFNAR 2010:1.",
        1,
    );
    let problems = compute(&old).problems;
    let rule = problems
        .iter()
        .find(|p| p.code.as_str() == "principles_rule")
        .expect("flagged");
    assert!(
        rule.message.contains("BFNAR 2010:1") && rule.message.contains("BFNAR 2016:10"),
        "{}",
        rule.message
    );
}

#[test]
fn new_reports_get_the_document_their_form_and_year_call_for() {
    let new = |form, year| template::new_report(form, "F", "", template::calendar_year(year));
    assert_eq!(
        new(LegalForm::IdeellForening, 2025).document,
        DocumentType::ForenklatArsbokslut
    );
    assert_eq!(
        new(LegalForm::Bostadsrattsforening, 2025).document,
        DocumentType::ArsredovisningK2
    );
    assert_eq!(
        new(LegalForm::Bostadsrattsforening, 2026).document,
        DocumentType::ArsredovisningK3
    );
    assert_eq!(
        new(LegalForm::Stiftelse, 2026).document,
        DocumentType::ArsredovisningK2
    );
    // The principles note cites the document's rule, and nothing is flagged in a new report.
    for form in LegalForm::ALL {
        let r = new(form, 2026);
        let codes: Vec<_> = compute(&r)
            .problems
            .iter()
            .map(|p| p.code.as_str())
            .collect();
        assert!(!codes.contains(&"principles_rule"), "{form:?}: {codes:?}");
        assert!(!codes.contains(&"document_not_allowed"), "{form:?}");
    }
}

#[test]
fn an_arsbokslut_must_disclose_principles_fixed_assets_long_term_debt_and_pledges() {
    let disclosures = |r: &Report| -> Vec<(String, compute::Location)> {
        compute(r)
            .problems
            .into_iter()
            .filter(|p| p.code.as_str() == "required_disclosure")
            .map(|p| (p.message, p.location))
            .collect()
    };
    let line = |id: &str| compute::Location::Line {
        line: id.into(),
        year: None,
    };
    // The example as an årsredovisning: none of these (its own rules apply).
    let (k2, _) = as_type(DocumentType::ArsredovisningK2);
    assert!(disclosures(&k2).is_empty());

    // As an årsbokslut: Inventarier (72 000) and Finansiella placeringar (200 000, BAS 1300–)
    // are fixed assets with amounts and no note; Kassa och bank is not one.
    let (mut ab, _) = as_type(DocumentType::Arsbokslut);
    let found = disclosures(&ab);
    let places: Vec<&compute::Location> = found.iter().map(|(_, l)| l).collect();
    assert_eq!(
        places,
        [&line("inventarier"), &line("finansiella_placeringar")],
        "{found:?}"
    );
    assert!(found[0]
        .0
        .starts_with("Raden \"Inventarier\" är en anläggningstillgång"));
    assert!(found[0].0.contains("bokföringslagen 6 kap. 5 §"));

    // A note that says something, referred to by the line, settles it; an empty one does not.
    let note = edit::add_note(&mut ab, "Inventarier");
    edit::set_line_note(&mut ab, "inventarier", Some(&note));
    assert_eq!(disclosures(&ab).len(), 2, "an empty note is no disclosure");
    edit::note_mut(&mut ab, &note).unwrap().text =
        "Anskaffningsvärde 120 000 kr, ackumulerade avskrivningar 48 000 kr.".into();
    edit::set_line_note(&mut ab, "finansiella_placeringar", Some(&note));
    assert!(disclosures(&ab).is_empty(), "{:?}", disclosures(&ab));

    // Long-term debt with an amount and no note.
    assert!(ab.set_amount("laneskulder", 0, Some(rust_decimal::Decimal::from(150_000))));
    assert_eq!(
        disclosures(&ab).iter().map(|(_, l)| l).collect::<Vec<_>>(),
        [&line("laneskulder")]
    );
    assert!(disclosures(&ab)[0].0.contains("långfristig skuld"));
    edit::set_line_note(&mut ab, "laneskulder", Some(&note));

    // Ställda säkerheter left empty (the default is "Inga"), and no principles text.
    ab.off_balance.pledged.text.clear();
    edit::note_mut(&mut ab, "redovisningsprinciper")
        .unwrap()
        .text
        .clear();
    let found = disclosures(&ab);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].0.contains("redovisnings- och värderingsprinciper"));
    assert_eq!(
        found[1],
        (
            "Ett årsbokslut ska upplysa om ställda säkerheter (bokföringslagen 6 kap. 5 §). Skriv \"Inga\" under balansräkningen om det inte finns några.".to_string(),
            compute::Location::OffBalance {
                field: "pledged".into()
            }
        )
    );
}

#[test]
fn a_bostadsrattsforening_may_not_use_k2_from_fiscal_years_starting_2026() {
    let refused = |year: i32, document: DocumentType| -> Vec<String> {
        let mut r = template::new_report(
            LegalForm::Bostadsrattsforening,
            "Brf Lönnen",
            "",
            template::calendar_year(year),
        );
        edit::set_document(&mut r, document);
        compute(&r)
            .problems
            .into_iter()
            .filter(|p| p.code.as_str() == "document_not_allowed")
            .map(|p| p.message)
            .collect()
    };
    let k2_2026 = refused(2026, DocumentType::ArsredovisningK2);
    assert_eq!(k2_2026.len(), 1, "{k2_2026:?}");
    assert!(k2_2026[0].contains("får inte tillämpa K2 (BFNAR 2016:10)"));
    assert!(k2_2026[0].contains("K3 (BFNAR 2012:1)"));
    assert!(refused(2026, DocumentType::ArsredovisningK3).is_empty());
    assert!(refused(2025, DocumentType::ArsredovisningK2).is_empty());
    // A broken fiscal year starting 2026-07-01 is after the change too.
    let mut r = template::new_report(
        LegalForm::Bostadsrattsforening,
        "Brf Lönnen",
        "",
        template::calendar_year(2025),
    );
    r.years[0].start = kassoren_engine::date::Date::new(2026, 7, 1).unwrap();
    r.years[0].end = kassoren_engine::date::Date::new(2027, 6, 30).unwrap();
    assert!(compute(&r)
        .problems
        .iter()
        .any(|p| p.code.as_str() == "document_not_allowed"));
}
