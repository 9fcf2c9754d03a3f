//! Who uses this browser: the name they sign comments, reviews and files with, kept in local
//! storage.

use crate::storage::{self, keys};

/// The user's name, if they have given one.
pub fn my_name() -> Option<String> {
    storage::read(keys::ME)
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
}

/// Keeps the user's name (trimmed). Whether it could be stored.
pub fn set_my_name(name: &str) -> Result<(), String> {
    storage::write(keys::ME, name.trim())
}
