//! The mapping table kept in the report ([`Report::sie_accounts`], written by every import),
//! read back as a small SIE file ([`kept_file`]) so the table can be shown and an account
//! moved ([`move_kept_account`]) on any later visit, without the original file.

use super::import::{move_account, Import, ImportOptions};
use super::{Account, AccountType, Encoding, SieFile, YearSource};
use crate::model::Report;
use crate::money::Money;

/// The report's kept mapping table as a SIE file: per account its name, kind, closing balance
/// (a balance account) or result (a result account) and budget for the report's two years.
/// Importing it into the report gives the report's amounts again. `None` when the report
/// keeps no table (no SIE file was imported into it).
pub fn kept_file(report: &Report) -> Option<SieFile> {
    if report.sie_accounts.is_empty() {
        return None;
    }
    let mut file = SieFile::empty(Encoding::Utf8);
    file.year_source = YearSource::Rar;
    for (i, y) in report.years.iter().take(2).enumerate() {
        file.years.insert(-(i as i32), *y);
    }
    for a in &report.sie_accounts {
        file.accounts.insert(
            a.account,
            Account {
                name: a.name.clone(),
                kind: Some(if a.balance {
                    AccountType::Asset
                } else {
                    AccountType::Cost
                }),
                sru: None,
            },
        );
        for (i, v) in a.amounts.iter().enumerate().take(2) {
            if let Some(Money(v)) = v {
                let map = if a.balance {
                    &mut file.closing
                } else {
                    &mut file.result
                };
                map.insert((-(i as i32), a.account), *v);
            }
        }
        for (i, v) in a.budget.iter().enumerate().take(2) {
            if let Some(Money(v)) = v {
                file.budget.insert((-(i as i32), a.account), *v);
            }
        }
    }
    Some(file)
}

/// Moves an account to another input line (or back to its range's, with `None`) using the
/// table kept in the report: [`move_account`] on [`kept_file`]. `None` when the report keeps
/// no table or `line` is not an input line.
pub fn move_kept_account(report: &Report, account: u32, line: Option<&str>) -> Option<Import> {
    let file = kept_file(report)?;
    move_account(&file, report, account, line, &ImportOptions::default())
}
