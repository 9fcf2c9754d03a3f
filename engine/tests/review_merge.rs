//! `review::merge` and `review::apply`: three-way merge of board members' copies, conflicts,
//! accepting changes one by one, several copies one after another, comments and lineage.

use kassoren_engine::edit;
use kassoren_engine::example::example_report;
use kassoren_engine::json;
use kassoren_engine::model::*;
use kassoren_engine::money::Money;
use kassoren_engine::review::{self, comments, lineage, ChangeId, MergeError};
use rust_decimal::Decimal;

/// The treasurer's exported revision: the base every board member starts from.
fn base() -> Report {
    let mut r = example_report();
    lineage::next_revision(&mut r, "Kassören");
    r
}

/// A board member's copy of the base.
fn copy(base: &Report, who: &str) -> Report {
    let mut r = base.clone();
    lineage::next_revision(&mut r, who);
    r
}

fn d(v: i64) -> Option<Decimal> {
    Some(Decimal::from(v))
}

fn amount(r: &Report, line: &str, year: usize) -> Option<Money> {
    match &r.line(line).unwrap().kind {
        LineKind::Input { amounts, .. } => amounts[year],
        _ => panic!("{line} is not an input line"),
    }
}

fn body(r: &Report, section: &str) -> String {
    r.narrative
        .iter()
        .find(|s| s.id == section)
        .unwrap()
        .body
        .clone()
}

fn set_body(r: &mut Report, section: &str, text: &str) {
    edit::section_mut(r, section).unwrap().body = text.into();
}

fn ids(changes: &[review::Change]) -> Vec<ChangeId> {
    changes.iter().map(|c| c.id.clone()).collect()
}

fn valid(r: &Report) {
    json::validate(r).unwrap_or_else(|e| panic!("the merge is invalid: {e}"));
}

#[test]
fn a_different_report_is_never_merged() {
    let base = base();
    let mut other = base.clone();
    lineage::start(&mut other, 42);
    let e = review::merge(&base, &base, &other).unwrap_err();
    assert_eq!(
        e,
        MergeError::DifferentDocument {
            mine: base.lineage.document_id.clone(),
            theirs: "d-000000000000002a".into()
        }
    );
    assert!(e.to_string().contains("inte samma årsredovisning"), "{e}");
    assert!(review::apply(&base, &base, &other, &[]).is_err());
    assert!(review::merge(&other, &base, &base).is_err());
}

#[test]
fn merging_a_copy_with_itself_changes_nothing() {
    let base = base();
    let mut mine = base.clone();
    mine.set_amount("medlemsavgifter", 0, d(1));
    let m = review::merge(&base, &mine, &mine).unwrap();
    assert_eq!(m.report, mine);
    assert!(m.changes.is_empty() && m.conflicts.is_empty());
    let m = review::merge(&base, &mine, &base).unwrap();
    assert_eq!(m.report, mine);
}

