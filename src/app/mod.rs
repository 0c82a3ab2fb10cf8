//! The application: the eframe window, its state, and the cached dashboard.
//!
//! Panels draw from a [`Dashboard`] computed once per change of data, filters or
//! view choices ([`crate::query::dashboard`]); they change the filters (or their own
//! state) in place, and the app recomputes the dashboard after the frame if anything
//! it depends on changed.

mod command;
mod exporter;
pub mod files;
mod jobs;
mod links;
mod run;
mod screenshot;
pub mod settings;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use eframe::egui;
use egui::RichText;

use crate::data::Dataset;
use crate::domain::{Choices, Filters};
use crate::export::What;
use crate::model::Dashboard;
use crate::model::PanelId;
use crate::query::filters::year_bounds;
use crate::ui;
use crate::ui::command::Command;
use crate::ui::export_dialog::ExportDialog;
use crate::ui::filter_panel::FilterPanel;
use crate::ui::help::{EXPORT, HELP, OPEN, PRESENT, QUIT, RESET};
use crate::ui::layout::Memory;
use crate::ui::panels::Panels;
pub use command::FilePickers;
use exporter::Exporter;
use files::{LoadFailure, Loader, UserBoundaries, UserFile};
pub use links::UrlOpener;
pub use run::{RunError, RunOptions, run};
use screenshot::Screenshot;
use settings::Settings;

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

/// Puts rich text on the clipboard: (HTML, the same as plain text).
pub type RichClipboard = Box<dyn FnMut(&str, &str) -> Result<(), String>>;

/// The system clipboard's rich text, through arboard (egui's clipboard holds plain
/// text only); opened on first use and kept, since on X11 the text lives as long as
/// its owner.
fn system_rich_clipboard() -> RichClipboard {
    let mut clipboard: Option<arboard::Clipboard> = None;
    Box::new(move |html, plain| {
        if clipboard.is_none() {
            clipboard = Some(arboard::Clipboard::new().map_err(|e| e.to_string())?);
        }
        match clipboard.as_mut() {
            Some(c) => c.set_html(html, Some(plain)).map_err(|e| e.to_string()),
            None => Err("no clipboard".into()),
        }
    })
}

