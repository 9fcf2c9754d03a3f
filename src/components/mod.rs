//! The editor's parts. Each renders engine values and sends edits to the engine.

pub mod budget;
pub mod cash_flow;
pub mod cells;
pub mod checks;
pub mod date_input;
pub mod document;
pub mod inputs;
pub mod label_text;
pub mod management;
pub mod modal;
pub mod narrative;
pub mod next_year;
pub mod notes;
pub mod off_balance;
pub mod organisation;
pub mod parsed_input;
pub mod reports;
pub mod review;
pub mod sie;
pub mod statement;
pub mod structure;
