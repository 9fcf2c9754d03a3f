//! # kassoren-engine
//!
//! The report engine of Kassören: an årsredovisning as exact data ([`model::Report`]),
//! recomputed and checked ([`compute::compute`]), stored as JSON ([`json`]) and rendered as a
//! printable, self-contained HTML document ([`render::render_html`]). [`sie`] imports the year's
//! figures from the bookkeeping (a SIE file). [`review`] compares and merges the board's copies
//! of a report.
//!
//! The crate has no web dependency; it compiles natively and to `wasm32-unknown-unknown`.

pub mod bidi;
pub mod compute;
pub mod count;
pub mod date;
pub mod document;
pub mod edit;
pub mod example;
mod hash;
pub mod json;
pub mod json_errors;
pub mod markdown;
pub mod model;
pub mod money;
pub mod orgnr;
pub mod render;
pub mod review;
pub mod sample;
pub mod sie;
pub mod template;
mod text;
#[doc(hidden)]
pub mod util;

// The placeholders live under `compute` (they read computed figures); kept at this path too.
pub use compute::placeholders;
pub use compute::{compute, Computed, Problem, ProblemCode, Severity};
pub use model::Report;
pub use render::render_html;
