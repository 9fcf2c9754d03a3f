//! `kassoren`: the report engine on the command line.
//!
//! ```text
//! kassoren new --form ideell-forening [--name NAMN] [--org-nr NR] [--year 2025] -o report.json
//! kassoren check [--json] report.json
//! kassoren render report.json -o report.html
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use kassoren_engine::date::Date;
use kassoren_engine::model::{FiscalYear, LegalForm, Report};
use kassoren_engine::{compute, json, render_html, template, Severity};

const USAGE: &str = "\
Användning:
  kassoren new --form FORM [--name NAMN] [--org-nr NR] [--year ÅÅÅÅ | --start ÅÅÅÅ-MM-DD --end ÅÅÅÅ-MM-DD] -o FIL.json
  kassoren check [--json] FIL.json
  kassoren render FIL.json -o FIL.html
  kassoren sample [--large] -o FIL.json   (exempelrapporten, eller en stor genererad rapport)

FORM: ideell-forening, ekonomisk-forening, bostadsrattsforening, samfallighetsforening, stiftelse, aktiebolag

check avslutar med 0 när rapporten saknar fel (varningar tillåts), 1 när den har fel och 2 när
filen inte kan läsas som en årsredovisning.";

/// A failure: the message (one line) and the exit status.
struct Failure(String, u8);

fn fail<T>(msg: impl Into<String>) -> Result<T, Failure> {
    Err(Failure(msg.into(), 2))
}

#[derive(Default)]
struct Args {
    positional: Vec<String>,
    output: Option<PathBuf>,
    form: Option<String>,
    name: Option<String>,
    org_nr: Option<String>,
    year: Option<String>,
    start: Option<String>,
    end: Option<String>,
    json: bool,
    large: bool,
}

fn parse_args(raw: &[String]) -> Result<Args, Failure> {
    let mut a = Args::default();
    let mut it = raw.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| -> Result<String, Failure> {
            it.next()
                .cloned()
                .map_or_else(|| fail(format!("{name} behöver ett värde")), Ok)
        };
        match arg.as_str() {
            "-o" | "--output" => a.output = Some(PathBuf::from(value(arg)?)),
            "--form" => a.form = Some(value(arg)?),
            "--name" => a.name = Some(value(arg)?),
            "--org-nr" => a.org_nr = Some(value(arg)?),
            "--year" => a.year = Some(value(arg)?),
            "--start" => a.start = Some(value(arg)?),
            "--end" => a.end = Some(value(arg)?),
            "--json" => a.json = true,
            "--large" => a.large = true,
            s if s.starts_with('-') && s.len() > 1 => return fail(format!("okänd flagga {s}")),
            s => a.positional.push(s.to_string()),
        }
    }
    Ok(a)
}

fn read_report(path: &str) -> Result<Report, Failure> {
    let bytes =
        std::fs::read(path).or_else(|e| fail(format!("{path}: kan inte läsa filen ({e})")))?;
    json::from_bytes(&bytes).or_else(|e| fail(format!("{path}: {e}")))
}

fn write_file(path: &PathBuf, contents: &str) -> Result<(), Failure> {
    std::fs::write(path, contents)
        .or_else(|e| fail(format!("{}: kan inte skriva filen ({e})", path.display())))
}

fn one_input(a: &Args) -> Result<&str, Failure> {
    match a.positional.as_slice() {
        [_, file] => Ok(file),
        [_] => fail("ange filen med årsredovisningen"),
        _ => fail("ange en enda fil"),
    }
}

fn fiscal_year(a: &Args) -> Result<FiscalYear, Failure> {
    let date = |s: &str| s.parse::<Date>().or_else(fail);
    match (&a.year, &a.start, &a.end) {
        (Some(y), None, None) => match y.parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => Ok(template::calendar_year(y)),
            _ => fail(format!("--year ska vara ett årtal, inte \"{y}\"")),
        },
        (None, Some(s), Some(e)) => Ok(FiscalYear {
            start: date(s)?,
            end: date(e)?,
        }),
        (None, None, None) => Ok(template::calendar_year(current_year() - 1)),
        _ => fail("ange antingen --year eller både --start och --end"),
    }
}

/// The current calendar year, from the system clock (UTC).
fn current_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // Days since 1970-01-01 → year, good for any date this program will see.
    let mut days = (secs / 86_400) as i64;
    let mut year = 1970;
    loop {
        let len = if kassoren_engine::date::is_leap(year) {
            366
        } else {
            365
        };
        if days < len {
            return year;
        }
        days -= len;
        year += 1;
    }
}

fn cmd_new(a: &Args) -> Result<u8, Failure> {
    let slug = a.form.as_deref().map_or_else(|| fail("ange --form"), Ok)?;
    let form = LegalForm::from_slug(slug).map_or_else(
        || {
            let all: Vec<&str> = LegalForm::ALL.iter().map(|f| f.slug()).collect();
            fail(format!(
                "okänd form \"{slug}\" (välj en av: {})",
                all.join(", ")
            ))
        },
        Ok,
    )?;
    let out = a
        .output
        .as_ref()
        .map_or_else(|| fail("ange utfil med -o"), Ok)?;
    let year = fiscal_year(a)?;
    let report = template::new_report(
        form,
        a.name.as_deref().unwrap_or(""),
        a.org_nr.as_deref().unwrap_or(""),
        year,
    );
    write_file(out, &json::to_json(&report))?;
    Ok(0)
}

fn cmd_check(a: &Args) -> Result<u8, Failure> {
    let report = read_report(one_input(a)?)?;
    let computed = compute(&report);
    if a.json {
        let list: Vec<serde_json::Value> = computed
            .problems
            .iter()
            .map(|p| {
                serde_json::json!({
                    "severity": p.severity,
                    "code": p.code,
                    "message": p.message,
                    "location": p.location,
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&list).expect("serialisable")
        );
    } else if computed.problems.is_empty() {
        println!("Inga problem hittades.");
    } else {
        for p in &computed.problems {
            println!(
                "{}: {} [{}]",
                p.severity.label(),
                p.message,
                p.code.as_str()
            );
        }
        let errors = computed.errors().count();
        println!(
            "{} fel, {} varningar.",
            errors,
            computed.problems.len() - errors
        );
    }
    Ok(u8::from(
        computed
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error),
    ))
}

fn cmd_render(a: &Args) -> Result<u8, Failure> {
    let report = read_report(one_input(a)?)?;
    let out = a
        .output
        .as_ref()
        .map_or_else(|| fail("ange utfil med -o"), Ok)?;
    write_file(out, &render_html(&report))?;
    Ok(0)
}

fn cmd_sample(a: &Args) -> Result<u8, Failure> {
    let out = a
        .output
        .as_ref()
        .map_or_else(|| fail("ange utfil med -o"), Ok)?;
    let report = if a.large {
        kassoren_engine::sample::large_report()
    } else {
        kassoren_engine::example::example_report()
    };
    write_file(out, &json::to_json(&report))?;
    Ok(0)
}

fn run(raw: &[String]) -> Result<u8, Failure> {
    let a = parse_args(raw)?;
    match a.positional.first().map(String::as_str) {
        Some("new") => cmd_new(&a),
        Some("check") => cmd_check(&a),
        Some("render") => cmd_render(&a),
        Some("sample") => cmd_sample(&a),
        Some("help") | None => {
            println!("{USAGE}");
            Ok(0)
        }
        Some(other) => fail(format!(
            "okänt kommando \"{other}\" (new, check, render eller sample)"
        )),
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
