//! What each command does: read the files, call the engine, print and write, and say with the
//! exit status how it went (0, 1 for errors in the report or conflicts, 2 for a file that
//! cannot be used).

use std::path::PathBuf;

use kassoren_engine::date::Date;
use kassoren_engine::model::{DocumentType, FiscalYear, LegalForm, Report};
use kassoren_engine::review::{self, lineage};
use kassoren_engine::sie::{self, ImportOptions, Level, Placement};
use kassoren_engine::{compute, json, render_html, template, Severity};

use kassoren_merge::Comparison;

use crate::args::{
    CheckArgs, DiffArgs, ExportArgs, ImportSieArgs, MergeArgs, NewArgs, RenderArgs, SampleArgs,
};
use crate::{fail, Failure};

fn read_report(path: &str) -> Result<Report, Failure> {
    let bytes =
        std::fs::read(path).or_else(|e| fail(format!("{path}: kan inte läsa filen ({e})")))?;
    json::from_bytes(&bytes).or_else(|e| fail(format!("{path}: {e}")))
}

fn write_file(path: &PathBuf, contents: &str) -> Result<(), Failure> {
    std::fs::write(path, contents)
        .or_else(|e| fail(format!("{}: kan inte skriva filen ({e})", path.display())))
}

fn one_input(files: &[String]) -> Result<&str, Failure> {
    match files {
        [file] => Ok(file),
        [] => fail("ange filen med årsredovisningen"),
        _ => fail("ange en enda fil"),
    }
}

/// The file `-o` names.
fn output(output: &Option<PathBuf>) -> Result<&PathBuf, Failure> {
    output
        .as_ref()
        .map_or_else(|| fail("ange utfil med -o"), Ok)
}

fn fiscal_year(a: &NewArgs) -> Result<FiscalYear, Failure> {
    Ok(chosen_year(&a.year, &a.start, &a.end)?
        .unwrap_or_else(|| template::calendar_year(current_year() - 1)))
}

/// The fiscal year of `--year ÅÅÅÅ` or `--start … --end …`, if given.
fn chosen_year(
    year: &Option<String>,
    start: &Option<String>,
    end: &Option<String>,
) -> Result<Option<FiscalYear>, Failure> {
    let date = |s: &str| s.parse::<Date>().or_else(fail);
    match (year, start, end) {
        (Some(y), None, None) => match y.parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => Ok(Some(template::calendar_year(y))),
            _ => fail(format!("--year ska vara ett årtal, inte \"{y}\"")),
        },
        (None, Some(s), Some(e)) => {
            let y = FiscalYear {
                start: date(s)?,
                end: date(e)?,
            };
            if y.end < y.start {
                return fail("--end ska vara efter --start");
            }
            Ok(Some(y))
        }
        (None, None, None) => Ok(None),
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

fn legal_form(slug: &str) -> Result<LegalForm, Failure> {
    LegalForm::from_slug(slug).map_or_else(
        || {
            let all: Vec<&str> = LegalForm::ALL.iter().map(|f| f.slug()).collect();
            fail(format!(
                "okänd form \"{slug}\" (välj en av: {})",
                all.join(", ")
            ))
        },
        Ok,
    )
}

pub(crate) fn new(a: &NewArgs) -> Result<u8, Failure> {
    let slug = a.form.as_deref().map_or_else(|| fail("ange --form"), Ok)?;
    let form = legal_form(slug)?;
    let out = output(&a.output)?;
    let year = fiscal_year(a)?;
    let mut report = template::new_report(
        form,
        a.name.as_deref().unwrap_or(""),
        a.org_nr.as_deref().unwrap_or(""),
        year,
    );
    if let Some(slug) = a.document.as_deref() {
        let Some(document) = DocumentType::from_slug(slug) else {
            let known: Vec<&str> = DocumentType::ALL.iter().map(|d| d.slug()).collect();
            return fail(format!(
                "okänd dokumenttyp \"{slug}\" (välj {})",
                known.join(", ")
            ));
        };
        if let Some(reason) = document.refused_for_year(form, report.years.first().map(|y| y.start))
        {
            return fail(format!("--document {slug}: {reason}"));
        }
        kassoren_engine::edit::set_document(&mut report, document);
    }
    if a.budget {
        kassoren_engine::edit::show_budget(&mut report, true);
        kassoren_engine::edit::show_deviation(&mut report, true);
    }
    lineage::start(&mut report, clock_seed());
    write_file(out, &json::to_json(&report))?;
    println!(
        "{} för {}: {}",
        report.document.label(),
        form.label(),
        out.display()
    );
    Ok(0)
}

/// Bits for a new document id: the clock's nanoseconds and the process id.
fn clock_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    nanos ^ (u64::from(std::process::id()) << 32)
}

