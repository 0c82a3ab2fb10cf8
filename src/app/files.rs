//! Loading the user's files on worker threads, and the files loaded so far.
//!
//! A load runs on a named thread with a rows-read counter and a cancel flag; its
//! result comes back through a channel that requests a repaint. Nothing changes the
//! dataset until a file has loaded whole: a refused file leaves everything as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::data::load::file_name;
use crate::data::{
    DataError, FileLoad, FileReport, LoadContext, LoadOptions, Parsed, Problem, Progress, load_path,
};

/// A file the user loaded.
#[derive(Debug, Clone)]
pub struct UserFile {
    pub path: PathBuf,
    pub report: FileReport,
    pub parsed: Parsed,
}

/// A file being loaded.
pub struct LoadJob {
    pub name: String,
    pub path: PathBuf,
    rows: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    result: Receiver<Result<FileLoad, DataError>>,
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
    Failed(LoadFailure),
    Cancelled(String),
}

/// The loading jobs in flight.
#[derive(Default)]
pub struct Loader {
    pub jobs: Vec<LoadJob>,
}

impl Loader {
    /// Starts loading `path` on a worker thread.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        load: LoadContext,
        options: LoadOptions,
    ) {
        let name = file_name(path);
        let rows = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (send, result) = channel();
        let job = LoadJob {
            name: name.clone(),
            path: path.to_path_buf(),
            rows: Arc::clone(&rows),
            cancel: Arc::clone(&cancel),
            result,
        };
        let path = path.to_path_buf();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("load {name}"))
            .spawn(move || {
                let progress = Progress::new(&rows, &cancel);
                let outcome = load_path(&load, &path, &options, &progress);
                let _ = send.send(outcome);
                repaint.request_repaint();
            });
        if spawned.is_ok() {
            self.jobs.push(job);
        }
    }

    /// True while any file is loading.
    #[must_use]
    pub fn busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// Collects the jobs that finished.
    pub fn poll(&mut self) -> Vec<Finished> {
        let mut done = Vec::new();
        self.jobs.retain(|job| match job.result.try_recv() {
            Ok(Ok(load)) => {
                done.push(Finished::Loaded(Box::new(UserFile {
                    path: job.path.clone(),
                    report: load.report,
                    parsed: load.parsed,
                })));
                false
            }
            Ok(Err(DataError::Cancelled { file })) => {
                done.push(Finished::Cancelled(file));
                false
            }
            Ok(Err(e)) => {
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
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                done.push(Finished::Failed(LoadFailure {
                    name: job.name.clone(),
                    path: job.path.clone(),
                    message: format!("{}: the loader stopped unexpectedly", job.name),
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
