//! The printed document as a whole: escaping hostile text everywhere, locked down and
//! self-contained, and each part's content, on a small complete report.

use std::collections::BTreeMap;

use super::*;
use crate::date::Date;
use crate::money::{Money, Unit};

fn money(v: i64) -> Option<Money> {
    Some(Money::from(v))
}

fn input(id: &str, label: &str, role: Option<Role>, note: Option<&str>, amounts: [i64; 2]) -> Line {
    Line {
        id: id.into(),
        label: label.into(),
        role,
        note: note.map(Into::into),
        accounts: Vec::new(),
        kind: LineKind::Input {
            amounts: amounts.iter().map(|a| money(*a)).collect(),
            details: Vec::new(),
        },
    }
}

fn group(id: &str, label: &str, role: Option<Role>, sum_label: &str, children: Vec<Line>) -> Line {
    Line {
        id: id.into(),
        label: label.into(),
        role,
        note: None,
        accounts: Vec::new(),
        kind: LineKind::Group {
            sum_label: Some(sum_label.into()),
            children,
        },
    }
}

fn section(id: &str, title: &str, level: u8, part: Part, body: &str) -> Section {
    Section {
        id: id.into(),
        title: title.into(),
        level,
        part,
        body: body.into(),
    }
}

const EVIL: &str = "<script>alert(1)</script> </title> <img src=x onerror=alert(1)>";