pub(crate) fn check(a: &CheckArgs) -> Result<u8, Failure> {
    let report = read_report(one_input(&a.files)?)?;
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

pub(crate) fn render(a: &RenderArgs) -> Result<u8, Failure> {
    let report = read_report(one_input(&a.files)?)?;
    let out = output(&a.output)?;
    write_file(out, &render_html(&report))?;
    Ok(0)
}

pub(crate) fn sample(a: &SampleArgs) -> Result<u8, Failure> {
    let out = output(&a.output)?;
    if a.sie {
        let bytes = kassoren_engine::sample::large_sie();
        std::fs::write(out, bytes)
            .or_else(|e| fail(format!("{}: kan inte skriva filen ({e})", out.display())))?;
        return Ok(0);
    }
    let report = if a.large {
        kassoren_engine::sample::large_report()
    } else {
        kassoren_engine::example::example_report()
    };
    write_file(out, &json::to_json(&report))?;
    Ok(0)
}

pub(crate) fn import_sie(a: &ImportSieArgs) -> Result<u8, Failure> {
    let path = match a.files.as_slice() {
        [file] => file.as_str(),
        [] => return fail("ange SIE-filen"),
        _ => return fail("ange en enda SIE-fil"),
    };
    let out = output(&a.output)?;
    let form = a.form.as_deref().map(legal_form).transpose()?;
    let into = a.into.as_deref().map(read_report).transpose()?;
    if form.is_some() && into.is_some() {
        return fail("--form gäller en ny rapport; med --into behåller rapporten sin form");
    }
    let bytes =
        std::fs::read(path).or_else(|e| fail(format!("{path}: kan inte läsa filen ({e})")))?;
    let file = sie::parse(&bytes).or_else(|e| fail(format!("{path}: {e}")))?;
    let options = ImportOptions {
        form,
        apply_changes: a.overwrite,
        fiscal_year: chosen_year(&a.year, &a.start, &a.end)?,
    };
    if options.fiscal_year.is_some() && !file.year_source.is_changeable() {
        return fail(format!(
            "{path}: filen anger sitt räkenskapsår (#RAR); --year, --start och --end gäller bara en fil utan #RAR"
        ));
    }
    let mut result = sie::import(&file, into.as_ref(), &options);
    for m in &a.moves {
        let (account, line) = m.split_once('=').map_or_else(
            || fail(format!("--move ska skrivas KONTO=RAD, inte \"{m}\"")),
            Ok,
        )?;
        let account: u32 = account
            .trim()
            .parse()
            .or_else(|_| fail(format!("--move: \"{account}\" är inget kontonummer")))?;
        let line = line.trim();
        let target = (!line.is_empty()).then_some(line);
        result = sie::move_account(&file, &result.report, account, target, &options).map_or_else(
            || {
                fail(format!(
                    "--move: raden \"{line}\" finns inte eller är ingen rad med belopp"
                ))
            },
            Ok,
        )?;
    }
    println!("{}", result.form_line());
    println!(
        "Fil: SIE typ {}, {}, {}; {} verifikationer med {} rader.",
        file.sie_type.map_or("?".to_string(), |t| t.to_string()),
        file.encoding.label(),
        file.program.as_deref().unwrap_or("okänt program"),
        file.vouchers,
        file.transaction_rows
    );
    for y in &result.years {
        let label = result
            .report
            .years
            .get(y.year)
            .map(FiscalYear::label)
            .unwrap_or_default();
        println!("{}", y.describe(&label));
    }
    for w in &result.warnings {
        println!("{}: {} [{}]", w.level.label(), w.message, w.code.as_str());
    }
    if !result.changes.is_empty() {
        println!(
            "Ändras inte utan --overwrite ({} st):",
            result.changes.len()
        );
        for c in &result.changes {
            println!("  {}", c.describe());
        }
    }
    if a.mapping {
        let years: Vec<String> = (0..2)
            .map(|i| {
                result
                    .report
                    .years
                    .get(i)
                    .map(FiscalYear::label)
                    .unwrap_or_default()
            })
            .collect();
        println!(
            "Konto  Namn                                      {:>16} {:>16}  Rad",
            years[0], years[1]
        );
        for row in &result.mapping {
            let amount = |i: usize| {
                row.amounts
                    .get(i)
                    .copied()
                    .flatten()
                    .map(kassoren_engine::money::format_for_input)
                    .unwrap_or_default()
            };
            let place = match &row.placement {
                Placement::Line { id, label } => format!("{label} ({id})"),
                Placement::ResultAccount => "– (årets resultat, 8990–8999)".into(),
                Placement::Unmapped => "– (ingen rad)".into(),
            };
            let name: String = match row.bas_account {
                Some(bas) => format!("{} (BAS {bas})", row.name.trim()),
                None => row.name.clone(),
            }
            .chars()
            .take(40)
            .collect();
            println!(
                "{:<6} {:<41} {:>16} {:>16}  {}{}",
                row.account,
                name,
                amount(0),
                amount(1),
                place,
                if row.overridden { " [flyttad]" } else { "" }
            );
        }
    }
    if result.nothing_to_import() {
        // Nothing is written: the report would be all zeros.
        return Ok(1);
    }
    write_file(out, &json::to_json(&result.report))?;
    Ok(u8::from(
        result.warnings.iter().any(|w| w.level == Level::Error),
    ))
}

/// Seconds since 1970, for the time of a recorded change.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Who saved the file last, for recording edits made to it since (by hand or by a program).
fn author_of(r: &Report) -> String {
    r.lineage
        .author
        .clone()
        .unwrap_or_else(|| "okänd".to_string())
}

/// The report with what changed in its readable fields since its history recorded (a file
/// without a history gets one).
fn recorded(path: &str, mut r: Report) -> Result<Report, Failure> {
    let author = author_of(&r);
    kassoren_merge::record(&mut r, &author, now()).or_else(|e| fail(format!("{path}: {e}")))?;
    Ok(r)
}

pub(crate) fn export(a: &ExportArgs) -> Result<u8, Failure> {
    let file = one_input(&a.files)?;
    let out = output(&a.output)?;
    let Some(author) = a.author.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        return fail("ange vem som sparar med --author NAMN");
    };
    let mut r = read_report(file)?;
    lineage::next_revision(&mut r, author);
    let changed =
        kassoren_merge::record(&mut r, author, now()).or_else(|e| fail(format!("{file}: {e}")))?;
    write_file(out, &json::to_json(&r))?;
    println!(
        "Sparat i {}: version {} av {author}{}.",
        out.display(),
        r.lineage.revision,
        if changed {
            ", med ändringarna sedan förra gången i historiken"
        } else {
            " (inga ändringar sedan förra gången)"
        }
    );
    Ok(0)
}

