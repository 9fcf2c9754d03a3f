//! The editor's parts. Each renders engine values and sends edits to the engine.

pub mod cells;
pub mod checks;
pub mod inputs;
pub mod management;
pub mod narrative;
pub mod notes;
pub mod off_balance;
pub mod organisation;
pub mod reports;
pub mod review;
pub mod sie;
pub mod statement;
pub mod structure;
