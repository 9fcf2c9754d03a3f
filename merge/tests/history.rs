//! Merging the board's copies by their histories: the forwarding chain of issue 15 verbatim,
//! files without a history, texts merged by characters, conflicts, rejections that stay
//! rejected, structural races, and the history's round trip.

mod common;

use common::*;
use kassoren_engine::edit;
use kassoren_engine::review::{content_tree, ChangeId};
use kassoren_merge::{combine, compare, record, undecided, Comparison};
use rust_decimal::Decimal;

const T: &str = "Kassören";

fn d(v: i64) -> Option<Decimal> {
    Some(Decimal::from(v))
}

fn all_ids(m: &kassoren_engine::review::Merge) -> Vec<ChangeId> {
    m.changes.iter().map(|c| c.id.clone()).collect()
}

#[test]
fn the_history_gives_back_the_readable_fields() {
    let t = treasurer_file();
    assert!(t.history.is_some());
    let again = kassoren_engine::json::from_json(&kassoren_engine::json::to_json(&t)).unwrap();
    assert_eq!(again, t, "the history travels in the file");
    // Recording again without an edit records nothing.
    let mut same = t.clone();
    assert!(!record(&mut same, T, 1).unwrap());
    assert_eq!(same.history, t.history);
    // The history's content is the report's.
    let mut copy = t.clone();
    set_amount(&mut copy, "medlemsavgifter", 1);
    assert!(record(&mut copy, "Anna", 2).unwrap());
    assert_eq!(kassoren_merge::authors(&copy).unwrap().len(), 2);
    assert_ne!(content_tree(&copy), content_tree(&t));
}

/// Issue 15, case 1, verbatim: T saves revision 1 and sends it to Anna; T edits two amounts and
/// saves revision 2; Anna edits revision 1 and saves (her "revision 2"); Bertil opens Anna's
/// file, edits and saves ("revision 3, derived from 2"); T opens Bertil's file and compares.
#[test]
fn a_forwarded_copy_keeps_the_treasurers_edits_and_brings_both_members() {
    let mut t = treasurer_file();
    let sent = t.clone();
    set_amount(&mut t, "medlemsavgifter", 150_000);
    set_amount(&mut t, "verksamhetskostnader", -610_000);
    save(&mut t, T);
    assert_eq!(t.lineage.revision, 2);

    let mut anna = sent.clone();
    set_amount(&mut anna, "ovriga_verksamhetsintakter", 333_000);
    save(&mut anna, "Anna");
    assert_eq!(anna.lineage.revision, 2);

    let mut bertil = anna.clone();
    set_body(
        &mut bertil,
        "verksamheten",
        "Bertils nya text om verksamheten.",
    );
    save(&mut bertil, "Bertil");
    assert_eq!(bertil.lineage.revision, 3);
    assert_eq!(bertil.lineage.derived_from, Some(2));

    let cmp = compare(&t, &bertil).unwrap();
    assert!(matches!(cmp, Comparison::Related { .. }));
    let m = cmp.review(&t, &bertil).unwrap();
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let places: Vec<&str> = m.changes.iter().map(|c| c.id.as_str()).collect();
    assert!(
        places
            .iter()
            .any(|p| p.contains("ovriga_verksamhetsintakter")),
        "{places:?}"
    );
    assert!(
        places.iter().any(|p| p.contains("verksamheten")),
        "{places:?}"
    );
    assert!(
        !places.iter().any(|p| p.contains("medlemsavgifter")),
        "{places:?}"
    );
    assert!(
        !places.iter().any(|p| p.contains("verksamhetskostnader")),
        "{places:?}"
    );

    let result = cmp.apply(&t, &bertil, &all_ids(&m)).unwrap();
    assert_eq!(amount(&result, "medlemsavgifter"), d(150_000));
    assert_eq!(amount(&result, "verksamhetskostnader"), d(-610_000));
    assert_eq!(amount(&result, "ovriga_verksamhetsintakter"), d(333_000));
    assert_eq!(
        body(&result, "verksamheten"),
        "Bertils nya text om verksamheten."
    );

    // Merged, the same file brings nothing new; nor does Anna's, which Bertil's contains.
    let merged = combine(&t, &bertil, &result, T, 3).unwrap();
    assert_eq!(compare(&merged, &bertil).unwrap(), Comparison::Nothing);
    assert_eq!(compare(&merged, &anna).unwrap(), Comparison::Nothing);
    assert!(undecided(&merged).unwrap().is_empty());
}