/// Two files compared by their histories: both recorded, and how they relate.
fn compared(
    first: &str,
    second: &str,
) -> Result<(Report, Report, Comparison, review::Merge), Failure> {
    let (a, b) = (read_report(first)?, read_report(second)?);
    let (a, b) = (recorded(first, a)?, recorded(second, b)?);
    let comparison =
        kassoren_merge::compare(&a, &b).or_else(|e| fail(format!("{first} och {second}: {e}")))?;
    let merge = comparison
        .review(&a, &b)
        .or_else(|e| fail(format!("{first} och {second}: {e}")))?;
    Ok((a, b, comparison, merge))
}

pub(crate) fn diff(a: &DiffArgs) -> Result<u8, Failure> {
    let [old, new] = a.files.as_slice() else {
        return fail("ange två filer: kassoren diff A.json B.json");
    };
    let (old_report, new_report, comparison, merge) = compared(old, new)?;
    let changes = match comparison {
        Comparison::Unrelated => review::diff(&old_report, &new_report),
        Comparison::Nothing => {
            println!("Inga nya ändringar: allt i {new} finns redan i {old}.");
            return Ok(0);
        }
        Comparison::Related { .. } => merge.changes,
    };
    if changes.is_empty() && merge.conflicts.is_empty() {
        println!("Inga skillnader.");
    }
    for c in &changes {
        println!("{}", c.describe());
    }
    if matches!(comparison, Comparison::Related { .. }) {
        for c in &merge.conflicts {
            println!("Krock: {}", c.describe());
        }
    }
    Ok(0)
}

