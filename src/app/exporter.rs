//! Exports run on worker threads: the window never freezes while a chart renders.
//! Each job reports back through a channel that requests a repaint.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use chrono::NaiveDate;

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
    jobs: Vec<Receiver<ExportOutcome>>,
}

impl Exporter {
    /// True while an export is running.
    #[must_use]
    pub fn busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// Writes `request`, drawn from the dashboard on screen (shared, not copied), on
    /// a worker thread. The default folder is created if missing.
    pub fn write(
        &mut self,
        ctx: &egui::Context,
        request: ExportRequest,
        dash: Arc<Dashboard>,
        today: NaiveDate,
    ) {
        self.spawn(ctx, "export", move || {
            if let Some(folder) = request.path.parent()
                && folder == default_folder()
            {
                let _ = std::fs::create_dir_all(folder);
            }
            match export::run(&request, &dash, today) {
                Ok(path) => ExportOutcome::Written(path),
                Err(e) => ExportOutcome::Failed(e.to_string()),
            }
        });
    }

    /// Renders a chart (or the sheet) at 2× for the clipboard on a worker thread.
    pub fn copy_image(
        &mut self,
        ctx: &egui::Context,
        what: What,
        dash: Arc<Dashboard>,
        today: NaiveDate,
    ) {
        self.spawn(ctx, "copy image", move || {
            match export::render_image(what, PictureSize::default(), 2, &dash, today) {
                Ok(image) => ExportOutcome::Image(egui::ColorImage::from_rgba_unmultiplied(
                    [image.width as usize, image.height as usize],
                    &image.rgba,
                )),
                Err(e) => ExportOutcome::Failed(e.to_string()),
            }
        });
    }

    fn spawn(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> ExportOutcome + Send + 'static,
    ) {
        let (send, receive) = channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let _ = send.send(work());
                repaint.request_repaint();
            });
        if spawned.is_ok() {
            self.jobs.push(receive);
        }
    }

    /// Collects the finished jobs.
    pub fn poll(&mut self) -> Vec<ExportOutcome> {
        let mut done = Vec::new();
        self.jobs.retain(|job| match job.try_recv() {
            Ok(outcome) => {
                done.push(outcome);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                done.push(ExportOutcome::Failed(
                    "the export stopped unexpectedly".into(),
                ));
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