/// Issue 15, case 2: a file without a history (an older version, hand-made JSON) compared with
/// the treasurer's report: every difference is a conflict to decide, none is taken as theirs.
#[test]
fn a_file_without_history_is_all_conflicts_and_nothing_is_taken() {
    let mut t = treasurer_file();
    let mut anna = t.clone();
    set_amount(&mut t, "medlemsavgifter", 150_000);
    save(&mut t, T);
    set_amount(&mut anna, "ovriga_verksamhetsintakter", 333_000);
    anna.history = None;
    let cmp = compare(&t, &anna).unwrap();
    assert_eq!(cmp, Comparison::Unrelated);
    let m = cmp.review(&t, &anna).unwrap();
    assert_eq!(m.report, t, "nothing is applied");
    assert!(m.changes.is_empty());
    let paths: Vec<&str> = m.conflicts.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    let fees = m
        .conflicts
        .iter()
        .find(|c| c.path.as_str().contains("medlemsavgifter"))
        .unwrap();
    assert!(fees.mine.contains("150"), "{fees:?}");
    // Taking their version of one conflict takes just that one.
    let gifts = m
        .conflicts
        .iter()
        .find(|c| c.path.as_str().contains("ovriga_verksamhetsintakter"))
        .unwrap();
    let result = cmp
        .apply(&t, &anna, std::slice::from_ref(&gifts.path))
        .unwrap();
    assert_eq!(amount(&result, "ovriga_verksamhetsintakter"), d(333_000));
    assert_eq!(amount(&result, "medlemsavgifter"), d(150_000));
    // The result keeps the treasurer's history and records the choice.
    let merged = combine(&t, &anna, &result, T, 4).unwrap();
    assert!(
        kassoren_merge::authors(&merged).unwrap().len()
            > kassoren_merge::authors(&t).unwrap().len()
    );
}

#[test]
fn two_members_editing_different_sentences_of_one_section_both_come_in() {
    let t = treasurer_file();
    let original = body(&t, "medlemmar").to_string();
    let first = original.split(". ").next().unwrap().to_string();
    let mut anna = t.clone();
    set_body(
        &mut anna,
        "medlemmar",
        &original.replacen(&first, &format!("{first} (Annas tillägg)"), 1),
    );
    save(&mut anna, "Anna");
    let mut bertil = t.clone();
    let with_bertil = format!("{original}\n\nBertils sista mening.");
    set_body(&mut bertil, "medlemmar", &with_bertil);
    save(&mut bertil, "Bertil");

    let mut mine = t.clone();
    for theirs in [&anna, &bertil] {
        let cmp = compare(&mine, theirs).unwrap();
        let m = cmp.review(&mine, theirs).unwrap();
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let result = cmp.apply(&mine, theirs, &all_ids(&m)).unwrap();
        mine = combine(&mine, theirs, &result, T, 5).unwrap();
    }
    let merged = body(&mine, "medlemmar");
    assert!(merged.contains("(Annas tillägg)"), "{merged}");
    assert!(merged.ends_with("Bertils sista mening."), "{merged}");
    assert_eq!(merged.matches("Vid årets slut").count(), 1, "{merged}");
}

