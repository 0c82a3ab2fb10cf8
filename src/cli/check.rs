//! `check FILE...`: validate files and say what each one is.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use super::{CommonArgs, Failure, Output};
use crate::data::{Dataset, FileFormat, FileLoad, LoadOptions, Progress, Shape, Table, load_path};

/// Checks every file; the exit code is the worst outcome (2 open error, 1 refused).
pub fn run(common: &CommonArgs, files: &[PathBuf]) -> Result<Output, Failure> {
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
    let mut parsed = Vec::new();
    let ctx = dataset.load_context();
    for path in files {
        let name = path.display().to_string();
        match load_path(&ctx, path, &LoadOptions::default(), &Progress::none()) {
            Ok(l) => parsed.push((name, l)),
            Err(e) => {
                let failure = Failure::data(&e);
                out.code = out.code.max(failure.code);
                out.warnings.push(failure.message);
            }
        }
    }
    // Sources given together with data files count as loaded.
    let mut known: BTreeSet<String> = dataset.sources.iter().map(|s| s.id.clone()).collect();
    for (_, l) in &parsed {
        if let Table::Sources(rows) = &l.parsed.table {
            known.extend(rows.iter().map(|s| s.id.clone()));
        }
    }
    for (name, l) in &parsed {
        let _ = writeln!(out.stdout, "{}", describe(name, l));
        let p = &l.parsed;
        out.warnings
            .extend(p.warnings.iter().map(ToString::to_string));
        for id in p.table.source_ids() {
            if !known.contains(&id) && !id.starts_with("file:") {
                out.warnings.push(format!(
                    "{name}: source \"{id}\" is not in any sources table given or bundled"
                ));
            }
        }
    }
    Ok(out)
}

/// "NAME: ok, funding table with 56 rows, from an OCHA FTS export".
fn describe(name: &str, l: &FileLoad) -> String {
    let r = &l.report;
    let sheet = match &r.format {
        FileFormat::Workbook { sheet, .. } => format!(" (sheet \"{sheet}\")"),
        FileFormat::Csv { .. } => String::new(),
    };
    let from = match r.shape {
        Shape::DtmMasterList => format!(
            ", from a DTM master list of {} location rows",
            r.locations_aggregated.unwrap_or(0)
        ),
        Shape::FtsExport => ", from an OCHA FTS export".into(),
        Shape::DtmApi => ", from an IOM DTM API export".into(),
        Shape::HapiIdps => ", from an HDX HAPI IDPs file".into(),
        Shape::Idmc => ", from IDMC displacement data".into(),
        Shape::UnhcrPopstats => ", from UNHCR population statistics".into(),
        Shape::Table(_) => String::new(),
    };
    let dates = r
        .date_range
        .map(|(a, b)| format!(", {a} to {b}"))
        .unwrap_or_default();
    format!(
        "{name}{sheet}: ok, {} with {} rows{from}{dates}",
        r.kind.label(),
        r.rows
    )
}
