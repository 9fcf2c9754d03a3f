//! Exact money: parsing Swedish input, formatting Swedish output, rounding to kr or tkr.
//!
//! Every amount in Kassören is a [`rust_decimal::Decimal`]; there is no float anywhere. In the
//! JSON file an amount is a string such as `"-1234.50"` (see [`Money`]).

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The largest magnitude an amount may have: 10^15 kr (a quadrillion kronor).
pub const MAX_ABS: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);

/// The most decimals an amount may carry (öre need two; four leaves room for exact inputs).
pub const MAX_SCALE: u32 = 4;

/// The minus sign used in printed amounts (U+2212), as in Swedish typesetting.
pub const MINUS: char = '\u{2212}';

/// The thousands separator used in printed amounts: a no-break space, so an amount never wraps.
pub const THOUSANDS: char = '\u{00A0}';

/// An exact amount of money, serialised as a decimal string (`"1234.50"`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn value(self) -> Decimal {
        self.0
    }
}

impl From<Decimal> for Money {
    fn from(d: Decimal) -> Self {
        Money(d)
    }
}

impl From<i64> for Money {
    fn from(v: i64) -> Self {
        Money(Decimal::from(v))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Why a text is not an amount. The message is Swedish and meant for the treasurer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmountError(pub String);

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AmountError {}

fn check_range(d: Decimal) -> Result<Decimal, AmountError> {
    if d.abs() >= MAX_ABS {
        return Err(AmountError(
            "beloppet är för stort (högst 999 999 999 999 999 kr)".into(),
        ));
    }
    Ok(d)
}

/// Parses the canonical file form of an amount: an optional `-`, digits, optionally `.` and at
/// most four decimals. Nothing else (no exponent, no `+`, no spaces) is accepted.
pub fn parse_canonical(s: &str) -> Result<Decimal, AmountError> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
        return Err(AmountError(format!(
            "\"{s}\" är inget belopp (skriv t.ex. \"-1234.50\")"
        )));
    }
    if frac.is_some_and(|f| f.len() > MAX_SCALE as usize) {
        return Err(AmountError(format!(
            "\"{s}\" har fler än {MAX_SCALE} decimaler"
        )));
    }
    if int.len() > 16 {
        return Err(AmountError(
            "beloppet är för stort (högst 999 999 999 999 999 kr)".into(),
        ));
    }
    let d = Decimal::from_str(s).map_err(|_| AmountError(format!("\"{s}\" är inget belopp")))?;
    check_range(d)
}

/// Parses what a treasurer types into an amount cell: `1 234 567`, `1234567,50`, `-15`, `−15`,
/// `1.234.567` is *not* accepted (ambiguous), `1 234,5` is. Spaces (also no-break and thin
/// spaces) group thousands; the decimal separator is a comma (a single dot with at most two
/// decimals is also accepted, as pasted from a spreadsheet in English).
///
/// Returns `Ok(None)` for an empty cell.
pub fn parse_swedish(input: &str) -> Result<Option<Decimal>, AmountError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let mut s = String::with_capacity(trimmed.len());
    let mut negative = false;
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '-' | MINUS | '\u{2013}' if i == 0 => negative = true,
            '+' if i == 0 => {}
            ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' => {}
            '0'..='9' => s.push(c),
            ',' => s.push('.'),
            '.' => s.push('.'),
            _ => {
                return Err(AmountError(format!(
                    "\"{trimmed}\" är inget belopp: tecknet \"{c}\" hör inte hemma i ett belopp"
                )))
            }
        }
    }
    if s.is_empty() {
        return Err(AmountError(format!(
            "\"{trimmed}\" är inget belopp: det saknas siffror"
        )));
    }
    if s.matches('.').count() > 1 {
        return Err(AmountError(format!(
            "\"{trimmed}\" är inget belopp: använd komma för decimaler och mellanslag mellan tusental"
        )));
    }
    if trimmed.contains('.') && s.split_once('.').is_some_and(|(_, f)| f.len() > 2) {
        return Err(AmountError(format!(
            "\"{trimmed}\" är tvetydigt: använd mellanslag mellan tusental och komma för decimaler"
        )));
    }
    if s.starts_with('.') {
        s.insert(0, '0');
    }
    if s.ends_with('.') {
        s.pop();
    }
    if negative {
        s.insert(0, '-');
    }
    parse_canonical(&s).map(Some).map_err(|e| {
        if e.0.contains("för stort") {
            e
        } else if e.0.contains("decimaler") {
            AmountError(format!("\"{trimmed}\" har fler än {MAX_SCALE} decimaler"))
        } else {
            AmountError(format!("\"{trimmed}\" är inget belopp"))
        }
    })
}

