//! The `displacement-dashboard` binary: parse the command line, then run a command
//! or open the dashboard.

use std::io::Write as _;
use std::process::ExitCode;

use displacement_dashboard::{app, cli};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = match cli::parse_args(&std::env::args_os().collect::<Vec<_>>()) {
        Ok(args) => args,
        Err(failure) => {
            for line in failure.message.lines() {
                eprintln!("displacement-dashboard: {line}");
            }
            return ExitCode::from(failure.code);
        }
    };
    let result = match cli::run(&args) {
        Some(result) => result,
        None => open_window(&args, started),
    };
    match result {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(output.stdout.as_bytes());
            for line in output.warnings.iter().flat_map(|w| w.lines()) {
                eprintln!("displacement-dashboard: {line}");
            }
            ExitCode::from(output.code)
        }
        Err(failure) => {
            for line in failure.message.lines() {
                eprintln!("displacement-dashboard: {line}");
            }
            ExitCode::from(failure.code)
        }
    }
}

/// Opens the dashboard (or takes its screenshot) on the loaded data.
fn open_window(args: &cli::Cli, started: std::time::Instant) -> Result<cli::Output, cli::Failure> {
    if let Some(path) = &args.screenshot {
        cli::check_output_path(path)?;
    }
    // Files load in the window, on worker threads: a broken one shows its problems there.
    let mut files: Vec<std::path::PathBuf> = args.common.data.clone();
    files.extend(args.files.iter().cloned());
    let bundled_only = cli::CommonArgs {
        data: Vec::new(),
        ..args.common.clone()
    };
    let loaded = cli::load(&bundled_only, &[])?;
    let options = app::RunOptions {
        screenshot: args.screenshot.clone(),
        filters_from_command_line: args.has_filters(),
        started: Some(started),
        files,
    };
    app::run(loaded.dataset, loaded.filters, options).map_err(|e| cli::Failure {
        code: 1,
        message: e.to_string(),
    })?;
    Ok(cli::Output::default())
}
