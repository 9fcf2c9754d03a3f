//! The DOM ids of the editor's fields, built in one place: the components give their fields
//! these ids, and the checks panel focuses them by the same ids (the end-to-end page object,
//! `tests/e2e/kassoren.mjs`, spells the same formats).

/// An amount cell of a statement line in a year.
pub fn cell(line: &str, year: usize) -> String {
    format!("cell-{line}-{year}")
}

/// An amount cell of a detail row under a statement line.
pub fn detail_cell(line: &str, row: &str, year: usize) -> String {
    format!("cell-{line}-{row}-{year}")
}

/// The label field of a statement line or of a detail row.
pub fn label(line: &str) -> String {
    format!("label-{line}")
}

/// The label of a group's sum row.
pub fn sum_label(line: &str) -> String {
    format!("sumlabel-{line}")
}

/// A field of the organisation (`name`, `org_nr`, `seat`).
pub fn organisation(field: &str) -> String {
    format!("org-{field}")
}

/// The first or last day of a fiscal year.
pub fn year_date(year: usize, end: bool) -> String {
    format!("year-{year}-{}", if end { "end" } else { "start" })
}

/// A narrative section's title and body.
pub fn section_title(section: &str) -> String {
    format!("sec-title-{section}")
}

pub fn section_body(section: &str) -> String {
    format!("sec-body-{section}")
}

/// A note's editor, title and text.
pub fn note_editor(note: &str) -> String {
    format!("edit-note-{note}")
}

pub fn note_title(note: &str) -> String {
    format!("note-title-{note}")
}

pub fn note_text(note: &str) -> String {
    format!("note-text-{note}")
}

/// A note table's column heading, row label and cell.
pub fn note_column(column: &str) -> String {
    format!("col-{column}")
}

pub fn note_row(row: &str) -> String {
    format!("row-{row}")
}

pub fn note_cell(note: &str, row: &str, column: &str) -> String {
    format!("ncell-{note}-{row}-{column}")
}

/// A signatory's or auditor's name and role.
pub fn person_name(person: &str) -> String {
    format!("person-{person}-name")
}

pub fn person_role(person: &str) -> String {
    format!("person-{person}-role")
}

/// The opening balance of an equity line.
pub fn equity_opening(line: &str) -> String {
    format!("opening-{line}")
}

/// An equity movement's amount on an equity line, and its label.
pub fn equity_cell(movement: &str, line: &str) -> String {
    format!("eq-{movement}-{line}")
}

pub fn equity_label(movement: &str) -> String {
    format!("eq-label-{movement}")
}

/// The förändringar i eget kapital table, and the resultatdisposition's proposal.
pub const EQUITY_TABLE: &str = "edit-eget-kapital";
pub const PROPOSAL: &str = "proposal";

/// A proposal row's text and amount.
pub fn proposal_label(item: &str) -> String {
    format!("proposal-label-{item}")
}

pub fn proposal_amount(item: &str) -> String {
    format!("proposal-{item}")
}

/// The text of an item under the balansräkning: `pledged` or `contingent`.
pub fn off_balance_text(field: &str) -> String {
    format!("{field}-text")
}

/// The signing place; the new comment's text.
pub const SIGN_PLACE: &str = "sign-place";
pub const COMMENT_TEXT: &str = "comment-text";

/// The reply field of a comment thread.
pub fn reply(comment: &str) -> String {
    format!("reply-{comment}")
}

/// A budget cell of a resultaträkning line: "Budget <år>" (`this`) or "Budget <år+1>" (`next`).
pub fn budget_cell(line: &str, next: bool) -> String {
    format!("budget-{line}-{}", if next { "next" } else { "this" })
}
