//! The merge module (`merge-web/`, `kassoren-merge`): a wasm module of its own, loaded only when
//! a file is compared or saved, and then kept for the session (the service worker keeps it for
//! offline use like every file of the build). Reports cross as Kassören JSON text.
//!
//! The page names the module's script in `<meta name="kassoren-merge-module">`
//! (`tools/postbuild.mjs` writes it with the content-hashed name).

use kassoren_engine::json;
use kassoren_engine::model::Report;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
let loading = null;
function load() {
  if (!loading) {
    const meta = document.querySelector('meta[name="kassoren-merge-module"]');
    if (!meta) return Promise.reject(new Error('modulen saknas i sidan'));
    const url = new URL(meta.getAttribute('content'), document.baseURI).href;
    loading = import(url)
      .then(async (m) => { await m.default(); return m; })
      .catch((e) => { loading = null; throw e; });
  }
  return loading;
}
export async function merge_call(name, args) {
  const m = await load();
  try {
    return m[name](...args);
  } catch (e) {
    throw new Error(e && e.message ? e.message : String(e));
  }
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn merge_call(name: &str, args: js_sys::Array) -> Result<JsValue, JsValue>;
}

/// Calls the module's `name` with text arguments; its text result, or the error in Swedish.
async fn call(name: &str, args: &[&str]) -> Result<String, String> {
    let list = js_sys::Array::new();
    for a in args {
        list.push(&JsValue::from_str(a));
    }
    match merge_call(name, list).await {
        Ok(v) => v.as_string().ok_or_else(|| "oväntat svar".to_string()),
        Err(e) => Err(message(&e)),
    }
}

fn message(e: &JsValue) -> String {
    let text = js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_default();
    if text.contains("import") || text.contains("fetch") || text.contains("modulen saknas") {
        format!("sammanslagningsdelen av Kassören kunde inte laddas ({text}); kontrollera anslutningen och försök igen")
    } else {
        text
    }
}

fn read(text: &str) -> Result<Report, String> {
    json::from_json(text).map_err(|e| e.to_string())
}

/// The report with its readable fields recorded in its history as one change by `author`.
pub async fn record(report: &Report, author: &str) -> Result<Report, String> {
    read(&call("record", &[&json::to_json(report), author]).await?)
}

/// How a board member's copy relates to mine (both recorded).
#[derive(Clone, Debug, PartialEq)]
pub enum Relation {
    /// Their file brings nothing my history does not have.
    Nothing,
    /// No common history: every difference is a conflict to decide.
    Unrelated,
    /// A common history: the base both started from, and their copy with the texts both
    /// changed as the merge engine merged them.
    Related {
        base: Box<Report>,
        theirs: Box<Report>,
    },
}

pub async fn compare(mine: &Report, theirs: &Report) -> Result<Relation, String> {
    let text = call("compare", &[&json::to_json(mine), &json::to_json(theirs)]).await?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let report = |key: &str| -> Result<Box<Report>, String> {
        read(value[key].as_str().unwrap_or_default()).map(Box::new)
    };
    match value["relation"].as_str() {
        Some("nothing") => Ok(Relation::Nothing),
        Some("unrelated") => Ok(Relation::Unrelated),
        Some("related") => Ok(Relation::Related {
            base: report("base")?,
            theirs: report("theirs")?,
        }),
        other => Err(format!("oväntat svar ({other:?})")),
    }
}

/// The merged report with a history holding both copies' and the treasurer's choices.
pub async fn combine(
    mine: &Report,
    theirs: &Report,
    result: &Report,
    author: &str,
) -> Result<Report, String> {
    let args = [
        json::to_json(mine),
        json::to_json(theirs),
        json::to_json(result),
    ];
    read(&call("combine", &[&args[0], &args[1], &args[2], author]).await?)
}