/// A small but complete report, with hostile text wherever the treasurer can type.
fn sample() -> Report {
    let year = |y| FiscalYear {
        start: Date::new(y, 1, 1).unwrap(),
        end: Date::new(y, 12, 31).unwrap(),
    };
    let amount_cell = |v: i64| Some(Cell::Amount(Money::from(v)));
    Report {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        lineage: Lineage::default(),
        organisation: Organisation {
            name: "Föreningen </title><script>alert(1)</script>".into(),
            org_nr: "2021005489".into(),
            legal_form: LegalForm::IdeellForening,
            seat: "Umeå".into(),
        },
        years: vec![year(2025), year(2024)],
        settings: Settings::default(),
        narrative: vec![
            section(
                "s1",
                &format!("Om oss {EVIL}"),
                1,
                Part::Chapter,
                &format!("Text {EVIL}\n\n{EVIL}\n\nÅrets resultat blev {{{{årets_resultat}}}}."),
            ),
            section("s2", "Styrelsen", 2, Part::Chapter, "* Anna, ordförande"),
            section("s3", "Medlemmar", 1, Part::Chapter, "Vi är 120."),
            section(
                "v1",
                "Verksamheten",
                1,
                Part::ManagementReport,
                "Föreningen arbetar för **bättre** cykelvägar.",
            ),
        ],
        income_statement: Statement {
            lines: vec![
                group(
                    "int",
                    "Intäkter",
                    Some(Role::TotalIncome),
                    "Summa intäkter",
                    vec![
                        input(
                            "avg",
                            "Medlemsavgifter",
                            None,
                            Some("n-avg"),
                            [1_234_567, 900_000],
                        ),
                        input("gavor", "Gåvor och bidrag", None, Some("n-gavor"), [0, 0]),
                    ],
                ),
                group(
                    "kost",
                    "Kostnader",
                    Some(Role::TotalCosts),
                    "Summa kostnader",
                    vec![input(
                        "ext",
                        "Övriga externa kostnader",
                        None,
                        None,
                        [-634_567, -500_000],
                    )],
                ),
                Line {
                    id: "res".into(),
                    label: "Årets resultat".into(),
                    role: Some(Role::YearResult),
                    note: None,
                    accounts: Vec::new(),
                    kind: LineKind::Formula {
                        terms: vec![
                            Term {
                                line: "int".into(),
                                negate: false,
                            },
                            Term {
                                line: "kost".into(),
                                negate: false,
                            },
                        ],
                    },
                },
            ],
        },
        balance_sheet: Statement {
            lines: vec![
                group(
                    "tillg",
                    "Tillgångar",
                    Some(Role::TotalAssets),
                    "Summa tillgångar",
                    vec![input(
                        "bank",
                        "Kassa och bank",
                        None,
                        None,
                        [1_000_000, 400_000],
                    )],
                ),
                group(
                    "ekos",
                    "Eget kapital och skulder",
                    Some(Role::TotalEquityAndLiabilities),
                    "Summa eget kapital och skulder",
                    vec![group(
                        "ek",
                        "Eget kapital",
                        Some(Role::Equity),
                        "Summa eget kapital",
                        vec![
                            input(
                                "bal",
                                "Balanserat resultat",
                                Some(Role::RetainedEarnings),
                                None,
                                [400_000, 0],
                            ),
                            input(
                                "arb",
                                "Årets resultat",
                                Some(Role::YearResultBalance),
                                None,
                                [600_000, 400_000],
                            ),
                        ],
                    )],
                ),
            ],
        },
        off_balance: OffBalance::default(),
        equity: EquityChanges {
            opening: BTreeMap::new(),
            movements: Vec::new(),
        },
        appropriation: Appropriation {
            proposal: vec![ProposalItem {
                id: "p1".into(),
                label: "balanseras i ny räkning".into(),
                amount: money(1_000_000),
                remainder: true,
            }],
            comment: format!("Kommentar {EVIL}"),
        },
        notes: vec![
            Note {
                id: "n-princ".into(),
                title: "Redovisningsprinciper".into(),
                text: "Enligt BFNAR 2010:1.".into(),
                table: None,
            },
            Note {
                id: "n-avg".into(),
                title: format!("Medlemsavgifter {EVIL}"),
                text: format!("Avgiften är 100 kr. {EVIL}"),
                table: Some(NoteTable {
                    columns: vec![
                        NoteColumn {
                            id: "c0".into(),
                            header: String::new(),
                            year: Some(0),
                        },
                        NoteColumn {
                            id: "c1".into(),
                            header: "Fjolåret <b>".into(),
                            year: Some(1),
                        },
                    ],
                    rows: vec![
                        NoteRow {
                            id: "r1".into(),
                            label: "Ordinarie".into(),
                            kind: RowKind::Item,
                            cells: vec![amount_cell(1_000_000), amount_cell(700_000)],
                        },
                        NoteRow {
                            id: "r2".into(),
                            label: "Stöd <i>".into(),
                            kind: RowKind::Item,
                            cells: vec![
                                amount_cell(234_567),
                                Some(Cell::Text("ingår ovan <script>".into())),
                            ],
                        },
                        NoteRow {
                            id: "r3".into(),
                            label: "Summa".into(),
                            kind: RowKind::Sum,
                            cells: vec![None, None],
                        },
                        NoteRow {
                            id: "r4".into(),
                            label: "Antal medlemmar".into(),
                            kind: RowKind::Heading,
                            cells: vec![None, None],
                        },
                        NoteRow {
                            id: "r5".into(),
                            label: "Kvinnor".into(),
                            kind: RowKind::Count,
                            cells: vec![amount_cell(1_500), amount_cell(1_400)],
                        },
                        NoteRow {
                            id: "r6".into(),
                            label: "Män".into(),
                            kind: RowKind::Count,
                            cells: vec![amount_cell(700), amount_cell(600)],
                        },
                        NoteRow {
                            id: "r7".into(),
                            label: "Totalt".into(),
                            kind: RowKind::Sum,
                            cells: vec![None, None],
                        },
                    ],
                    tie: Some("avg".into()),
                    sign: NoteSign::AsStatement,
                }),
            },
            Note {
                id: "n-gavor".into(),
                title: "Gåvor".into(),
                text: "Inga.".into(),
                table: None,
            },
        ],
        signatures: Signatures {
            place: "Umeå <script>".into(),
            date: Date::new(2026, 3, 12),
            signatories: vec![
                Person {
                    id: "p1".into(),
                    name: "Anna <script>alert(1)</script>".into(),
                    role: "Ordförande".into(),
                },
                Person {
                    id: "p2".into(),
                    name: "Bo Ek".into(),
                    role: "Kassör".into(),
                },
            ],
            auditors: vec![Person {
                id: "a1".into(),
                name: "Cecilia Revisor".into(),
                role: "Förtroendevald revisor".into(),
            }],
            auditor_report_date: Date::new(2026, 3, 20),
        },
        account_map: Default::default(),
        sie_accounts: Vec::new(),
        comments: Vec::new(),
        reviews: Vec::new(),
        invalid_amounts: Vec::new(),
        budget: Budget::default(),
        history: None,
        document: DocumentType::ArsredovisningK2,
        document_unconfirmed: false,
    }
}

