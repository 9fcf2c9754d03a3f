//! `review::diff`: every kind of difference between two versions of a report, each described
//! in one Swedish line (a no-break space in an amount is written `_` here).

mod common;

use common::*;
use kassoren_engine::date::Date;
use kassoren_engine::edit;
use kassoren_engine::example::example_report;
use kassoren_engine::model::*;
use kassoren_engine::money::{Money, Unit};
use kassoren_engine::review::{self, comments, ChangeKind, WordOp};
use rust_decimal::Decimal;

fn described(old: &Report, new: &Report) -> Vec<String> {
    review::diff(old, new)
        .iter()
        .map(|c| c.describe().replace('\u{a0}', "_"))
        .collect()
}

fn d(v: i64) -> Option<Decimal> {
    Some(Decimal::from(v))
}

#[test]
fn the_same_report_has_no_differences() {
    let r = example_report();
    assert!(review::diff(&r, &r).is_empty());
    // The lineage is not compared.
    let mut copy = r.clone();
    review::lineage::next_revision(&mut copy, "Anna");
    assert!(review::diff(&r, &copy).is_empty());
}

#[test]
fn organisation_years_and_settings() {
    let old = example_report();
    let mut r = old.clone();
    r.organisation.name = "Friluftsföreningen Tresjöleden i Borås".into();
    r.organisation.org_nr = "802471-3657".into();
    r.organisation.seat = "Ulricehamn".into();
    r.organisation.legal_form = LegalForm::EkonomiskForening;
    r.settings.unit = Unit::Tkr;
    r.settings.example = false;
    r.years[0].end = Date::new(2025, 11, 30).unwrap();
    assert_eq!(
        described(&old, &r),
        [
            "Organisation: namn \"Friluftsföreningen Tresjöleden\" → \"Friluftsföreningen Tresjöleden i Borås\"",
            "Organisation: juridisk form Ideell förening → Ekonomisk förening",
            "Organisation: organisationsnummer \"802471-3656\" → \"802471-3657\"",
            "Organisation: säte \"Borås\" → \"Ulricehamn\"",
            "Organisation: räkenskapsår 2025-01-01 – 2025-12-31, 2024-01-01 – 2024-12-31 → 2025-01-01 – 2025-11-30, 2024-01-01 – 2024-12-31",
            "Inställningar: exempelrapport ja → nej",
            "Inställningar: enhet kr → tkr",
        ]
    );
}

#[test]
fn narrative_sections() {
    let old = example_report();
    let mut r = old.clone();
    let body = |r: &Report, id: &str| {
        r.narrative
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .body
            .clone()
    };
    edit::section_mut(&mut r, "verksamheten").unwrap().body =
        body(&old, "verksamheten").replacen("ideell", "allmännyttig ideell", 1);
    edit::section_mut(&mut r, "s-kommentar").unwrap().body =
        body(&old, "s-kommentar").replacen("ett överskott", "ett litet överskott", 1);
    edit::section_mut(&mut r, "s-kurser").unwrap().title = "Kurser".into();
    edit::section_mut(&mut r, "s-kurser-ledare").unwrap().level = 1;
    edit::section_mut(&mut r, "s-projekt").unwrap().part = Part::ManagementReport;
    let s = edit::add_section(&mut r, Some("s-kommentar"), Part::Chapter, "Tack");
    edit::section_mut(&mut r, &s).unwrap().body = "Tack till alla ledare.".into();
    edit::remove_section(&mut r, "s-projekt-uppfoljning");
    edit::move_section(&mut r, "medlemmar", true);
    assert_eq!(
        described(&old, &r),
        [
            "Berättelse › Verksamhet: Kurser, läger och ledarutbildning: rubrik \"Verksamhet: Kurser, läger och ledarutbildning\" → \"Kurser\"",
            "Berättelse › Ledarutbildning: nivå underavsnitt → kapitel",
            "Berättelse › Verksamhet: Projektet Naturen för alla: del Berättelse → Förvaltningsberättelse",
            "Berättelse › Kommentar till årets resultat: \"…litet…\" tillagt",
            "Berättelse: avsnittet \"Tack\" tillagt",
            "Förvaltningsberättelse › Allmänt om verksamheten: \"…allmännyttig…\" tillagt",
            "Berättelse: avsnittet \"Uppföljning och finansiering\" borttaget",
            "Berättelse: avsnitten i ny ordning",
        ]
    );
    let change = review::diff(&old, &r)
        .into_iter()
        .find(|c| c.id.as_str() == "narrative/#verksamheten/body")
        .unwrap();
    let ChangeKind::Text { words, .. } = &change.kind else {
        panic!("{change:?}");
    };
    assert_eq!(words[1], WordOp::Added("allmännyttig".into()));
}

