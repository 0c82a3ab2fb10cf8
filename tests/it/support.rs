//! Running the binary and reading its output.

use std::path::PathBuf;
use std::process::Command;

/// What a run printed and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `displacement-dashboard ARGS`.
pub fn run(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_displacement-dashboard"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

/// Runs `summary --json ARGS` and parses the object.
pub fn summary_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["summary", "--json"];
    all.extend_from_slice(args);
    let r = run(&all);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    serde_json::from_str(&r.stdout).expect("summary --json prints JSON")
}

/// A path under `tests/fixtures/`.
pub fn fixture(name: &str) -> String {
    PathBuf::from("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}
