//! The command line's grammar (clap, derived): the commands and their flags, and clap's usage
//! errors turned into Kassören's one-line Swedish messages. The help text is Kassören's own
//! ([`USAGE`]).

use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, Parser, Subcommand};

use crate::Failure;

pub(crate) const USAGE: &str = "\
Användning:
  kassoren new --form FORM [--document TYP] [--budget] [--name NAMN] [--org-nr NR] [--year ÅÅÅÅ | --start ÅÅÅÅ-MM-DD --end ÅÅÅÅ-MM-DD] -o FIL.json
  kassoren check [--json] FIL.json
  kassoren render FIL.json -o FIL.html
  kassoren sample [--large | --sie] -o FIL   (exempelrapporten, en stor genererad rapport, eller en 50 MB SIE-fil)
  kassoren import-sie FIL.se [--form FORM] [--into FIL.json] [--move KONTO=RAD]… [--overwrite] [--mapping]
                     [--year ÅÅÅÅ | --start ÅÅÅÅ-MM-DD --end ÅÅÅÅ-MM-DD] -o FIL.json
  kassoren export FIL.json --author NAMN -o UT.json
  kassoren diff A.json B.json
  kassoren merge MIN.json DERAS.json -o FIL.json
  kassoren merge BAS.json MIN.json DERAS.json [--keep-mine] -o FIL.json

FORM: ideell-forening, ekonomisk-forening, bostadsrattsforening, samfallighetsforening, stiftelse, aktiebolag
TYP: arsredovisning-k2, arsredovisning-k3, arsbokslut, forenklat-arsbokslut, verksamhetsberattelse (utan
--document: förenklat årsbokslut för en ideell förening, K3-årsredovisning för en bostadsrättsförening
från räkenskapsår som börjar 2026, annars K2-årsredovisning). En typ som formen inte får använda
(t.ex. förenklat årsbokslut för ett aktiebolag) avslutar med 2. --budget visar budgetkolumnerna
(budget för året och nästa år, med avvikelse) i resultaträkningen; i en årsredovisning skrivs
budgeten ut som en bilaga, Budgetuppföljning, efter underskrifterna.

check avslutar med 0 när rapporten saknar fel (varningar tillåts), 1 när den har fel och 2 när
filen inte kan läsas som en årsredovisning.

import-sie läser en SIE-fil (typ 1–4) och skriver en årsredovisning med årets och fjolårets belopp:
en ny från mallen för FORM (utan --form: från filens #FTYP, annars namnet, annars aktiebolag), eller
in i rapporten --into. Formen som används skrivs ut. Belopp som skrivits in för hand, namn,
organisationsnummer och räkenskapsår skrivs bara över med --overwrite (annars listas de). --move
flyttar ett konto till en annan rad (valet sparas i rapporten); --mapping skriver ut kopplingen
konto → rad. Filens #PBUDGET förs in som budget (år 0 som årets budget, år 1 som nästa års när
filen har #RAR 1). En fil utan #RAR får räkenskapsåret från verifikationernas datum (eller #GEN); --year
eller --start och --end väljer ett annat. Avslutar med 0, med 1 när filen själv inte går jämnt ut (rapporten skrivs ändå) eller
saknar saldon för räkenskapsåret (då skrivs ingen rapport) och med 2 när filen inte kan läsas.

diff skriver ut skillnaderna mellan två versioner av samma årsredovisning, en per rad.

merge för in ändringarna i DERAS.json sedan BAS.json (versionen de utgick från) i MIN.json och
skriver resultatet. Där båda har ändrat samma sak listas konflikten och ingenting skrivs, utom med
--keep-mine: då skrivs sammanslagningen med din version där ni ändrat samma sak. Avslutar med 0,
med 1 när det finns konflikter och med 2 när filerna inte kan läsas eller är olika
årsredovisningar.";

/// `kassoren COMMAND …`; without a command, the help text.
#[derive(Parser)]
#[command(
    name = "kassoren",
    disable_help_flag = true,
    disable_help_subcommand = true,
    disable_version_flag = true
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    New(NewArgs),
    Check(CheckArgs),
    Render(RenderArgs),
    Sample(SampleArgs),
    #[command(name = "import-sie")]
    ImportSie(ImportSieArgs),
    Export(ExportArgs),
    Diff(DiffArgs),
    Merge(MergeArgs),
    /// The help text, whatever follows.
    Help(HelpArgs),
}

