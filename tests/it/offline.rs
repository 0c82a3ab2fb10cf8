//! Nothing in, nothing out (issue 14): the binary opens no network socket. polars
//! links an HTTP stack it never calls; this proves it at run time by tracing every
//! network system call of `summary`, `check` and `export` (and their threads) with
//! `strace -f -e trace=network` and finding no `AF_INET` or `AF_INET6` socket.
//! `--screenshot` needs a display and is traced by hand (TESTING.md).

use std::path::Path;
use std::process::Command;

use crate::support::fixture;

/// Ok when strace can trace here (installed, and ptrace allowed); otherwise tries
/// to install it (Debian, as root) once, or says why not.
fn strace_available() -> Result<(), String> {
    let runs = || {
        Command::new("strace")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let traces = || match Command::new("strace")
        .args(["-f", "-e", "trace=network", "true"])
        .output()
    {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(format!(
            "strace cannot trace here (ptrace not permitted?): {}",
            String::from_utf8_lossy(&o.stderr).trim()
        )),
        Err(e) => Err(format!("strace cannot run: {e}")),
    };
    if runs() {
        return traces();
    }
    let installed = Command::new("apt-get")
        .args(["install", "-y", "-qq", "strace"])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .output();
    match installed {
        _ if runs() => traces(),
        Ok(o) => Err(format!(
            "strace is missing and apt-get could not install it: {}",
            String::from_utf8_lossy(&o.stderr).trim()
        )),
        Err(e) => Err(format!("strace is missing and apt-get cannot run: {e}")),
    }
}

/// Runs the binary with `args` under strace; returns the trace's lines.
fn traced(args: &[&str], trace: &Path) -> Vec<String> {
    let out = Command::new("strace")
        .args(["-f", "-e", "trace=network", "-o"])
        .arg(trace)
        .arg(env!("CARGO_BIN_EXE_displacement-dashboard"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .expect("strace runs");
    assert!(
        out.status.success(),
        "{args:?}: {:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(trace)
        .expect("the trace")
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn summary_check_and_export_open_no_network_socket() {
    if let Err(reason) = strace_available() {
        println!("skipped: {reason}");
        return;
    }
    let dir = std::env::temp_dir().join(format!(
        "displacement-dashboard-offline-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("a folder");
    let svg = dir.join("idps.svg");
    let png = dir.join("sheet.png");
    let csv = dir.join("funding.csv");
    let good = fixture("good/dtm_master_list_made_up.xlsx");
    let runs: Vec<Vec<String>> = vec![
        vec!["summary".into()],
        vec![
            "summary".into(),
            "--json".into(),
            "--data".into(),
            good.clone(),
        ],
        vec![
            "check".into(),
            good,
            fixture("good/hdx_idps_by_governorate_hxl_made_up.csv"),
        ],
        vec![
            "export".into(),
            "--chart".into(),
            "idps".into(),
            "--out".into(),
            svg.display().to_string(),
        ],
        vec![
            "export".into(),
            "--sheet".into(),
            "--out".into(),
            png.display().to_string(),
        ],
        vec![
            "export".into(),
            "--table".into(),
            "funding".into(),
            "--out".into(),
            csv.display().to_string(),
        ],
    ];
    for (i, args) in runs.iter().enumerate() {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let lines = traced(&args, &dir.join(format!("trace-{i}.txt")));
        // The trace followed the process to its end (so it saw every call).
        assert!(
            lines.iter().any(|l| l.ends_with("+++ exited with 0 +++")),
            "{args:?}: {lines:?}"
        );
        let inet: Vec<&String> = lines.iter().filter(|l| l.contains("AF_INET")).collect();
        assert!(inet.is_empty(), "{args:?} opened network sockets: {inet:?}");
    }
    assert!(svg.exists() && png.exists() && csv.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