#[test]
fn text_changes_word_by_word() {
    let mut old = balanced(LegalForm::IdeellForening, &FIGURES);
    let id = old.narrative[0].id.clone();
    let title = old.narrative[0].title.clone();
    edit::section_mut(&mut old, &id).unwrap().body =
        "Året som gått var ett bra år för föreningen och dess medlemmar.".into();
    let mut new = old.clone();
    let set = |r: &mut Report, t: &str| edit::section_mut(r, &id).unwrap().body = t.into();
    set(
        &mut new,
        "Året som gått var ett mycket bra år för föreningen och dess medlemmar.",
    );
    let place = format!("Berättelse › {title}");
    assert_eq!(
        described(&old, &new),
        [format!("{place}: \"…mycket…\" tillagt")]
    );
    set(
        &mut new,
        "Året som gått var ett dåligt år för föreningen och dess medlemmar.",
    );
    assert_eq!(
        described(&old, &new),
        [format!("{place}: \"…bra…\" ändrat till \"…dåligt…\"")]
    );
    set(&mut new, "Året som gått var ett bra år.");
    assert_eq!(
        described(&old, &new),
        [format!(
            "{place}: \"…år för föreningen och dess medlemmar.\" ändrat till \"…år.\""
        )]
    );
    set(
        &mut new,
        "Året  som gått var ett bra år för föreningen\noch dess medlemmar.",
    );
    assert_eq!(
        described(&old, &new),
        [format!("{place}: bara mellanrum och radbrytningar ändrade")]
    );
    set(&mut new, "");
    assert_eq!(
        described(&old, &new),
        [format!("{place}: \"Året som gått var ett bra år för föreningen och dess medlemmar.\" borttaget")]
    );
}

#[test]
fn amounts_with_their_effect_on_the_totals() {
    let old = balanced(LegalForm::Aktiebolag, &FIGURES);
    let income = inputs_under(&old, Role::TotalIncome)[0].clone();
    let asset = assets(&old)[0].clone();
    let mut r = old.clone();
    r.set_amount(&income, 0, d(1250));
    r.set_amount(&asset, 1, None);
    assert_eq!(
        described(&old, &r),
        [
            "Resultaträkning › Nettoomsättning, 2025: 1_000 → 1_250 kr (årets resultat 300 → 550 kr)",
            "Balansräkning › Tecknat men ej inbetalt kapital, 2024: 750 kr → tomt (summa tillgångar 750 → 0 kr)",
        ]
    );
    let change = &review::diff(&old, &r)[0];
    let ChangeKind::Amount {
        old: a,
        new: b,
        effects,
    } = &change.kind
    else {
        panic!("{change:?}");
    };
    assert_eq!((*a, *b), (Some(Money::from(1000)), Some(Money::from(1250))));
    assert_eq!(effects[0].label, "årets resultat");
    assert_eq!(
        (effects[0].old, effects[0].new),
        (Decimal::from(300), Decimal::from(550))
    );
}

