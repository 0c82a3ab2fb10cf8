//! The command line (DESIGN §3): arguments are parsed once into validated options,
//! then one function per subcommand does its work and returns an exit code.
//!
//! Exit codes: 0 every file accepted; 1 a file was read but refused; 2 usage (an
//! unknown option or governorate, `--from` after `--to`, a path that cannot be opened,
//! an unwritable `--out`).

mod check;
#[cfg(test)]
mod check_boundaries_tests;
mod export;
mod summary;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::data::rounds::FileTime;
use crate::data::{DataError, Dataset, LoadOptions, Warning};
use crate::query::Filters;
use crate::query::filters::year_bounds;

/// Offline dashboard of displacement and aid in Iraq.
#[derive(Debug, Parser)]
#[command(
    name = "displacement-dashboard",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files to open in the dashboard beside the bundled data.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Open the dashboard, save the window as a PNG at PATH, and exit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl Cli {
    /// True when any filter was given on the command line (it overrides saved ones).
    #[must_use]
    pub fn has_filters(&self) -> bool {
        !self.common.governorates.is_empty()
            || self.common.from.is_some()
            || self.common.to.is_some()
    }
}

/// Checks that a PNG can be written at `path` (its folder exists); a usage error if not.
pub fn check_output_path(path: &std::path::Path) -> Result<(), Failure> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    if folder.is_dir() {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "cannot write {}: the folder {} does not exist",
            path.display(),
            folder.display()
        )))
    }
}

/// The options every command shares.
#[derive(Debug, Clone, Default, Args)]
pub struct CommonArgs {
    /// Load this file (kind detected from its columns); repeatable.
    #[arg(long = "data", value_name = "FILE", global = true)]
    pub data: Vec<PathBuf>,
    /// Do not load the bundled Iraq data.
    #[arg(long, global = true)]
    pub no_bundled: bool,
    /// Filter to this governorate (any spelling, ISO code or P-code); repeatable.
    #[arg(long = "governorate", value_name = "NAME_OR_PCODE", global = true)]
    pub governorates: Vec<String>,
    /// First year of the range.
    #[arg(long, value_name = "YEAR", global = true)]
    pub from: Option<i32>,
    /// Last year of the range.
    #[arg(long, value_name = "YEAR", global = true)]
    pub to: Option<i32>,
    /// The DTM round of the next file given (a master list with no date or round of
    /// its own): `check --file-round 123 FILE`.
    #[arg(long = "file-round", value_name = "N", global = true)]
    pub file_round: Vec<u32>,
    /// The date of the next file given: `summary --file-date 2019-04-30 --data FILE`.
    #[arg(long = "file-date", value_name = "YYYY-MM-DD", global = true)]
    pub file_date: Vec<String>,
    /// Each file's `--file-round` / `--file-date`, bound by their place on the line.
    #[arg(skip)]
    pub file_times: BTreeMap<PathBuf, FileTime>,
}

impl CommonArgs {
    /// The load options of one file (its `--file-round` / `--file-date`).
    #[must_use]
    pub fn options_for(&self, path: &std::path::Path) -> LoadOptions {
        LoadOptions {
            time: self.file_times.get(path).copied().unwrap_or_default(),
            ..LoadOptions::default()
        }
    }
}

/// Options that take a value (the value is never a file of `check`).
const VALUE_OPTIONS: &[&str] = &[
    "--data",
    "--governorate",
    "--from",
    "--to",
    "--out",
    "--chart",
    "--table",
    "--width",
    "--height",
    "--scale",
    "--screenshot",
    "--file-round",
    "--file-date",
];

/// Parses the command line: clap, then each `--file-round` / `--file-date` bound to
/// the file that follows it (a `--data` value or a `check` file).
pub fn parse_args(args: &[std::ffi::OsString]) -> Result<Cli, Failure> {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                std::process::exit(0);
            }
            return Err(Failure::usage(
                e.render()
                    .to_string()
                    .trim_start_matches("error: ")
                    .trim()
                    .to_string(),
            ));
        }
    };
    bind_file_times(cli, args)
}

fn bind_file_times(mut cli: Cli, args: &[std::ffi::OsString]) -> Result<Cli, Failure> {
    let args: Vec<String> = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut pending = FileTime::default();
    let mut pending_text = String::new();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let (option, inline) = match arg.split_once('=') {
            Some((o, v)) if o.starts_with("--") => (o, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let value = |i: &mut usize| -> Option<String> {
            inline.clone().or_else(|| {
                *i += 1;
                args.get(*i).cloned()
            })
        };
        match option {
            "--file-round" => {
                let v = value(&mut i).unwrap_or_default();
                pending.round = v.parse().ok();
                pending_text = format!("--file-round {v}");
            }
            "--file-date" => {
                let v = value(&mut i).unwrap_or_default();
                let date = chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| {
                    Failure::usage(format!("--file-date {v}: expected a date as YYYY-MM-DD"))
                })?;
                pending.date = Some(date);
                pending_text = format!("--file-date {v}");
            }
            "--data" => {
                if let Some(v) = value(&mut i) {
                    bind(&mut cli, &mut pending, PathBuf::from(v));
                }
            }
            o if VALUE_OPTIONS.contains(&o) && inline.is_none() => i += 1,
            o if VALUE_OPTIONS.contains(&o) => {}
            o if o.starts_with('-') => {}
            _ if matches!(cli.command, Some(Command::Check { .. })) && arg != "check" => {
                bind(&mut cli, &mut pending, PathBuf::from(arg));
            }
            _ => {}
        }
        i += 1;
    }
    if !pending.is_empty() {
        return Err(Failure::usage(format!(
            "{pending_text} must come before the file it applies to (e.g. check {pending_text} FILE, or {pending_text} --data FILE)"
        )));
    }
    Ok(cli)
}