/// The tags of a document (`<…>` as written; escaped text has no `<`).
fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.split('<')
        .skip(1)
        .map(|s| s.split('>').next().unwrap_or(s))
}

// Tags in any case, as a browser reads them (a test: the Unicode tables cost nothing here).
#[allow(clippy::disallowed_methods)]
fn assert_safe(html: &str) {
    assert!(
        !html.to_lowercase().contains("<script"),
        "a script tag got through"
    );
    for tag in tags(html) {
        let t = tag.to_lowercase();
        assert!(
            !t.contains("onerror") && !t.contains("onclick") && !t.contains("javascript:"),
            "unsafe tag <{tag}>"
        );
        assert!(
            !t.starts_with("img") && !t.starts_with("link") && !t.starts_with("iframe"),
            "a resource is loaded: <{tag}>"
        );
    }
    assert_eq!(
        html.matches("</title>").count(),
        1,
        "the title was closed early"
    );
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let html = render_html(&sample());
    assert_safe(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("<title>Årsredovisning 2025 – Föreningen &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
    assert!(html.contains("Fjolåret &lt;b&gt;"));
    assert!(html.contains("ingår ovan &lt;script&gt;"));
}

#[test]
fn document_is_self_contained_and_locked_down() {
    let html = render_html(&sample());
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">"));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"
    ));
    assert!(tags(&html).all(|t| !t.contains(" src=") && !t.contains(" href=\"http")));
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(!html.contains("@import"));
    for part in [
        "Innehåll",
        "Förvaltningsberättelse",
        "Flerårsöversikt",
        "Resultatdisposition",
        "Resultaträkning",
        "Balansräkning",
        "Noter",
        "Underskrifter",
    ] {
        assert!(html.contains(part), "{part} is missing");
    }
    assert!(html.contains("counter(page) \" (\" counter(pages) \")\""));
}

#[test]
fn preview_is_the_body_of_the_document() {
    let report = sample();
    let computed = compute(&report);
    let body = preview_body(&report, &computed);
    let doc = render_document(&report, &computed);
    assert!(doc.contains(&format!("<body>{body}</body>")));
    assert!(doc.contains(&format!("<style>{STYLE}</style>")));
    assert!(body.starts_with("<div class=\"report\" lang=\"sv\">"));
}

#[test]
fn title_page_and_contents() {
    let mut report = sample();
    report.settings.example = true;
    let html = render_html(&report);
    assert!(html.contains("för räkenskapsåret 2025-01-01 – 2025-12-31"));
    assert!(html.contains("Org.nr 202100-5489"));
    assert!(html.contains("Ideell förening"));
    assert!(html.contains("Säte: Umeå"));
    assert!(html.contains("<p class=\"example-marker\">Exempel</p>"));
    // Chapters 1 (with 1.1) and 2, then the förvaltningsberättelse as 3 and so on.
    assert!(html.contains("<a href=\"#section-s1\"><span class=\"number\">1</span>Om oss"));
    assert!(html.contains("<a href=\"#section-s2\"><span class=\"number\">1.1</span>Styrelsen</a>"));
    assert!(html.contains("<a href=\"#section-s3\"><span class=\"number\">2</span>Medlemmar</a>"));
    assert!(html.contains(
        "<a href=\"#forvaltningsberattelse\"><span class=\"number\">3</span>Förvaltningsberättelse</a>"
    ));
    assert!(
        html.contains("<a href=\"#section-v1\"><span class=\"number\">3.1</span>Verksamheten</a>")
    );
    assert!(html.contains(
        "<a href=\"#flerarsoversikt\"><span class=\"number\">3.2</span>Flerårsöversikt</a>"
    ));
    assert!(html.contains(
        "<a href=\"#resultatrakning\"><span class=\"number\">4</span>Resultaträkning</a>"
    ));
    assert!(html
        .contains("<a href=\"#underskrifter\"><span class=\"number\">7</span>Underskrifter</a>"));
    assert!(html.contains("id=\"section-s2\""));
    assert!(html.contains("<h3><span class=\"number\">1.1</span>Styrelsen</h3>"));

    report.settings.example = false;
    assert!(!render_html(&report).contains("Exempel"));
}

