//! Values in words: a field's value as the treasurer knows it, a list element's name, a cell,
//! an amount and its change, and the change's effect on the totals.

use serde_json::Value;

use super::spot::{Noun, Shown, Spot, What};
use super::text::{named, person_name, quote, shorten_chars};
use super::Describer;
use crate::model::*;
use crate::money::{format_for_input, Money};
use crate::review::comments::part_label;
use crate::review::Effect;

impl Describer<'_> {
    /// The name of a list element: a title, label, header or person, quoted.
    pub(super) fn element_name(&self, spot: &Spot, value: &Value) -> String {
        let get = |k: &str| value.get(k).and_then(Value::as_str).unwrap_or_default();
        let name = match spot.what {
            What::List(Noun::Signatory | Noun::Auditor) => person_name(get("name"), get("role")),
            What::List(Noun::Column) => {
                let year = value
                    .get("year")
                    .and_then(Value::as_u64)
                    .and_then(|y| u8::try_from(y).ok());
                self.column_name(get("header"), year)
            }
            _ => ["title", "label"]
                .into_iter()
                .map(get)
                .find(|s| !s.is_empty())
                .map_or_else(|| named(""), String::from),
        };
        format!("\"{}\"", shorten_chars(&name))
    }

    pub(super) fn cell_text(&self, value: Option<&Value>) -> String {
        match cell_of(value) {
            Ok(None) => "tomt".into(),
            Ok(Some(Cell::Amount(m))) => format_for_input(m.0),
            Ok(Some(Cell::Text(t))) => quote(&t),
            Err(v) => v.to_string(),
        }
    }

    /// A field's value in words.
    pub(super) fn show(&self, shown: Shown, value: Option<&Value>) -> String {
        let value = value.unwrap_or(&Value::Null);
        let s = value.as_str().unwrap_or_default();
        match shown {
            Shown::Quoted => quote(s),
            Shown::OptionalQuoted | Shown::Date if value.is_null() => "inget".into(),
            Shown::OptionalQuoted => quote(s),
            Shown::Plain | Shown::Date => s.to_string(),
            Shown::Bool => if value.as_bool() == Some(true) {
                "ja"
            } else {
                "nej"
            }
            .into(),
            Shown::Nil => match s {
                "dash" => "som –".into(),
                "zero" => "som 0".into(),
                other => other.to_string(),
            },
            Shown::LegalForm => serde_json::from_value::<LegalForm>(value.clone())
                .map_or_else(|_| s.to_string(), |f| f.label().to_string()),
            Shown::Part => serde_json::from_value::<Part>(value.clone())
                .map_or_else(|_| s.to_string(), |p| part_label(p).to_string()),
            Shown::Level => match value.as_u64() {
                Some(1) => "kapitel".into(),
                Some(2) => "underavsnitt".into(),
                _ => value.to_string(),
            },
            Shown::Role | Shown::NoteRef if value.is_null() => "ingen".into(),
            Shown::Role => s.to_string(),
            Shown::NoteRef => quote(&self.note_title(s)),
            Shown::LineRef if value.is_null() => "ingen".into(),
            Shown::Budget => {
                let parts: Vec<String> = ["this_year", "next_year"]
                    .into_iter()
                    .filter_map(|field| {
                        money(value.get(field)).map(|m| {
                            format!("{} {}", self.budget_heading(field), format_for_input(m.0))
                        })
                    })
                    .collect();
                if parts.is_empty() {
                    "ingen".into()
                } else {
                    parts.join(", ")
                }
            }
            Shown::MappedLine if value.is_null() => "enligt kontoplanen".into(),
            Shown::MappedLine => quote(&self.line_label(s)),
            Shown::LineRef => quote(&self.line_label(s)),
            Shown::Years => serde_json::from_value::<Vec<FiscalYear>>(value.clone())
                .map(|ys| {
                    ys.iter()
                        .map(FiscalYear::period)
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
            Shown::Accounts => {
                let accounts: Vec<&str> = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                if accounts.is_empty() {
                    "inga".into()
                } else {
                    accounts.join(", ")
                }
            }
            Shown::Terms => serde_json::from_value::<Vec<Term>>(value.clone())
                .map(|terms| {
                    terms
                        .iter()
                        .map(|t| {
                            format!(
                                "{} {}",
                                if t.negate { "−" } else { "+" },
                                self.line_label(&t.line)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default(),
            Shown::LineKind => match value
                .as_object()
                .and_then(|o| o.keys().next())
                .map(String::as_str)
            {
                Some("input") => "belopp".into(),
                Some("group") => "grupp".into(),
                Some("formula") => "formel".into(),
                _ => value.to_string(),
            },
            Shown::ColumnYear => match value.as_u64() {
                Some(y) => self.year_label(y as usize),
                None => "inget år".into(),
            },
            Shown::RowKind => match s {
                "item" => "post",
                "count" => "antal",
                "sum" => "summa",
                "heading" => "rubrik",
                other => other,
            }
            .into(),
            Shown::Amounts => {
                let amounts: Vec<String> = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|v| money(Some(v)).map_or("–".into(), |m| format_for_input(m.0)))
                    .collect();
                if amounts.is_empty() {
                    "inga".into()
                } else {
                    format!("{} kr", amounts.join(" / "))
                }
            }
            Shown::Table if value.is_null() => "ingen tabell".into(),
            Shown::Table => {
                let rows = value
                    .get("rows")
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                format!("tabell med {rows} rader")
            }
            Shown::Json => value.to_string(),
        }
    }
}

pub(super) fn present(v: Option<&Value>) -> bool {
    v.is_some_and(|v| !v.is_null())
}

pub(super) fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or_default().to_string()
}

pub(super) fn money(v: Option<&Value>) -> Option<Money> {
    v.and_then(|v| serde_json::from_value(v.clone()).ok())
}

pub(super) fn cell_of(v: Option<&Value>) -> Result<Option<Cell>, Value> {
    let v = v.cloned().unwrap_or(Value::Null);
    serde_json::from_value(v.clone()).map_err(|_| v)
}

/// A whole cell from a value inside it (`"5"` in `{"amount": "5"}`).
pub(super) fn in_cell(variant: &Option<String>, v: Option<&Value>) -> Option<Value> {
    match variant {
        Some(key) => v.map(|v| serde_json::json!({ key: v })),
        None => v.cloned(),
    }
}

pub(super) fn is_amount_cell(c: &Option<Cell>) -> bool {
    !matches!(c, Some(Cell::Text(_)))
}

pub(super) fn cell_amount(c: &Option<Cell>) -> Option<Money> {
    match c {
        Some(Cell::Amount(m)) => Some(*m),
        _ => None,
    }
}

pub(super) fn amount_text(m: Option<Money>, unit: &str) -> String {
    m.map_or_else(
        || "tomt".into(),
        |m| format!("{}{unit}", format_for_input(m.0)),
    )
}

/// `120 000 → 125 000 kr`, `tomt → 5 000 kr`, `5 000 kr → tomt`.
pub(super) fn amount_change(old: Option<Money>, new: Option<Money>, unit: &str) -> String {
    match (old, new) {
        (Some(a), Some(b)) => format!(
            "{} → {}{unit}",
            format_for_input(a.0),
            format_for_input(b.0)
        ),
        _ => format!("{} → {}", amount_text(old, unit), amount_text(new, unit)),
    }
}

/// ` (årets resultat 14 200 → 19 200 kr, summa tillgångar …)`, or nothing.
pub(super) fn effects_text(effects: &[Effect]) -> String {
    if effects.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = effects
        .iter()
        .map(|e| {
            format!(
                "{} {} → {} kr",
                e.label,
                format_for_input(e.old),
                format_for_input(e.new)
            )
        })
        .collect();
    format!(" ({})", parts.join(", "))
}
