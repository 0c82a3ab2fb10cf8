//! IDPs over time: DTM stock and returnees, DTM's continuation as UNHCR published
//! it, comparison series that can be hidden, and the "after the data" strip.

use egui::Ui;

use super::{Mode, PanelContext, panel_ui};
use crate::model::{ChartSpec, SeriesKind, TableSpec};
use crate::ui::plot::{PlotOptions, after_data_ui, chart_ui};
use crate::ui::table_view::TableView;

/// The IDPs-over-time panel.
#[derive(Debug, Clone)]
pub struct IdpsPanel {
    pub mode: Mode,
    pub table: TableView,
    /// Draw UNHCR and IDMC beside DTM.
    pub show_comparisons: bool,
}

impl Default for IdpsPanel {
    fn default() -> Self {
        IdpsPanel {
            mode: Mode::Chart,
            table: TableView::default(),
            show_comparisons: true,
        }
    }
}

impl IdpsPanel {
    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, spec: &ChartSpec, table: &TableSpec, ctx: &PanelContext<'_>) {
        let Self {
            mode,
            table: table_view,
            show_comparisons,
        } = self;
        let hidden: Vec<String> = if *show_comparisons {
            Vec::new()
        } else {
            spec.series
                .iter()
                .filter(|s| s.kind == SeriesKind::Comparison)
                .map(|s| s.label.clone())
                .collect()
        };
        let has_comparisons = spec.series.iter().any(|s| s.kind == SeriesKind::Comparison);
        let current = *mode;
        panel_ui(
            ui,
            ctx,
            spec,
            mode,
            |ui| {
                if has_comparisons {
                    ui.checkbox(show_comparisons, "UNHCR, IDMC")
                        .on_hover_text("Show other measures of the national stock beside DTM");
                }
            },
            |ui| match current {
                Mode::Chart => {
                    let options = PlotOptions {
                        hidden: &hidden,
                        ..ctx.plot
                    };
                    chart_ui(ui, spec, &options);
                    if options.show_events {
                        after_data_ui(ui, spec, options.all_events);
                    }
                }
                Mode::Table => {
                    table_view.ui(ui, "idps-table", table, ctx.plot.height, ctx.presenting);
                }
            },
        );
    }
}