#[test]
fn zero_lines_are_left_out() {
    let html = render_html(&sample());
    assert!(html.contains("id=\"line-avg\""));
    assert!(html.contains("Medlemsavgifter"));
    assert!(!html.contains("id=\"line-gavor\""));
    assert!(!html.contains("Gåvor och bidrag"));
    assert!(html.contains("class=\"figures statement income\""));
    assert!(html.contains("class=\"figures statement balance\""));
    assert!(html.contains("id=\"line-res\" class=\"result depth-0\""));
    assert!(html.contains(
        "id=\"line-int-sum\" class=\"sum depth-0\"><td class=\"label\">Summa intäkter</td>"
    ));
}

#[test]
fn statements_print_amounts_and_years() {
    let html = render_html(&sample());
    assert!(html.contains("Belopp i kr"));
    assert!(html.contains(
        "<th class=\"amount\" scope=\"col\">2025</th><th class=\"amount\" scope=\"col\">2024</th>"
    ));
    assert!(html.contains(
        "<td class=\"amount\">1\u{a0}234\u{a0}567</td><td class=\"amount\">900\u{a0}000</td>"
    ));
    assert!(html.contains("<td class=\"amount\">\u{2212}634\u{a0}567</td>"));
}

#[test]
fn notes_are_numbered_where_referred_and_printed() {
    let report = sample();
    let computed = compute(&report);
    let n = computed.note_number("n-avg").expect("the note is printed");
    let html = render_document(&report, &computed);
    assert!(html.contains(&format!(
        "<td class=\"note\"><a class=\"note-ref\" href=\"#note-n-avg\">{n}</a></td>"
    )));
    assert!(html.contains(&format!("<section class=\"note\" id=\"note-n-avg\"><h3><span class=\"number\">Not {n}</span>Medlemsavgifter &lt;script&gt;")));
    assert!(html.contains("<span class=\"number\">Not 1</span>Redovisningsprinciper"));
    // The note table: the year label as header, amounts, text, sums and unscaled counts.
    assert!(html.contains("<th class=\"amount\" scope=\"col\">2025</th><th class=\"amount\" scope=\"col\">Fjolåret &lt;b&gt;</th>"));
    assert!(html.contains(
        "<td class=\"amount\">234\u{a0}567</td><td class=\"amount text\">ingår ovan &lt;script&gt;</td>"
    ));
    assert!(html.contains("<td class=\"label\">Summa</td><td class=\"amount\">1\u{a0}234\u{a0}567</td><td class=\"amount\">700\u{a0}000</td>"));
    assert!(html.contains("<td class=\"label\">Totalt</td><td class=\"amount\">2\u{a0}200</td><td class=\"amount\">2\u{a0}000</td>"));
}

#[test]
fn placeholders_are_filled_in() {
    let html = render_html(&sample());
    assert!(
        html.contains("Årets resultat blev 600\u{a0}000\u{a0}kr."),
        "{html}"
    );
    assert!(!html.contains("{{årets_resultat}}"));
}

#[test]
fn thousands_of_kronor() {
    let mut report = sample();
    report.settings.unit = Unit::Tkr;
    let html = render_html(&report);
    assert!(html.contains("Belopp i tkr"));
    assert!(html.contains("<td class=\"amount\">1\u{a0}235</td><td class=\"amount\">900</td>"));
    // Counts are not money: never scaled.
    assert!(
        html.contains("<td class=\"amount\">1\u{a0}500</td><td class=\"amount\">1\u{a0}400</td>")
    );
    assert!(html.contains("Årets resultat blev 600\u{a0}tkr."));
}

#[test]
fn management_report_parts() {
    let html = render_html(&sample());
    assert!(html.contains("Styrelsen för <bdi>Föreningen &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</bdi>, org.nr 202100-5489, avger följande årsredovisning för räkenskapsåret 2025-01-01 – 2025-12-31."));
    assert!(html.contains("<td class=\"label\">Summa intäkter</td><td class=\"amount\">1\u{a0}234\u{a0}567</td><td class=\"amount\">900\u{a0}000</td></tr><tr><td class=\"label\">Resultat efter finansiella poster</td>"));
    assert!(html.contains("<td class=\"label\">Soliditet (%)</td><td class=\"amount\">100,0</td>"));
    assert!(html.contains("Till årsmötets förfogande står:"));
    assert!(html.contains(
        "<td class=\"label\">Balanserat resultat</td><td class=\"amount\">400\u{a0}000\u{a0}kr</td>"
    ));
    assert!(html.contains("Styrelsen föreslår att"));
    assert!(html.contains("<td class=\"label\">balanseras i ny räkning</td><td class=\"amount\">1\u{a0}000\u{a0}000\u{a0}kr</td>"));
    assert!(html.contains("Kommentar &lt;script&gt;"));
    // Förändringar i eget kapital: the columns are the equity lines, plus a total.
    assert!(html.contains("Förändringar i eget kapital"));
    assert!(html.contains("<th class=\"amount\" scope=\"col\">Balanserat resultat</th><th class=\"amount\" scope=\"col\">Årets resultat</th><th class=\"amount\" scope=\"col\">Totalt</th>"));
    assert!(html.contains("Belopp vid årets utgång"));
}

