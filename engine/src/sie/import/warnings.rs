//! The import's warnings about the file and the mapping: a file that does not balance, a
//! missing carry-forward, unmapped accounts, stale or missing balances, vouchers, damaged
//! names, another chart of accounts.

use rust_decimal::Decimal;

use super::figures::YearFigures;
use super::types::{kr, Level, MappingRow, Placement, Source, Warning, WarningCode, YearImport};
use crate::model::*;
use crate::sie::parse::year_entries;
use crate::sie::{Notice, NoticeKind, SieFile};

/// How many accounts a warning names before "…".
const NAMED: usize = 5;

/// "1 verifikation", "3 verifikationer".
fn vouchers(n: usize) -> String {
    if n == 1 {
        "1 verifikation".into()
    } else {
        format!("{n} verifikationer")
    }
}

pub(super) fn warn(level: Level, code: WarningCode, message: String) -> Warning {
    Warning {
        level,
        code,
        message,
    }
}

/// The label of a report year: "2025", or "år 2" when the report lacks it.
pub(super) fn year_label(report: &Report, i: usize) -> String {
    report
        .years
        .get(i)
        .map(FiscalYear::label)
        .unwrap_or_else(|| format!("år {}", i + 1))
}

/// How many notices of one kind become warnings of their own (the rest are counted).
const NOTICES_SHOWN: usize = 10;

/// The parser's notices about lines it read anyway or skipped, as warnings naming the lines.
fn notice_warnings(file: &SieFile) -> Vec<Warning> {
    let mut out = Vec::new();
    for kind in [
        NoticeKind::Skipped,
        NoticeKind::Duplicate,
        NoticeKind::TextCut,
        NoticeKind::ControlCharacter,
        NoticeKind::MissingSeries,
    ] {
        let (level, code) = match kind {
            NoticeKind::Skipped => (Level::Warning, WarningCode::SkippedRecord),
            NoticeKind::Duplicate => (Level::Warning, WarningCode::DuplicateRow),
            NoticeKind::TextCut => (Level::Warning, WarningCode::TextCut),
            NoticeKind::ControlCharacter => (Level::Warning, WarningCode::ControlCharacter),
            NoticeKind::MissingSeries => (Level::Info, WarningCode::MissingSeries),
        };
        let of_kind: Vec<&Notice> = file.notices.iter().filter(|n| n.kind == kind).collect();
        for n in of_kind.iter().take(NOTICES_SHOWN) {
            out.push(warn(level, code, n.message.clone()));
        }
        if of_kind.len() > NOTICES_SHOWN {
            let lines: Vec<String> = of_kind[NOTICES_SHOWN..]
                .iter()
                .take(NAMED * 4)
                .map(|n| n.line.to_string())
                .collect();
            let more = if of_kind.len() > NOTICES_SHOWN + NAMED * 4 {
                ", …"
            } else {
                ""
            };
            out.push(warn(
                level,
                code,
                format!(
                    "Samma sak på {} rader till: rad {}{more}.",
                    of_kind.len() - NOTICES_SHOWN,
                    lines.join(", ")
                ),
            ));
        }
    }
    let unkept = file.notice_count - file.notices.len();
    if unkept > 0 {
        out.push(warn(
            Level::Warning,
            WarningCode::SkippedRecord,
            format!("Ytterligare {unkept} rader i filen har anmärkningar som inte visas här."),
        ));
    }
    out
}

