//! `check FILE...`: validate files and say what each one became, as text or as
//! `check --json`'s `{"files": [REPORT, ...]}` (DESIGN §3; the field names never change).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;

use super::{CommonArgs, Failure, Output};
use crate::data::LeftOut;
use crate::data::boundaries::{BoundaryCounts, BoundaryLoad, Loaded, load_any};
use crate::data::report::{DateTotal, FundingYearTotal};
use crate::data::{DataError, Dataset, FileFormat, FileLoad, Progress, Table};

/// Checks every file; the exit code is the worst outcome (2 open error, 1 refused).
pub fn run(common: &CommonArgs, files: &[PathBuf], json: bool) -> Result<Output, Failure> {
    let base = if common.no_bundled {
        Dataset::empty()
    } else {
        Dataset::bundled()
    };
    let dataset = base.map_err(|e| Failure {
        code: 1,
        message: format!("the bundled data failed its checks: {e}"),
    })?;
    let mut out = Output::default();
    let ctx = dataset.load_context();
    let results: Vec<(String, Result<Loaded, DataError>)> = files
        .iter()
        .map(|path| {
            let options = common.options_for(path);
            let loaded = load_any(&ctx, path, &options, &Progress::none());
            (path.display().to_string(), loaded)
        })
        .collect();
    // Sources given together with data files count as loaded.
    let mut known: BTreeSet<String> = dataset.sources.iter().map(|s| s.id.clone()).collect();
    for (_, l) in &results {
        if let Ok(Loaded::Table(l)) = l
            && let Table::Sources(rows) = &l.parsed.table
        {
            known.extend(rows.iter().map(|s| s.id.clone()));
        }
    }
    let mut reports = Vec::new();
    for (name, result) in &results {
        match result {
            Ok(Loaded::Boundaries(b)) => {
                let warnings: Vec<String> = b
                    .boundaries
                    .warnings
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                if json {
                    reports.push(Report::boundaries(name, b, &warnings));
                } else {
                    let _ = writeln!(out.stdout, "{name}: {}", b.counts.describe());
                }
                out.warnings.extend(warnings);
            }
            Ok(Loaded::Table(l)) => {
                let mut warnings: Vec<String> =
                    l.report.warnings.iter().map(ToString::to_string).collect();
                for id in l.parsed.table.source_ids() {
                    if !known.contains(&id) && !id.starts_with("file:") {
                        warnings.push(format!(
                            "{name}: source \"{id}\" is not in any sources table given or bundled"
                        ));
                    }
                }
                if json {
                    reports.push(Report::accepted(name, l, &warnings));
                } else {
                    let sheet = match &l.report.format {
                        FileFormat::Workbook { sheet, .. } => format!(" (sheet \"{sheet}\")"),
                        FileFormat::Csv { .. } => String::new(),
                    };
                    let _ = writeln!(out.stdout, "{name}{sheet}: {}", l.report.describe());
                }
                out.warnings.extend(warnings);
            }
            Err(e) => {
                let failure = Failure::data(e);
                out.code = out.code.max(failure.code);
                if json {
                    reports.push(Report::refused(name, e, &failure.message));
                }
                out.warnings.push(failure.message);
            }
        }
    }
    if json {
        out.stdout =
            serde_json::to_string_pretty(&Files { files: reports }).map_err(|e| Failure {
                code: 1,
                message: format!("cannot write the report as JSON: {e}"),
            })?;
        out.stdout.push('\n');
    }
    Ok(out)
}

#[derive(Serialize)]
struct Files<'a> {
    files: Vec<Report<'a>>,
}

/// One file's report (`check --json`).
#[derive(Serialize)]
struct Report<'a> {
    path: &'a str,
    ok: bool,
    kind: Option<&'static str>,
    tables: Vec<&'static str>,
    format: Option<&'static str>,
    encoding: Option<&'static str>,
    sheet: Option<&'a str>,
    country: Option<&'a str>,
    rows_read: usize,
    rows_kept: usize,
    rows: usize,
    left_out: &'a [LeftOut],
    totals: &'a [DateTotal],
    funding_years: &'a [FundingYearTotal],
    dating: Option<&'a str>,
    fts_as_of: Option<String>,
    description: Option<String>,
    warnings: Vec<String>,
    errors: Vec<ErrorEntry>,
    /// Boundary files only: `features`, `matched`, `unmatched`.
    #[serde(flatten)]
    boundaries: Option<&'a BoundaryCounts>,
}

/// One problem of a refused file; `row` and `column` are null for a file-level one.
#[derive(Serialize)]
struct ErrorEntry {
    row: Option<usize>,
    column: Option<String>,
    expected: Option<String>,
    found: Option<String>,
    message: String,
}

impl<'a> Report<'a> {
    fn accepted(path: &'a str, l: &'a FileLoad, warnings: &[String]) -> Report<'a> {
        let r = &l.report;
        Report {
            path,
            ok: true,
            kind: Some(r.kind.token()),
            tables: r.tables.iter().map(|k| k.token()).collect(),
            format: Some(r.read_as.as_str()),
            encoding: r.encoding.map(crate::data::csv::Encoding::label),
            sheet: match &r.format {
                FileFormat::Workbook { sheet, .. } => Some(sheet),
                FileFormat::Csv { .. } => None,
            },
            country: r.country.as_deref(),
            rows_read: r.rows_read,
            rows_kept: r.rows_kept,
            rows: r.rows,
            left_out: &r.left_out,
            totals: &r.totals,
            funding_years: &r.funding_years,
            dating: r.dating.as_deref(),
            fts_as_of: r.as_of.map(|(d, _)| d.to_string()),
            description: Some(r.describe()),
            warnings: warnings.to_vec(),
            errors: Vec::new(),
            boundaries: None,
        }
    }

    fn boundaries(path: &'a str, b: &'a BoundaryLoad, warnings: &[String]) -> Report<'a> {
        Report {
            path,
            ok: true,
            kind: Some("boundaries"),
            tables: Vec::new(),
            format: Some("geojson"),
            encoding: Some("utf-8"),
            sheet: None,
            country: Some("IRQ"),
            rows_read: b.counts.features,
            rows_kept: b.counts.matched,
            rows: b.boundaries.shapes.len(),
            left_out: &[],
            totals: &[],
            funding_years: &[],
            dating: None,
            fts_as_of: None,
            description: Some(b.counts.describe()),
            warnings: warnings.to_vec(),
            errors: Vec::new(),
            boundaries: Some(&b.counts),
        }
    }

    fn refused(path: &'a str, e: &DataError, message: &str) -> Report<'a> {
        let problems = e.problems();
        let errors = if problems.is_empty() {
            vec![ErrorEntry {
                row: None,
                column: None,
                expected: None,
                found: None,
                message: message.to_string(),
            }]
        } else {
            problems
                .iter()
                .map(|p| ErrorEntry {
                    row: Some(p.row),
                    column: Some(p.column.clone()),
                    expected: Some(p.expected.clone()),
                    found: Some(p.found.clone()),
                    message: p.to_string(),
                })
                .collect()
        };
        Report {
            path,
            ok: false,
            kind: None,
            tables: Vec::new(),
            format: None,
            encoding: None,
            sheet: None,
            country: None,
            rows_read: 0,
            rows_kept: 0,
            rows: 0,
            left_out: &[],
            totals: &[],
            funding_years: &[],
            dating: None,
            fts_as_of: None,
            description: None,
            warnings: Vec::new(),
            errors,
            boundaries: None,
        }
    }
}
