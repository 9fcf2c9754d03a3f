//! Organisation and fiscal years: the report's title in the list of kept reports. (The fields
//! themselves are edited in place; the fiscal year's longest length is
//! [`MAX_FISCAL_YEAR_MONTHS`](crate::model::MAX_FISCAL_YEAR_MONTHS).)

use crate::model::Report;

/// The title a report is kept under when it has none of its own: the organisation's name and
/// the fiscal year's label ("Föreningen X 2025"), "Namnlös årsredovisning" for a report without
/// a name.
pub fn default_title(r: &Report) -> String {
    let name = r.organisation.name.trim();
    let name = if name.is_empty() {
        "Namnlös årsredovisning"
    } else {
        name
    };
    match r.years.first() {
        Some(y) => format!("{name} {}", y.label()),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::testing::blank;

    #[test]
    fn the_default_title_is_the_name_and_the_year() {
        let mut r = blank();
        assert_eq!(default_title(&r), "Föreningen 2025");
        r.organisation.name = "  ".into();
        assert_eq!(default_title(&r), "Namnlös årsredovisning 2025");
        r.years[0].start = crate::date::Date::new(2024, 7, 1).unwrap();
        r.years[0].end = crate::date::Date::new(2025, 6, 30).unwrap();
        assert_eq!(default_title(&r), "Namnlös årsredovisning 2024/25");
        r.organisation.name = " Föreningen X ".into();
        r.years.clear();
        assert_eq!(default_title(&r), "Föreningen X");
    }
}
