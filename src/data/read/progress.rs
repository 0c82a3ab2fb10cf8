//! Progress and cancellation of a load running on a worker thread.
//!
//! The loader adds rows read to an `AtomicUsize` the window shows, and stops with
//! [`DataError::Cancelled`] once an `AtomicBool` is set.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::data::error::DataError;

/// Progress and cancellation shared with the thread that loads.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress<'a> {
    rows: Option<&'a AtomicUsize>,
    cancel: Option<&'a AtomicBool>,
}

impl<'a> Progress<'a> {
    /// Counts rows read into `rows`; stops when `cancel` becomes true.
    #[must_use]
    pub fn new(rows: &'a AtomicUsize, cancel: &'a AtomicBool) -> Self {
        Progress {
            rows: Some(rows),
            cancel: Some(cancel),
        }
    }

    /// No reporting, no cancelling (the command line).
    #[must_use]
    pub fn none() -> Self {
        Progress::default()
    }

    /// Adds rows read.
    pub fn add(&self, n: usize) {
        if let Some(r) = self.rows {
            r.fetch_add(n, Ordering::Relaxed);
        }
    }

    /// Rows read so far.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.rows.map_or(0, |r| r.load(Ordering::Relaxed))
    }

    /// Sets the count (when a pass starts over).
    pub fn set(&self, n: usize) {
        if let Some(r) = self.rows {
            r.store(n, Ordering::Relaxed);
        }
    }

    /// `Err(Cancelled)` once cancellation was asked for.
    pub fn check(&self, file: &str) -> Result<(), DataError> {
        if self.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            Err(DataError::Cancelled { file: file.into() })
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_cancels_between_rows() {
        let rows = AtomicUsize::new(0);
        let cancel = AtomicBool::new(false);
        let p = Progress::new(&rows, &cancel);
        p.add(3);
        assert_eq!(p.rows(), 3);
        assert!(p.check("f").is_ok());
        cancel.store(true, Ordering::Relaxed);
        assert!(matches!(p.check("f"), Err(DataError::Cancelled { .. })));
        assert!(Progress::none().check("f").is_ok());
    }
}
