//! The application: the eframe window, its state, and the cached dashboard.
//!
//! Panels draw from a [`Dashboard`] computed once per change of data, filters or
//! view choices ([`crate::query::dashboard`]); they change the filters (or their own
//! state) in place, and the app recomputes the dashboard after the frame if anything
//! it depends on changed.

mod command;
pub mod exporter;
pub mod files;
mod jobs;
pub mod layout;
pub mod screenshot;
pub mod settings;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use eframe::egui;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};

use crate::data::Dataset;
use crate::export::What;
use crate::model::Dashboard;
use crate::model::PanelId;
use crate::query::filters::year_bounds;
use crate::query::{Choices, Filters};
use crate::ui;
use crate::ui::command::Command;
use crate::ui::export_dialog::ExportDialog;
use crate::ui::filter_panel::FilterPanel;
use crate::ui::panels::{Panel, PanelCx, Panels};
use crate::ui::plot::PlotOptions;
pub use command::FilePickers;
use exporter::Exporter;
use files::{LoadFailure, Loader, UserFile};
use screenshot::Screenshot;
use settings::{STORAGE_KEY, Settings, ThemeChoice};

/// Ctrl+R: reset every filter.
const RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::R);
/// Ctrl+E: export the chart last worked with.
const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
/// F11: presentation mode.
const PRESENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F11);
/// Ctrl+O: open a file.
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// How many recently opened paths are remembered.
const RECENT_FILES: usize = 10;
/// The filter panel's width when first opened (it can be resized).
const FILTER_PANEL_WIDTH: f32 = 240.0;

/// What a dashboard was computed for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DashboardKey {
    /// Bumped whenever the dataset changes.
    generation: u64,
    filters: Filters,
    choices: Choices,
}

/// The dashboard window's state.
pub struct DashboardApp {
    dataset: Dataset,
    generation: u64,
    filters: Filters,
    settings: Settings,
    /// What the dashboard was computed for, and the dashboard.
    key: DashboardKey,
    dashboard: Arc<Dashboard>,
    /// The view choices (persisted in `settings`; part of the dashboard's key).
    choices: Choices,
    filter_panel: FilterPanel,
    /// Every panel of the dashboard, in reading order.
    panels: Panels,
    screenshot: Option<Screenshot>,
    started: Option<Instant>,
    loader: Loader,
    user_files: Vec<UserFile>,
    bundled_on: bool,
    failure: Option<LoadFailure>,
    /// The round-or-date question of an undated master list.
    date_question: ui::date_question::DateQuestion,
    data_window: bool,
    open_dialog: ui::open_dialog::OpenDialog,
    notice: Option<String>,
    /// Paths to start loading on the first frame (command-line files).
    pending: Vec<PathBuf>,
    exporter: Exporter,
    export_dialog: ExportDialog,
    /// What the export dialog is for.
    export_what: Option<What>,
    /// The panel last worked with (Ctrl+E exports it).
    focused_panel: PanelId,
    /// Presentation mode (F11): no controls, print styling, larger titles.
    presenting: bool,
    mapping_dialog: ui::mapping_dialog::MappingDialog,
    /// The file the mapping dialog is for.
    mapping_path: Option<PathBuf>,
    /// What the layout carries from frame to frame.
    layout: layout::Memory,
    /// What the panels and windows asked for this frame (applied after it).
    commands: Vec<Command>,
    /// The system file dialog running for "Browse…", if any.
    browsing: Option<command::Browsing>,
    /// What "Browse…" runs.
    pickers: FilePickers,
}

