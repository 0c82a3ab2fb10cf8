//! The one place where what the panels and windows asked for happens: [`apply`]
//! takes each [`Command`] pushed during the frame, after it, and does it — open and
//! load files, export, run the system's file dialogs as jobs, change filters and
//! modes. Also the effects' bookkeeping: polling the loads, exports and dialogs.
//!
//! [`apply`]: DashboardApp::apply

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::exporter::{self, ExportOutcome};
use super::files::{Finished, UserBoundaries};
use super::jobs::{Job, Polled};
use super::{DashboardApp, RECENT_FILES};
use crate::data::{Dataset, LoadOptions};
use crate::domain::Filters;
use crate::export::{ExportRequest, Format, PictureSize, What};
use crate::model::PanelId;
use crate::ui;
use crate::ui::command::{Browse, Command};
use crate::ui::export_dialog::Choice;

/// The system file dialogs: what "Browse…" runs on a worker thread (rfd by default;
/// tests and machines without one put their own).
#[derive(Clone, Copy)]
pub struct FilePickers {
    /// Picks a file to open.
    pub open: fn() -> Option<PathBuf>,
    /// Picks where to save, starting from a path.
    pub save: fn(&Path) -> Option<PathBuf>,
}

impl Default for FilePickers {
    fn default() -> Self {
        FilePickers {
            open: pick_file,
            save: pick_save,
        }
    }
}

/// rfd's open dialog (blocking: it runs on the job's thread).
fn pick_file() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter(
            "Tables and boundaries",
            &[
                "csv", "txt", "xlsx", "xls", "xlsm", "xlsb", "ods", "geojson", "json",
            ],
        )
        .add_filter("Boundaries (GeoJSON)", &["geojson", "json"])
        .pick_file()
}

/// rfd's save dialog, starting from `current`'s folder and name.
fn pick_save(current: &Path) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new();
    if let Some(name) = current.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    if let Some(folder) = current.parent().filter(|f| f.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    dialog.save_file()
}

/// A system file dialog running, and which dialog's field it fills.
pub struct Browsing {
    for_save: bool,
    job: Job<Option<PathBuf>>,
}