/// The unit amounts are printed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Whole kronor.
    #[default]
    Kr,
    /// Thousands of kronor, rounded.
    Tkr,
}

impl Unit {
    pub fn divisor(self) -> Decimal {
        match self {
            Unit::Kr => Decimal::ONE,
            Unit::Tkr => Decimal::from(1000),
        }
    }

    /// The heading shown above statements: "Belopp i kr" / "Belopp i tkr".
    pub fn heading(self) -> &'static str {
        match self {
            Unit::Kr => "Belopp i kr",
            Unit::Tkr => "Belopp i tkr",
        }
    }

    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Kr => "kr",
            Unit::Tkr => "tkr",
        }
    }
}

/// Rounds an amount to the whole unit it is printed in (half away from zero, as Swedish
/// reports round).
pub fn round_to_unit(d: Decimal, unit: Unit) -> Decimal {
    (d / unit.divisor()).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// Formats a whole number with no-break spaces between thousands and a real minus sign:
/// `-1234567` → `−1 234 567`.
pub fn format_integer(d: Decimal) -> String {
    let rounded = d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let digits = rounded.abs().trunc().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2 + 3);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push(MINUS);
    }
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(THOUSANDS);
        }
        out.push(c);
    }
    out
}

/// Formats an amount as printed in the report: whole kronor or tkr, Swedish grouping.
pub fn format_amount(d: Decimal, unit: Unit) -> String {
    format_integer(round_to_unit(d, unit))
}

/// Formats an amount for an input cell when it is not being edited: grouping, and öre with a
/// decimal comma only when there are any (`1 234,50`).
pub fn format_for_input(d: Decimal) -> String {
    let whole = format_integer(d.trunc());
    let frac = (d - d.trunc()).abs();
    let whole = if d.is_sign_negative() && d.trunc().is_zero() && !frac.is_zero() {
        format!("{MINUS}0")
    } else {
        whole
    };
    if frac.is_zero() {
        whole
    } else {
        let mut f = frac.normalize().to_string();
        f.drain(..2); // "0."
        if f.len() == 1 {
            f.push('0');
        }
        format!("{whole},{f}")
    }
}