#[test]
fn statement_lines_and_detail_rows() {
    let old = example_report();
    let mut r = old.clone();
    edit::set_line_label(&mut r, "medlemsavgifter", "Medlemsavgifter och insatser");
    edit::set_sum_label(&mut r, "intakter", "Summa intäkter totalt");
    edit::set_line_note(&mut r, "medlemsavgifter", Some("n-intakter"));
    r.line_mut("medlemsavgifter").unwrap().accounts = vec!["3890".into()];
    edit::set_detail_amount(&mut r, "gavor_och_bidrag", "d-gavor", 0, d(40000));
    edit::set_detail_label(&mut r, "gavor_och_bidrag", "d-gavor", "Gåvor");
    edit::remove_detail_row(&mut r, "gavor_och_bidrag", "d-bidrag-region");
    let added = edit::add_detail_row(&mut r, "gavor_och_bidrag").unwrap();
    edit::set_detail_label(&mut r, "gavor_och_bidrag", &added, "Övriga bidrag");
    if let Some(LineKind::Input { details, .. }) =
        r.line_mut("gavor_och_bidrag").map(|l| &mut l.kind)
    {
        details.swap(0, 1);
    }
    assert_eq!(
        described(&old, &r),
        [
            "Resultaträkning › Medlemsavgifter: benämning \"Medlemsavgifter\" → \"Medlemsavgifter och insatser\"",
            "Resultaträkning › Medlemsavgifter: konton 3890-3899 → 3890",
            "Resultaträkning › Medlemsavgifter: not ingen → \"Föreningens intäkter\"",
            "Resultaträkning › Gåvor och bidrag › Gåvor från privatpersoner och företag: benämning \"Gåvor från privatpersoner och företag\" → \"Gåvor\"",
            "Resultaträkning › Gåvor och bidrag › Gåvor från privatpersoner och företag, 2025: 38_400 → 40_000 kr (årets över-/underskott 40_980 → 42_580 kr)",
            "Resultaträkning › Gåvor och bidrag: specifikationsraden \"Övriga bidrag\" tillagd",
            "Resultaträkning › Gåvor och bidrag: specifikationsraden \"Projektbidrag från Västra Götalandsregionen\" borttagen",
            "Resultaträkning › Gåvor och bidrag: specifikationsraderna i ny ordning",
            "Resultaträkning › Intäkter: summarad \"Summa intäkter\" → \"Summa intäkter totalt\"",
        ]
    );
}

#[test]
fn line_structure() {
    let old = balanced(LegalForm::Aktiebolag, &FIGURES);
    let mut r = old.clone();
    let result = role_id(&r, Role::OperatingResult);
    let formula = r.line_mut(&result).unwrap();
    formula.role = None;
    if let LineKind::Formula { terms } = &mut formula.kind {
        terms.truncate(1);
    }
    let first = r.income_statement.lines.remove(0);
    r.income_statement.lines.push(first);
    let lines = described(&old, &r);
    assert_eq!(
        lines,
        [
            "Resultaträkning › Rörelseresultat: formel + Rörelseintäkter, lagerförändringar m.m. + Rörelsekostnader → + Rörelseintäkter, lagerförändringar m.m.",
            "Resultaträkning › Rörelseresultat: betydelse operating_result → ingen",
            "Resultaträkning: raderna i ny ordning",
        ]
    );
}

