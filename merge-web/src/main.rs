//! The merge module in the browser: [`kassoren_merge`]'s record, compare and combine, called by
//! the app (`src/merge_module.rs`) with reports as Kassören JSON text. Errors are Swedish
//! messages for the treasurer.

use kassoren_engine::json;
use kassoren_engine::model::Report;
use kassoren_merge::Comparison;
use wasm_bindgen::prelude::*;

fn main() {}

fn read(text: &str) -> Result<Report, JsError> {
    json::from_json(text).map_err(|e| JsError::new(&e.to_string()))
}

fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// The report with its readable fields recorded in its history as one change by `author`.
#[wasm_bindgen]
pub fn record(report: &str, author: &str) -> Result<String, JsError> {
    let mut r = read(report)?;
    kassoren_merge::record(&mut r, author, now()).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(json::to_json(&r))
}

/// How their copy relates to mine (both recorded): `{"relation": "nothing" | "unrelated"}`, or
/// `{"relation": "related", "base": …, "theirs": …}` with the two reports (as file text) the
/// engine's review takes.
#[wasm_bindgen]
pub fn compare(mine: &str, theirs: &str) -> Result<String, JsError> {
    let (mine, theirs) = (read(mine)?, read(theirs)?);
    let comparison =
        kassoren_merge::compare(&mine, &theirs).map_err(|e| JsError::new(&e.to_string()))?;
    let out = match comparison {
        Comparison::Nothing => serde_json::json!({ "relation": "nothing" }),
        Comparison::Unrelated => serde_json::json!({ "relation": "unrelated" }),
        Comparison::Related { base, theirs } => serde_json::json!({
            "relation": "related",
            "base": json::to_json(&base),
            "theirs": json::to_json(&theirs),
        }),
    };
    Ok(out.to_string())
}

/// The merged report `result` with a history holding both copies' and the treasurer's choices,
/// recorded as one change by `author`.
#[wasm_bindgen]
pub fn combine(mine: &str, theirs: &str, result: &str, author: &str) -> Result<String, JsError> {
    let (mine, theirs, result) = (read(mine)?, read(theirs)?, read(result)?);
    let merged = kassoren_merge::combine(&mine, &theirs, &result, author, now())
        .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(json::to_json(&merged))
}
