//! Edit operations on a report: everything the editor changes beyond a plain field goes through
//! here, so no report logic lives in the user interface.
//!
//! Every operation leaves a valid report valid (see [`crate::json::validate`]). Unknown ids or
//! indexes are refused with `false` or `None`; nothing here panics. New ids come from
//! [`Report::fresh_id`](crate::model::Report::fresh_id).
//!
//! One file per part of the report, as the editor has them (`src/components/`): the
//! organisation, the narrative, the statements, the förvaltningsberättelse's equity changes and
//! resultatdisposition, the notes, the signatures, and next year's report. Everything is used
//! from here (`edit::add_note`).

mod budget;
mod document;
mod entries;
mod management;
mod narrative;
mod next_year;
mod notes;
mod organisation;
mod signatures;
mod statement;
mod structure;
#[cfg(test)]
mod testing;

pub use budget::{is_budget_line, set_budget_amount, show_budget, show_deviation};
pub use document::{not_printed, set_document, set_principles_sentence};
pub use entries::{enter_amount, Entry};
pub use management::{
    add_equity_movement, add_proposal_item, equity_movement, equity_movement_amount,
    equity_movement_mut, equity_opening, proposal_item, proposal_item_mut, remove_equity_movement,
    remove_proposal_item, set_equity_movement_amount, set_equity_opening, set_proposal_amount,
};
pub use narrative::{add_section, move_section, remove_section, section_mut};
pub use next_year::{following_year, next_year};
pub use notes::{
    add_note, add_note_table, add_table_column, add_table_row, move_table_row, note_mut,
    note_table, note_table_mut, remove_note, remove_note_table, remove_table_column,
    remove_table_row, set_table_cell, set_table_tie, table_cell, table_column, table_column_mut,
    table_row, table_row_mut, table_value,
};
pub use organisation::default_title;
pub use signatures::{add_person, person_mut, remove_person};
pub use statement::{
    add_detail_row, remove_detail_row, set_detail_amount, set_detail_label, set_line_label,
    set_line_note, set_sum_label,
};
pub use structure::{
    add_heading, add_line, can_move, is_added, is_prescribed, move_line, parent_of, remove_line,
    set_line_accounts, Move,
};

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use crate::example::example_report;
    use crate::model::{Part, RowKind};

    #[test]
    fn new_ids_are_fresh() {
        let mut r = example_report();
        let ids = [
            add_section(&mut r, None, Part::Chapter, ""),
            add_note(&mut r, ""),
            add_equity_movement(&mut r, ""),
            add_proposal_item(&mut r, ""),
            add_person(&mut r, false),
            add_person(&mut r, true),
            add_detail_row(&mut r, "kassa_och_bank").unwrap(),
        ];
        let n = ids[1].clone();
        assert!(add_note_table(&mut r, &n));
        add_table_row(&mut r, &n, None, RowKind::Count).unwrap();
        add_table_column(&mut r, &n, "x", None).unwrap();
        // validate() refuses duplicate ids.
        valid(&r);
        let r2 = next_year(&r);
        valid(&r2);
    }
}