impl DashboardApp {
    /// Does what one command asks.
    // One arm per command: the one place where effects happen, read as a table.
    #[allow(clippy::too_many_lines)]
    pub(super) fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Focus(id) => self.focused_panel = id,
            Command::AskExport(id) => {
                self.focused_panel = id;
                self.ask_export(What::Chart(id));
            }
            Command::AskExportSheet => self.ask_export(What::Sheet),
            Command::Export { path, choice } => {
                if let Some(what) = self.export_what {
                    self.export_to(ctx, what, path, choice);
                }
            }
            Command::CopyImage(id) => {
                self.notice = Some("Rendering the chart for the clipboard\u{2026}".into());
                let started = self.exporter.copy_image(
                    ctx,
                    What::Chart(id),
                    Arc::clone(&self.dashboard),
                    crate::export::generated_on(),
                );
                if let Err(why) = started {
                    self.notice = Some(format!("Copy image failed: {why}"));
                }
            }
            Command::FilterTo(pcode) => self.filters.only(pcode),
            Command::ToggleGovernorate(pcode) => {
                let all = self.dataset.gazetteer.governorates().len();
                self.filters.toggle_on_map(pcode, all);
            }
            Command::ResetFilters => self.reset_filters(),
            Command::TogglePresenting => self.toggle_presenting(ctx),
            Command::ShowOpenDialog => self.open_dialog.open = true,
            Command::ShowDataWindow => self.data_window = true,
            Command::ShowBriefing => self.show_briefing(),
            Command::CopyBriefingRich => self.copy_briefing_rich(ctx),
            Command::ShowSources
            | Command::ShowHelp
            | Command::ShowAbout
            | Command::OpenUrl(_)
            | Command::Quit => self.apply_help(ctx, command),
            Command::Browse(what) => self.browse(ctx, what),
            Command::Open { path, sheet: None } => self.open_path(ctx, &path),
            Command::Open {
                path,
                sheet: Some(sheet),
            } => {
                let options = LoadOptions {
                    sheet: Some(sheet),
                    ..LoadOptions::default()
                };
                self.open_with(ctx, &path, options, false);
            }
            Command::OpenDated { path, time } => {
                let options = LoadOptions {
                    time,
                    ..LoadOptions::default()
                };
                self.open_with(ctx, &path, options, false);
                self.failure = None;
            }
            Command::RemoveFile(i) if i < self.user_files.len() => {
                let removed = self.user_files.remove(i);
                self.notice = Some(format!("Removed {}", removed.report.name));
                self.rebuild();
            }
            Command::RemoveFile(_) => {}
            Command::RemoveBoundaries => {
                if let Some(b) = self.user_boundaries.take() {
                    self.notice = Some(format!(
                        "Removed {}; the map draws the bundled boundaries",
                        crate::data::load::file_name(&b.path)
                    ));
                    self.rebuild();
                }
            }
            Command::SetBundled(on) => {
                if on != self.bundled_on {
                    self.bundled_on = on;
                    self.rebuild();
                }
            }
            Command::AssignColumns(path) => {
                self.start_mapping(&path, None);
                self.failure = None;
            }
            Command::MappingSheet(sheet) => {
                if let Some(path) = self.mapping_path.clone() {
                    self.start_mapping(&path, Some(sheet));
                }
            }
            Command::OpenMapped(mapping) => {
                if let Some(path) = self.mapping_path.take() {
                    self.settings
                        .mappings
                        .remember(&self.mapping_dialog.header, mapping.clone());
                    let options = LoadOptions {
                        sheet: self.mapping_dialog.sheet.clone(),
                        mapping: Some(mapping),
                        ..LoadOptions::default()
                    };
                    self.open_with(ctx, &path, options, false);
                }
            }
        }
    }

    /// The Help menu's commands, links and quitting (issue 13).
    fn apply_help(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ShowSources => self.sources_window = true,
            Command::ShowHelp => self.help_window = true,
            Command::ShowAbout => self.about_window = true,
            Command::OpenUrl(url) => self.notice = Some(self.links.open(ctx, &url)),
            Command::Quit => {
                self.quit_requested = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            _ => {}
        }
    }

    /// Runs a system file dialog as a job; one at a time.
    fn browse(&mut self, ctx: &egui::Context, what: Browse) {
        if self.browsing.is_some() {
            return;
        }
        let pickers = self.pickers;
        let for_save = matches!(what, Browse::Save(_));
        let job = match what {
            Browse::Open => Job::spawn(ctx, "file dialog", move || (pickers.open)()),
            Browse::Save(current) => {
                Job::spawn(ctx, "save dialog", move || (pickers.save)(&current))
            }
        };
        match job {
            Ok(job) => self.browsing = Some(Browsing { for_save, job }),
            Err(why) => self.browse_failed(for_save, &why),
        }
    }

    /// The file dialog could not run: said once, in the status bar and the dialog.
    fn browse_failed(&mut self, for_save: bool, why: &str) {
        self.notice = Some(format!("Browse failed: {why}"));
        if for_save {
            self.export_dialog.browse_failed(why);
        } else {
            self.open_dialog.browse_failed(why);
        }
    }

    /// Takes in what a file dialog picked (it fills the dialog's field).
    pub(super) fn poll_browse(&mut self) {
        let Some(browsing) = &self.browsing else {
            return;
        };
        let for_save = browsing.for_save;
        match browsing.job.poll() {
            Polled::Running => return,
            Polled::Done(picked) if for_save => self.export_dialog.picked(picked),
            Polled::Done(picked) => self.open_dialog.picked(picked),
            Polled::Stopped(why) => self.browse_failed(for_save, &why),
        }
        self.browsing = None;
    }

    /// Opens the mapping dialog for a file whose kind was not recognised.
    pub fn start_mapping(&mut self, path: &Path, sheet: Option<String>) {
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

    /// Opens the export dialog for a chart or the briefing sheet.
    pub fn ask_export(&mut self, what: What) {
        let (subject, choice, csv) = match what {
            What::Chart(PanelId::Briefing) | What::Table(PanelId::Briefing) => {
                ("Briefing text".to_string(), Choice::Markdown, true)
            }
            What::Chart(c) | What::Table(c) => {
                (format!("Chart: {}", c.name()), Choice::Png(2), true)
            }
            What::Sheet => (
                "The one-page briefing sheet".to_string(),
                Choice::Png(2),
                false,
            ),
        };
        let format = match choice {
            Choice::Markdown => Format::Markdown,
            _ => Format::Png { scale: 2 },
        };
        let name = crate::export::default_file_name(what, &self.dashboard, format);
        self.export_dialog.show_for(
            &subject,
            &exporter::default_folder().join(name),
            choice,
            csv,
        );
        if what == What::Sheet {
            self.export_dialog.sheet_text = Some(self.choices.sheet_text);
        }
        self.export_what = Some(what);
    }

    /// Scrolls to the briefing panel, showing its text.
    fn show_briefing(&mut self) {
        if let Some(p) = self.panels.get_mut(PanelId::Briefing) {
            p.set_mode(ui::panels::Mode::Chart);
        }
        self.layout.scroll_to = Some(PanelId::Briefing);
    }

    /// Puts the briefing paragraph on the clipboard as rich text (its citations as
    /// links, its sources listed) with the plain text beside it; where the system has
    /// no rich clipboard, as plain text, and the status bar says which.
    fn copy_briefing_rich(&mut self, ctx: &egui::Context) {
        let b = &self.dashboard.briefing;
        let plain = b.plain();
        match (self.rich_clipboard)(&b.html(), &plain) {
            Ok(()) => {
                self.notice =
                    Some("Copied the briefing text as rich text, with links to its sources".into());
            }
            Err(why) => {
                ctx.copy_text(plain);
                self.notice = Some(format!(
                    "Copied the briefing text as plain text (no rich text clipboard here: {why})"
                ));
            }
        }
    }

    /// Starts an export on a worker thread; the status bar says when it is written.
    pub fn export_to(&mut self, ctx: &egui::Context, what: What, path: PathBuf, choice: Choice) {
        if what == What::Sheet
            && let Some(with_text) = self.export_dialog.sheet_text
        {
            // The dialog's checkbox is the view choice: the sheet is drawn for it.
            self.choices.sheet_text = with_text;
            self.refresh();
        }
        let (what, format) = match (what, choice) {
            (What::Chart(c) | What::Table(c), Choice::Csv) => (What::Table(c), Format::Csv),
            (What::Chart(c) | What::Table(c), Choice::Markdown) => {
                (What::Chart(c), Format::Markdown)
            }
            (What::Chart(c) | What::Table(c), Choice::Text) => (What::Chart(c), Format::Text),
            (what, Choice::Csv | Choice::Svg | Choice::Markdown | Choice::Text) => {
                (what, Format::Svg)
            }
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
        let started = self.exporter.write(
            ctx,
            request,
            Arc::clone(&self.dashboard),
            crate::export::generated_on(),
        );
        if let Err(why) = started {
            self.notice = Some(format!("Export failed: {why}"));
        }
    }

    pub(super) fn poll_exports(&mut self, ctx: &egui::Context) {
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

    /// Starts loading a file on a worker thread; the dashboard keeps working
    /// meanwhile. A column mapping remembered for the file's header is looked up by
    /// the worker (it reads the file).
    pub fn open_path(&mut self, ctx: &egui::Context, path: &Path) {
        self.open_with(ctx, path, LoadOptions::default(), true);
    }

    /// Starts loading with the user's choices (sheet, column mapping, date), and
    /// with the remembered mappings when `remembered`.
    fn open_with(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        options: LoadOptions,
        remembered: bool,
    ) {
        let mappings = (remembered && !self.settings.mappings.by_header.is_empty())
            .then(|| self.settings.mappings.clone());
        let started = self
            .loader
            .start(ctx, path, self.dataset.load_context(), options, mappings);
        if let Err(why) = started {
            self.notice = Some(format!("{} was not opened: {why}", path.display()));
            return;
        }
        let shown = path.display().to_string();
        self.settings.recent.retain(|p| *p != shown);
        self.settings.recent.insert(0, shown);
        self.settings.recent.truncate(RECENT_FILES);
    }

    /// Takes in what the loaders finished: a file that loaded is added (nothing else
    /// changes); a file that failed changes nothing and its problems are shown.
    pub(super) fn poll_loads(&mut self) {
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
                Finished::Boundaries { path, load } => {
                    let c = &load.counts;
                    self.notice = Some(format!(
                        "Opened {}: boundaries, {} of {} features matched a governorate; the map draws them",
                        crate::data::load::file_name(&path),
                        c.matched,
                        c.features
                    ));
                    self.dataset.set_boundaries((*load).clone());
                    self.user_boundaries = Some(UserBoundaries { path, load: *load });
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
                if let Some(b) = &self.user_boundaries {
                    dataset.set_boundaries(b.load.clone());
                }
                self.dataset = dataset;
                self.data_changed();
            }
            Err(e) => self.notice = Some(format!("The bundled data could not be read: {e}")),
        }
    }

    /// A new data generation: the view recomputes, and the years stay within the data.
    pub(super) fn data_changed(&mut self) {
        self.generation += 1;
        let (lo, hi) = self.bounds();
        self.filters.from = self.filters.from.clamp(lo, hi);
        self.filters.to = self.filters.to.clamp(self.filters.from, hi);
    }

    pub(super) fn reset_filters(&mut self) {
        let (from, to) = self.bounds();
        self.filters = Filters {
            governorates: None,
            from,
            to,
        };
    }
}