#[test]
fn signature_page() {
    let mut report = sample();
    let html = render_html(&report);
    assert!(html.contains("<p class=\"place-date\">Umeå &lt;script&gt;, 12 mars 2026</p>"));
    assert!(html.contains("<p class=\"name\"><bdi>Anna &lt;script&gt;alert(1)&lt;/script&gt;</bdi></p><p class=\"role\"><bdi>Ordförande</bdi></p>"));
    assert!(html.contains("Min revisionsberättelse har lämnats den 20 mars 2026."));
    assert!(html.contains("Förtroendevald revisor"));

    report.signatures.place.clear();
    report.signatures.date = None;
    report.signatures.auditor_report_date = None;
    let html = render_html(&report);
    assert!(html.contains(
        "<p class=\"place-date\"><span class=\"blank\"></span>, <span class=\"blank\"></span></p>"
    ));
    assert!(!html.contains("revisionsberättelse"));
}

#[test]
fn an_empty_report_renders() {
    let report = Report {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        lineage: Lineage::default(),
        organisation: Organisation {
            name: String::new(),
            org_nr: String::new(),
            legal_form: LegalForm::Stiftelse,
            seat: String::new(),
        },
        years: Vec::new(),
        settings: Settings::default(),
        narrative: vec![
            section("a", "Först en underrubrik", 2, Part::Chapter, ""),
            section("b", "Sedan", 2, Part::Chapter, ""),
        ],
        income_statement: Statement::default(),
        balance_sheet: Statement::default(),
        off_balance: OffBalance::default(),
        equity: EquityChanges::default(),
        appropriation: Appropriation::default(),
        notes: Vec::new(),
        signatures: Signatures::default(),
        account_map: Default::default(),
        sie_accounts: Vec::new(),
        comments: Vec::new(),
        reviews: Vec::new(),
        invalid_amounts: Vec::new(),
        budget: Budget::default(),
        history: None,
        document: DocumentType::ArsredovisningK2,
        document_unconfirmed: false,
    };
    let html = render_html(&report);
    assert!(html.contains("<title>Årsredovisning</title>"));
    assert!(html.contains("<span class=\"number\">1</span>Först en underrubrik"));
    assert!(html.contains("<span class=\"number\">1.1</span>Sedan"));
    assert!(!html.contains("id=\"noter\""));
    assert!(html
        .contains("<a href=\"#underskrifter\"><span class=\"number\">5</span>Underskrifter</a>"));
    assert!(html.contains("Till styrelsens förfogande står:"));
}

#[test]
fn every_template_renders_safely() {
    for form in LegalForm::ALL {
        let year = FiscalYear {
            start: Date::new(2025, 1, 1).unwrap(),
            end: Date::new(2025, 12, 31).unwrap(),
        };
        let mut report = crate::template::new_report(
            form,
            "Förening </title><script>alert(1)</script>",
            "2021005489",
            year,
        );
        report
            .narrative
            .push(section("evil", EVIL, 1, Part::Chapter, EVIL));
        let html = render_html(&report);
        assert_safe(&html);
        assert!(
            html.contains("Resultaträkning")
                && html.contains("Balansräkning")
                && html.contains("Innehåll"),
            "{form:?}"
        );
    }
}