// Every command: a flag given twice counts once (the last value wins), and an option takes the
// next argument as its value even when it starts with `-`. Files are a list, so that a missing
// or extra file gets the command's own message.

#[derive(Args)]
#[command(args_override_self = true)]
pub(crate) struct NewArgs {
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) form: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) document: Option<String>,
    /// Shows the budget's columns (Budget <år>, Avvikelse, Budget <år+1>).
    #[arg(long)]
    pub(crate) budget: bool,
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) name: Option<String>,
    #[arg(long = "org-nr", allow_hyphen_values = true)]
    pub(crate) org_nr: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) year: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) start: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) end: Option<String>,
    #[arg(short = 'o', long = "output", allow_hyphen_values = true)]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Args)]
#[command(args_override_self = true)]
pub(crate) struct CheckArgs {
    #[arg(long)]
    pub(crate) json: bool,
    pub(crate) files: Vec<String>,
}

#[derive(Args)]
#[command(args_override_self = true)]
pub(crate) struct RenderArgs {
    #[arg(short = 'o', long = "output", allow_hyphen_values = true)]
    pub(crate) output: Option<PathBuf>,
    pub(crate) files: Vec<String>,
}

#[derive(Args)]
#[command(args_override_self = true)]
pub(crate) struct SampleArgs {
    #[arg(long)]
    pub(crate) large: bool,
    #[arg(long)]
    pub(crate) sie: bool,
    #[arg(short = 'o', long = "output", allow_hyphen_values = true)]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Args)]
#[command(args_override_self = true)]
pub(crate) struct ImportSieArgs {
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) form: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) into: Option<String>,
    /// `KONTO=RAD`, as often as wanted.
    #[arg(long = "move", allow_hyphen_values = true)]
    pub(crate) moves: Vec<String>,
    #[arg(long)]
    pub(crate) overwrite: bool,
    #[arg(long)]
    pub(crate) mapping: bool,
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) year: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) start: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) end: Option<String>,
    #[arg(short = 'o', long = "output", allow_hyphen_values = true)]
    pub(crate) output: Option<PathBuf>,
    pub(crate) files: Vec<String>,
}

#[derive(Args)]
#[command(args_override_self = true)]
pub(crate) struct ExportArgs {
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) author: Option<String>,
    #[arg(short = 'o', long = "output", allow_hyphen_values = true)]
    pub(crate) output: Option<PathBuf>,
    pub(crate) files: Vec<String>,
}

#[derive(Args)]
#[command(args_override_self = true)]
pub(crate) struct DiffArgs {
    pub(crate) files: Vec<String>,
}

#[derive(Args)]
#[command(args_override_self = true)]
pub(crate) struct MergeArgs {
    #[arg(long = "keep-mine")]
    pub(crate) keep_mine: bool,
    #[arg(short = 'o', long = "output", allow_hyphen_values = true)]
    pub(crate) output: Option<PathBuf>,
    pub(crate) files: Vec<String>,
}

#[derive(Args)]
pub(crate) struct HelpArgs {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    _rest: Vec<String>,
}

/// The command line (without the program's name), or the usage error as Kassören words it.
pub(crate) fn parse(raw: &[String]) -> Result<Cli, Failure> {
    let argv = std::iter::once("kassoren".to_string()).chain(raw.iter().cloned());
    Cli::try_parse_from(argv).map_err(|e| Failure(usage_error(&e, raw), 2))
}

/// Clap's usage error in Swedish, on one line.
fn usage_error(e: &clap::Error, raw: &[String]) -> String {
    let context = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join(" "),
        _ => String::new(),
    };
    match e.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "okänt kommando \"{}\" (new, check, render, sample, import-sie, diff eller merge)",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::UnknownArgument => {
            let arg = context(ContextKind::InvalidArg);
            if arg.starts_with('-') && arg.len() > 1 {
                format!("okänd flagga {arg}")
            } else {
                format!("oväntat argument \"{arg}\"")
            }
        }
        // An option's value can only be missing at the end (any next argument is its value).
        ErrorKind::InvalidValue | ErrorKind::NoEquals => {
            let flag = raw.last().map_or("flaggan", String::as_str);
            format!("{flag} behöver ett värde")
        }
        _ => {
            let english = e.to_string();
            let first = english.lines().next().unwrap_or_default();
            format!(
                "kan inte läsa kommandoraden ({})",
                first.trim_start_matches("error: ")
            )
        }
    }
}
