//! Loading the user's files on worker threads, and the files loaded so far.
//!
//! A load runs as a [`Job`] with a rows-read counter and a cancel flag. When the user
//! has remembered column mappings, the job also reads the file's header to find the
//! one that fits (never the UI thread). Nothing changes the dataset until a file has
//! loaded whole: a refused file leaves everything as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::jobs::{Job, Polled};
use crate::data::boundaries::{BoundaryLoad, Loaded, load_any};
use crate::data::load::file_name;
use crate::data::{
    DataError, FileReport, LoadContext, LoadOptions, Parsed, Problem, Progress, RememberedMappings,
};

/// A file the user loaded.
#[derive(Debug, Clone)]
pub struct UserFile {
    pub path: PathBuf,
    pub report: FileReport,
    pub parsed: Parsed,
}

/// A boundary file the user loaded (one at a time: a second replaces it).
#[derive(Debug, Clone)]
pub struct UserBoundaries {
    pub path: PathBuf,
    pub load: BoundaryLoad,
}

/// A file being loaded.
pub struct LoadJob {
    pub name: String,
    pub path: PathBuf,
    rows: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    job: Job<Result<Loaded, DataError>>,
}

impl LoadJob {
    /// Rows read so far.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.rows.load(Ordering::Relaxed)
    }

    /// Asks the worker to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Why a file was not opened, for the problems window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailure {
    pub name: String,
    pub path: PathBuf,
    /// The whole message, one problem per line.
    pub message: String,
    pub problems: Vec<Problem>,
    /// The kind of table was not recognised: the user can assign the columns.
    pub unknown_kind: bool,
    /// A master list with no date or round: the question to ask, pre-filled with
    /// the round found (if any).
    pub needs_date: Option<Option<u32>>,
}

/// What finished since the last poll.
#[derive(Debug)]
pub enum Finished {
    Loaded(Box<UserFile>),
    /// A boundary file: the map draws it instead of the bundled shapes.
    Boundaries {
        path: PathBuf,
        load: Box<BoundaryLoad>,
    },
    Failed(LoadFailure),
    Cancelled(String),
}

/// The loading jobs in flight.
#[derive(Default)]
pub struct Loader {
    pub jobs: Vec<LoadJob>,
}

impl Loader {
    /// Starts loading `path` on a worker thread. With `remembered` mappings and no
    /// mapping in `options`, the worker first reads the file's header and uses the
    /// mapping remembered for it. An error says why the worker could not start.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        load: LoadContext,
        mut options: LoadOptions,
        remembered: Option<RememberedMappings>,
    ) -> Result<(), String> {
        let name = file_name(path);
        let rows = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let worker_path = path.to_path_buf();
        let (worker_rows, worker_cancel) = (Arc::clone(&rows), Arc::clone(&cancel));
        let job = Job::spawn(ctx, "loader", move || {
            if options.mapping.is_none()
                && let Some(remembered) = remembered
                && let Some(header) = header_of(&worker_path)
            {
                options.mapping = remembered.find(&header).cloned();
            }
            let progress = Progress::new(&worker_rows, &worker_cancel);
            load_any(&load, &worker_path, &options, &progress)
        })?;
        self.jobs.push(LoadJob {
            name,
            path: path.to_path_buf(),
            rows,
            cancel,
            job,
        });
        Ok(())
    }

    /// True while any file is loading.
    #[must_use]
    pub fn busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// Collects the jobs that finished.
    pub fn poll(&mut self) -> Vec<Finished> {
        let mut done = Vec::new();
        self.jobs.retain(|job| match job.job.poll() {
            Polled::Done(Ok(Loaded::Table(load))) => {
                done.push(Finished::Loaded(Box::new(UserFile {
                    path: job.path.clone(),
                    report: load.report,
                    parsed: load.parsed,
                })));
                false
            }
            Polled::Done(Ok(Loaded::Boundaries(load))) => {
                done.push(Finished::Boundaries {
                    path: job.path.clone(),
                    load: Box::new(load),
                });
                false
            }
            Polled::Done(Err(DataError::Cancelled { file })) => {
                done.push(Finished::Cancelled(file));
                false
            }
            Polled::Done(Err(e)) => {
                done.push(Finished::Failed(LoadFailure {
                    name: job.name.clone(),
                    path: job.path.clone(),
                    message: e.to_string(),
                    problems: e.problems().to_vec(),
                    unknown_kind: matches!(e, DataError::UnknownKind { .. }),
                    needs_date: match e {
                        DataError::NeedsDate { round, .. } => Some(round),
                        _ => None,
                    },
                }));
                false
            }
            Polled::Running => true,
            Polled::Stopped(why) => {
                done.push(Finished::Failed(LoadFailure {
                    name: job.name.clone(),
                    path: job.path.clone(),
                    message: format!("{}: {why}", job.name),
                    problems: Vec::new(),
                    unknown_kind: false,
                    needs_date: None,
                }));
                false
            }
        });
        done
    }
}

/// The header a remembered mapping is keyed by: the file's first non-blank row.
fn header_of(path: &Path) -> Option<Vec<String>> {
    let preview = crate::data::preview(path, None).ok()?;
    let row = preview.rows.into_iter().find(|r| !r.is_blank())?;
    Some(
        row.cells
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect(),
    )
}