#[test]
fn equity_and_appropriation() {
    let old = example_report();
    let mut r = old.clone();
    let m = edit::add_equity_movement(&mut r, "Gåva till fonden");
    edit::set_equity_movement_amount(&mut r, &m, "balanserat_resultat", 0, d(2500));
    edit::set_equity_opening(&mut r, "balanserat_resultat", d(478651));
    edit::set_proposal_amount(&mut r, "balanseras", d(500000));
    let f = edit::add_proposal_item(&mut r, "avsätts till fond");
    edit::set_proposal_amount(&mut r, &f, d(33820));
    r.appropriation.comment = r.appropriation.comment.replace("buffert", "trygghet");
    assert_eq!(
        described(&old, &r),
        [
            "Förändringar i eget kapital: förändringen \"Gåva till fonden\" tillagd",
            "Förändringar i eget kapital › Balanserade över-/underskott, ingående belopp: 478_650 → 478_651 kr",
            "Resultatdisposition: \"…buffert…\" ändrat till \"…trygghet…\"",
            "Resultatdisposition › balanseras i ny räkning: 533_820 → 500_000 kr",
            "Resultatdisposition: förslagsraden \"avsätts till fond\" tillagd",
        ]
    );
    let mut next = r.clone();
    edit::set_equity_movement_amount(&mut next, &m, "balanserat_resultat", 1, d(100));
    edit::set_equity_movement_amount(&mut next, &m, "arets_resultat_balans", 0, d(7));
    next.equity.movements[0].label = "Gåva".into();
    edit::remove_proposal_item(&mut next, &f);
    edit::remove_equity_movement(&mut next, &m);
    assert_eq!(
        described(&r, &next),
        [
            "Förändringar i eget kapital: förändringen \"Gåva till fonden\" borttagen",
            "Resultatdisposition: förslagsraden \"avsätts till fond\" borttagen",
        ]
    );
    let mut next = r.clone();
    edit::set_equity_movement_amount(&mut next, &m, "balanserat_resultat", 1, d(100));
    edit::set_equity_movement_amount(&mut next, &m, "arets_resultat_balans", 0, d(7));
    next.equity.movements[0].label = "Gåva".into();
    assert_eq!(
        described(&r, &next),
        [
            "Förändringar i eget kapital › Gåva till fonden: benämning \"Gåva till fonden\" → \"Gåva\"",
            "Förändringar i eget kapital › Gåva till fonden: belopp för Årets över-/underskott inga → 7 / – kr",
            "Förändringar i eget kapital › Gåva till fonden › Balanserade över-/underskott, 2024: tomt → 100 kr",
        ]
    );
}

#[test]
fn notes_and_tables() {
    let old = example_report();
    let mut r = old.clone();
    edit::note_mut(&mut r, "n-intakter").unwrap().title = "Intäkter".into();
    edit::note_mut(&mut r, "redovisningsprinciper")
        .unwrap()
        .text
        .push_str(" Nytt stycke.");
    let n = edit::add_note(&mut r, "Ställda säkerheter");
    assert!(edit::add_note_table(&mut r, &n));
    edit::remove_note(&mut r, "n-ovriga-skulder");
    edit::set_table_tie(&mut r, "n-anstallda", Some("personalkostnader"));
    let c = edit::add_table_column(&mut r, "n-anstallda", "2023", None).unwrap();
    let amount = |v: i64| Some(Cell::Amount(Money::from(v)));
    edit::set_table_cell(&mut r, "n-anstallda", "np-kvinnor", &c, amount(2));
    edit::set_table_cell(&mut r, "n-anstallda", "np-man", "np-c2025", amount(3));
    edit::set_table_cell(
        &mut r,
        "n-anstallda",
        "np-styrelse",
        "np-c2024",
        Some(Cell::Text("—".into())),
    );
    edit::remove_table_column(&mut r, "n-eget-kapital", "ne-c2022");
    edit::move_table_row(&mut r, "n-intakter", "ni-kurs", true);
    let row = edit::add_table_row(&mut r, "n-intakter", None, RowKind::Item).unwrap();
    edit::remove_table_row(&mut r, "n-intakter", "ni-forsalj");
    let table = edit::note_mut(&mut r, "n-intakter")
        .unwrap()
        .table
        .as_mut()
        .unwrap();
    table.rows.iter_mut().find(|x| x.id == row).unwrap().label = "Övrigt".into();
    table
        .rows
        .iter_mut()
        .find(|x| x.id == "ni-medl")
        .unwrap()
        .kind = RowKind::Count;
    table.columns[2].header = "År 2023".into();
    table.columns[3].year = Some(1);
    edit::remove_note_table(&mut r, "n-kostnader");
    let a = "Noter › Medelantal anställda, löner, andra ersättningar och sociala avgifter";
    assert_eq!(
        described(&old, &r),
        [
            "Balansräkning › Övriga skulder: not \"Övriga skulder\" → ingen".to_string(),
            "Noter › Redovisnings- och värderingsprinciper: \"…Nytt stycke.\" tillagt".into(),
            "Noter › Föreningens intäkter: rubrik \"Föreningens intäkter\" → \"Intäkter\"".into(),
            "Noter › Föreningens intäkter › kolumnen 2023: rubrik \"2023\" → \"År 2023\"".into(),
            "Noter › Föreningens intäkter › kolumnen 2022: år inget år → 2024".into(),
            "Noter › Föreningens intäkter › Medlemsavgifter: radtyp post → antal".into(),
            "Noter › Föreningens intäkter: tabellraden \"Övrigt\" tillagd".into(),
            "Noter › Föreningens intäkter: tabellraden \"Försäljning och uthyrning\" borttagen"
                .into(),
            "Noter › Föreningens intäkter: tabellraderna i ny ordning".into(),
            "Noter › Föreningens kostnader: tabellen borttagen".into(),
            format!("{a}: kolumnen \"2023\" tillagd"),
            format!("{a} › Kvinnor, 2023: tomt → 2"),
            format!("{a} › Män, 2025: 1 → 3"),
            format!("{a} › Arvoden till styrelsen, 2024: 24_000 → \"—\""),
            format!("{a}: avstäms mot ingen → \"Personalkostnader\""),
            "Noter › Eget kapital: kolumnen \"2022\" borttagen".into(),
            "Noter: noten \"Ställda säkerheter\" tillagd".into(),
            "Noter: noten \"Övriga skulder\" borttagen".into(),
        ]
    );
    let mut reordered = old.clone();
    reordered.notes.swap(1, 2);
    assert_eq!(described(&old, &reordered), ["Noter: noterna i ny ordning"]);
    let mut with_table = old.clone();
    assert!(edit::add_note_table(
        &mut with_table,
        "redovisningsprinciper"
    ));
    assert_eq!(
        described(&old, &with_table),
        ["Noter › Redovisnings- och värderingsprinciper: tabellen tillagd"]
    );
}

