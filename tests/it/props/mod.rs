//! Property tests of every loader (issue 14): arbitrary bytes and mutations of
//! valid files must give a loaded file or a typed error, never a panic (an abort
//! would end the whole test binary, which fails the run just the same).
//!
//! Case counts are modest so `cargo test` stays within CI's time; `PROPTEST_CASES`
//! overrides every property's count for a long campaign (TESTING.md), and
//! `PROPTEST_RNG_SEED` replays a run. Failures are not persisted to files: a case
//! that once failed becomes a named regression test beside the fix.

mod csv;
mod gazetteer;
mod geojson;
mod header;
mod mutate;
pub mod workbook;

use std::path::Path;
use std::sync::OnceLock;

use displacement_dashboard::data::{
    DataError, Dataset, FileLoad, LoadContext, LoadOptions, Progress, load,
};
use proptest::test_runner::Config;

/// A property's configuration: `default` cases, or `PROPTEST_CASES` when set.
pub fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        failure_persistence: None,
        // Shrinking a large input is slow; a few hundred steps find a small case.
        max_shrink_iters: 512,
        ..Config::default()
    }
}

/// What loading needs from the bundled data (the gazetteer, DTM rounds), built once.
pub fn context() -> &'static LoadContext {
    static CTX: OnceLock<LoadContext> = OnceLock::new();
    CTX.get_or_init(|| Dataset::bundled().expect("bundled data").load_context())
}

/// Loads bytes as a file named `name.EXT`, as the app would (no file system).
pub fn load_bytes(extension: Option<&str>, bytes: &[u8]) -> Result<FileLoad, DataError> {
    let name = extension.map_or_else(|| "case".to_string(), |e| format!("case.{e}"));
    load::load_bytes(
        context(),
        &name,
        extension,
        bytes,
        &LoadOptions::default(),
        &Progress::none(),
    )
}

/// Checks the outcome is well formed: a loaded file's report and its messages, or an
/// error whose message can be printed and whose problems are capped.
pub fn well_formed(outcome: &Result<FileLoad, DataError>) {
    match outcome {
        Ok(load) => {
            for w in &load.report.warnings {
                let _ = w.to_string();
            }
            let _ = load.report.describe();
        }
        Err(e) => {
            let message = e.to_string();
            assert!(!message.is_empty());
            assert!(e.problems().len() <= displacement_dashboard::data::error::MAX_PROBLEMS);
        }
    }
}

/// Every made-up fixture with one of these extensions (`tests/fixtures/{good,broken}`),
/// read once: seeds for mutation.
pub fn fixtures(extensions: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["tests/fixtures/good", "tests/fixtures/broken"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(dir).expect("fixtures folder") {
            let path = entry.expect("entry").path();
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default()
                .to_ascii_lowercase();
            if extensions.contains(&ext.as_str()) {
                let name = path.file_name().expect("name").to_string_lossy().into();
                out.push((name, std::fs::read(&path).expect("fixture")));
            }
        }
    }
    out.sort();
    out
}
