//! A panel's frame, shared by every panel: the title, the Chart/Table switch,
//! Export… and Copy image, the panel's own controls, the subtitle, the body and the
//! source line.

use egui::{Frame, RichText, Ui};

use super::Mode;
use crate::model::{ChartSpec, PanelId};
use crate::ui::command::Command;

/// Space between a panel's title and its controls on the same row.
const TITLE_GAP: f32 = 16.0;

/// The Chart/Table switch, Export and Copy image, then the panel's own controls;
/// returns the width they took.
fn controls_ui(
    ui: &mut Ui,
    id: PanelId,
    commands: &mut Vec<Command>,
    mode: &mut Mode,
    controls: impl FnOnce(&mut Ui),
) -> f32 {
    let left = ui.cursor().left();
    // The briefing panel's body is text and its table the sources it cites.
    let text = id == PanelId::Briefing;
    ui.selectable_value(mode, Mode::Chart, if text { "Text" } else { "Chart" });
    ui.selectable_value(mode, Mode::Table, if text { "Sources" } else { "Table" })
        .on_hover_text(if text {
            "The sources the paragraph cites, as a table"
        } else {
            "The numbers behind this chart"
        });
    ui.separator();
    if ui
        .small_button("Export\u{2026}")
        .on_hover_text(if text {
            "Save as Markdown, plain text, SVG or PNG (Ctrl+E)"
        } else {
            "Save as SVG, PNG or CSV (Ctrl+E)"
        })
        .clicked()
    {
        commands.push(Command::AskExport(id));
    }
    if ui
        .small_button("Copy image")
        .on_hover_text("Put this chart, as print-quality PNG, on the clipboard")
        .clicked()
    {
        commands.push(Command::CopyImage(id));
    }
    ui.separator();
    controls(ui);
    ui.min_rect().right() - left
}

/// A panel's frame: title, the Chart/Table switch and the panel's own controls on
/// the right, the subtitle, then the body, then the source line. `spec` is the
/// panel's first chart (its title, subtitle and source line); returns what the
/// frame's buttons asked for.
pub fn panel_ui(
    ui: &mut Ui,
    id: PanelId,
    presenting: bool,
    spec: &ChartSpec,
    mode: &mut Mode,
    controls: impl FnOnce(&mut Ui),
    body: impl FnOnce(&mut Ui),
) -> Vec<Command> {
    let heading = Heading {
        title: &spec.title,
        subtitle: &spec.subtitle,
        subtitle_italic: spec.national_only,
        source_line: &spec.source_line,
    };
    frame_ui(ui, id, presenting, &heading, mode, controls, body)
}

/// What a panel's frame writes around its body.
pub struct Heading<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    /// Italic: the figures ignore the governorate filter.
    pub subtitle_italic: bool,
    /// Written under the body; nothing when empty (the body writes its own).
    pub source_line: &'a str,
}

/// [`panel_ui`] for a panel whose heading is not a chart's (the map).
pub fn frame_ui(
    ui: &mut Ui,
    id: PanelId,
    presenting: bool,
    heading: &Heading<'_>,
    mode: &mut Mode,
    controls: impl FnOnce(&mut Ui),
    body: impl FnOnce(&mut Ui),
) -> Vec<Command> {
    let mut commands = Vec::new();
    let framed = Frame::group(ui.style()).inner_margin(8.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let size = if presenting { 22.0 } else { 16.0 };
        // The title, with the controls beside it where the whole group fits (as
        // measured on the last frame), else on their own row: a narrow column never
        // hides the title, and the controls never split across rows.
        let width_id = ui.scope_id().with(("panel-controls-width", id));
        let controls_width = ui
            .data(|d| d.get_temp::<f32>(width_id))
            .unwrap_or(f32::INFINITY);
        let mut controls = Some(controls);
        ui.horizontal(|ui| {
            ui.label(RichText::new(heading.title).strong().size(size));
            if !presenting && ui.available_width() >= controls_width + TITLE_GAP {
                ui.add_space(TITLE_GAP);
                if let Some(controls) = controls.take() {
                    let width = controls_ui(ui, id, &mut commands, mode, controls);
                    ui.data_mut(|d| d.insert_temp(width_id, width));
                }
            }
        });
        if !presenting && let Some(controls) = controls.take() {
            ui.horizontal_wrapped(|ui| {
                let width = controls_ui(ui, id, &mut commands, mode, controls);
                ui.data_mut(|d| d.insert_temp(width_id, width));
            });
        }
        let subtitle = if heading.subtitle_italic {
            RichText::new(heading.subtitle).small().italics()
        } else {
            RichText::new(heading.subtitle).small().weak()
        };
        ui.label(subtitle);
        body(ui);
        if !heading.source_line.is_empty() {
            ui.label(RichText::new(heading.source_line).small().weak());
        }
    });
    if framed.response.contains_pointer() && ui.input(|i| i.pointer.any_click()) {
        commands.push(Command::Focus(id));
    }
    commands
}