#[test]
fn edits_in_different_places_are_both_kept() {
    let base = base();
    let mut mine = base.clone();
    mine.set_amount("medlemsavgifter", 0, d(140_000));
    set_body(&mut mine, "verksamheten", "Min text.");
    let mut theirs = copy(&base, "Anna");
    theirs.set_amount("ovriga_verksamhetsintakter", 0, d(400_000));
    set_body(&mut theirs, "vasentliga_handelser", "Deras text.");
    let s = edit::add_section(&mut theirs, None, Part::Chapter, "Tack");
    let m = review::merge(&base, &mine, &theirs).unwrap();
    assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
    let lines: Vec<String> = m
        .changes
        .iter()
        .map(|c| c.describe().replace('\u{a0}', " "))
        .collect();
    assert_eq!(
        lines,
        [
            "Berättelse: avsnittet \"Tack\" tillagt",
            "Förvaltningsberättelse › Väsentliga händelser under räkenskapsåret: \"- I mars anställdes en projektsamordnare … Beloppet redovisas som förutbetald intäkt.\" ändrat till \"Deras text.\"",
            "Resultaträkning › Kurs- och lägeravgifter, 2025: 392 800 → 400 000 kr (årets över-/underskott 40 980 → 48 180 kr)",
        ]
    );
    let r = &m.report;
    valid(r);
    assert_eq!(amount(r, "medlemsavgifter", 0), Some(Money::from(140_000)));
    assert_eq!(
        amount(r, "ovriga_verksamhetsintakter", 0),
        Some(Money::from(400_000))
    );
    assert_eq!(body(r, "verksamheten"), "Min text.");
    assert_eq!(body(r, "vasentliga_handelser"), "Deras text.");
    assert!(r.narrative.iter().any(|x| x.id == s && x.title == "Tack"));
    // Mine's lineage, a revision newer than both copies.
    assert_eq!(r.lineage.document_id, mine.lineage.document_id);
    assert_eq!(r.lineage.author.as_deref(), Some("Kassören"));
    assert_eq!(r.lineage.revision, 3);
    // Accepting every change gives the merge.
    assert_eq!(
        review::apply(&base, &mine, &theirs, &ids(&m.changes)).unwrap(),
        m.report
    );
}

