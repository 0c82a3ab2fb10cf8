//! The eframe entry: [`run`] opens the window (or, with `--screenshot`, draws,
//! captures and closes it), and `eframe::App` for [`DashboardApp`]: a frame draws
//! the dashboard; settings are saved except in screenshot mode.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use eframe::egui;

use super::DashboardApp;
use super::screenshot::Screenshot;
use super::settings::{self, STORAGE_KEY, Settings};
use crate::data::Dataset;
use crate::domain::Filters;
use crate::query::filters::year_bounds;
use crate::ui;

impl eframe::App for DashboardApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.dashboard_ui(ui);
        if let Some(started) = self.started.take()
            && std::env::var_os("DISPLACEMENT_DASHBOARD_TIMING").is_some()
        {
            eprintln!(
                "displacement-dashboard: first frame drawn {} ms after start",
                started.elapsed().as_millis()
            );
        }
        let busy = self.is_loading();
        if let Some(shot) = &mut self.screenshot {
            shot.frame(ui.ctx(), busy);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            self.settings.record_filters(&self.filters);
            eframe::set_value(storage, STORAGE_KEY, &self.settings);
        }
    }

    fn persist_egui_memory(&self) -> bool {
        self.screenshot.is_none()
    }
}

/// How the window is opened.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// `--screenshot PATH`: capture and exit, without reading or writing settings.
    pub screenshot: Option<PathBuf>,
    /// Filters were given on the command line: they override saved ones.
    pub filters_from_command_line: bool,
    /// When the process started, for the first-frame timing.
    pub started: Option<Instant>,
    /// Files to load once the window is open (`FILE...` and `--data`).
    pub files: Vec<PathBuf>,
}

/// Why the window could not run or the screenshot failed.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot open the window (it needs OpenGL 2 or later and a display): {0}")]
    Window(String),
    #[error("--screenshot: {0}")]
    Screenshot(String),
}

/// Opens the window and runs until it is closed.
pub fn run(dataset: Dataset, filters: Filters, options: RunOptions) -> Result<(), RunError> {
    let screenshot_mode = options.screenshot.is_some();
    let outcome = Arc::new(Mutex::new(None));
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("displacement-dashboard: Iraq")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([900.0, 600.0]),
        persist_window: !screenshot_mode,
        ..Default::default()
    };
    let app_outcome = Arc::clone(&outcome);
    eframe::run_native(
        settings::APP_NAME,
        native,
        Box::new(move |cc| {
            ui::theme::install(&cc.egui_ctx);
            let (settings, settings_notice) = if screenshot_mode {
                (Settings::default(), None)
            } else {
                settings::load(cc.storage, settings::settings_file().as_deref())
            };
            if let Some(notice) = &settings_notice {
                eprintln!("displacement-dashboard: {notice}");
            }
            let mut filters = filters;
            if !screenshot_mode && !options.filters_from_command_line {
                let bounds = year_bounds(&dataset);
                let all = dataset.gazetteer.governorates().len();
                settings.apply_filters(&mut filters, bounds, all);
            }
            cc.egui_ctx.set_theme(settings.theme.preference());
            let mut app = DashboardApp::new(dataset, filters, settings);
            app.started = options.started;
            app.notice = settings_notice;
            app.load_on_start(options.files);
            app.screenshot = options
                .screenshot
                .map(|path| Screenshot::new(path, app_outcome));
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| RunError::Window(e.to_string()))?;
    if screenshot_mode {
        let result = outcome.lock().ok().and_then(|mut o| o.take());
        match result {
            Some(Ok(())) => Ok(()),
            Some(Err(e)) => Err(RunError::Screenshot(e)),
            None => Err(RunError::Screenshot(
                "the window closed before it was captured".into(),
            )),
        }
    } else {
        Ok(())
    }
}
