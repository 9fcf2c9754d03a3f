//! The fiscal year of a file without `#RAR`: taken from its vouchers' dates (or, without
//! dated vouchers, from `#GEN`), said where it came from, and changeable before the import
//! ([`SieFile::with_fiscal_year`]).
//!
//! The rule, for the dates of the file's vouchers:
//!
//! 1. all in one calendar year → that calendar year;
//! 2. otherwise, all within twelve months → the twelve months from the first day of the month
//!    of the earliest voucher (a broken fiscal year);
//! 3. otherwise → the calendar year with the most vouchers (the others are counted as outside
//!    the year).
//!
//! Without dated vouchers the file's `#GEN` date decides: the calendar year before it (a file
//! is usually written after the year it holds). Without either, there is no year.

use std::collections::BTreeMap;

use serde::Serialize;

use super::SieFile;
use crate::date::{months_spanned, Date};
use crate::model::FiscalYear;
use crate::template;

/// Where the file's fiscal year (year 0) comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum YearSource {
    /// The file's `#RAR` records.
    Rar,
    /// No `#RAR`: from the dates of the vouchers.
    Vouchers {
        first: Date,
        last: Date,
        /// Dated vouchers.
        count: usize,
    },
    /// No `#RAR` and no dated voucher: the calendar year before `#GEN`.
    Generated { date: Date },
    /// No `#RAR`: chosen by the treasurer ([`SieFile::with_fiscal_year`]).
    Chosen,
    /// Nothing in the file says which year it is.
    Unknown,
}

impl YearSource {
    /// Whether the year was not stated by the file (`#RAR`) and may be changed.
    pub fn is_changeable(&self) -> bool {
        !matches!(self, YearSource::Rar)
    }

    /// Swedish, for the import summary: where the year `year` came from.
    pub fn describe(&self, year: &FiscalYear) -> String {
        let period = year.period();
        match self {
            YearSource::Rar => format!("Räkenskapsåret {period} enligt filen (#RAR)."),
            YearSource::Vouchers { first, last, count } => format!(
                "Filen anger inget räkenskapsår (#RAR). Räkenskapsåret {period} är taget från verifikationernas datum ({} från {first} till {last}); ändra det om det är fel.",
                if *count == 1 {
                    "1 verifikation".to_string()
                } else {
                    format!("{count} verifikationer")
                }
            ),
            YearSource::Generated { date } => format!(
                "Filen anger inget räkenskapsår (#RAR) och har inga daterade verifikationer. Räkenskapsåret {period} är antaget som kalenderåret före filens datum (#GEN {date}); ändra det om det är fel."
            ),
            YearSource::Chosen => {
                format!("Filen anger inget räkenskapsår (#RAR). Räkenskapsåret {period} är valt vid importen.")
            }
            YearSource::Unknown => format!(
                "Filen anger inget räkenskapsår (#RAR), inget datum (#GEN) och inga daterade verifikationer. Räkenskapsåret {period} är bara en gissning; ändra det."
            ),
        }
    }
}

/// The fiscal year the vouchers' dates (`dates`: how many vouchers per date) or `#GEN` give,
/// and where it came from (see the module documentation).
pub(super) fn infer(
    dates: &BTreeMap<Option<Date>, usize>,
    generated: Option<Date>,
) -> Option<(FiscalYear, YearSource)> {
    let dated = || dates.iter().filter_map(|(d, n)| d.map(|d| (d, *n)));
    let count: usize = dated().map(|(_, n)| n).sum();
    let (Some((first, _)), Some((last, _))) = (dated().next(), dated().next_back()) else {
        let date = generated?;
        return Some((
            template::calendar_year(date.year - 1),
            YearSource::Generated { date },
        ));
    };
    let source = YearSource::Vouchers { first, last, count };
    if first.year == last.year {
        return Some((template::calendar_year(first.year), source));
    }
    if months_spanned(first, last) <= 12 {
        let start = Date::new(first.year, first.month, 1).expect("a valid date");
        let end = start.add_years(1).pred();
        return Some((FiscalYear { start, end }, source));
    }
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    for (d, n) in dated() {
        *per_year.entry(d.year).or_default() += n;
    }
    // The most vouchers; of equal counts, the later year.
    let year = per_year
        .iter()
        .max_by_key(|(y, n)| (**n, **y))
        .map(|(y, _)| *y)
        .unwrap_or(first.year);
    Some((template::calendar_year(year), source))
}

impl SieFile {
    /// The file with `year` as its fiscal year (year 0), for a file without `#RAR`: every voucher
    /// counts to that year (one dated outside it is counted in `vouchers_outside_years`). A file
    /// with `#RAR` is returned unchanged.
    pub fn with_fiscal_year(&self, year: FiscalYear) -> SieFile {
        let mut out = self.clone();
        if !self.year_source.is_changeable() {
            return out;
        }
        out.set_inferred_year(year, YearSource::Chosen);
        out
    }

    /// Sets year 0 of a file without `#RAR` (its vouchers are all summed into year 0) and counts
    /// the vouchers dated outside it.
    pub(super) fn set_inferred_year(&mut self, year: FiscalYear, source: YearSource) {
        self.years.clear();
        self.years.insert(0, year);
        self.year_source = source;
        let inside = |d: &Date| year.start <= *d && *d <= year.end;
        self.vouchers_outside_years = self
            .voucher_dates
            .iter()
            .filter(|(d, _)| d.as_ref().is_some_and(|d| !inside(d)))
            .map(|(_, n)| n)
            .sum();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn dates(list: &[&str]) -> BTreeMap<Option<Date>, usize> {
        let mut m = BTreeMap::new();
        for d in list {
            *m.entry(Some(date(d))).or_default() += 1;
        }
        m
    }

    #[test]
    fn the_year_follows_the_vouchers() {
        let y = |list: &[&str], gen: Option<&str>| {
            infer(&dates(list), gen.map(date)).map(|(y, _)| y.period())
        };
        // All in 2025, written in June 2025: 2025, not 2024.
        assert_eq!(
            y(&["2025-01-07", "2025-05-30"], Some("2025-06-01")),
            template::calendar_year(2025).period().into()
        );
        // A broken year: July 2024 to June 2025.
        let broken = FiscalYear {
            start: date("2024-07-01"),
            end: date("2025-06-30"),
        };
        assert_eq!(
            y(&["2024-07-03", "2025-06-28"], None),
            Some(broken.period())
        );
        // Over more than twelve months: the calendar year with the most vouchers.
        assert_eq!(
            y(
                &["2023-12-30", "2025-01-02", "2025-03-01", "2025-04-01"],
                None
            ),
            Some(template::calendar_year(2025).period())
        );
        // No dated voucher: the year before #GEN; nothing at all: no year.
        assert_eq!(
            y(&[], Some("2026-02-15")),
            Some(template::calendar_year(2025).period())
        );
        assert_eq!(y(&[], None), None);
        let (_, source) = infer(&dates(&["2025-01-07", "2025-05-30", "2025-05-30"]), None).unwrap();
        assert_eq!(
            source,
            YearSource::Vouchers {
                first: date("2025-01-07"),
                last: date("2025-05-30"),
                count: 3
            }
        );
    }
}
