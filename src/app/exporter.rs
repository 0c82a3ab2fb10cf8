//! Exports run as [`Job`]s: the window never freezes while a chart renders. Each
//! draws the dashboard on screen, shared (`Arc`), never a copy of the data.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use super::jobs::{Job, Polled};
use crate::export::{self, ExportRequest, PictureSize, What};
use crate::model::Dashboard;

/// What a finished job produced.
#[derive(Debug)]
pub enum ExportOutcome {
    /// The file was written.
    Written(PathBuf),
    /// A picture for the clipboard.
    Image(egui::ColorImage),
    Failed(String),
}

/// The export jobs in flight.
#[derive(Default)]
pub struct Exporter {
    jobs: Vec<Job<ExportOutcome>>,
}

impl Exporter {
    /// True while an export is running.
    #[must_use]
    pub fn busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// Writes `request`, drawn from the dashboard on screen (shared, not copied), on
    /// a worker thread. The default folder is created if missing; a folder that
    /// cannot be created fails the export with the reason.
    pub fn write(
        &mut self,
        ctx: &egui::Context,
        request: ExportRequest,
        dash: Arc<Dashboard>,
        today: NaiveDate,
    ) -> Result<(), String> {
        self.spawn(ctx, "export", move || {
            if let Some(folder) = request.path.parent()
                && folder == default_folder()
                && let Err(e) = std::fs::create_dir_all(folder)
            {
                return ExportOutcome::Failed(format!(
                    "cannot create the folder {}: {e}",
                    folder.display()
                ));
            }
            match export::run(&request, &dash, today) {
                Ok(path) => ExportOutcome::Written(path),
                Err(e) => ExportOutcome::Failed(e.to_string()),
            }
        })
    }

    /// Renders a chart (or the sheet) at 2× for the clipboard on a worker thread.
    pub fn copy_image(
        &mut self,
        ctx: &egui::Context,
        what: What,
        dash: Arc<Dashboard>,
        today: NaiveDate,
    ) -> Result<(), String> {
        self.spawn(ctx, "copy image", move || {
            match export::render_image(what, PictureSize::default(), 2, &dash, today) {
                Ok(image) => ExportOutcome::Image(egui::ColorImage::from_rgba_unmultiplied(
                    [image.width as usize, image.height as usize],
                    &image.rgba,
                )),
                Err(e) => ExportOutcome::Failed(e.to_string()),
            }
        })
    }

    fn spawn(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> ExportOutcome + Send + 'static,
    ) -> Result<(), String> {
        self.jobs.push(Job::spawn(ctx, name, work)?);
        Ok(())
    }

    /// Collects the finished jobs.
    pub fn poll(&mut self) -> Vec<ExportOutcome> {
        let mut done = Vec::new();
        self.jobs.retain(|job| match job.poll() {
            Polled::Running => true,
            Polled::Done(outcome) => {
                done.push(outcome);
                false
            }
            Polled::Stopped(why) => {
                done.push(ExportOutcome::Failed(why));
                false
            }
        });
        done
    }
}

/// `~/Documents/displacement-dashboard`, where exports go by default.
#[must_use]
pub fn default_folder() -> PathBuf {
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    home.join("Documents").join("displacement-dashboard")
}