#[test]
fn the_same_amount_changed_by_two_members_is_a_conflict_with_both_values() {
    let t = treasurer_file();
    let mut anna = t.clone();
    set_amount(&mut anna, "medlemsavgifter", 111_111);
    save(&mut anna, "Anna");
    let mut bertil = t.clone();
    set_amount(&mut bertil, "medlemsavgifter", 222_222);
    save(&mut bertil, "Bertil");

    let cmp = compare(&t, &anna).unwrap();
    let m = cmp.review(&t, &anna).unwrap();
    let mine = combine(
        &t,
        &anna,
        &cmp.apply(&t, &anna, &all_ids(&m)).unwrap(),
        T,
        6,
    )
    .unwrap();
    assert_eq!(amount(&mine, "medlemsavgifter"), d(111_111));

    let cmp = compare(&mine, &bertil).unwrap();
    let m = cmp.review(&mine, &bertil).unwrap();
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert!(c.mine.contains("111"), "{c:?}");
    assert!(c.theirs.contains("222"), "{c:?}");
    assert!(m
        .changes
        .iter()
        .all(|ch| !ch.id.as_str().contains("medlemsavgifter")));
    // Nothing wins silently: the proposal keeps mine until the treasurer takes theirs.
    assert_eq!(amount(&m.report, "medlemsavgifter"), d(111_111));
    let theirs = cmp
        .apply(&mine, &bertil, std::slice::from_ref(&c.path))
        .unwrap();
    assert_eq!(amount(&theirs, "medlemsavgifter"), d(222_222));
    // Deciding leaves nothing undecided in the history, and Bertil's file is then known.
    let kept = cmp.apply(&mine, &bertil, &[]).unwrap();
    let merged = combine(&mine, &bertil, &kept, T, 7).unwrap();
    assert!(
        undecided(&merged).unwrap().is_empty(),
        "{:?}",
        undecided(&merged)
    );
    assert_eq!(amount(&merged, "medlemsavgifter"), d(111_111));
    assert_eq!(compare(&merged, &bertil).unwrap(), Comparison::Nothing);
}

#[test]
fn a_rejected_change_stays_rejected_when_the_file_comes_again() {
    let t = treasurer_file();
    let mut anna = t.clone();
    set_amount(&mut anna, "medlemsavgifter", 1);
    set_body(&mut anna, "verksamheten", "Annas text.");
    save(&mut anna, "Anna");
    let cmp = compare(&t, &anna).unwrap();
    let m = cmp.review(&t, &anna).unwrap();
    let text_only: Vec<ChangeId> = all_ids(&m)
        .into_iter()
        .filter(|id| id.as_str().contains("verksamheten"))
        .collect();
    let result = cmp.apply(&t, &anna, &text_only).unwrap();
    let merged = combine(&t, &anna, &result, T, 8).unwrap();
    assert_eq!(
        amount(&merged, "medlemsavgifter"),
        amount(&t, "medlemsavgifter")
    );
    assert_eq!(body(&merged, "verksamheten"), "Annas text.");
    assert_eq!(compare(&merged, &anna).unwrap(), Comparison::Nothing);

    // Bertil, who had Anna's file, sends it on with an edit of his own: Anna's rejected amount
    // does not come back, Bertil's edit does.
    let mut bertil = anna.clone();
    set_amount(&mut bertil, "ovriga_verksamhetsintakter", 5);
    save(&mut bertil, "Bertil");
    let cmp = compare(&merged, &bertil).unwrap();
    let m = cmp.review(&merged, &bertil).unwrap();
    let ids: Vec<&str> = m.changes.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert!(ids[0].contains("ovriga_verksamhetsintakter"), "{ids:?}");
}

#[test]
fn an_edit_inside_what_another_member_removed_is_shown_as_a_conflict() {
    let t = treasurer_file();
    let mut anna = t.clone();
    assert!(edit::remove_note(&mut anna, "n-anstallda"));
    save(&mut anna, "Anna");
    let mut bertil = t.clone();
    edit::note_mut(&mut bertil, "n-anstallda").unwrap().text = "Bertils text om arvodena.".into();
    save(&mut bertil, "Bertil");

    let cmp = compare(&t, &anna).unwrap();
    let m = cmp.review(&t, &anna).unwrap();
    let mine = combine(
        &t,
        &anna,
        &cmp.apply(&t, &anna, &all_ids(&m)).unwrap(),
        T,
        9,
    )
    .unwrap();
    assert!(mine.notes.iter().all(|n| n.id != "n-anstallda"));

    let cmp = compare(&mine, &bertil).unwrap();
    let m = cmp.review(&mine, &bertil).unwrap();
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(m.report.notes.iter().all(|n| n.id != "n-anstallda"));
    // Taking Bertil's side brings the note back with his text.
    let back = cmp
        .apply(&mine, &bertil, &[m.conflicts[0].path.clone()])
        .unwrap();
    let note = back.notes.iter().find(|n| n.id == "n-anstallda").unwrap();
    assert_eq!(note.text, "Bertils text om arvodena.");
}

