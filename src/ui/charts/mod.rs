//! The chart panels, one file each. A panel owns its state (chart or table, its own
//! controls) and draws the [`ChartSpec`]s the app computed for the current filters.

pub mod camps;
pub mod funding;
pub mod governorates;
pub mod idps;

use egui::{Frame, RichText, Ui};

use super::plot::PlotOptions;
use crate::model::ChartSpec;

/// Chart or the numbers behind it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Chart,
    Table,
}

/// What every panel needs to draw this frame.
pub struct PanelContext<'a> {
    pub plot: PlotOptions<'a>,
}

/// A panel's frame: title, the Chart/Table switch and the panel's own controls on
/// the right, the subtitle, then the body, then the source line.
pub fn panel_ui(
    ui: &mut Ui,
    spec: &ChartSpec,
    mode: &mut Mode,
    controls: impl FnOnce(&mut Ui),
    body: impl FnOnce(&mut Ui),
) {
    Frame::group(ui.style()).inner_margin(8.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(&spec.title).strong().size(16.0));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.selectable_value(mode, Mode::Table, "Table")
                    .on_hover_text("The numbers behind this chart");
                ui.selectable_value(mode, Mode::Chart, "Chart");
                controls(ui);
            });
        });
        let subtitle = if spec.national_only {
            RichText::new(&spec.subtitle).small().italics()
        } else {
            RichText::new(&spec.subtitle).small().weak()
        };
        ui.label(subtitle);
        body(ui);
        ui.label(RichText::new(&spec.source_line).small().weak());
    });
}
