//! The application: the eframe window, its state, and the cached dashboard.
//!
//! Panels draw from a [`Dashboard`] computed once per change of data, filters or
//! view choices ([`crate::query::dashboard`]); they change the filters (or their own
//! state) in place, and the app recomputes the dashboard after the frame if anything
//! it depends on changed.

pub mod exporter;
pub mod files;
pub mod layout;
pub mod screenshot;
pub mod settings;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use eframe::egui;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};

use crate::data::{Dataset, LoadOptions};
use crate::export::{ExportRequest, Format, PictureSize, What};
use crate::model::Dashboard;
use crate::model::PanelId;
use crate::query::filters::year_bounds;
use crate::query::{Choices, Filters};
use crate::ui;
use crate::ui::command::Command;
use crate::ui::export_dialog::{Choice, ExportDialog};
use crate::ui::filter_panel::FilterPanel;
use crate::ui::panels::{Panel, PanelCx, Panels};
use crate::ui::plot::PlotOptions;
use exporter::{ExportOutcome, Exporter};
use files::{Finished, LoadFailure, Loader, UserFile};
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
        }
    }

    /// Opens the mapping dialog for a file whose kind was not recognised.
    pub fn start_mapping(&mut self, path: &std::path::Path, sheet: Option<String>) {
        match crate::data::preview(path, sheet.as_deref()) {
            Ok(preview) => {
                let mut rows = preview.rows.iter().filter(|r| !r.is_blank());
                let cells = |r: &crate::data::detect::GridRow| -> Vec<String> {
                    r.cells
                        .iter()
                        .map(|c| c.clone().unwrap_or_default())
                        .collect()
                };
                let header = rows.next().map(cells).unwrap_or_default();
                let sample = rows.take(3).map(cells).collect();
                self.mapping_dialog = ui::mapping_dialog::MappingDialog {
                    open: true,
                    name: crate::data::load::file_name(path),
                    sheet: sheet.or_else(|| preview.sheets.first().cloned()),
                    sheets: preview.sheets,
                    header,
                    sample,
                    shape: None,
                    columns: std::collections::BTreeMap::new(),
                };
                self.mapping_path = Some(path.to_path_buf());
            }
            Err(e) => self.notice = Some(e.to_string()),
        }
    }

    /// The header a remembered mapping is keyed by: the first non-blank row.
    fn header_of(path: &std::path::Path) -> Option<Vec<String>> {
        let preview = crate::data::preview(path, None).ok()?;
        let row = preview.rows.into_iter().find(|r| !r.is_blank())?;
        Some(
            row.cells
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect(),
        )
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

    /// Opens the export dialog for a chart or the briefing sheet.
    pub fn ask_export(&mut self, what: What) {
        let (subject, choice, csv) = match what {
            What::Chart(c) | What::Table(c) => {
                (format!("Chart: {}", c.name()), Choice::Png(2), true)
            }
            What::Sheet => (
                "The one-page briefing sheet".to_string(),
                Choice::Png(2),
                false,
            ),
        };
        let name =
            crate::export::default_file_name(what, &self.dashboard, Format::Png { scale: 2 });
        self.export_dialog.show_for(
            &subject,
            &exporter::default_folder().join(name),
            choice,
            csv,
        );
        self.export_what = Some(what);
    }

    /// Starts an export on a worker thread; the status bar says when it is written.
    pub fn export_to(&mut self, ctx: &egui::Context, what: What, path: PathBuf, choice: Choice) {
        let (what, format) = match (what, choice) {
            (What::Chart(c) | What::Table(c), Choice::Csv) => (What::Table(c), Format::Csv),
            (what, Choice::Csv | Choice::Svg) => (what, Format::Svg),
            (what, Choice::Png(scale)) => (what, Format::Png { scale }),
        };
        let request = ExportRequest {
            what,
            format,
            path,
            size: PictureSize::default(),
        };
        self.notice = Some(format!("Exporting to {}\u{2026}", request.path.display()));
        // The dashboard on screen, shared: the export draws exactly what is shown.
        self.exporter.write(
            ctx,
            request,
            Arc::clone(&self.dashboard),
            crate::export::generated_on(),
        );
    }

    fn poll_exports(&mut self, ctx: &egui::Context) {
        for outcome in self.exporter.poll() {
            self.notice = Some(match outcome {
                ExportOutcome::Written(path) => format!("Wrote {}", path.display()),
                ExportOutcome::Image(image) => {
                    ctx.copy_image(image);
                    "Copied the chart as an image".to_string()
                }
                ExportOutcome::Failed(reason) => format!("Export failed: {reason}"),
            });
        }
    }

    fn toggle_presenting(&mut self, ctx: &egui::Context) {
        self.presenting = !self.presenting;
        if self.presenting {
            ctx.set_theme(egui::ThemePreference::Light);
        } else {
            ctx.set_theme(self.settings.theme.preference());
        }
    }

    /// Starts loading a file on a worker thread; the dashboard keeps working meanwhile.
    pub fn open_path(&mut self, ctx: &egui::Context, path: &std::path::Path) {
        let mut options = LoadOptions::default();
        if !self.settings.mappings.by_header.is_empty()
            && let Some(header) = Self::header_of(path)
        {
            options.mapping = self.settings.mappings.find(&header).cloned();
        }
        self.open_with(ctx, path, options);
    }

    /// Starts loading with the user's choices (sheet, column mapping).
    fn open_with(&mut self, ctx: &egui::Context, path: &std::path::Path, options: LoadOptions) {
        self.loader
            .start(ctx, path, self.dataset.load_context(), options);
        let shown = path.display().to_string();
        self.settings.recent.retain(|p| *p != shown);
        self.settings.recent.insert(0, shown);
        self.settings.recent.truncate(RECENT_FILES);
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

    /// Takes in what the loaders finished: a file that loaded is added (nothing else
    /// changes); a file that failed changes nothing and its problems are shown.
    fn poll_loads(&mut self) {
        for done in self.loader.poll() {
            match done {
                Finished::Loaded(file) => {
                    let rows = file.report.rows;
                    self.notice = Some(format!("Opened {}: {} rows", file.report.name, rows));
                    self.dataset
                        .add(&file.report.name, file.parsed.clone(), false);
                    self.user_files.push(*file);
                    self.data_changed();
                }
                Finished::Failed(failure) => {
                    self.notice = Some(format!("{} was not opened: see Problems", failure.name));
                    if let Some(round) = failure.needs_date {
                        self.date_question = ui::date_question::DateQuestion::new(round);
                    }
                    self.failure = Some(failure);
                }
                Finished::Cancelled(name) => {
                    self.notice = Some(format!("Loading {name} was cancelled; nothing changed"));
                }
            }
        }
    }

    /// Rebuilds the dataset from the bundled data (if on) and the user's files, after
    /// a file was removed or the bundled data switched.
    fn rebuild(&mut self) {
        let base = if self.bundled_on {
            Dataset::bundled()
        } else {
            Dataset::empty()
        };
        match base {
            Ok(mut dataset) => {
                for f in &self.user_files {
                    dataset.add(&f.report.name, f.parsed.clone(), false);
                }
                self.dataset = dataset;
                self.data_changed();
            }
            Err(e) => self.notice = Some(format!("The bundled data could not be read: {e}")),
        }
    }

    /// A new data generation: the view recomputes, and the years stay within the data.
    fn data_changed(&mut self) {
        self.generation += 1;
        let (lo, hi) = self.bounds();
        self.filters.from = self.filters.from.clamp(lo, hi);
        self.filters.to = self.filters.to.clamp(self.filters.from, hi);
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

    fn reset_filters(&mut self) {
        let (from, to) = self.bounds();
        self.filters = Filters {
            governorates: None,
            from,
            to,
        };
    }

    /// Draws the whole window into `ui` (also used by tests and benches).
    pub fn dashboard_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        for path in std::mem::take(&mut self.pending) {
            self.open_path(&ctx, &path);
        }
        self.poll_loads();
        self.poll_exports(&ctx);
        if ui.input_mut(|i| i.consume_shortcut(&PRESENT)) {
            self.toggle_presenting(&ctx);
        }
        if ui.input_mut(|i| i.consume_shortcut(&EXPORT)) {
            self.ask_export(What::Chart(self.focused_panel));
        }
        if ui.input_mut(|i| i.consume_shortcut(&RESET)) {
            self.reset_filters();
        }
        if ui.input_mut(|i| i.consume_shortcut(&OPEN)) {
            self.open_dialog.open = true;
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
            self.open_path(&ctx, &path);
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
        let mut map = None;
        let mut dated = None;
        if let Some(failure) = &self.failure {
            let question = &mut self.date_question;
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
                        map = Some(failure.path.clone());
                    }
                    if failure.needs_date.is_some()
                        && let Some(time) = question.ui(ui)
                    {
                        dated = Some((failure.path.clone(), time));
                    }
                });
        }
        if let Some(path) = map {
            self.start_mapping(&path, None);
            keep = false;
        }
        if let Some((path, time)) = dated {
            let options = LoadOptions {
                time,
                ..LoadOptions::default()
            };
            self.open_with(ctx, &path, options);
            keep = false;
        }
        if !keep {
            self.failure = None;
        }
    }

    /// The Open dialog, the Data window and the problems window.
    fn windows_ui(&mut self, ctx: &egui::Context) {
        if let Some((path, choice)) = self.export_dialog.ui(ctx)
            && let Some(what) = self.export_what
        {
            self.export_to(ctx, what, path, choice);
        }
        if let Some((path, sheet)) = self.open_dialog.ui(ctx, &self.settings.recent) {
            match sheet {
                Some(sheet) => {
                    let options = LoadOptions {
                        sheet: Some(sheet),
                        ..LoadOptions::default()
                    };
                    self.open_with(ctx, &path, options);
                }
                None => self.open_path(ctx, &path),
            }
        }
        let mut data_window = self.data_window;
        let mut action = None;
        let mut bundled = self.bundled_on;
        egui::Window::new("Data")
            .open(&mut data_window)
            .default_width(480.0)
            .show(ctx, |ui| {
                let reports = self.file_reports();
                action = ui::data_panel::data_panel_ui(
                    ui,
                    &reports,
                    &mut bundled,
                    &self.dataset.gazetteer,
                );
            });
        self.data_window = data_window;
        match action {
            Some(ui::data_panel::DataAction::Remove(i)) if i < self.user_files.len() => {
                let removed = self.user_files.remove(i);
                self.notice = Some(format!("Removed {}", removed.report.name));
                self.rebuild();
            }
            Some(ui::data_panel::DataAction::Open) => self.open_dialog.open = true,
            _ => {}
        }
        if bundled != self.bundled_on {
            self.bundled_on = bundled;
            self.rebuild();
        }
        self.problems_window(ctx);
        match self.mapping_dialog.ui(ctx) {
            Some(ui::mapping_dialog::MappingAction::Sheet(sheet)) => {
                if let Some(path) = self.mapping_path.clone() {
                    self.start_mapping(&path, Some(sheet));
                }
            }
            Some(ui::mapping_dialog::MappingAction::Open(mapping)) => {
                if let Some(path) = self.mapping_path.take() {
                    self.settings
                        .mappings
                        .remember(&self.mapping_dialog.header, mapping.clone());
                    let options = LoadOptions {
                        sheet: self.mapping_dialog.sheet.clone(),
                        mapping: Some(mapping),
                        ..LoadOptions::default()
                    };
                    self.open_with(ctx, &path, options);
                }
            }
            None => {}
        }
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
                        let ctx = ui.ctx().clone();
                        self.toggle_presenting(&ctx);
                    }
                });
            });
        });
    }

    /// The File menu: open, the Data window, an export of each panel and the sheet,
    /// recent files.
    fn file_menu_ui(&mut self, ui: &mut egui::Ui) {
        if ui.button("Open\u{2026}  (Ctrl+O)").clicked() {
            self.open_dialog.open = true;
            ui.close();
        }
        if ui.button("Data\u{2026}").clicked() {
            self.data_window = true;
            ui.close();
        }
        ui.separator();
        let mut export = None;
        for panel in self.panels.iter() {
            let label = format!("Export: {}\u{2026}", panel.title(&self.dashboard));
            if ui.button(label).clicked() {
                export = Some(What::Chart(panel.id()));
            }
        }
        if ui.button("Export: the briefing sheet\u{2026}").clicked() {
            export = Some(What::Sheet);
        }
        if let Some(what) = export {
            self.ask_export(what);
            ui.close();
        }
        if !self.settings.recent.is_empty() {
            ui.separator();
            ui.label(RichText::new("Recent files").weak());
            let mut chosen = None;
            for r in &self.settings.recent {
                if ui.button(r).clicked() {
                    chosen = Some(PathBuf::from(r));
                }
            }
            if let Some(path) = chosen {
                let ctx = ui.ctx().clone();
                self.open_path(&ctx, &path);
                ui.close();
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
                    self.ask_export(What::Sheet);
                }
                if ui.button("Present").on_hover_text("Presentation mode (F11): no controls, print styling, larger titles").clicked() {
                    let ctx = ui.ctx().clone();
                    self.toggle_presenting(&ctx);
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
                        self.reset_filters();
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
        self.apply_all(ui.ctx(), commands);
    }

    /// Does what the panels asked for this frame: focus, export, copy an image,
    /// filter to a governorate.
    fn apply_all(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        for command in commands {
            match command {
                Command::Focus(id) => self.focused_panel = id,
                Command::AskExport(id) => {
                    self.focused_panel = id;
                    self.ask_export(What::Chart(id));
                }
                Command::CopyImage(id) => {
                    self.notice = Some("Rendering the chart for the clipboard\u{2026}".into());
                    self.exporter.copy_image(
                        ctx,
                        What::Chart(id),
                        Arc::clone(&self.dashboard),
                        crate::export::generated_on(),
                    );
                }
                Command::FilterTo(pcode) => self.filters.only(pcode),
            }
        }
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
