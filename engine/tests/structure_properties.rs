//! Property test of the statements' structure edits: any sequence of allowed edits (add a line
//! or a heading, move, remove what was added, type amounts) keeps every total of the
//! balansräkning equal to the sum of the amounts under it, keeps the report valid, and never
//! breaks the prescribed structure.

use kassoren_engine::compute::ProblemCode;
use kassoren_engine::edit::{self, Move};
use kassoren_engine::model::*;
use kassoren_engine::template::{calendar_year, new_report};
use kassoren_engine::{compute, json};
use proptest::prelude::*;
use rust_decimal::Decimal;

#[derive(Clone, Debug)]
enum Op {
    AddLine(usize),
    AddHeading(usize),
    Move(usize, u8),
    Remove(usize),
    Amount(usize, i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..64).prop_map(Op::AddLine),
        (0usize..64).prop_map(Op::AddHeading),
        (0usize..64, 0u8..4).prop_map(|(i, d)| Op::Move(i, d)),
        (0usize..64).prop_map(Op::Remove),
        (0usize..64, -1_000_000i64..1_000_000).prop_map(|(i, a)| Op::Amount(i, a)),
    ]
}

fn ids(r: &Report, pick: impl Fn(&Line) -> bool) -> Vec<String> {
    r.balance_sheet
        .all_lines()
        .into_iter()
        .filter(|l| pick(l))
        .map(|l| l.id.clone())
        .collect()
}

/// The sum of the typed amounts of every input line under `line` (itself included).
fn inputs_sum(line: &Line, year: usize) -> Decimal {
    let mut sum = Decimal::ZERO;
    line.walk(&mut |l| {
        if let LineKind::Input { amounts, details } = &l.kind {
            sum += kassoren_engine::compute::input_value(amounts, details, year);
        }
    });
    sum
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn allowed_structure_edits_keep_every_total_the_sum_of_its_inputs(
        form in prop::sample::select(LegalForm::ALL.to_vec()),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let mut r = new_report(form, "F", "", calendar_year(2025));
        for op in ops {
            let groups = ids(&r, |l| matches!(l.kind, LineKind::Group { .. }));
            let lines = ids(&r, |_| true);
            let inputs = ids(&r, |l| matches!(&l.kind, LineKind::Input { details, .. } if details.is_empty()));
            match op {
                Op::AddLine(i) => {
                    let g = &groups[i % groups.len()];
                    prop_assert!(edit::add_line(&mut r, g, None, "Ny rad", &[]).is_some());
                }
                Op::AddHeading(i) => {
                    let g = &groups[i % groups.len()];
                    prop_assert!(edit::add_heading(&mut r, g, None, "Ny rubrik").is_some());
                }
                Op::Move(i, d) => {
                    let dir = [Move::Up, Move::Down, Move::In, Move::Out][d as usize];
                    let l = &lines[i % lines.len()];
                    let allowed = edit::can_move(&r, l, dir);
                    prop_assert_eq!(edit::move_line(&mut r, l, dir), allowed);
                }
                Op::Remove(i) => {
                    let l = &lines[i % lines.len()];
                    let added = edit::is_added(&r, l);
                    prop_assert_eq!(edit::remove_line(&mut r, l), added);
                }
                Op::Amount(i, a) => {
                    let l = &inputs[i % inputs.len()];
                    r.set_amount(l, 0, Some(Decimal::from(a)));
                }
            }
        }
        json::validate(&r).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let c = compute(&r);
        for l in r.balance_sheet.all_lines() {
            if matches!(l.kind, LineKind::Group { .. }) {
                // Årets resultat in the balansräkning, when empty, is the resultaträkning's (0
                // here): inputs_sum counts it as 0 too.
                prop_assert_eq!(c.value(&l.id, 0), inputs_sum(l, 0), "group {}", l.id);
            }
        }
        prop_assert!(
            !c.problems.iter().any(|p| p.code == ProblemCode::StructureChanged),
            "{:?}",
            c.problems.iter().filter(|p| p.code == ProblemCode::StructureChanged).collect::<Vec<_>>()
        );
    }
}