impl DashboardApp {
    /// A dashboard on this data, with these filters and settings.
    #[must_use]
    pub fn new(dataset: Dataset, filters: Filters, settings: Settings) -> DashboardApp {
        let choices = settings.choices();
        let key = DashboardKey {
            generation: 0,
            filters: filters.clone(),
            choices,
        };
        let dashboard = Arc::new(crate::query::dashboard(
            &dataset,
            &key.filters,
            &key.choices,
        ));
        DashboardApp {
            dataset,
            generation: 0,
            filters,
            settings,
            key,
            dashboard,
            choices,
            filter_panel: FilterPanel::default(),
            panels: Panels::default(),
            screenshot: None,
            started: None,
            loader: Loader::default(),
            user_files: Vec::new(),
            bundled_on: true,
            failure: None,
            date_question: ui::date_question::DateQuestion::default(),
            data_window: false,
            open_dialog: ui::open_dialog::OpenDialog::default(),
            notice: None,
            pending: Vec::new(),
            exporter: Exporter::default(),
            export_dialog: ExportDialog::default(),
            export_what: None,
            focused_panel: PanelId::Idps,
            presenting: false,
            mapping_dialog: ui::mapping_dialog::MappingDialog::default(),
            mapping_path: None,
            layout: layout::Memory::default(),
            commands: Vec::new(),
            browsing: None,
            pickers: FilePickers::default(),
        }
    }

    /// Replaces the system file dialogs "Browse…" runs (tests; machines without one).
    pub fn set_file_pickers(&mut self, pickers: FilePickers) {
        self.pickers = pickers;
    }

    /// True in presentation mode.
    #[must_use]
    pub fn presenting(&self) -> bool {
        self.presenting
    }

    /// The last message of the status bar (what was opened, exported or copied).
    #[must_use]
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// True while an export runs.
    #[must_use]
    pub fn is_exporting(&self) -> bool {
        self.exporter.busy()
    }

