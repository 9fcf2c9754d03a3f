//! Property tests of the board review: board members edit copies of one report at random;
//! merging a copy with itself changes nothing, edits in different places are all merged,
//! edits to the same amount are a conflict, and accepting every change of a copy gives that
//! copy.

use std::collections::BTreeMap;

use kassoren_engine::edit;
use kassoren_engine::example::example_report;
use kassoren_engine::json;
use kassoren_engine::model::*;
use kassoren_engine::money::Money;
use kassoren_engine::review::{self, comments, lineage, ChangeId};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// One edit a board member makes. Indexes pick among the report's things; each copy edits
/// only its own half of them (even or odd), so two copies never touch the same place.
#[derive(Clone, Debug)]
enum Op {
    Amount {
        line: u16,
        year: usize,
        value: i64,
    },
    Body {
        section: u16,
        word: String,
        front: bool,
    },
    Title {
        section: u16,
        title: String,
    },
    AddSection {
        after: u16,
        title: String,
        chapter: bool,
    },
    NoteText {
        note: u16,
        word: String,
    },
    Cell {
        note: u16,
        row: u16,
        column: u16,
        value: i64,
    },
    AddRow {
        note: u16,
        label: String,
    },
    PersonName {
        person: u16,
        name: String,
    },
    Comment {
        line: u16,
        text: String,
        seed: u16,
    },
    AddColumn {
        note: u16,
        header: String,
    },
    DetailAmount {
        detail: u16,
        year: usize,
        value: i64,
    },
    AddDetail {
        line: u16,
    },
    AddMovement {
        label: String,
        value: i64,
    },
    AddPerson {
        auditor: bool,
    },
    MapAccount {
        account: u16,
        line: u16,
    },
    /// Only the second copy removes things, moves sections (a move in both would change the
    /// same order) and changes the proposal; only the first changes the seat.
    RemoveSection {
        section: u16,
    },
    MoveSection {
        section: u16,
        up: bool,
    },
    RemoveColumn {
        note: u16,
        column: u16,
    },
    RemovePerson {
        person: u16,
    },
    Proposal {
        value: i64,
    },
    Seat {
        seat: String,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let i = any::<u16>;
    prop_oneof![
        (i(), 0..2usize, -1_000_000i64..1_000_000).prop_map(|(line, year, value)| Op::Amount {
            line,
            year,
            value
        }),
        (i(), "[a-zåäö]{1,8}", any::<bool>()).prop_map(|(section, word, front)| Op::Body {
            section,
            word,
            front
        }),
        (i(), "[A-Za-zÅÄÖåäö ]{1,12}").prop_map(|(section, title)| Op::Title { section, title }),
        (i(), "[A-Za-z]{1,8}", any::<bool>()).prop_map(|(after, title, chapter)| Op::AddSection {
            after,
            title,
            chapter
        }),
        (i(), "[a-z]{1,8}").prop_map(|(note, word)| Op::NoteText { note, word }),
        (i(), i(), i(), -1000i64..1000).prop_map(|(note, row, column, value)| Op::Cell {
            note,
            row,
            column,
            value
        }),
        (i(), "[a-z]{1,8}").prop_map(|(note, label)| Op::AddRow { note, label }),
        (i(), "[A-Za-z]{1,10}").prop_map(|(person, name)| Op::PersonName { person, name }),
        (i(), "[a-z ]{1,20}", i()).prop_map(|(line, text, seed)| Op::Comment { line, text, seed }),
        i().prop_map(|section| Op::RemoveSection { section }),
        (i(), any::<bool>()).prop_map(|(section, up)| Op::MoveSection { section, up }),
        (i(), "[0-9]{4}").prop_map(|(note, header)| Op::AddColumn { note, header }),
        (i(), 0..2usize, -1000i64..1000).prop_map(|(detail, year, value)| Op::DetailAmount {
            detail,
            year,
            value
        }),
        i().prop_map(|line| Op::AddDetail { line }),
        ("[a-z]{1,8}", -1000i64..1000).prop_map(|(label, value)| Op::AddMovement { label, value }),
        any::<bool>().prop_map(|auditor| Op::AddPerson { auditor }),
        (0..50u16, i()).prop_map(|(account, line)| Op::MapAccount { account, line }),
        (i(), i()).prop_map(|(note, column)| Op::RemoveColumn { note, column }),
        i().prop_map(|person| Op::RemovePerson { person }),
        (0i64..1_000_000).prop_map(|value| Op::Proposal { value }),
        "[A-Za-zåäö]{1,10}".prop_map(|seat| Op::Seat { seat }),
    ]
}

/// The treasurer's exported revision.
fn base() -> Report {
    let mut r = example_report();
    lineage::next_revision(&mut r, "Kassören");
    r
}

/// Which half of the things a copy edits: 0 or 1.
type Side = usize;

/// The `i`th of the ids on `side` (those at even or odd positions).
fn pick(ids: &[String], i: u16, side: Side) -> Option<String> {
    let own: Vec<&String> = ids.iter().skip(side).step_by(2).collect();
    (!own.is_empty()).then(|| own[usize::from(i) % own.len()].clone())
}

fn any_of(ids: &[String], i: u16) -> Option<String> {
    (!ids.is_empty()).then(|| ids[usize::from(i) % ids.len()].clone())
}

fn input_lines(r: &Report) -> Vec<String> {
    r.all_lines()
        .filter(|l| matches!(&l.kind, LineKind::Input { details, .. } if details.is_empty()))
        .map(|l| l.id.clone())
        .collect()
}

fn sections(r: &Report) -> Vec<String> {
    r.narrative.iter().map(|s| s.id.clone()).collect()
}

fn tables(r: &Report) -> Vec<String> {
    r.notes
        .iter()
        .filter(|n| n.table.is_some())
        .map(|n| n.id.clone())
        .collect()
}

fn table(r: &Report, note: &str) -> NoteTable {
    r.note(note).and_then(|n| n.table.clone()).expect("a table")
}

/// The detail rows of the base: (line, row).
fn details(r: &Report) -> Vec<(String, String)> {
    r.all_lines()
        .flat_map(|l| match &l.kind {
            LineKind::Input { details, .. } => details
                .iter()
                .map(|d| (l.id.clone(), d.id.clone()))
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// A board member's copy: the base with the edits of one side.
fn copy(base: &Report, who: &str, side: Side, ops: &[Op]) -> Report {
    let mut r = base.clone();
    lineage::next_revision(&mut r, who);
    let lines = input_lines(base);
    let people: Vec<String> = base
        .signatures
        .signatories
        .iter()
        .map(|p| p.id.clone())
        .collect();
    let notes: Vec<String> = base.notes.iter().map(|n| n.id.clone()).collect();
    let prefix = if side == 0 { "A" } else { "B" };
    for op in ops {
        match op {
            Op::Amount { line, year, value } => {
                if let Some(id) = pick(&lines, *line, side) {
                    r.set_amount(&id, *year, Some(Decimal::from(*value)));
                }
            }
            Op::Body {
                section,
                word,
                front,
            } => {
                if let Some(s) = pick(&sections(base), *section, side)
                    .and_then(|id| edit::section_mut(&mut r, &id))
                {
                    s.body = if *front {
                        format!("{word} {}", s.body)
                    } else {
                        format!("{} {word}", s.body)
                    };
                }
            }
            Op::Title { section, title } => {
                if let Some(s) = pick(&sections(base), *section, side)
                    .and_then(|id| edit::section_mut(&mut r, &id))
                {
                    s.title = format!("{prefix} {title}");
                }
            }
            Op::AddSection {
                after,
                title,
                chapter,
            } => {
                let after = any_of(&sections(&r), *after);
                let part = if *chapter {
                    Part::Chapter
                } else {
                    Part::ManagementReport
                };
                edit::add_section(&mut r, after.as_deref(), part, &format!("{prefix} {title}"));
            }
            Op::NoteText { note, word } => {
                if let Some(n) =
                    pick(&notes, *note, side).and_then(|id| edit::note_mut(&mut r, &id))
                {
                    n.text = format!("{} {word}", n.text);
                }
            }
            Op::Cell {
                note,
                row,
                column,
                value,
            } => {
                let Some(note) = any_of(&tables(base), *note) else {
                    continue;
                };
                let t = table(base, &note);
                let rows: Vec<String> = t.rows.iter().map(|x| x.id.clone()).collect();
                let columns: Vec<String> = t.columns.iter().map(|c| c.id.clone()).collect();
                if let (Some(row), Some(column)) =
                    (pick(&rows, *row, side), pick(&columns, *column, side))
                {
                    let cell = Some(Cell::Amount(Money::from(*value)));
                    edit::set_table_cell(&mut r, &note, &row, &column, cell);
                }
            }
            Op::AddRow { note, label } => {
                let Some(note) = any_of(&tables(base), *note) else {
                    continue;
                };
                if let Some(row) = edit::add_table_row(&mut r, &note, None, RowKind::Item) {
                    let t = edit::note_mut(&mut r, &note)
                        .and_then(|n| n.table.as_mut())
                        .expect("a table");
                    t.rows
                        .iter_mut()
                        .filter(|x| x.id == row)
                        .for_each(|x| x.label = format!("{prefix} {label}"));
                }
            }
            Op::PersonName { person, name } => {
                if let Some(p) =
                    pick(&people, *person, side).and_then(|id| edit::person_mut(&mut r, &id))
                {
                    p.name = format!("{prefix} {name}");
                }
            }
            Op::Comment { line, text, seed } => {
                let Some(line) = any_of(&lines, *line) else {
                    continue;
                };
                let seed = u64::from(*seed) + side as u64 * 1_000_000;
                comments::add_comment(
                    &mut r,
                    who,
                    "2026-02-01T10:00",
                    CommentTarget::Line { line },
                    text,
                    seed,
                );
            }
            Op::RemoveSection { section } if side == 1 => {
                if let Some(id) = pick(&sections(base), *section, side) {
                    edit::remove_section(&mut r, &id);
                }
            }
            Op::MoveSection { section, up } if side == 1 => {
                if let Some(id) = any_of(&sections(&r), *section) {
                    edit::move_section(&mut r, &id, *up);
                }
            }
            Op::AddColumn { note, header } => {
                if let Some(note) = any_of(&tables(base), *note) {
                    edit::add_table_column(&mut r, &note, &format!("{prefix} {header}"), None);
                }
            }
            Op::DetailAmount {
                detail,
                year,
                value,
            } => {
                let all: Vec<String> = details(base)
                    .into_iter()
                    .map(|(l, d)| format!("{l}/{d}"))
                    .collect();
                if let Some((line, row)) = pick(&all, *detail, side)
                    .as_deref()
                    .and_then(|x| x.split_once('/'))
                {
                    edit::set_detail_amount(&mut r, line, row, *year, Some(Decimal::from(*value)));
                }
            }
            Op::AddDetail { line } => {
                if let Some(id) = pick(&lines, *line, side) {
                    edit::add_detail_row(&mut r, &id);
                }
            }
            Op::AddMovement { label, value } => {
                let m = edit::add_equity_movement(&mut r, &format!("{prefix} {label}"));
                edit::set_equity_movement_amount(
                    &mut r,
                    &m,
                    "balanserat_resultat",
                    0,
                    Some(Decimal::from(*value)),
                );
            }
            Op::AddPerson { auditor } => {
                let p = edit::add_person(&mut r, *auditor);
                if let Some(person) = edit::person_mut(&mut r, &p) {
                    person.name = format!("{prefix} ny");
                }
            }
            Op::MapAccount { account, line } => {
                if let Some(line) = any_of(&lines, *line) {
                    r.account_map
                        .insert(1000 + 2 * u32::from(*account) + side as u32, line);
                }
            }
            Op::RemoveColumn { note, column } if side == 1 => {
                let Some(note) = any_of(&tables(base), *note) else {
                    continue;
                };
                let columns: Vec<String> = table(base, &note)
                    .columns
                    .iter()
                    .map(|c| c.id.clone())
                    .collect();
                if let Some(column) = pick(&columns, *column, side) {
                    edit::remove_table_column(&mut r, &note, &column);
                }
            }
            Op::RemovePerson { person } if side == 1 => {
                if let Some(id) = pick(&people, *person, side) {
                    edit::remove_person(&mut r, &id);
                }
            }
            Op::Proposal { value } if side == 1 => {
                edit::set_proposal_amount(&mut r, "balanseras", Some(Decimal::from(*value)));
            }
            Op::Seat { seat } if side == 0 => r.organisation.seat = seat.clone(),
            Op::RemoveSection { .. }
            | Op::MoveSection { .. }
            | Op::RemoveColumn { .. }
            | Op::RemovePerson { .. }
            | Op::Proposal { .. }
            | Op::Seat { .. } => {}
        }
    }
    r
}

/// How often each description occurs.
fn descriptions(old: &Report, new: &Report) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for c in review::diff(old, new) {
        *out.entry(c.describe().to_string()).or_insert(0) += 1;
    }
    out
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(op(), 0..7)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 40,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn merging_a_copy_with_itself_changes_nothing(ops in ops()) {
        let base = base();
        let a = copy(&base, "Anna", 1, &ops);
        prop_assert!(review::diff(&a, &a).is_empty());
        let m = review::merge(&base, &a, &a).unwrap();
        prop_assert!(m.changes.is_empty() && m.conflicts.is_empty());
        prop_assert_eq!(&m.report, &a);
        // Nothing new from the base either.
        prop_assert_eq!(review::merge(&base, &a, &base).unwrap().report, a);
    }

    #[test]
    fn edits_in_different_places_are_all_merged(a_ops in ops(), b_ops in ops()) {
        let base = base();
        let a = copy(&base, "Anna", 0, &a_ops);
        let b = copy(&base, "Bo", 1, &b_ops);
        let m = review::merge(&base, &a, &b).unwrap();
        prop_assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
        json::validate(&m.report).unwrap();
        let mut expected = descriptions(&base, &a);
        for (line, n) in descriptions(&base, &b) {
            *expected.entry(line).or_insert(0) += n;
        }
        prop_assert_eq!(descriptions(&base, &m.report), expected);
        // Accepting every change gives the merge.
        let ids: Vec<ChangeId> = m.changes.iter().map(|c| c.id.clone()).collect();
        prop_assert_eq!(review::apply(&base, &a, &b, &ids).unwrap(), m.report);
    }

    #[test]
    fn edits_to_the_same_amount_are_a_conflict(
        a_ops in ops(),
        b_ops in ops(),
        line in any::<u16>(),
        year in 0..2usize,
        mine in 1i64..1000,
        step in 1i64..1000,
    ) {
        let base = base();
        let id = any_of(&input_lines(&base), line).unwrap();
        let mut a = copy(&base, "Anna", 0, &a_ops);
        let mut b = copy(&base, "Bo", 1, &b_ops);
        // (A copy may have given the line detail rows; then it has no amount of its own.)
        prop_assume!(a.set_amount(&id, year, Some(Decimal::from(mine))));
        prop_assume!(b.set_amount(&id, year, Some(Decimal::from(mine + step))));
        let m = review::merge(&base, &a, &b).unwrap();
        let conflict = m.conflicts.iter().find(|c| c.path.as_str().ends_with(&format!("#{id}/kind/input/amounts/[{year}]")));
        prop_assert!(conflict.is_some(), "{:#?}", m.conflicts);
        prop_assert_eq!(m.conflicts.len(), 1);
        let amount = |r: &Report| match &r.line(&id).unwrap().kind {
            LineKind::Input { amounts, .. } => amounts[year],
            _ => None,
        };
        prop_assert_eq!(amount(&m.report), Some(Money::from(mine)));
        let mut accepted: Vec<ChangeId> = m.changes.iter().map(|c| c.id.clone()).collect();
        accepted.push(conflict.unwrap().path.clone());
        let theirs_wins = review::apply(&base, &a, &b, &accepted).unwrap();
        prop_assert_eq!(amount(&theirs_wins), Some(Money::from(mine + step)));
    }

    #[test]
    fn accepting_every_change_of_a_copy_gives_that_copy(ops in ops()) {
        let base = base();
        let theirs = copy(&base, "Anna", 1, &ops);
        let m = review::merge(&base, &base, &theirs).unwrap();
        prop_assert!(m.conflicts.is_empty());
        let ids: Vec<ChangeId> = m.changes.iter().map(|c| c.id.clone()).collect();
        let mut r = review::apply(&base, &base, &theirs, &ids).unwrap();
        prop_assert_eq!(&r.lineage.document_id, &base.lineage.document_id);
        r.lineage = theirs.lineage.clone();
        prop_assert_eq!(r, theirs);
    }
}
