//! Counted words in Swedish: "1 ändring", "2 ändringar", one rule for every count the program
//! shows.

/// `n` with the singular or plural noun: `count(1, "ändring", "ändringar")` is "1 ändring",
/// `count(0, …)` and `count(3, …)` use the plural.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", noun(n, singular, plural))
}

/// The singular noun for exactly one, otherwise the plural.
pub fn noun<'a>(n: usize, singular: &'a str, plural: &'a str) -> &'a str {
    if n == 1 {
        singular
    } else {
        plural
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(count(1, "ändring", "ändringar"), "1 ändring");
        assert_eq!(count(0, "ändring", "ändringar"), "0 ändringar");
        assert_eq!(count(2, "skillnad", "skillnader"), "2 skillnader");
        assert_eq!(count(11, "fel", "fel"), "11 fel");
        assert_eq!(noun(1, "kommentar", "kommentarer"), "kommentar");
    }
}