fn bind(cli: &mut Cli, pending: &mut FileTime, path: PathBuf) {
    if !pending.is_empty() {
        cli.common.file_times.insert(path, *pending);
        *pending = FileTime::default();
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the headline figures for the filters.
    Summary {
        /// Print one JSON object instead of text.
        #[arg(long, conflicts_with_all = ["text", "markdown"])]
        json: bool,
        /// Print the briefing paragraph: plain sentences with their citations and notes.
        #[arg(long, conflicts_with = "markdown")]
        text: bool,
        /// Print the briefing paragraph in Markdown, the citations as a numbered list.
        #[arg(long)]
        markdown: bool,
    },
    /// Validate files: exit 0 if every file is accepted, 1 if one is refused.
    Check {
        /// The files to check.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Print one JSON object, `{"files": [REPORT, ...]}`, instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Export a chart (SVG or PNG), its numbers (CSV) or the briefing sheet.
    Export(export::ExportArgs),
}

/// A command's failure: the message for stderr and the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// A usage problem (exit 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }

    /// A data error: 2 when the path cannot be opened, 1 when the file was refused.
    #[must_use]
    pub fn data(error: &DataError) -> Failure {
        let hint = match error {
            DataError::NeedsDate { round: Some(_), .. } => {
                " (give --file-date YYYY-MM-DD before the file)".to_string()
            }
            DataError::NeedsDate { round: None, .. } => {
                " (give --file-round N or --file-date YYYY-MM-DD before the file)".to_string()
            }
            _ => String::new(),
        };
        Failure {
            code: if error.is_open_error() { 2 } else { 1 },
            message: format!("{error}{hint}"),
        }
    }
}

/// What a command produced: text for stdout, warnings for stderr.
#[derive(Debug, Default)]
pub struct Output {
    pub stdout: String,
    pub warnings: Vec<String>,
    pub code: u8,
}

/// The loaded data and validated filters of the common options.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub filters: Filters,
}

/// Loads the bundled data and `--data` files, then resolves the filters.
pub fn load(common: &CommonArgs, extra_files: &[PathBuf]) -> Result<Loaded, Failure> {
    let base = if common.no_bundled {
        Dataset::empty()
    } else {
        Dataset::bundled()
    };
    let mut dataset = base.map_err(|e| Failure {
        code: 1,
        message: format!("the bundled data failed its checks: {e}"),
    })?;
    for path in common.data.iter().chain(extra_files) {
        let options = common.options_for(path);
        let loaded = crate::data::boundaries::load_any(
            &dataset.load_context(),
            path,
            &options,
            &crate::data::Progress::none(),
        )
        .map_err(|e| Failure::data(&e))?;
        dataset.add_loaded(&path.display().to_string(), loaded);
    }
    let filters = resolve_filters(&dataset, common)?;
    Ok(Loaded { dataset, filters })
}

/// Turns the filter options into [`Filters`], or a usage error.
pub fn resolve_filters(dataset: &Dataset, common: &CommonArgs) -> Result<Filters, Failure> {
    let (lo, hi) = year_bounds(dataset);
    let from = common.from.unwrap_or(lo);
    let to = common.to.unwrap_or(hi);
    if from > to {
        return Err(Failure::usage(format!(
            "--from {from} is after --to {to}; give the earlier year first"
        )));
    }
    let mut filters = Filters {
        governorates: None,
        from,
        to,
    };
    if !common.governorates.is_empty() {
        let mut selected = BTreeSet::new();
        for name in &common.governorates {
            if let Some(region) = crate::data::Gazetteer::region(name) {
                selected.extend(dataset.gazetteer.in_region(region));
                continue;
            }
            let resolved = dataset
                .gazetteer
                .resolve(name)
                .map_err(|e| Failure::usage(e.to_string()))?;
            selected.insert(resolved.pcode);
        }
        filters = filters.with_governorates(selected, dataset.gazetteer.governorates().len());
    }
    Ok(filters)
}

/// Warnings of the gazetteer for the `--governorate` values (e.g. Halabja).
fn filter_warnings(dataset: &Dataset, common: &CommonArgs) -> Vec<String> {
    common
        .governorates
        .iter()
        .filter(|g| crate::data::Gazetteer::region(g).is_none())
        .filter_map(|g| dataset.gazetteer.resolve(g).ok()?.warning)
        .collect()
}

fn warning_lines(warnings: &[Warning]) -> Vec<String> {
    warnings.iter().map(ToString::to_string).collect()
}

/// Runs a non-GUI command. `None` means the GUI should open.
#[must_use]
pub fn run(cli: &Cli) -> Option<Result<Output, Failure>> {
    match &cli.command {
        None => None,
        Some(Command::Summary {
            json,
            text,
            markdown,
        }) => Some(load(&cli.common, &[]).map(|loaded| {
            let form = match (*json, *text, *markdown) {
                (true, _, _) => summary::Form::Json,
                (_, true, _) => summary::Form::Briefing,
                (_, _, true) => summary::Form::BriefingMarkdown,
                _ => summary::Form::Cards,
            };
            let mut out = summary::run(&loaded, form);
            out.warnings = filter_warnings(&loaded.dataset, &cli.common);
            out.warnings.extend(warning_lines(&loaded.dataset.warnings));
            out
        })),
        Some(Command::Check { files, json }) => Some(check::run(&cli.common, files, *json)),
        Some(Command::Export(args)) => Some(export::run(&cli.common, args)),
    }
}