    /// True while a file is loading.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.loader.busy() || !self.pending.is_empty()
    }

    /// The last file that could not be opened, if its problems are on screen.
    #[must_use]
    pub fn failure(&self) -> Option<&LoadFailure> {
        self.failure.as_ref()
    }

    /// The names of the files the user loaded, in order.
    #[must_use]
    pub fn user_files(&self) -> Vec<String> {
        self.user_files
            .iter()
            .map(|f| f.report.name.clone())
            .collect()
    }

    /// Each loaded file's report for the Data window, with what adding it to the
    /// data said (where its figures differ from the bundled ones of the same date).
    fn file_reports(&self) -> Vec<crate::data::FileReport> {
        self.user_files
            .iter()
            .map(|f| {
                let mut report = f.report.clone();
                for w in &self.dataset.warnings {
                    let known = report.warnings.iter().any(|r| r.message == w.message);
                    if w.file == report.name && !known {
                        report.warnings.push(w.clone());
                    }
                }
                report
            })
            .collect()
    }

    /// Files to load when the window opens (command-line arguments).
    pub fn load_on_start(&mut self, paths: Vec<PathBuf>) {
        self.pending = paths;
    }

    /// The user's choices as they would be saved now.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The current filters.
    #[must_use]
    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// The dashboard drawn last (for tests and benches).
    #[must_use]
    pub fn view(&self) -> &Dashboard {
        &self.dashboard
    }

    /// Recomputes the dashboard if the data, the filters or the choices changed.
    fn refresh(&mut self) {
        let key = DashboardKey {
            generation: self.generation,
            filters: self.filters.clone(),
            choices: self.choices,
        };
        if key != self.key {
            self.dashboard = Arc::new(crate::query::dashboard(
                &self.dataset,
                &key.filters,
                &key.choices,
            ));
            self.key = key;
        }
    }

    fn bounds(&self) -> (i32, i32) {
        year_bounds(&self.dataset)
    }

    /// Draws the whole window into `ui` (also used by tests and benches).
    pub fn dashboard_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        for path in std::mem::take(&mut self.pending) {
            self.commands.push(Command::Open { path, sheet: None });
        }
        self.poll_loads();
        self.poll_exports(&ctx);
        self.poll_browse();
        for (shortcut, command) in [
            (PRESENT, Command::TogglePresenting),
            (EXPORT, Command::AskExport(self.focused_panel)),
            (RESET, Command::ResetFilters),
            (OPEN, Command::ShowOpenDialog),
        ] {
            if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        for path in dropped {
            self.commands.push(Command::Open { path, sheet: None });
        }
        self.windows_ui(&ctx);
        let bounds = self.bounds();
        self.top_bar_ui(ui, bounds);
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui::status_bar::status_ui(ui, &self.dashboard.status, self.presenting);
                self.loading_ui(ui);
            });
        });
        if !self.presenting {
            egui::Panel::left("filters")
                .default_size(FILTER_PANEL_WIDTH)
                .resizable(true)
                .show(ui, |ui| {
                    self.filter_panel
                        .ui(ui, &self.dataset.gazetteer, &mut self.filters, bounds);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let viewport_height = ui.available_height();
            // The bar is always there, so the content's width never changes with
            // whether it is needed (which would re-wrap text and re-measure the layout).
            let mut area = egui::ScrollArea::vertical()
                .id_salt("dashboard")
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                .auto_shrink([false, false]);
            if !self.layout.drawn {
                area = area.vertical_scroll_offset(0.0);
                self.layout.drawn = true;
            }
            area.show(ui, |ui| self.charts_ui(ui, viewport_height));
        });
        for command in std::mem::take(&mut self.commands) {
            self.apply(&ctx, command);
        }
        self.settings.record_choices(&self.choices);
        self.refresh();
    }

    /// Progress of the files loading, with Cancel; or the last notice (not in
    /// presentation mode: notices name local paths).
    fn loading_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(job) = self.loader.jobs.first() {
            ui.separator();
            ui.spinner();
            ui.label(format!(
                "Loading {}\u{2026} {} rows read",
                job.name,
                crate::model::thousands(job.rows() as u64)
            ));
            if ui.button("Cancel").clicked() {
                for job in &self.loader.jobs {
                    job.cancel();
                }
            }
        } else if let Some(notice) = self.notice.as_ref().filter(|_| !self.presenting) {
            ui.separator();
            ui.label(RichText::new(notice).weak());
        }
    }

    /// The Problems window of the last file that could not be opened: its problems,
    /// "Assign columns…" for an unknown kind, the round-or-date question for an
    /// undated master list.
    fn problems_window(&mut self, ctx: &egui::Context) {
        let mut keep = true;
        if let Some(failure) = &self.failure {
            let question = &mut self.date_question;
            let commands = &mut self.commands;
            egui::Window::new("Problems")
                .open(&mut keep)
                .default_width(640.0)
                .show(ctx, |ui| {
                    let asked = ui::problems::problems_ui(
                        ui,
                        &failure.name,
                        &failure.message,
                        &failure.problems,
                        failure.unknown_kind,
                    );
                    if asked {
                        commands.push(Command::AssignColumns(failure.path.clone()));
                    }
                    if failure.needs_date.is_some()
                        && let Some(time) = question.ui(ui)
                    {
                        let path = failure.path.clone();
                        commands.push(Command::OpenDated { path, time });
                    }
                });
        }
        if !keep {
            self.failure = None;
        }
    }

    /// The windows: export, Open, Data, Problems and the column mapping.
    fn windows_ui(&mut self, ctx: &egui::Context) {
        self.export_dialog.ui(ctx, &mut self.commands);
        self.open_dialog
            .ui(ctx, &self.settings.recent, &mut self.commands);
        let mut data_window = self.data_window;
        egui::Window::new("Data")
            .open(&mut data_window)
            .default_width(480.0)
            .show(ctx, |ui| {
                let reports = self.file_reports();
                ui::data_panel::data_panel_ui(
                    ui,
                    &reports,
                    self.bundled_on,
                    &self.dataset.gazetteer,
                    &mut self.commands,
                );
            });
        self.data_window = data_window;
        self.problems_window(ctx);
        self.mapping_dialog.ui(ctx, &mut self.commands);
    }

    /// The top bar of presentation mode: what is shown, and the way out.
    fn presenting_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("top").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new("Displacement and aid in Iraq")
                        .strong()
                        .size(24.0),
                );
                ui.label(
                    RichText::new(format!(
                        "{} \u{b7} {}",
                        crate::query::cards::place(&self.dataset, &self.filters),
                        crate::query::cards::years(&self.filters)
                    ))
                    .size(18.0),
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Exit presentation (F11)").clicked() {
                        self.commands.push(Command::TogglePresenting);
                    }
                });
            });
        });
    }

    /// The File menu: open, the Data window, an export of each panel and the sheet,
    /// recent files.
    fn file_menu_ui(&mut self, ui: &mut egui::Ui) {
        if ui.button("Open\u{2026}  (Ctrl+O)").clicked() {
            self.commands.push(Command::ShowOpenDialog);
            ui.close();
        }
        if ui.button("Data\u{2026}").clicked() {
            self.data_window = true;
            ui.close();
        }
        ui.separator();
        for panel in self.panels.iter() {
            let label = format!("Export: {}\u{2026}", panel.title(&self.dashboard));
            if ui.button(label).clicked() {
                self.commands.push(Command::AskExport(panel.id()));
                ui.close();
            }
        }
        if ui.button("Export: the briefing sheet\u{2026}").clicked() {
            self.commands.push(Command::AskExportSheet);
            ui.close();
        }
        if !self.settings.recent.is_empty() {
            ui.separator();
            ui.label(RichText::new("Recent files").weak());
            for r in &self.settings.recent {
                if ui.button(r).clicked() {
                    let path = PathBuf::from(r);
                    self.commands.push(Command::Open { path, sheet: None });
                    ui.close();
                }
            }
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui, bounds: (i32, i32)) {
        if self.presenting {
            self.presenting_bar_ui(ui);
            return;
        }
        egui::Panel::top("top").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("displacement-dashboard").strong().size(17.0));
                ui.menu_button("File", |ui| self.file_menu_ui(ui));
                ui.menu_button("View", |ui| {
                    ui.label(RichText::new("Theme").strong());
                    for (choice, label) in [
                        (ThemeChoice::System, "Follow the system"),
                        (ThemeChoice::Light, "Light"),
                        (ThemeChoice::Dark, "Dark"),
                    ] {
                        if ui
                            .radio_value(&mut self.settings.theme, choice, label)
                            .clicked()
                        {
                            ui.ctx().set_theme(choice.preference());
                        }
                    }
                    ui.separator();
                    ui.checkbox(
                        &mut self.choices.show_events,
                        "Event markers on time charts",
                    );
                    ui.add_enabled(
                        self.choices.show_events,
                        egui::Checkbox::new(
                            &mut self.choices.all_events,
                            "Every event, not only the key ones",
                        ),
                    );
                });
                if ui
                    .button("Export briefing sheet")
                    .on_hover_text("One page (A4 landscape): the headline cards and the four charts for these filters")
                    .clicked()
                {
                    self.commands.push(Command::AskExportSheet);
                }
                if ui.button("Present").on_hover_text("Presentation mode (F11): no controls, print styling, larger titles").clicked() {
                    self.commands.push(Command::TogglePresenting);
                }
                ui.checkbox(&mut self.choices.show_events, "Events")
                    .on_hover_text(
                        "Key dated events (the 2014 offensive, Mosul's retaking, camp closures, mission ends) as markers on the time charts",
                    );
                ui.add_enabled(
                    self.choices.show_events,
                    egui::Checkbox::new(&mut self.choices.all_events, "All events"),
                )
                .on_hover_text("Every dated policy, security, camp and methodology event, not only the key ones");
                ui.separator();
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button("Reset")
                        .on_hover_text("Reset filters (Ctrl+R)")
                        .clicked()
                    {
                        self.commands.push(Command::ResetFilters);
                    }
                    ui::chips::chips_ui(ui, &self.dataset.gazetteer, &mut self.filters, bounds);
                    ui.label(RichText::new("Filters:").weak());
                });
            });
        });
    }

    /// The cards and the registered panels, laid out for the viewport (see
    /// [`layout`]); measures what it drew for the next frame.
    fn charts_ui(&mut self, ui: &mut egui::Ui, viewport_height: f32) {
        let Self {
            dashboard,
            choices,
            panels,
            presenting,
            layout: layout::Memory { measured, .. },
            ..
        } = self;
        let view: &Dashboard = dashboard;
        let plan = layout::plan(ui.available_width(), viewport_height, *presenting, measured);
        let mut now = *measured;
        let top = ui.cursor().top();
        ui::cards::cards_ui(ui, &view.cards);
        now.cards = ui.cursor().top() - top;
        ui.add_space(layout::GAP);
        let none: Vec<String> = Vec::new();
        let base = PlotOptions {
            height: 0.0,
            x_range: view.x_range_days,
            show_events: choices.show_events,
            all_events: choices.all_events,
            label_events: true,
            legend_known: &none,
            sources: &view.sources,
        };
        let mut commands = Vec::new();
        // Panels in reading order fill two columns (left, right, left, …); `slot` is
        // the plan's order: the left column top to bottom, then the right one.
        let rows = panels.len().div_ceil(2);
        let slot = |i: usize| (i % 2) * rows + i / 2;
        let mut draw = |ui: &mut egui::Ui, slot: usize, panel: &mut dyn Panel| {
            let height = plan
                .plot_heights
                .get(slot)
                .copied()
                .unwrap_or(layout::MIN_PLOT);
            let mut cx = PanelCx {
                plot: PlotOptions { height, ..base },
                presenting: *presenting,
                commands: &mut commands,
            };
            let mut chrome = 0.0;
            draw_measured(ui, height, &mut chrome, &mut |ui| {
                panel.ui(ui, view, choices, &mut cx);
            });
            if let Some(c) = now.chrome.get_mut(slot) {
                *c = chrome;
            }
        };
        let mut ordered: Vec<(usize, &mut dyn Panel)> = panels
            .iter_mut()
            .enumerate()
            .map(|(i, p)| (slot(i), p as &mut dyn Panel))
            .collect();
        ordered.sort_by_key(|(slot, _)| *slot);
        if plan.two_columns {
            ui.columns(2, |columns| {
                for (slot, panel) in ordered {
                    let column = &mut columns[slot / rows];
                    if slot % rows > 0 {
                        column.add_space(layout::GAP);
                    }
                    draw(column, slot, panel);
                }
            });
        } else {
            for (slot, panel) in ordered {
                if slot > 0 {
                    ui.add_space(layout::GAP);
                }
                draw(ui, slot, panel);
            }
        }
        // A layout that moved by more than rounding is drawn again at once (this
        // pass is discarded, or else the next frame comes right away), so the window
        // never shows, or stays on, sizes measured for other content.
        if now.moved_from(measured) {
            *measured = now;
            ui.ctx()
                .request_discard("the dashboard's layout was measured");
            if !ui.ctx().will_discard() {
                ui.ctx().request_repaint();
            }
        }
        self.commands.extend(commands);
    }
}

/// Draws a panel whose plots are `plot_height` tall and records its height around
/// them in `chrome`.
fn draw_measured(
    ui: &mut egui::Ui,
    plot_height: f32,
    chrome: &mut f32,
    draw: &mut dyn FnMut(&mut egui::Ui),
) {
    let top = ui.cursor().top();
    draw(ui);
    *chrome = (ui.cursor().top() - top - plot_height).max(0.0);
}

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
        "displacement-dashboard",
        native,
        Box::new(move |cc| {
            ui::theme::install(&cc.egui_ctx);
            let mut settings = Settings::default();
            if !screenshot_mode && let Some(storage) = cc.storage {
                settings = eframe::get_value(storage, STORAGE_KEY).unwrap_or_default();
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
