//! Calendar dates as the report needs them: `YYYY-MM-DD`, no time zone, no dependency; and
//! reading what a treasurer types into a date field ([`parse_input`]).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Date { year, month, day })
    }

    /// The day after this one.
    pub fn succ(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }

    /// The day before this one.
    pub fn pred(self) -> Date {
        if self.day > 1 {
            Date {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            let month = self.month - 1;
            Date {
                month,
                day: days_in_month(self.year, month),
                ..self
            }
        } else {
            Date {
                year: self.year - 1,
                month: 12,
                day: 31,
            }
        }
    }

    /// The same day `n` years earlier or later (29 February becomes 28 February).
    pub fn add_years(self, n: i32) -> Date {
        let year = self.year + n;
        let day = self.day.min(days_in_month(year, self.month));
        Date { year, day, ..self }
    }

    fn month_index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    /// Swedish long form: "31 december 2025".
    pub fn long(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[usize::from(self.month) - 1],
            self.year
        )
    }
}

/// How many calendar months a period from `start` to `end` (inclusive) touches; a year from
/// 1 January to 31 December is 12, a broken year 1 July – 31 December the next year is 18.
pub fn months_spanned(start: Date, end: Date) -> i32 {
    end.month_index() - start.month_index() + 1
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("\"{s}\" är inget datum (skriv ÅÅÅÅ-MM-DD)");
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, String> {
            let t = &s[r];
            if t.bytes().all(|c| c.is_ascii_digit()) {
                t.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y as i32, m as u8, d as u8).ok_or_else(|| format!("{s} finns inte i kalendern"))
    }
}