/// `merge MINE THEIRS`: by the histories; conflicts keep mine and are listed with both values.
fn merge_by_history(mine: &str, theirs: &str, out: &PathBuf) -> Result<u8, Failure> {
    let (mine_report, theirs_report, comparison, merged) = compared(mine, theirs)?;
    if comparison == Comparison::Nothing {
        write_file(out, &json::to_json(&mine_report))?;
        println!(
            "Inga nya ändringar: allt i {theirs} finns redan i {mine}. Sparat i {}.",
            out.display()
        );
        return Ok(0);
    }
    for c in &merged.changes {
        println!("{}", c.describe());
    }
    for c in &merged.conflicts {
        eprintln!(
            "Krock: {} — din version: {} — deras: {}",
            c.place, c.mine, c.theirs
        );
    }
    let author = author_of(&mine_report);
    let result =
        kassoren_merge::combine(&mine_report, &theirs_report, &merged.report, &author, now())
            .or_else(|e| fail(format!("{mine} och {theirs}: {e}")))?;
    write_file(out, &json::to_json(&result))?;
    let changes = count(merged.changes.len(), "ändring", "ändringar");
    if merged.conflicts.is_empty() {
        println!("Sparat i {}: {changes} från {theirs}.", out.display());
        return Ok(0);
    }
    let conflicts = count(merged.conflicts.len(), "krock", "krockar");
    let unrelated = if comparison == Comparison::Unrelated {
        " (filerna saknar gemensam ändringshistorik, så varje skillnad är en krock)"
    } else {
        ""
    };
    eprintln!(
        "kassoren: {conflicts}{unrelated}; din version behölls där ({}, med {changes} från {theirs}).",
        out.display()
    );
    Ok(1)
}

pub(crate) fn merge(a: &MergeArgs) -> Result<u8, Failure> {
    let out = output(&a.output)?;
    let (base, mine, theirs) = match a.files.as_slice() {
        [mine, theirs] => return merge_by_history(mine, theirs, out),
        [base, mine, theirs] => (base, mine, theirs),
        _ => {
            return fail(
                "ange två filer (kassoren merge MIN.json DERAS.json -o FIL.json) eller tre \
                 (kassoren merge BAS.json MIN.json DERAS.json -o FIL.json)",
            )
        }
    };
    let (base_report, mine_report, theirs_report) =
        (read_report(base)?, read_report(mine)?, read_report(theirs)?);
    let merged = review::merge(&base_report, &mine_report, &theirs_report)
        .or_else(|e| fail(format!("{base}, {mine} och {theirs}: {e}")))?;
    for c in &merged.changes {
        println!("{}", c.describe());
    }
    for c in &merged.conflicts {
        eprintln!("Konflikt: {}", c.describe());
    }
    if merged.conflicts.is_empty() || a.keep_mine {
        write_file(out, &json::to_json(&merged.report))?;
    }
    let conflicts = count(merged.conflicts.len(), "konflikt", "konflikter");
    match (merged.conflicts.is_empty(), a.keep_mine) {
        (true, _) => {
            println!(
                "Sparat i {}: {} från {theirs}.",
                out.display(),
                count(merged.changes.len(), "ändring", "ändringar")
            );
            Ok(0)
        }
        (false, true) => {
            eprintln!(
                "kassoren: {conflicts}; din version behölls där ni ändrat samma sak ({}).",
                out.display()
            );
            Ok(1)
        }
        (false, false) => {
            eprintln!(
                "kassoren: {conflicts}; ingen fil skrevs (med --keep-mine skrivs sammanslagningen med din version där ni ändrat samma sak)."
            );
            Ok(1)
        }
    }
}

/// "1 konflikt", "2 konflikter".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
