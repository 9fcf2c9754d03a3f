//! `kassoren`: the report engine on the command line.
//!
//! ```text
//! kassoren new --form ideell-forening [--name NAMN] [--org-nr NR] [--year 2025] -o report.json
//! kassoren check [--json] report.json
//! kassoren render report.json -o report.html
//! kassoren sample [--large | --sie] -o FILE
//! kassoren import-sie bokforing.se [--form FORM] [--into report.json] [--move KONTO=RAD]… [--overwrite] [--mapping] -o report.json
//! kassoren export report.json --author NAMN -o saved.json
//! kassoren diff a.json b.json
//! kassoren merge mine.json theirs.json -o merged.json
//! kassoren merge base.json mine.json theirs.json [--keep-mine] -o merged.json
//! ```
//!
//! `export`, `diff` and the two-file `merge` work on the change history that travels in the
//! file (`kassoren-merge`, Automerge): `merge` lists each conflict on stderr with both values,
//! writes the merge with mine kept there and exits 1. The three-file `merge` is for files
//! without a history: it writes nothing on a conflict unless `--keep-mine` asks for it.
//!
//! Every error is one line on stderr, `kassoren: …`, with exit status 2 (a file that cannot be
//! used, or a usage error). `args` is the grammar, `commands` what each command does.

mod args;
mod commands;

use std::process::ExitCode;

use args::{Command, USAGE};

/// A failure: the message (one line) and the exit status.
struct Failure(String, u8);

fn fail<T>(msg: impl Into<String>) -> Result<T, Failure> {
    Err(Failure(msg.into(), 2))
}

fn run(raw: &[String]) -> Result<u8, Failure> {
    match args::parse(raw)?.command {
        Some(Command::New(a)) => commands::new(&a),
        Some(Command::Check(a)) => commands::check(&a),
        Some(Command::Render(a)) => commands::render(&a),
        Some(Command::Sample(a)) => commands::sample(&a),
        Some(Command::ImportSie(a)) => commands::import_sie(&a),
        Some(Command::Export(a)) => commands::export(&a),
        Some(Command::Diff(a)) => commands::diff(&a),
        Some(Command::Merge(a)) => commands::merge(&a),
        Some(Command::Help(_)) | None => {
            println!("{USAGE}");
            Ok(0)
        }
    }
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match run(&raw) {
        Ok(code) => ExitCode::from(code),
        Err(Failure(msg, code)) => {
            eprintln!("kassoren: {msg}");
            ExitCode::from(code)
        }
    }
}
