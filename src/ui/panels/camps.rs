//! Camps: camps open (the main line) with named closures, and people in camps below;
//! counts of other definitions and scopes are comparison lines the user switches on.

use egui::Ui;

use super::frame::panel_ui;
use super::{Mode, Panel, PanelCx};
use crate::domain::Choices;
use crate::domain::Pcode;
use crate::model::{Dashboard, PanelId};
use crate::ui::command::Command;
use crate::ui::plot::{PlotOptions, chart_ui};
use crate::ui::table_view::TableView;

/// The camps panel.
#[derive(Debug, Clone, Default)]
pub struct CampsPanel {
    pub mode: Mode,
    pub table: TableView,
}

impl Panel for CampsPanel {
    fn id(&self) -> PanelId {
        PanelId::Camps
    }

    fn mode(&self) -> Mode {
        self.mode
    }

    fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
    }

    /// Draws the panel: two plots sharing the time axis, holding the optional series
    /// only when `choices.camp_comparisons`; a click on a governorate's point filters
    /// to it.
    fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, choices: &mut Choices, cx: &mut PanelCx<'_>) {
        let Self {
            mode,
            table: table_view,
        } = self;
        let (camps, people, table) = (&dash.camps, &dash.camp_people, &dash.camps_table);
        let optional = &dash.camp_comparisons;
        let current = *mode;
        let plot = &cx.plot;
        let mut clicked = None;
        let commands = panel_ui(
            ui,
            PanelId::Camps,
            cx.presenting,
            camps,
            mode,
            |ui| {
                if !optional.is_empty() {
                    ui.checkbox(&mut choices.camp_comparisons, "Other camp counts")
                        .on_hover_text(format!(
                            "Counts of other definitions and scopes, for comparison (never joined to the main line):\n{}",
                            optional.join("\n")
                        ));
                }
            },
            |ui| match current {
                Mode::Chart => {
                    let top = PlotOptions {
                        height: plot.height * 0.6,
                        ..*plot
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
                        height: plot.height * 0.4,
                        legend_known: &known,
                        label_events: false,
                        ..*plot
                    };
                    chart_ui(ui, people, &bottom);
                }
                Mode::Table => {
                    table_view.ui(
                        ui,
                        "camps-table",
                        (table, &dash.camps_csv),
                        plot.height,
                        cx.presenting,
                    );
                }
            },
        );
        cx.commands.extend(commands);
        if let Some(pcode) = clicked.as_deref().and_then(Pcode::parse) {
            cx.commands.push(Command::FilterTo(pcode));
        }
    }
}