/// The dashboard window's state.
// Each bool is an independent mode or window of the app.
#[allow(clippy::struct_excessive_bools)]
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
    /// The user's boundary file, while loaded (the map draws it).
    user_boundaries: Option<UserBoundaries>,
    bundled_on: bool,
    failure: Option<LoadFailure>,
    /// The round-or-date question of an undated master list.
    date_question: ui::date_question::DateQuestion,
    data_window: bool,
    /// Where "Copy rich text" puts the briefing.
    rich_clipboard: RichClipboard,
    /// The Sources and caveats, Keyboard and mouse, and About windows are shown.
    sources_window: bool,
    help_window: bool,
    about_window: bool,
    /// File → Quit or Ctrl+Q was asked for (the window was told to close).
    quit_requested: bool,
    /// Links being opened in the system browser.
    links: links::Links,
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
    layout: Memory,
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
            user_boundaries: None,
            bundled_on: true,
            failure: None,
            date_question: ui::date_question::DateQuestion::default(),
            data_window: false,
            rich_clipboard: system_rich_clipboard(),
            sources_window: false,
            help_window: false,
            about_window: false,
            quit_requested: false,
            links: links::Links::default(),
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
            layout: Memory::default(),
            commands: Vec::new(),
            browsing: None,
            pickers: FilePickers::default(),
        }
    }

    /// Replaces the system file dialogs "Browse…" runs (tests; machines without one).
    pub fn set_file_pickers(&mut self, pickers: FilePickers) {
        self.pickers = pickers;
    }

    /// Replaces the system clipboard "Copy rich text" writes to (tests).
    pub fn set_rich_clipboard(&mut self, clipboard: RichClipboard) {
        self.rich_clipboard = clipboard;
    }

    /// Replaces what opens a source's address (tests: never start a browser).
    pub fn set_url_opener(&mut self, opener: UrlOpener) {
        self.links.set_opener(opener);
    }

    /// Every address handed to the browser, in order.
    #[must_use]
    pub fn opened_links(&self) -> &[String] {
        &self.links.opened
    }

    /// True once File → Quit or Ctrl+Q asked the window to close.
    #[must_use]
    pub fn quit_requested(&self) -> bool {
        self.quit_requested
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

    /// The user's boundary file, while loaded: its name.
    #[must_use]
    pub fn user_boundaries(&self) -> Option<String> {
        self.user_boundaries
            .as_ref()
            .map(|b| crate::data::load::file_name(&b.path))
    }

    /// Each loaded file's report for the Data window, with what adding it to the
    /// data said (where its figures differ from the bundled ones of the same date).
    fn file_reports(&self) -> Vec<crate::domain::FileReport> {
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

    /// Where a panel last drew a governorate on screen (the map), for tests.
    #[must_use]
    pub fn locate(&self, pcode: crate::domain::Pcode) -> Option<egui::Pos2> {
        self.panels.iter().find_map(|p| p.locate(pcode))
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
        for notice in self.links.poll(&ctx) {
            self.notice = Some(notice);
        }
        for (shortcut, command) in [
            (PRESENT, Command::TogglePresenting),
            (EXPORT, Command::AskExport(self.focused_panel)),
            (RESET, Command::ResetFilters),
            (OPEN, Command::ShowOpenDialog),
            (HELP, Command::ShowHelp),
            (QUIT, Command::Quit),
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
        ui::dashboard::top_bar_ui(ui, &mut self.window(bounds).0);
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui::status_bar::status_ui(ui, &self.dashboard.status, self.presenting) {
                    self.commands.push(Command::ShowSources);
                }
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
        let (mut window, memory) = self.window(bounds);
        ui::dashboard::central_ui(ui, &mut window, memory);
        for command in std::mem::take(&mut self.commands) {
            self.apply(&ctx, command);
        }
        self.settings.record_choices(&self.choices);
        self.refresh();
    }

    /// What the window's layout ([`ui::dashboard`]) is lent this frame, and the
    /// layout's memory.
    fn window(&mut self, bounds: (i32, i32)) -> (ui::dashboard::Window<'_>, &mut Memory) {
        let Self {
            dashboard,
            panels,
            choices,
            filters,
            dataset,
            settings,
            presenting,
            commands,
            layout,
            ..
        } = self;
        let window = ui::dashboard::Window {
            dash: dashboard,
            panels,
            choices,
            filters,
            gazetteer: &dataset.gazetteer,
            bounds,
            theme: &mut settings.theme,
            recent: &settings.recent,
            presenting: *presenting,
            commands,
        };
        (window, layout)
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

    /// The windows: export, Open, Data, Problems, the column mapping, Sources and
    /// caveats, Keyboard and mouse, About.
    fn windows_ui(&mut self, ctx: &egui::Context) {
        let view = &self.dashboard.sources_view;
        ui::sources::sources_ui(ctx, &mut self.sources_window, view, &mut self.commands);
        ui::help::keys_ui(ctx, &mut self.help_window);
        ui::help::about_ui(ctx, &mut self.about_window, view, &mut self.commands);
        self.export_dialog.ui(ctx, &mut self.commands);
        self.open_dialog
            .ui(ctx, &self.settings.recent, &mut self.commands);
        let mut data_window = self.data_window;
        egui::Window::new("Data")
            .open(&mut data_window)
            .default_width(480.0)
            .show(ctx, |ui| {
                let reports = self.file_reports();
                let boundaries = self.dataset.boundaries.as_ref().map(|b| {
                    (
                        crate::data::load::file_name(std::path::Path::new(&b.name)),
                        crate::data::boundaries::BoundaryCounts::of(b),
                    )
                });
                ui::data_panel::data_panel_ui(
                    ui,
                    &reports,
                    boundaries
                        .as_ref()
                        .map(|(name, counts)| (name.as_str(), counts)),
                    self.bundled_on,
                    &self.dataset.gazetteer,
                    &mut self.commands,
                );
            });
        self.data_window = data_window;
        self.problems_window(ctx);
        self.mapping_dialog.ui(ctx, &mut self.commands);
    }
}
