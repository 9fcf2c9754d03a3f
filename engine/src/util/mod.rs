//! Size helpers: upper and lower case without the standard library's Unicode tables
//! ([`case`]), and one stable sort for the whole program ([`sort`]). They exist to keep the
//! browser download small (see Performance in the README); the workspace's `clippy.toml`
//! forbids the standard library's versions, so new code uses these.
//!
//! Not part of the engine's API (hidden from its documentation): the web crate uses them for
//! the same reason.

pub mod case;
pub mod sort;
