//! Camps: camps open with named closures, and people in camps below.

use egui::Ui;

use super::{Mode, PanelContext, panel_ui};
use crate::model::{ChartSpec, TableSpec};
use crate::ui::plot::{PlotOptions, chart_ui};
use crate::ui::table_view::TableView;

/// The camps panel.
#[derive(Debug, Clone, Default)]
pub struct CampsPanel {
    pub mode: Mode,
    pub table: TableView,
}

impl CampsPanel {
    /// Draws the panel: two plots sharing the time axis.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        camps: &ChartSpec,
        people: &ChartSpec,
        table: &TableSpec,
        ctx: &PanelContext<'_>,
    ) -> Option<String> {
        let Self {
            mode,
            table: table_view,
        } = self;
        let current = *mode;
        let mut clicked = None;
        panel_ui(
            ui,
            ctx,
            camps,
            mode,
            |_| {},
            |ui| match current {
                Mode::Chart => {
                    let top = PlotOptions {
                        height: ctx.plot.height * 0.6,
                        ..ctx.plot
                    };
                    clicked = chart_ui(ui, camps, &top).clicked_governorate;
                    ui.label(egui::RichText::new(&people.title).strong());
                    // Lines drawn alike in both plots are named once, above.
                    let known: Vec<String> = people
                        .series
                        .iter()
                        .filter(|p| {
                            camps.series.iter().any(|c| {
                                c.label == p.label && c.colour == p.colour && c.kind == p.kind
                            })
                        })
                        .map(|p| p.label.clone())
                        .collect();
                    let bottom = PlotOptions {
                        height: ctx.plot.height * 0.4,
                        legend_known: &known,
                        ..ctx.plot
                    };
                    chart_ui(ui, people, &bottom);
                }
                Mode::Table => {
                    table_view.ui(ui, "camps-table", table, ctx.plot.height, ctx.presenting);
                }
            },
        );
        clicked
    }
}
