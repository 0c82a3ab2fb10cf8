//! Camps: camps open (the main line) with named closures, and people in camps below;
//! counts of other definitions and scopes are comparison lines the user switches on.

use egui::Ui;

use super::{Mode, PanelContext, panel_ui};
use crate::model::Dashboard;
use crate::ui::plot::{PlotOptions, chart_ui};
use crate::ui::table_view::TableView;

/// The camps panel.
#[derive(Debug, Clone, Default)]
pub struct CampsPanel {
    pub mode: Mode,
    pub table: TableView,
    /// Draw the counts of other definitions and scopes beside the main line.
    pub show_comparisons: bool,
}

impl CampsPanel {
    /// Draws the panel: two plots sharing the time axis (holding the optional
    /// series only when they are switched on); returns the P-code of a governorate
    /// the user clicked.
    pub fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, ctx: &PanelContext<'_>) -> Option<String> {
        let (camps, people, table) = (&dash.camps, &dash.camp_people, &dash.camps_table);
        let optional = &dash.camp_comparisons;
        let Self {
            mode,
            table: table_view,
            show_comparisons,
        } = self;
        let current = *mode;
        let mut clicked = None;
        panel_ui(
            ui,
            ctx,
            camps,
            mode,
            |ui| {
                if !optional.is_empty() {
                    ui.checkbox(show_comparisons, "Other camp counts")
                        .on_hover_text(format!(
                            "Counts of other definitions and scopes, for comparison (never joined to the main line):\n{}",
                            optional.join("\n")
                        ));
                }
            },
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
                    // The events are labelled above the plot over this one.
                    let bottom = PlotOptions {
                        height: ctx.plot.height * 0.4,
                        legend_known: &known,
                        label_events: false,
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
