//! Reading the values the file writes as text (dates, amounts): one serde visitor for all of
//! them, so that [`crate::date`] and [`crate::money`] read their text the same way and a bad
//! value is reported at the string itself.

use std::fmt;

/// A value the file writes as text (a date, an amount), read with `parse`. Read through a
/// visitor, so that a bad value is an error at the string itself: the file reader
/// ([`crate::json`]) then names its field, not the object around it.
pub(crate) fn text_value<'de, D, T, E>(
    d: D,
    expecting: &'static str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    E: fmt::Display,
{
    struct V<F>(&'static str, F);
    impl<T, E: fmt::Display, F: Fn(&str) -> Result<T, E>> serde::de::Visitor<'_> for V<F> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<Er: serde::de::Error>(self, v: &str) -> Result<T, Er> {
            (self.1)(v).map_err(Er::custom)
        }
    }
    d.deserialize_str(V(expecting, parse))
}