/// The warnings about the file and the mapping.
pub(super) fn file_warnings(
    file: &SieFile,
    report: &Report,
    figures: &[YearFigures],
    years: &[YearImport],
    mapping: &[MappingRow],
) -> Vec<Warning> {
    let mut out = notice_warnings(file);
    let label = |i: usize| year_label(report, i);
    for y in years {
        let l = label(y.year);
        if let Some(d) = y.difference {
            let mut why = Vec::new();
            let fy = -(y.year as i32);
            if y.balances == Source::NextYearOpening {
                let opening: Decimal = year_entries(&file.opening, fy + 1).map(|(_, v)| v).sum();
                why.push(format!(
                    "räkenskapsårets ingående balanser (#IB 0), som är jämförelseårets utgående, summerar till {} i stället för 0",
                    kr(opening)
                ));
            } else {
                let opening: Decimal = year_entries(&file.opening, fy).map(|(_, v)| v).sum();
                if !opening.is_zero() {
                    why.push(format!(
                        "de ingående balanserna (#IB) summerar till {} i stället för 0",
                        kr(opening)
                    ));
                }
            }
            let periods: Vec<String> = file
                .period_totals
                .range((fy, 0)..=(fy, u32::MAX))
                .filter(|(_, v)| !v.is_zero())
                .map(|(&(_, p), v)| format!("{}-{:02}: {}", p / 100, p % 100, kr(*v)))
                .collect();
            if !periods.is_empty() {
                why.push(format!(
                    "periodsaldona (#PSALDO) går inte jämnt ut för {}",
                    periods.join(", ")
                ));
            }
            if y.year == 0 && file.unbalanced_voucher_count > 0 {
                why.push(format!(
                    "{} går inte jämnt ut",
                    vouchers(file.unbalanced_voucher_count)
                ));
            }
            let why = if why.is_empty() {
                String::new()
            } else {
                format!(" ({})", why.join("; "))
            };
            out.push(warn(
                Level::Error,
                WarningCode::FileUnbalanced,
                format!(
                    "{l}: Filens belopp går inte jämnt ut – debet och kredit skiljer {}{why}. Skillnaden läggs inte i eget kapital, så balansräkningen balanserar inte med samma belopp. Rätta i bokföringen och exportera en ny fil, eller justera beloppen för hand.",
                    kr(d)
                ),
            ));
        }
        if let Some(m) = y.missing_carry_forward {
            out.push(warn(
                Level::Warning,
                WarningCode::MissingCarryForward,
                format!(
                    "{l}: Förra årets resultat ({}) har inte förts över till årets ingående balans i bokföringen. Kassören lägger det i balanserat resultat så att balansräkningen balanserar; kontrollera att det stämmer med bokslutet.",
                    kr(m)
                ),
            ));
        }
    }
    // Unmapped accounts, with their totals per year.
    let unmapped: Vec<&MappingRow> = mapping
        .iter()
        .filter(|r| r.placement == Placement::Unmapped)
        .collect();
    if !unmapped.is_empty() {
        let totals: Vec<String> = (0..2)
            .filter_map(|i| {
                let values: Vec<Decimal> = unmapped.iter().filter_map(|r| r.amounts[i]).collect();
                (!values.is_empty())
                    .then(|| format!("{} {}", label(i), kr(values.iter().copied().sum())))
            })
            .collect();
        let names: Vec<String> = unmapped
            .iter()
            .take(NAMED)
            .map(|r| {
                if r.name.is_empty() {
                    r.account.to_string()
                } else {
                    format!("{} {}", r.account, r.name)
                }
            })
            .collect();
        let more = if unmapped.len() > NAMED { ", …" } else { "" };
        out.push(warn(
            Level::Warning,
            WarningCode::UnmappedAccounts,
            format!(
                "{} {} hör inte till någon rad i årsredovisningen: {}{more}. Summa (debet positivt): {}. Beloppet finns inte på någon rad utan ingår i balanserat resultat; flytta kontot till rätt rad i kopplingen.",
                unmapped.len(),
                if unmapped.len() == 1 { "konto" } else { "konton" },
                names.join(", "),
                totals.join(", ")
            ),
        ));
    }
    for (i, f) in figures.iter().enumerate() {
        let l = label(i);
        if f.stale {
            out.push(warn(
                Level::Warning,
                WarningCode::StaleClosingBalances,
                format!(
                    "{l}: Filens utgående balanser (#UB) är desamma som de ingående fast verifikationerna ändrar kontona; de utgående balanserna räknas i stället fram från #IB och verifikationerna."
                ),
            ));
        } else if f.balances == Source::NextYearOpening {
            out.push(warn(
                Level::Info,
                WarningCode::BalancesFromNextOpening,
                format!("{l}: Filen saknar utgående balanser för året (#UB -1); jämförelseårets balansräkning är räkenskapsårets ingående balanser (#IB 0)."),
            ));
        } else if f.balances == Source::Transactions {
            out.push(warn(
                Level::Info,
                WarningCode::BalancesFromTransactions,
                format!("{l}: Filen saknar utgående balanser (#UB); de räknas fram från #IB och verifikationerna."),
            ));
        }
        if f.results == Source::Transactions {
            out.push(warn(
                Level::Info,
                WarningCode::ResultFromTransactions,
                format!("{l}: Filen saknar resultat per konto (#RES); årets resultat räknas fram från verifikationerna."),
            ));
        }
        if !f.disagree.is_empty() {
            let named: Vec<String> = f.disagree.iter().take(NAMED).map(u32::to_string).collect();
            let more = if f.disagree.len() > NAMED {
                ", …"
            } else {
                ""
            };
            out.push(warn(
                Level::Warning,
                WarningCode::TransactionsDisagree,
                format!(
                    "{l}: Verifikationerna i filen stämmer inte med saldona för {} konton ({}{more}); saldona (#UB, #RES) används.",
                    f.disagree.len(),
                    named.join(", ")
                ),
            ));
        }
    }
    if report.years.len() > 1 && figures.get(1).map_or(true, |f| !f.has_any()) {
        out.push(warn(
            Level::Info,
            WarningCode::NoComparisonYear,
            format!(
                "Filen har inga belopp för {}; jämförelseårets belopp lämnas som de är.",
                label(1)
            ),
        ));
    }
    if file.unbalanced_voucher_count > 0 {
        let named: Vec<String> = file
            .unbalanced_vouchers
            .iter()
            .take(NAMED)
            .map(|v| {
                format!(
                    "{} {} (rad {}): {}",
                    v.series,
                    v.number,
                    v.line,
                    kr(v.difference)
                )
            })
            .collect();
        out.push(warn(
            Level::Warning,
            WarningCode::UnbalancedVouchers,
            format!(
                "{} i filen går inte jämnt ut: {}.",
                vouchers(file.unbalanced_voucher_count),
                named.join(", ")
            ),
        ));
    }
    if file.vouchers_outside_years > 0 {
        out.push(warn(
            Level::Warning,
            WarningCode::VouchersOutsideYears,
            format!(
                "{} har ett datum utanför filens räkenskapsår och räknas till räkenskapsåret.",
                vouchers(file.vouchers_outside_years)
            ),
        ));
    }
    if file.vouchers_without_date > 0 {
        out.push(warn(
            Level::Info,
            WarningCode::VouchersWithoutDate,
            format!(
                "{} i filen saknar datum och räknas till räkenskapsåret.",
                vouchers(file.vouchers_without_date)
            ),
        ));
    }
    if file.vouchers_without_brace > 0 {
        out.push(warn(
            Level::Info,
            WarningCode::VouchersWithoutBrace,
            format!(
                "{} i filen saknar raden med {{ före sina transaktioner och har lästs ändå.",
                vouchers(file.vouchers_without_brace)
            ),
        ));
    }
    let damaged = file
        .company_name
        .iter()
        .chain(file.accounts.values().map(|a| &a.name))
        .filter(|s| s.contains('\u{FFFD}'))
        .count();
    if damaged > 0 {
        out.push(warn(
            Level::Warning,
            WarningCode::DamagedText,
            format!(
                "{damaged} namn i filen innehåller tecken som förstördes redan när filen skapades (visas som �); rätta namnen för hand."
            ),
        ));
    }
    if let Some(chart) = file.chart.as_deref() {
        let c = chart.trim().to_ascii_uppercase();
        // "BAS" alone names no version: it is BAS, and nothing is said.
        let current =
            c.is_empty() || c == "BAS" || c.starts_with("EUBAS") || c.starts_with("BAS20");
        if !current {
            let message = if c.starts_with("BAS") {
                format!(
                    "Filens kontoplan är {chart}, en äldre version av BAS-kontoplanen; kopplingen till raderna bygger på BAS från EUBAS97 och senare, där några konton har bytt betydelse. Kontrollera kopplingen."
                )
            } else {
                format!(
                    "Filens kontoplan är {chart}, inte BAS; kopplingen till raderna bygger på BAS-kontoplanen (EUBAS97 och senare), så konton kan hamna på fel rad. Kontrollera kopplingen."
                )
            };
            out.push(warn(
                Level::Warning,
                WarningCode::OtherChartOfAccounts,
                message,
            ));
        }
    }
    out
}