#[test]
fn the_same_cell_changed_twice_is_a_conflict() {
    let base = base();
    let mut mine = base.clone();
    mine.set_amount("medlemsavgifter", 0, d(140_000));
    let mut theirs = copy(&base, "Anna");
    theirs.set_amount("medlemsavgifter", 0, d(150_000));
    theirs.set_amount("medlemsavgifter", 1, d(125_000));
    let m = review::merge(&base, &mine, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(
        c.path.as_str(),
        "income_statement/lines/#intakter/kind/group/children/#medlemsavgifter/kind/input/amounts/[0]"
    );
    assert_eq!(
        c.describe().replace('\u{a0}', " "),
        "Resultaträkning › Medlemsavgifter, 2025: din version 140 000 kr, deras 150 000 kr"
    );
    assert_eq!(
        (c.mine.as_str(), c.theirs.as_str()),
        ("140\u{a0}000 kr", "150\u{a0}000 kr")
    );
    // Nothing is merged silently: mine's value stays; the other year comes in.
    assert_eq!(
        amount(&m.report, "medlemsavgifter", 0),
        Some(Money::from(140_000))
    );
    assert_eq!(
        amount(&m.report, "medlemsavgifter", 1),
        Some(Money::from(125_000))
    );
    assert_eq!(m.changes.len(), 1);
    // Accepting the conflict takes their value.
    let mut accepted = ids(&m.changes);
    accepted.push(c.path.clone());
    let r = review::apply(&base, &mine, &theirs, &accepted).unwrap();
    assert_eq!(amount(&r, "medlemsavgifter", 0), Some(Money::from(150_000)));
    // The same change in both copies is no conflict and not listed.
    let mut same = copy(&base, "Bo");
    same.set_amount("medlemsavgifter", 0, d(140_000));
    let m = review::merge(&base, &mine, &same).unwrap();
    assert!(m.changes.is_empty() && m.conflicts.is_empty());
    assert_eq!(m.report, mine);
}

#[test]
fn a_text_changed_twice_is_a_conflict_shown_word_by_word() {
    let base = base();
    let text = "Föreningen hade ett bra år med många nya medlemmar och aktiviteter.";
    let mut base = base;
    set_body(&mut base, "verksamheten", text);
    let mut mine = base.clone();
    set_body(
        &mut mine,
        "verksamheten",
        &text.replace("bra", "mycket bra"),
    );
    let mut theirs = copy(&base, "Anna");
    set_body(&mut theirs, "verksamheten", &text.replace("bra", "utmärkt"));
    let m = review::merge(&base, &mine, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(
        c.describe(),
        "Förvaltningsberättelse › Allmänt om verksamheten: din version \"…mycket bra…\", deras \"…utmärkt…\""
    );
    assert_eq!(c.mine, text.replace("bra", "mycket bra"));
    assert_eq!(c.theirs, text.replace("bra", "utmärkt"));
    assert_eq!(body(&m.report, "verksamheten"), c.mine);
}

#[test]
fn a_removed_thing_the_other_copy_edited_is_a_conflict() {
    let base = base();
    // I removed a section they edited.
    let mut mine = base.clone();
    edit::remove_section(&mut mine, "medlemmar");
    let mut theirs = copy(&base, "Anna");
    set_body(&mut theirs, "medlemmar", "Nu 420 medlemmar.");
    let m = review::merge(&base, &mine, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1, "{:#?}", m.conflicts);
    assert_eq!(
        m.conflicts[0].describe(),
        "Berättelse › Föreningens medlemmar: din version (borttaget), deras Nu 420 medlemmar."
    );
    assert!(m.report.narrative.iter().all(|s| s.id != "medlemmar"));
    // Accepting theirs brings the section back, as they have it, where it was.
    let r = review::apply(&base, &mine, &theirs, &[m.conflicts[0].path.clone()]).unwrap();
    let at = r
        .narrative
        .iter()
        .position(|s| s.id == "medlemmar")
        .unwrap();
    assert_eq!(r.narrative[at - 1].id, "styrelse");
    assert_eq!(body(&r, "medlemmar"), "Nu 420 medlemmar.");

    // They removed a note I edited.
    let mut mine = base.clone();
    edit::note_mut(&mut mine, "n-ovriga-skulder").unwrap().title = "Skulder".into();
    let mut theirs = copy(&base, "Anna");
    edit::remove_note(&mut theirs, "n-ovriga-skulder");
    let m = review::merge(&base, &mine, &theirs).unwrap();
    let lines: Vec<&str> = m.conflicts.iter().map(|c| c.describe()).collect();
    assert_eq!(lines, ["Noter: din version \"Skulder\", deras (borttaget)"]);
    // The line's reference to the removed note is a change of its own, and comes in.
    assert_eq!(m.changes.len(), 1, "{:#?}", m.changes);
    assert!(m.report.note("n-ovriga-skulder").is_some());
    let r = review::apply(&base, &mine, &theirs, &[m.conflicts[0].path.clone()]).unwrap();
    assert!(r.note("n-ovriga-skulder").is_none());
    valid(&r);
}

#[test]
fn cells_of_a_removed_column() {
    let base = base();
    let cell = |v: i64| Some(Cell::Amount(Money::from(v)));
    // They removed a column I changed a cell in: a conflict.
    let mut mine = base.clone();
    edit::set_table_cell(&mut mine, "n-intakter", "ni-kurs", "ni-c2022", cell(1));
    let mut theirs = copy(&base, "Anna");
    edit::remove_table_column(&mut theirs, "n-intakter", "ni-c2022");
    let m = review::merge(&base, &mine, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1, "{:#?}", m);
    assert!(
        m.conflicts[0]
            .describe()
            .starts_with("Noter › Föreningens intäkter: din version"),
        "{}",
        m.conflicts[0].describe()
    );
    // I removed a column they changed a cell in: their change cannot be applied.
    let m = review::merge(&base, &theirs, &mine).unwrap();
    assert_eq!(m.conflicts.len(), 1, "{:#?}", m);
    assert_eq!(
        m.conflicts[0].describe(),
        "Noter › Föreningens intäkter › Kurs- och lägeravgifter, 2022: 289\u{a0}700 → 1 (kan inte föras in: det som ändrats finns inte i din version)"
    );
    assert!(m.changes.is_empty());
    assert_eq!(m.report, theirs);
}

#[test]
fn things_both_copies_added_are_both_kept() {
    let base = base();
    let mut mine = base.clone();
    let a = edit::add_note(&mut mine, "Min not");
    edit::set_line_note(&mut mine, "medlemsavgifter", Some(&a));
    let mut theirs = copy(&base, "Anna");
    let b = edit::add_note(&mut theirs, "Deras not");
    edit::set_line_note(&mut theirs, "ovriga_verksamhetsintakter", Some(&b));
    comments::add_comment(
        &mut theirs,
        "Anna",
        "2026-02-01T10:00",
        CommentTarget::Note { note: b.clone() },
        "Min nya not",
        9,
    );
    assert_eq!(a, b, "both copies call the new note the same");
    let m = review::merge(&base, &mine, &theirs).unwrap();
    assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
    let r = &m.report;
    valid(r);
    let titles: Vec<&str> = r.notes.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(&titles[titles.len() - 2..], ["Min not", "Deras not"]);
    let theirs_note = &r.notes.last().unwrap().id;
    assert_ne!(theirs_note, &a);
    // Their references follow the new id.
    assert_eq!(
        r.line("ovriga_verksamhetsintakter").unwrap().note.as_ref(),
        Some(theirs_note)
    );
    assert_eq!(
        r.line("medlemsavgifter").unwrap().note.as_deref(),
        Some(a.as_str())
    );
    assert_eq!(
        r.comments[0].target,
        CommentTarget::Note {
            note: theirs_note.clone()
        }
    );
}

#[test]
fn same_ids_in_other_places_are_other_things() {
    let base = base();
    // An empty detail row each, on different lines: the same id and content, other places.
    let mut mine = base.clone();
    let a = edit::add_detail_row(&mut mine, "bokslutsdispositioner").unwrap();
    let mut theirs = copy(&base, "Anna");
    let b = edit::add_detail_row(&mut theirs, "skatt").unwrap();
    assert_eq!(a, b);
    // A note with a table each: the tables' rows and columns have the same ids and content,
    // but lie in different notes.
    let n = edit::add_note(&mut mine, "Min not");
    assert!(edit::add_note_table(&mut mine, &n));
    let n = edit::add_note(&mut theirs, "Deras not");
    assert!(edit::add_note_table(&mut theirs, &n));
    let m = review::merge(&base, &mine, &theirs).unwrap();
    assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
    valid(&m.report);
    let details = |line: &str| match &m.report.line(line).unwrap().kind {
        LineKind::Input { details, .. } => details.len(),
        _ => 0,
    };
    assert_eq!((details("bokslutsdispositioner"), details("skatt")), (1, 1));
    let tables = m.report.notes.iter().filter(|n| n.table.is_some()).count();
    assert_eq!(
        tables,
        base.notes.iter().filter(|n| n.table.is_some()).count() + 2
    );
}

#[test]
fn several_copies_one_after_another() {
    let base = base();
    let mut anna = copy(&base, "Anna");
    anna.set_amount("medlemsavgifter", 0, d(140_000));
    set_body(&mut anna, "verksamheten", "Annas text.");
    comments::add_comment(&mut anna, "Anna", "t1", CommentTarget::Report, "Hej", 1);
    let mut bo = copy(&base, "Bo");
    bo.set_amount("medlemsavgifter", 0, d(145_000));
    edit::person_mut(&mut bo, "p1").unwrap().name = "Karin Åberg-Ek".into();
    comments::add_comment(&mut bo, "Bo", "t2", CommentTarget::Report, "Hallå", 2);
    comments::add_review(&mut bo, "Bo", "t3", 3);
    let mut cecilia = copy(&base, "Cecilia");
    edit::add_section(&mut cecilia, None, Part::Chapter, "CeciliAs avsnitt");

    let first = review::merge(&base, &base, &anna).unwrap();
    assert!(first.conflicts.is_empty());
    let second = review::merge(&base, &first.report, &bo).unwrap();
    // Anna and Bo changed the same amount: a conflict; the rest of Bo's copy comes in.
    assert_eq!(second.conflicts.len(), 1);
    assert_eq!(
        amount(&second.report, "medlemsavgifter", 0),
        Some(Money::from(140_000))
    );
    let third = review::merge(&base, &second.report, &cecilia).unwrap();
    assert!(third.conflicts.is_empty());
    let r = &third.report;
    valid(r);
    assert_eq!(body(r, "verksamheten"), "Annas text.");
    assert_eq!(r.signatures.signatories[0].name, "Karin Åberg-Ek");
    assert!(r.narrative.iter().any(|s| s.title == "CeciliAs avsnitt"));
    assert_eq!(r.comments.len(), 2);
    assert_eq!(r.reviews.len(), 1);
    assert_eq!(r.lineage.revision, 5);
    // Merging the same copy again brings nothing new.
    let again = review::merge(&base, r, &bo).unwrap();
    assert_eq!(again.report, *r);
}

#[test]
fn comments_are_merged_by_id() {
    let mut base = base();
    let c = comments::add_comment(&mut base, "Anna", "t0", CommentTarget::Report, "Fråga", 1);
    let mut mine = base.clone();
    comments::reply(&mut mine, &c, "Kassören", "t1", "Svar", 2).unwrap();
    let mut theirs = copy(&base, "Anna");
    comments::set_resolved(&mut theirs, &c, true);
    comments::add_comment(
        &mut theirs,
        "Anna",
        "t2",
        CommentTarget::Report,
        "Ny fråga",
        3,
    );
    let m = review::merge(&base, &mine, &theirs).unwrap();
    let lines: Vec<&str> = m.changes.iter().map(|c| c.describe()).collect();
    assert_eq!(
        lines,
        [
            "Kommentaren från Anna om hela årsredovisningen markerad som löst",
            "Kommentar från Anna om hela årsredovisningen: \"Ny fråga\"",
        ]
    );
    let texts: Vec<&str> = m.report.comments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Fråga", "Svar", "Ny fråga"]);
    assert!(m.report.comments[0].resolved);
    // Comments come in even when no change is accepted; their content does not.
    theirs.set_amount("medlemsavgifter", 0, d(1));
    let r = review::apply(&base, &mine, &theirs, &[]).unwrap();
    assert_eq!(r.comments, m.report.comments);
    assert_eq!(
        amount(&r, "medlemsavgifter", 0),
        amount(&mine, "medlemsavgifter", 0)
    );
    assert_eq!(r.lineage.revision, 3);
}

#[test]
fn accepting_every_change_of_an_unchanged_copy_gives_their_copy() {
    let base = base();
    let mut theirs = copy(&base, "Anna");
    theirs.set_amount("medlemsavgifter", 0, d(1));
    theirs.organisation.seat = "Ulricehamn".into();
    edit::move_section(&mut theirs, "medlemmar", true);
    let s = edit::add_section(&mut theirs, Some("styrelse"), Part::Chapter, "Nytt");
    edit::move_section(&mut theirs, &s, true);
    edit::remove_section(&mut theirs, "s-projekt");
    edit::remove_note(&mut theirs, "n-eget-kapital");
    let row =
        edit::add_table_row(&mut theirs, "n-intakter", Some("ni-medl"), RowKind::Item).unwrap();
    edit::set_table_cell(
        &mut theirs,
        "n-intakter",
        &row,
        "ni-c2024",
        Some(Cell::Text("x".into())),
    );
    edit::move_table_row(&mut theirs, "n-intakter", "ni-kurs", true);
    let col = edit::add_table_column(&mut theirs, "n-anstallda", "2023", None).unwrap();
    edit::set_table_cell(
        &mut theirs,
        "n-anstallda",
        "np-man",
        &col,
        Some(Cell::Amount(Money::from(2))),
    );
    edit::add_detail_row(&mut theirs, "medlemsavgifter").unwrap();
    edit::add_person(&mut theirs, true);
    let m = review::merge(&base, &base, &theirs).unwrap();
    assert!(m.conflicts.is_empty());
    let mut r = review::apply(&base, &base, &theirs, &ids(&m.changes)).unwrap();
    assert_eq!(r, m.report);
    assert_eq!(r.lineage.revision, theirs.lineage.revision + 1);
    r.lineage = theirs.lineage.clone();
    let left: Vec<String> = review::diff(&theirs, &r)
        .iter()
        .map(|c| c.describe().to_string())
        .collect();
    assert!(left.is_empty(), "{left:#?}");
    assert_eq!(r, theirs);
}

#[test]
fn only_accepted_changes_are_applied() {
    let base = base();
    let mut theirs = copy(&base, "Anna");
    theirs.set_amount("medlemsavgifter", 0, d(1));
    theirs.organisation.seat = "Ulricehamn".into();
    let m = review::merge(&base, &base, &theirs).unwrap();
    assert_eq!(m.changes.len(), 2);
    let seat = m
        .changes
        .iter()
        .find(|c| c.id.as_str() == "organisation/seat")
        .unwrap();
    let r = review::apply(&base, &base, &theirs, std::slice::from_ref(&seat.id)).unwrap();
    assert_eq!(r.organisation.seat, "Ulricehamn");
    assert_eq!(
        amount(&r, "medlemsavgifter", 0),
        amount(&base, "medlemsavgifter", 0)
    );
    // Nothing accepted: mine unchanged.
    assert_eq!(review::apply(&base, &base, &theirs, &[]).unwrap(), base);
}

#[test]
fn the_merge_is_recomputed_and_checked() {
    let base = base();
    let mut theirs = copy(&base, "Anna");
    theirs.set_amount("medlemsavgifter", 0, d(140_000));
    let m = review::merge(&base, &base, &theirs).unwrap();
    let c = kassoren_engine::compute(&m.report);
    assert_eq!(c.value("medlemsavgifter", 0), Decimal::from(140_000));
    assert!(c.has_errors(), "the balance sheet no longer balances");
}

/// Format 4's fields travel through a merge like any other: what sits under the balansräkning,
/// a mistyped amount's text, a note's sign convention, the zero setting, and a change back to
/// the default (which the file leaves out) is a change too.
#[test]
fn format_4_fields_are_merged_including_a_change_back_to_the_default() {
    use kassoren_engine::edit::{enter_amount, Entry};
    let base = base();
    let mine = base.clone();
    let mut theirs = copy(&base, "Anna");
    theirs.off_balance.pledged.text = "Företagsinteckning 200 000 kr".into();
    theirs.off_balance.remark = "Inga leasingavtal.".into();
    theirs.settings.nil = Nil::Dash;
    let place = AmountPlace::Line {
        line: "medlemsavgifter".into(),
        year: 0,
    };
    assert!(enter_amount(
        &mut theirs,
        &place,
        Entry::Invalid("13l 650".into())
    ));
    let m = review::merge(&base, &mine, &theirs).unwrap();
    assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
    assert_eq!(m.report.off_balance, theirs.off_balance);
    assert_eq!(m.report.settings.nil, Nil::Dash);
    assert_eq!(m.report.invalid_text(&place), Some("13l 650"));
    assert_eq!(amount(&m.report, "medlemsavgifter", 0), None);
    valid(&m.report);

    // Back to the defaults, from a copy that had them changed.
    let changed = m.report.clone();
    let mut reverted = copy(&changed, "Anna");
    reverted.off_balance = OffBalance::default();
    reverted.settings.nil = Nil::Zero;
    assert!(enter_amount(
        &mut reverted,
        &place,
        Entry::Amount(d(131_650))
    ));
    let m = review::merge(&changed, &changed, &reverted).unwrap();
    assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
    assert_eq!(m.report.off_balance, OffBalance::default());
    assert_eq!(m.report.settings.nil, Nil::Zero);
    assert!(m.report.invalid_amounts.is_empty());
    assert_eq!(
        amount(&m.report, "medlemsavgifter", 0),
        Some(Money::from(131_650))
    );
}