/// Formats a percentage with one decimal and a Swedish comma: `45,3 %`.
pub fn format_percent(d: Decimal) -> String {
    let r = d.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    let whole = format_integer(r.trunc());
    let tenth = ((r - r.trunc()).abs() * Decimal::TEN).trunc();
    let whole = if r.is_sign_negative() && r.trunc().is_zero() && !tenth.is_zero() {
        format!("{MINUS}0")
    } else {
        whole
    };
    format!("{whole},{tenth}\u{00A0}%")
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::text::text_value(d, "ett belopp som text, t.ex. \"1234.50\"", |s| {
            parse_canonical(s).map(Money)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn max_abs_is_ten_to_the_fifteenth() {
        assert_eq!(MAX_ABS, Decimal::from(1_000_000_000_000_000i64));
    }

    #[test]
    fn parses_swedish_input() {
        assert_eq!(parse_swedish("1 234 567").unwrap(), Some(d("1234567")));
        assert_eq!(parse_swedish("1234567,50").unwrap(), Some(d("1234567.50")));
        assert_eq!(parse_swedish("-15").unwrap(), Some(d("-15")));
        assert_eq!(parse_swedish("\u{2212}15").unwrap(), Some(d("-15")));
        assert_eq!(parse_swedish("1\u{a0}234,5").unwrap(), Some(d("1234.5")));
        assert_eq!(parse_swedish(" 12.50 ").unwrap(), Some(d("12.50")));
        assert_eq!(parse_swedish(",5").unwrap(), Some(d("0.5")));
        assert_eq!(parse_swedish("").unwrap(), None);
        assert_eq!(parse_swedish("   ").unwrap(), None);
    }

    #[test]
    fn rejects_bad_input_with_a_reason() {
        for bad in [
            "12a",
            "1.234.567",
            "1,2,3",
            "-",
            "kr",
            "1e5",
            "1 234.567",
            "--5",
        ] {
            let e = parse_swedish(bad).unwrap_err();
            assert!(
                e.0.contains(bad.trim()) || e.0.contains("belopp"),
                "{bad}: {e}"
            );
        }
        assert!(parse_swedish("1000000000000000")
            .unwrap_err()
            .0
            .contains("för stort"));
        assert!(parse_swedish("1,23456")
            .unwrap_err()
            .0
            .contains("decimaler"));
    }

    #[test]
    fn canonical_form_is_strict() {
        assert_eq!(parse_canonical("-1234.50").unwrap(), d("-1234.50"));
        for bad in [
            "", "1e3", "+1", " 1", "1.", ".5", "1,5", "NaN", "0x10", "1.23456",
        ] {
            assert!(parse_canonical(bad).is_err(), "{bad}");
        }
        assert!(parse_canonical("999999999999999.9999").is_ok());
        assert!(parse_canonical("-1000000000000000").is_err());
    }

    #[test]
    fn formats_swedish_amounts() {
        assert_eq!(format_amount(d("1234567"), Unit::Kr), "1\u{a0}234\u{a0}567");
        assert_eq!(
            format_amount(d("-1234567.5"), Unit::Kr),
            "\u{2212}1\u{a0}234\u{a0}568"
        );
        assert_eq!(format_amount(d("999.49"), Unit::Kr), "999");
        assert_eq!(format_amount(d("0"), Unit::Kr), "0");
        assert_eq!(format_amount(d("-0.4"), Unit::Kr), "0");
        assert_eq!(format_amount(d("1234567"), Unit::Tkr), "1\u{a0}235");
        assert_eq!(format_amount(d("-1500"), Unit::Tkr), "\u{2212}2");
        assert_eq!(format_amount(d("100"), Unit::Kr), "100");
        assert_eq!(format_amount(d("1000"), Unit::Kr), "1\u{a0}000");
    }

    #[test]
    fn formats_input_cells() {
        assert_eq!(format_for_input(d("1234567.50")), "1\u{a0}234\u{a0}567,50");
        assert_eq!(format_for_input(d("-15")), "\u{2212}15");
        assert_eq!(format_for_input(d("-0.5")), "\u{2212}0,50");
        assert_eq!(format_for_input(d("12.125")), "12,125");
        // What is shown can be typed back.
        for s in ["1234567.50", "-15", "-0.5", "12.125", "0"] {
            assert_eq!(parse_swedish(&format_for_input(d(s))).unwrap(), Some(d(s)));
        }
    }

    #[test]
    fn formats_percent() {
        assert_eq!(format_percent(d("45.26")), "45,3\u{a0}%");
        assert_eq!(format_percent(d("-0.25")), "\u{2212}0,3\u{a0}%");
        assert_eq!(format_percent(d("100")), "100,0\u{a0}%");
    }

    #[test]
    fn money_json_is_a_string() {
        let m: Money = serde_json::from_str("\"-12.50\"").unwrap();
        assert_eq!(m.0, d("-12.50"));
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"-12.50\"");
        assert!(serde_json::from_str::<Money>("12.5").is_err());
        assert!(serde_json::from_str::<Money>("\"12,5\"").is_err());
    }
}