/// Reads a date as typed into a date field: `ÅÅÅÅ-MM-DD` (also with one-digit month or day, or
/// `.`, `/` or space between the parts) or eight digits `ÅÅÅÅMMDD`, with spaces around it.
/// `Ok(None)` for an empty field. A date that is only partly typed (`2025`, `2025-1`,
/// `202512`) is an error saying what is missing, so the field can keep the text as typed and
/// explain; the date is always shown as `ÅÅÅÅ-MM-DD` ([`Date`]'s `Display`), whatever the
/// browser's language.
pub fn parse_input(text: &str) -> Result<Option<Date>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let example = "skriv ÅÅÅÅ-MM-DD, t.ex. 2025-12-31";
    if let Some(bad) = t
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, '-' | '.' | '/' | ' ' | '–')))
    {
        return Err(format!("\"{bad}\" hör inte hemma i ett datum ({example})"));
    }
    let parts: Vec<&str> = t
        .split(['-', '.', '/', ' ', '–'])
        .filter(|p| !p.is_empty())
        .collect();
    let (year, month, day) = match parts.as_slice() {
        [digits] if digits.len() == 8 => (&digits[0..4], &digits[4..6], &digits[6..8]),
        [digits] if digits.len() < 8 && digits.len() > 4 => {
            return Err(format!(
                "datumet är inte färdigskrivet: {} ({example})",
                if digits.len() < 6 {
                    "månad och dag saknas"
                } else {
                    "dagen saknas"
                }
            ))
        }
        [digits] if digits.len() <= 4 => {
            return Err(format!(
                "datumet är inte färdigskrivet: månad och dag saknas ({example})"
            ))
        }
        [_] => return Err(format!("för många siffror för ett datum ({example})")),
        [_, _] => {
            return Err(format!(
                "datumet är inte färdigskrivet: dagen saknas ({example})"
            ))
        }
        [y, m, d] => (*y, *m, *d),
        _ => return Err(format!("för många delar för ett datum ({example})")),
    };
    if year.len() != 4 {
        return Err(format!("året ska ha fyra siffror ({example})"));
    }
    if month.len() > 2 || day.len() > 2 {
        return Err(format!("månad och dag har högst två siffror ({example})"));
    }
    let (y, m, d): (i32, u8, u8) = (
        year.parse().map_err(|_| example.to_string())?,
        month.parse().map_err(|_| example.to_string())?,
        day.parse().map_err(|_| example.to_string())?,
    );
    if !(1..=12).contains(&m) {
        return Err(format!("månaden {m} finns inte (1–12)"));
    }
    if d == 0 {
        return Err(format!("dag 0 finns inte ({example})"));
    }
    if !(1000..=9999).contains(&y) {
        return Err(format!("året {y} går inte att använda ({example})"));
    }
    Date::new(y, m, d).map(Some).ok_or_else(|| {
        format!(
            "{} har bara {} dagar",
            MONTHS[usize::from(m) - 1],
            days_in_month(y, m)
        )
    })
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::text::text_value(d, "ett datum som text, t.ex. \"2025-12-31\"", str::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(d.long(), "29 februari 2024");
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2023-2-28".parse::<Date>().is_err());
        assert!("2023-13-01".parse::<Date>().is_err());
        assert!("2023-01-00".parse::<Date>().is_err());
    }

    #[test]
    fn reads_what_is_typed() {
        let d = |y, m, d| Ok(Some(Date::new(y, m, d).unwrap()));
        assert_eq!(parse_input("2025-12-31"), d(2025, 12, 31));
        assert_eq!(parse_input(" 20251231 "), d(2025, 12, 31));
        assert_eq!(parse_input("2025-1-5"), d(2025, 1, 5));
        assert_eq!(parse_input("2025.01.05"), d(2025, 1, 5));
        assert_eq!(parse_input("2025/01/05"), d(2025, 1, 5));
        assert_eq!(parse_input("2024-02-29"), d(2024, 2, 29));
        assert_eq!(parse_input(""), Ok(None));
        assert_eq!(parse_input("   "), Ok(None));
        // The shown form is always ÅÅÅÅ-MM-DD.
        assert_eq!(
            parse_input("20250105").unwrap().unwrap().to_string(),
            "2025-01-05"
        );
    }

    #[test]
    fn every_partial_date_is_an_explained_error() {
        // Typed digit by digit, every prefix of "20251231" is partial, never a wrong date.
        let typed = "20251231";
        for n in 1..typed.len() {
            let e = parse_input(&typed[..n]).unwrap_err();
            assert!(e.contains("ÅÅÅÅ-MM-DD"), "{n}: {e}");
        }
        let typed = "2025-12-31";
        for n in 1..typed.len() - 1 {
            assert!(parse_input(&typed[..n]).is_err(), "{}", &typed[..n]);
        }
        assert!(parse_input("2025-12").unwrap_err().contains("dagen saknas"));
        assert!(parse_input("2025")
            .unwrap_err()
            .contains("månad och dag saknas"));
        assert!(parse_input("12/31/2025")
            .unwrap_err()
            .contains("fyra siffror"));
        assert!(parse_input("2025-13-01")
            .unwrap_err()
            .contains("månaden 13 finns inte"));
        assert_eq!(
            parse_input("2023-02-29").unwrap_err(),
            "februari har bara 28 dagar"
        );
        assert!(parse_input("2025-12-31x").unwrap_err().contains("\"x\""));
        assert!(parse_input("2025-04-0")
            .unwrap_err()
            .contains("dag 0 finns inte"));
    }

    #[test]
    fn steps_days_and_years() {
        let d = Date::new(2024, 12, 31).unwrap();
        assert_eq!(d.succ(), Date::new(2025, 1, 1).unwrap());
        assert_eq!(
            Date::new(2025, 3, 1).unwrap().pred(),
            Date::new(2025, 2, 28).unwrap()
        );
        assert_eq!(
            Date::new(2024, 2, 29).unwrap().add_years(1),
            Date::new(2025, 2, 28).unwrap()
        );
    }

    #[test]
    fn counts_months() {
        let s = Date::new(2025, 1, 1).unwrap();
        assert_eq!(months_spanned(s, Date::new(2025, 12, 31).unwrap()), 12);
        assert_eq!(
            months_spanned(
                Date::new(2024, 7, 1).unwrap(),
                Date::new(2025, 12, 31).unwrap()
            ),
            18
        );
        assert_eq!(
            months_spanned(
                Date::new(2025, 5, 1).unwrap(),
                Date::new(2025, 12, 31).unwrap()
            ),
            8
        );
    }
}
