//! IDPs by governorate: a basis selector, stacked bars; clicking a governorate's bar
//! filters the dashboard to it.

use egui::Ui;

use super::frame::panel_ui;
use super::{Mode, Panel, PanelCx};
use crate::domain::Choices;
use crate::domain::{Basis, Pcode};
use crate::model::{ChartSpec, Dashboard, PanelId};
use crate::ui::command::Command;
use crate::ui::plot::chart_ui;
use crate::ui::table_view::TableView;

/// The IDPs-by-governorate panel.
#[derive(Debug, Clone, Default)]
pub struct GovernoratesPanel {
    pub mode: Mode,
    pub table: TableView,
}

/// Says so when the breakdown drawn is sparse or partial, so a handful of bars is
/// never read as the whole distribution: the bases other than displacement are
/// published for few dates, often naming only some governorates.
#[must_use]
pub fn partial_note(spec: &ChartSpec, basis: Basis) -> Option<String> {
    let mut dates: Vec<f64> = spec
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.x))
        .collect();
    dates.sort_by(f64::total_cmp);
    dates.dedup();
    if dates.is_empty() {
        return None;
    }
    let partial = spec.series.iter().any(|s| {
        s.points
            .iter()
            .any(|p| p.note.as_deref().is_some_and(|n| n.contains("partial")))
    });
    if basis == Basis::Displacement && !partial {
        return None;
    }
    let n = dates.len();
    let when = if n == 1 {
        "1 date".to_string()
    } else {
        format!("{n} dates")
    };
    let mut note = format!(
        "Partial breakdown: figures by governorate for this basis are published for only {when} in the selected years"
    );
    let remainder = spec
        .series
        .iter()
        .any(|s| s.label.contains("not published") && !s.points.is_empty());
    if partial && remainder {
        note.push_str(
            ", and some tables name only some governorates (the rest of the national total is drawn as \u{201c}Other / not published\u{201d} where it is known)",
        );
    } else if partial {
        note.push_str(
            ", and some tables name only some governorates, so a bar is not the national total",
        );
    }
    note.push_str(". Not a full distribution.");
    Some(note)
}

/// The bases offered, with their names in the selector.
const BASES: [(Basis, &str); 3] = [
    (Basis::Displacement, "Where IDPs are"),
    (Basis::Origin, "Where they come from"),
    (Basis::InCamp, "In camps"),
];

impl Panel for GovernoratesPanel {
    fn id(&self) -> PanelId {
        PanelId::Governorates
    }

    fn mode(&self) -> Mode {
        self.mode
    }

    fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
    }

    /// Draws the panel for the dashboard's basis (a choice made here applies from
    /// the next frame); a click on a governorate's bar filters to it.
    fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, choices: &mut Choices, cx: &mut PanelCx<'_>) {
        let Self {
            mode,
            table: table_view,
        } = self;
        let (spec, table) = (&dash.governorates, &dash.governorates_table);
        let current = *mode;
        let plot = &cx.plot;
        let presenting = cx.presenting;
        let basis = &mut choices.basis;
        let mut clicked = None;
        let commands = panel_ui(
            ui,
            PanelId::Governorates,
            presenting,
            spec,
            mode,
            |ui| {
                let selected = BASES
                    .iter()
                    .find(|(b, _)| b == basis)
                    .map_or("", |(_, l)| l);
                egui::ComboBox::from_id_salt("basis")
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        for (b, label) in BASES {
                            ui.selectable_value(basis, b, label);
                        }
                    })
                    .response
                    .on_hover_text("One basis at a time: in-camp people are part of the displaced, and origin counts the same people again");
            },
            |ui| match current {
                Mode::Chart => {
                    clicked = chart_ui(ui, spec, plot).clicked_governorate;
                    if let Some(note) = partial_note(spec, dash.basis) {
                        ui.label(egui::RichText::new(note).small().strong());
                    }
                    if !spec.is_empty() && !presenting {
                        ui.label(
                            egui::RichText::new("Click a governorate's bar to filter to it")
                                .small()
                                .weak(),
                        );
                    }
                }
                Mode::Table => {
                    table_view.ui(
                        ui,
                        "governorates-table",
                        (table, &dash.governorates_csv),
                        plot.height,
                        presenting,
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
