//! The built-in example report: a complete årsredovisning of an ideell förening, which the
//! browser app opens on a first visit. The file is `examples/ideell-forening.json`.

use crate::model::Report;

/// The example report's JSON file, as shipped.
pub const EXAMPLE_JSON: &str = include_str!("../../examples/ideell-forening.json");

/// The example report. The file is part of the program and tested, so it always reads.
pub fn example_report() -> Report {
    crate::json::from_json(EXAMPLE_JSON)
        .unwrap_or_else(|e| panic!("the example report is invalid: {e}"))
}