#[test]
fn signatures_and_accounts() {
    let old = example_report();
    let mut r = old.clone();
    r.signatures.place = "Alingsås".into();
    r.signatures.date = None;
    r.signatures.auditor_report_date = Date::new(2026, 3, 4);
    edit::person_mut(&mut r, "p1").unwrap().name = "Karin Åberg-Ek".into();
    edit::person_mut(&mut r, "p2").unwrap().role = "Ledamot".into();
    let p = edit::add_person(&mut r, false);
    edit::person_mut(&mut r, &p).unwrap().name = "Ny Person".into();
    edit::remove_person(&mut r, "r2");
    r.signatures.signatories.swap(0, 1);
    r.account_map.insert(1930, "kassa_och_bank".into());
    assert_eq!(
        described(&old, &r),
        [
            "Underskrifter: revisionsberättelsens datum 2026-03-03 → 2026-03-04",
            "Underskrifter: revisorn \"Henrik Dahl (Auktoriserad revisor)\" borttagen",
            "Underskrifter: datum 2026-02-19 → inget",
            "Underskrifter: ort \"Borås\" → \"Alingsås\"",
            "Underskrifter › Mikael Strand (Vice ordförande): roll \"Vice ordförande\" → \"Ledamot\"",
            "Underskrifter › Karin Åberg (Ordförande): namn \"Karin Åberg\" → \"Karin Åberg-Ek\"",
            "Underskrifter: ledamoten \"Ny Person (Ledamot)\" tillagd",
            "Underskrifter: ledamöterna i ny ordning",
            "Konton från SIE: konto 1930 enligt kontoplanen → \"Kassa och bank\"",
        ]
    );
    let mut back = r.clone();
    back.account_map.clear();
    assert_eq!(
        described(&r, &back),
        ["Konton från SIE: konto 1930 \"Kassa och bank\" → enligt kontoplanen"]
    );
}

