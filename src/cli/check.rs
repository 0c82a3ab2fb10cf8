//! `check FILE...`: validate files and say what each one is.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use super::{CommonArgs, Failure, Output};
use crate::data::{Dataset, Table};

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
    for path in files {
        let name = path.display().to_string();
        match dataset.read_file(path) {
            Ok(p) => parsed.push((name, p)),
            Err(e) => {
                let failure = Failure::data(&e);
                out.code = out.code.max(failure.code);
                out.warnings.push(failure.message);
            }
        }
    }
    // Sources given together with data files count as loaded.
    let mut known: BTreeSet<String> = dataset.sources.iter().map(|s| s.id.clone()).collect();
    for (_, p) in &parsed {
        if let Table::Sources(rows) = &p.table {
            known.extend(rows.iter().map(|s| s.id.clone()));
        }
    }
    for (name, p) in &parsed {
        let _ = writeln!(
            out.stdout,
            "{name}: ok, {} with {} rows",
            p.table.kind().label(),
            p.table.len()
        );
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
