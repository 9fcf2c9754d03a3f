//! What the command-line tests share: running `kassoren`, a temporary folder, the output as
//! text, and the SIE sample files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One of the real SIE files in `tests/fixtures/sie/` of the repository.
pub fn sie_sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/sie")
        .join(name)
}

/// Runs the `kassoren` command line.
pub fn kassoren(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kassoren"))
        .args(args)
        .output()
        .expect("runs")
}

/// A path for a file in this test run's own temporary folder.
pub fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kassoren-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into()
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into()
}
