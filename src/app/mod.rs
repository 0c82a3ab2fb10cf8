//! The application: the eframe window, its state, and the cached query results.
//!
//! Query results are computed when the data or the filters change, never per frame.

use eframe::egui;
use egui::RichText;

use crate::data::Dataset;
use crate::model::{ChartSpec, Kpi, thousands};
use crate::query::{Filters, cards, charts};
use crate::ui;

/// The dashboard window's state.
pub struct DashboardApp {
    dataset: Dataset,
    filters: Filters,
    view: View,
}

/// What the current filters show: recomputed only when they change.
struct View {
    cards: Vec<Kpi>,
    idps: ChartSpec,
}

impl View {
    fn compute(dataset: &Dataset, filters: &Filters) -> View {
        View {
            cards: cards::cards(dataset, filters),
            idps: charts::idps_over_time(dataset, filters),
        }
    }
}

impl DashboardApp {
    /// A dashboard on this data, with these filters.
    #[must_use]
    pub fn new(dataset: Dataset, filters: Filters) -> DashboardApp {
        let view = View::compute(&dataset, &filters);
        DashboardApp {
            dataset,
            filters,
            view,
        }
    }

    /// Draws the whole window into `ui` (also used by tests and benches).
    pub fn dashboard_ui(&mut self, ui: &mut egui::Ui) {
        let Self {
            dataset,
            filters,
            view,
        } = self;
        egui::Panel::top("title").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("displacement-dashboard");
                ui.label(RichText::new(format!(
                    "{} \u{b7} {}",
                    cards::place(dataset, filters),
                    cards::years(filters)
                )));
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.label(status_line(dataset));
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ui::cards::cards_ui(ui, &view.cards);
            ui.separator();
            let height = (ui.available_height() - 60.0).max(200.0);
            ui::time_chart::time_chart_ui(ui, &view.idps, height);
        });
    }
}

fn status_line(dataset: &Dataset) -> String {
    let data_files = dataset.files.len();
    let dtm = dataset
        .idps_national
        .iter()
        .filter(|p| p.series == crate::data::NationalSeries::Dtm)
        .map(|p| p.date);
    let range = match (dtm.clone().min(), dtm.max()) {
        (Some(a), Some(b)) => format!(
            " \u{b7} DTM {} \u{2013} {}",
            a.format("%b %Y"),
            b.format("%b %Y")
        ),
        _ => String::new(),
    };
    format!(
        "{data_files} tables \u{b7} {} rows{range} \u{b7} {} warnings",
        thousands(dataset.total_rows() as u64),
        dataset.warnings.len()
    )
}

impl eframe::App for DashboardApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.dashboard_ui(ui);
    }
}

/// Opens the window and runs until it is closed.
pub fn run(dataset: Dataset, filters: Filters) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("displacement-dashboard: Iraq")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([900.0, 600.0]),
        ..Default::default()
    };
    eframe::run_native(
        "displacement-dashboard",
        options,
        Box::new(|_cc| Ok(Box::new(DashboardApp::new(dataset, filters)))),
    )
}