#[test]
fn a_broken_history_is_a_clear_message() {
    let mut t = treasurer_file();
    t.history = Some("inte base64 !!".into());
    let e = record(&mut t, T, 1).unwrap_err().to_string();
    assert!(e.contains("ändringshistorik"), "{e}");
}

/// Issue 16's budget travels like any figure: a board member's budget for the coming year and
/// the columns they turned on merge into the treasurer's copy, beside the treasurer's own
/// budget edit; the same budget cell changed by both is a conflict, and mine stays until the
/// treasurer takes theirs.
#[test]
fn a_board_members_budget_merges_in_and_the_same_budget_cell_is_a_conflict() {
    use kassoren_engine::model::{BudgetYear, Report};
    let set_budget = |r: &mut Report, line: &str, year: BudgetYear, v: i64| {
        assert!(edit::set_budget_amount(r, line, year, d(v)), "{line}");
    };
    let mut t = treasurer_file();
    set_budget(&mut t, "medlemsavgifter", BudgetYear::This, 140_000);
    save(&mut t, T);
    let sent = t.clone();

    // The treasurer goes on: this year's budget for the costs.
    set_budget(&mut t, "verksamhetskostnader", BudgetYear::This, -600_000);
    save(&mut t, T);

    // Anna proposes next year's budget, shows the columns and changes this year's fees budget.
    let mut anna = sent.clone();
    set_budget(&mut anna, "medlemsavgifter", BudgetYear::Next, 160_000);
    edit::show_budget(&mut anna, true);
    edit::show_deviation(&mut anna, true);
    save(&mut anna, "Anna");

    let cmp = compare(&t, &anna).unwrap();
    let m = cmp.review(&t, &anna).unwrap();
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let said: Vec<&str> = m.changes.iter().map(|c| c.describe()).collect();
    assert!(
        said.iter().any(|s| s.contains("Budget 2026 160\u{a0}000")),
        "next year's budget is described: {said:?}"
    );
    assert!(
        !said.iter().any(|s| s.contains('{')),
        "no raw JSON: {said:?}"
    );
    let result = cmp.apply(&t, &anna, &all_ids(&m)).unwrap();
    let budget = |r: &Report, line: &str| {
        r.budget
            .lines
            .get(line)
            .map(|b| (b.this_year.map(|m| m.0), b.next_year.map(|m| m.0)))
    };
    assert_eq!(
        budget(&result, "medlemsavgifter"),
        Some((d(140_000), d(160_000)))
    );
    assert_eq!(
        budget(&result, "verksamhetskostnader"),
        Some((d(-600_000), None)),
        "the treasurer's own budget edit is kept"
    );
    assert!(result.budget.shown && result.budget.deviation);
    let merged = combine(&t, &anna, &result, T, 3).unwrap();
    assert_eq!(compare(&merged, &anna).unwrap(), Comparison::Nothing);

    // Bertil and the treasurer both change this year's fees budget: a conflict, mine kept.
    let mut bertil = merged.clone();
    set_budget(&mut bertil, "medlemsavgifter", BudgetYear::This, 150_000);
    save(&mut bertil, "Bertil");
    let mut mine = merged.clone();
    set_budget(&mut mine, "medlemsavgifter", BudgetYear::This, 145_000);
    save(&mut mine, T);
    let cmp = compare(&mine, &bertil).unwrap();
    let m = cmp.review(&mine, &bertil).unwrap();
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert!(c.mine.contains("145"), "{c:?}");
    assert!(c.theirs.contains("150"), "{c:?}");
    assert_eq!(
        budget(&m.report, "medlemsavgifter"),
        Some((d(145_000), d(160_000)))
    );
    let theirs = cmp
        .apply(&mine, &bertil, std::slice::from_ref(&c.path))
        .unwrap();
    assert_eq!(
        budget(&theirs, "medlemsavgifter"),
        Some((d(150_000), d(160_000)))
    );
}