/// The text of an element picked by its id attribute (tags stripped), for asserting on what a
/// row prints.
fn row_text(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no element {id}"));
    let end = start + html[start..].find("</tr>").expect("a row");
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn a_report_with_errors_is_marked_as_a_draft_and_one_without_is_not() {
    let example = crate::example::example_report();
    assert!(!compute(&example).has_errors());
    assert!(!render_html(&example).contains("UTKAST"));
    let mut r = example.clone();
    let line = r
        .all_lines()
        .find(|l| matches!(&l.kind, LineKind::Input { details, .. } if details.is_empty()))
        .unwrap()
        .id
        .clone();
    let current = compute(&r).value(&line, 0);
    r.set_amount(&line, 0, Some(current + Decimal::ONE));
    let errors = compute(&r).errors().count();
    assert!(errors > 0);
    let html = render_html(&r);
    assert_eq!(
        html.matches("UTKAST").count(),
        1,
        "one mark, repeated by print CSS"
    );
    assert!(html.contains(&format!("{errors} fel att rätta")));
}

#[test]
fn a_mistyped_amount_prints_as_typed_and_marked_never_as_a_number() {
    use crate::edit::{enter_amount, Entry};
    let mut r = sample();
    let line = "avg".to_string();
    let place = AmountPlace::Line {
        line: line.clone(),
        year: 0,
    };
    assert!(enter_amount(
        &mut r,
        &place,
        Entry::Amount(Some(Decimal::from(619)))
    ));
    assert!(row_text(&render_html(&r), "line-avg").contains("619"));
    assert!(enter_amount(
        &mut r,
        &place,
        Entry::Invalid("61 9OO".into())
    ));
    let html = render_html(&r);
    let row = row_text(&html, "line-avg");
    assert!(row.contains("61 9OO"), "{row}");
    assert!(
        !row.contains("619"),
        "the last valid prefix is not printed: {row}"
    );
    assert!(html.contains("class=\"invalid-amount\""));
    assert!(html.contains("UTKAST"));
}

#[test]
fn detail_rows_print_as_a_specification_under_their_line() {
    let mut r = crate::example::example_report();
    let (line, details) = r
        .all_lines()
        .find_map(|l| match &l.kind {
            LineKind::Input { details, .. } if details.len() > 1 => {
                Some((l.id.clone(), details.clone()))
            }
            _ => None,
        })
        .expect("the example has a line with detail rows");
    let html = render_html(&r);
    for d in &details {
        let row = row_text(&html, &format!("detail-{line}-{}", d.id));
        assert!(row.contains(&d.label), "{row}");
        let amount = d.amounts[0].unwrap().0;
        assert!(
            row.contains(&crate::money::format_amount(amount, Unit::Kr)),
            "{row}"
        );
    }
    // Removing the last one leaves no specification and no stale amount.
    for d in &details {
        crate::edit::remove_detail_row(&mut r, &line, &d.id);
    }
    let html = render_html(&r);
    assert!(!html.contains(&format!("detail-{line}-")));
}

#[test]
fn under_the_balance_sheet_stand_pledges_contingencies_and_the_remark() {
    let mut r = sample();
    let html = render_html(&r);
    assert!(html.contains("Ställda säkerheter"));
    assert!(html.contains("Eventualförpliktelser"));
    assert_eq!(html.matches(">Inga<").count(), 2);
    // The older labels, a real pledge, and a remark.
    r.off_balance.pledged.label = PLEDGED_LABELS[1].into();
    r.off_balance.pledged.text = "Företagsinteckningar 500 000 kr".into();
    r.off_balance.contingent.label = CONTINGENT_LABELS[1].into();
    r.off_balance.remark = "Föreningen har inga *leasingavtal*.".into();
    let html = render_html(&r);
    assert!(html.contains("Ställda panter"));
    assert!(html.contains("Företagsinteckningar 500 000 kr"));
    assert!(html.contains("Ansvarsförbindelser"));
    assert!(html.contains("<em>leasingavtal</em>"));
    // An emptied text is not printed at all.
    r.off_balance.contingent.text.clear();
    assert!(!render_html(&r).contains("Ansvarsförbindelser"));
}

#[test]
fn zero_prints_as_a_dash_when_the_report_says_so() {
    let mut r = sample();
    let html = render_html(&r);
    let row = row_text(&html, "line-avg");
    assert!(!row.contains('–'), "{row}");
    r.settings.nil = Nil::Dash;
    r.set_amount("avg", 1, Some(Decimal::ZERO));
    let row = row_text(&render_html(&r), "line-avg");
    assert!(row.contains('–'), "{row}");
    r.settings.nil = Nil::Zero;
    let row = row_text(&render_html(&r), "line-avg");
    assert!(row.ends_with('0'), "{row}");
}
