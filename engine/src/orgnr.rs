//! Swedish organisationsnummer: ten digits, the last a Luhn check digit, shown `NNNNNN-NNNN`.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrgNrError {
    Empty,
    WrongLength(usize),
    NotDigits,
    CheckDigit { expected: u8 },
}

impl fmt::Display for OrgNrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrgNrError::Empty => f.write_str("organisationsnummer saknas"),
            OrgNrError::WrongLength(n) => write!(
                f,
                "ett organisationsnummer har 10 siffror (NNNNNN-NNNN), här finns {n}"
            ),
            OrgNrError::NotDigits => {
                f.write_str("ett organisationsnummer består bara av siffror och ett bindestreck")
            }
            OrgNrError::CheckDigit { expected } => write!(
                f,
                "kontrollsiffran stämmer inte (sista siffran borde vara {expected}): kontrollera numret"
            ),
        }
    }
}

/// The Luhn check digit for the first nine digits.
pub fn luhn_check_digit(first_nine: &[u8]) -> u8 {
    let sum: u32 = first_nine
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// Validates an organisationsnummer typed with or without the hyphen (also a 12-digit form with
/// a leading `16`) and returns it formatted `NNNNNN-NNNN`.
pub fn normalize(input: &str) -> Result<String, OrgNrError> {
    let t = input.trim();
    if t.is_empty() {
        return Err(OrgNrError::Empty);
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
    {
        return Err(OrgNrError::NotDigits);
    }
    let mut digits: Vec<u8> = t
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    if digits.len() == 12 && digits[0] == 1 && digits[1] == 6 {
        digits.drain(..2);
    }
    if digits.len() != 10 {
        return Err(OrgNrError::WrongLength(digits.len()));
    }
    let expected = luhn_check_digit(&digits[..9]);
    if digits[9] != expected {
        return Err(OrgNrError::CheckDigit { expected });
    }
    let s: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    Ok(format!("{}-{}", &s[..6], &s[6..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_numbers() {
        // Bolagsverket's own number and a typical ideell förening (802…).
        assert_eq!(normalize("2021005489").unwrap(), "202100-5489");
        assert_eq!(normalize("202100-5489").unwrap(), "202100-5489");
        assert_eq!(normalize("16202100-5489").unwrap(), "202100-5489");
        assert_eq!(normalize("556036-0793").unwrap(), "556036-0793");
    }

    #[test]
    fn rejects_invalid_numbers() {
        assert_eq!(normalize(""), Err(OrgNrError::Empty));
        assert_eq!(normalize("202100-548"), Err(OrgNrError::WrongLength(9)));
        assert_eq!(normalize("20210O-5489"), Err(OrgNrError::NotDigits));
        assert_eq!(
            normalize("202100-5488"),
            Err(OrgNrError::CheckDigit { expected: 9 })
        );
        assert!(normalize("202100-5488")
            .unwrap_err()
            .to_string()
            .contains("kontrollsiffran"));
    }
}