#[test]
fn comments_and_reviews() {
    let old = example_report();
    let mut r = old.clone();
    let line = CommentTarget::Line {
        line: "medlemsavgifter".into(),
    };
    let a = comments::add_comment(
        &mut r,
        "Anna",
        "2026-02-01T10:00",
        line,
        "Stämmer detta?",
        1,
    );
    comments::reply(&mut r, &a, "Bo", "2026-02-01T11:00", "Ja.", 2);
    let check = CommentTarget::Check {
        code: "missing_seat".into(),
        location: "organisation/seat".into(),
    };
    comments::add_comment(&mut r, "Cecilia", "2026-02-01T12:00", check, "Åtgärdat.", 3);
    comments::add_review(&mut r, "Anna", "2026-02-02T09:00", 4);
    assert_eq!(
        described(&old, &r),
        [
            "Kommentar från Anna om Resultaträkning › Medlemsavgifter: \"Stämmer detta?\"",
            "Svar från Bo på kommentaren från Anna om Resultaträkning › Medlemsavgifter: \"Ja.\"",
            "Kommentar från Cecilia om kontrollen missing_seat: \"Åtgärdat.\"",
            "Anna har granskat revision 0 (2026-02-02T09:00)",
        ]
    );
    let mut next = r.clone();
    comments::set_resolved(&mut next, &a, true);
    next.comments.remove(2);
    next.reviews.clear();
    assert_eq!(
        described(&r, &next),
        [
            "Kommentaren från Anna om Resultaträkning › Medlemsavgifter markerad som löst",
            "Kommentaren från Cecilia om kontrollen missing_seat borttagen",
            "Granskningen från Anna av revision 0 borttagen",
        ]
    );
    let mut reopened = next.clone();
    comments::set_resolved(&mut reopened, &a, false);
    assert_eq!(
        described(&next, &reopened),
        ["Kommentaren från Anna om Resultaträkning › Medlemsavgifter öppnad igen"]
    );
}

#[test]
fn change_ids_are_paths_of_ids() {
    let old = example_report();
    let mut r = old.clone();
    r.set_amount("medlemsavgifter", 0, d(1));
    edit::set_table_cell(&mut r, "n-intakter", "ni-medl", "ni-c2025", None);
    let ids: Vec<String> = review::diff(&old, &r)
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "income_statement/lines/#intakter/kind/group/children/#medlemsavgifter/kind/input/amounts/[0]",
            "notes/#n-intakter/table/rows/#ni-medl/cells/ni-c2025",
        ]
    );
}

#[test]
fn budget_changes_are_described_in_the_editors_words() {
    let old = example_report();
    let mut r = old.clone();
    edit::show_budget(&mut r, true);
    edit::show_deviation(&mut r, true);
    edit::set_budget_amount(&mut r, "medlemsavgifter", BudgetYear::This, d(50_000));
    assert_eq!(
        described(&old, &r),
        [
            "Resultaträkning: avvikelsen visas nej → ja",
            "Resultaträkning › Medlemsavgifter: budget ingen → Budget 2025 50_000",
            "Resultaträkning: budgeten visas nej → ja",
        ]
    );
    let mut later = r.clone();
    edit::set_budget_amount(&mut later, "medlemsavgifter", BudgetYear::Next, d(55_000));
    edit::set_budget_amount(&mut later, "medlemsavgifter", BudgetYear::This, d(52_000));
    assert_eq!(
        described(&r, &later),
        ["Resultaträkning › Medlemsavgifter: budget Budget 2025 50_000 → Budget 2025 52_000, Budget 2026 55_000"]
    );
    // One column's amount, when the line has the same columns before and after.
    let mut again = later.clone();
    edit::set_budget_amount(&mut again, "medlemsavgifter", BudgetYear::Next, d(56_000));
    let changes = described(&later, &again);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert!(
        changes[0].starts_with("Resultaträkning › Medlemsavgifter, Budget 2026: 55_000 → 56_000"),
        "{changes:?}"
    );
}

/// The printout's settings in the editor's words, never as the file's names ("zero", "dash").
#[test]
fn settings_changes_are_described_in_the_editors_words() {
    let old = example_report();
    let mut r = old.clone();
    r.settings.nil = Nil::Dash;
    r.settings.cash_flow = true;
    r.settings.unit = Unit::Tkr;
    let said = described(&old, &r);
    assert!(
        said.contains(&"Inställningar: noll i utskriften som 0 → som –".to_string()),
        "{said:?}"
    );
    assert!(
        said.contains(&"Inställningar: kassaflödesanalys nej → ja".to_string()),
        "{said:?}"
    );
    assert!(said.iter().all(|s| !s.contains("settings/")), "{said:?}");
}
