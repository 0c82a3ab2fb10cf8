//! The `displacement-dashboard` binary: parse the command line, then run a command
//! or open the dashboard.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use displacement_dashboard::{app, cli};

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let result = match cli::run(&args) {
        Some(result) => result,
        None => cli::load(&args.common, &args.files).and_then(|loaded| {
            app::run(loaded.dataset, loaded.filters).map_err(|e| cli::Failure {
                code: 1,
                message: e.to_string(),
            })?;
            Ok(cli::Output::default())
        }),
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
