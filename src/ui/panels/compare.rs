//! Two dates compared (issue 13): the change in IDPs by governorate between two
//! governorate tables, as diverging bars sorted by change, each with its absolute
//! and percentage change, the national change above them. The dates (two combo
//! boxes over the tables in range) and whether partial tables are offered are
//! `Choices`; hovering a bar gives its exact figures and source, clicking it toggles
//! the governorate in the filter. Its table is the figures behind the bars.
//!
//! The bars are drawn with egui's painter, not `egui_plot`: a ranked list of
//! categories has no time axis to link and nothing to zoom, and this way each
//! row is one widget whose name, values and change are readable by screen readers
//! (and by the tests).

use egui::{Align, Color32, Layout, RichText, Sense, Stroke, Ui, UiBuilder, vec2};

use super::frame::{Heading, frame_ui};
use super::{Mode, Panel, PanelCx};
use crate::domain::Choices;
use crate::domain::Pcode;
use crate::model::{CompareBar, CompareSpec, Dashboard, PanelId, signed_count};
use crate::ui::command::Command;
use crate::ui::table_view::TableView;

/// A row's height, points.
const ROW: f32 = 22.0;
/// Space between a bar's end and its label, points.
const LABEL_GAP: f32 = 5.0;

/// The compare panel.
#[derive(Debug, Default)]
pub struct ComparePanel {
    pub mode: Mode,
    pub table: TableView,
}

impl Panel for ComparePanel {
    fn id(&self) -> PanelId {
        PanelId::Compare
    }

    fn mode(&self) -> Mode {
        self.mode
    }

    fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
    }

    fn title<'a>(&self, dash: &'a Dashboard) -> &'a str {
        &dash.compare.title
    }

    /// Draws the panel; the two dates and the partial switch are `choices` (the
    /// dashboard is recomputed for them after the frame), a click on a bar pushes
    /// [`Command::ToggleGovernorate`].
    fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, choices: &mut Choices, cx: &mut PanelCx<'_>) {
        let Self {
            mode,
            table: table_view,
        } = self;
        let spec = &dash.compare;
        let current = *mode;
        let height = cx.plot.height;
        let presenting = cx.presenting;
        let mut asked = Vec::new();
        let heading = Heading {
            title: &spec.title,
            subtitle: &spec.subtitle,
            subtitle_italic: false,
            source_line: &spec.source_line,
        };
        let commands = frame_ui(
            ui,
            PanelId::Compare,
            presenting,
            &heading,
            mode,
            |ui| dates_ui(ui, spec, choices),
            |ui| match current {
                Mode::Chart => {
                    if let Some(p) = bars_ui(ui, spec) {
                        asked.push(Command::ToggleGovernorate(p));
                    }
                }
                Mode::Table => {
                    table_view.ui(
                        ui,
                        "compare-table",
                        (&dash.compare_table, &dash.compare_csv),
                        height,
                        presenting,
                    );
                }
            },
        );
        cx.commands.extend(commands);
        cx.commands.extend(asked);
    }
}

/// The two date pickers and the partial switch.
fn dates_ui(ui: &mut Ui, spec: &CompareSpec, choices: &mut Choices) {
    let (Some(from), Some(to)) = (&spec.from, &spec.to) else {
        ui.checkbox(&mut choices.compare_partial, "Partial tables")
            .on_hover_text("Also offer tables that name only some governorates");
        return;
    };
    let pick = |ui: &mut Ui,
                label: &str,
                id: &str,
                now: &crate::model::CompareDate,
                ok: &dyn Fn(chrono::NaiveDate) -> bool| {
        let l = ui.label(label);
        let mut chosen = now.date;
        egui::ComboBox::from_id_salt(id)
            .selected_text(&now.label)
            .show_ui(ui, |ui| {
                for d in spec.dates.iter().filter(|d| ok(d.date)) {
                    ui.selectable_value(&mut chosen, d.date, &d.label);
                }
            })
            .response
            .labelled_by(l.id);
        (chosen != now.date).then_some(chosen)
    };
    if let Some(d) = pick(ui, "From", "compare-from", from, &|d| d < to.date) {
        choices.compare_from = Some(d);
        choices.compare_to = Some(to.date);
    }
    if let Some(d) = pick(ui, "to", "compare-to", to, &|d| d > from.date) {
        choices.compare_from = Some(from.date);
        choices.compare_to = Some(d);
    }
    ui.checkbox(&mut choices.compare_partial, "Partial tables")
        .on_hover_text("Also offer tables that name only some governorates (marked \u{201c}partial\u{201d}; what they leave out is \u{201c}Other / not published\u{201d})");
}

/// The national line, the bars and their scale, the notes; returns the governorate
/// clicked.
fn bars_ui(ui: &mut Ui, spec: &CompareSpec) -> Option<Pcode> {
    if let Some(empty) = &spec.empty {
        ui.label(RichText::new(empty).italics().size(15.0));
        return None;
    }
    ui.label(RichText::new(&spec.national).strong());
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width_of = |ui: &Ui, text: &str| {
        ui.fonts_mut(|f| f.layout_no_wrap(text.to_string(), font.clone(), Color32::WHITE))
            .size()
            .x
    };
    let names_w = spec
        .bars
        .iter()
        .map(|b| width_of(ui, &b.name))
        .fold(0.0, f32::max)
        + 12.0;
    let label_w = |neg: bool| {
        spec.bars
            .iter()
            .filter(|b| b.change.is_some_and(|c| c < 0) == neg)
            .map(|b| width_of(ui, &b.label))
            .fold(0.0, f32::max)
            + LABEL_GAP
            + 4.0
    };
    let (left, right) = (label_w(true), label_w(false));
    let full = ui.available_width();
    let plot_w = (full - names_w - left - right).max(40.0);
    let origin = ui.cursor().left();
    let span = (spec.max as f64 - spec.min as f64).max(1.0);
    let at = move |v: i64| {
        origin + names_w + left + ((v as f64 - spec.min as f64) / span) as f32 * plot_w
    };
    let top = ui.cursor().top();
    let mut clicked = None;
    for b in &spec.bars {
        let (rect, response) = ui.allocate_exact_size(vec2(full, ROW), Sense::click());
        let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
        let label = format!("{}: {}", b.name, b.label);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.hovered() {
            ui.painter()
                .rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
            hover_ui(&response, b);
        }
        row_ui(ui, b, rect, names_w, &at);
        if response.clicked() {
            clicked = b.pcode.or(clicked);
        }
    }
    let bottom = ui.cursor().top();
    // The zero line, over the rows.
    let zero = at(0);
    ui.painter().line_segment(
        [egui::pos2(zero, top), egui::pos2(zero, bottom)],
        Stroke::new(1.0, ui.visuals().text_color()),
    );
    scale_ui(ui, spec, &at);
    legend_ui(ui, spec, origin + names_w);
    for note in &spec.notes {
        ui.label(RichText::new(note).small().weak());
    }
    clicked
}

/// One row: the name, right-aligned; the bar from zero; its label at the bar's end.
fn row_ui(ui: &mut Ui, b: &CompareBar, rect: egui::Rect, names_w: f32, at: &dyn Fn(i64) -> f32) {
    let name_rect = egui::Rect::from_min_size(rect.min, vec2(names_w - 8.0, ROW));
    ui.scope_builder(
        UiBuilder::new()
            .max_rect(name_rect)
            .layout(Layout::right_to_left(Align::Center)),
        |ui| ui.add(egui::Label::new(&b.name).selectable(false)),
    );
    let zero = at(0);
    let fill = Color32::from_rgb(b.colour[0], b.colour[1], b.colour[2]);
    let right_of = |x: f32| {
        let r = egui::Rect::from_x_y_ranges((x + LABEL_GAP)..=rect.right(), rect.y_range());
        (r, Layout::left_to_right(Align::Center))
    };
    let (label_rect, layout) = if let Some(c) = b.change {
        let end = at(c);
        let bar = egui::Rect::from_x_y_ranges(
            zero.min(end)..=zero.max(end),
            (rect.top() + ROW * 0.15)..=(rect.bottom() - ROW * 0.15),
        );
        ui.painter().rect_filled(bar, 1.0, fill);
        if c < 0 {
            let r = egui::Rect::from_x_y_ranges(rect.left()..=(end - LABEL_GAP), rect.y_range());
            (r, Layout::right_to_left(Align::Center))
        } else {
            right_of(end)
        }
    } else {
        right_of(zero)
    };
    let text = if b.change.is_some() {
        RichText::new(&b.label)
    } else {
        RichText::new(&b.label).weak().italics()
    };
    ui.scope_builder(UiBuilder::new().max_rect(label_rect).layout(layout), |ui| {
        ui.add(egui::Label::new(text).selectable(false))
    });
}

/// The scale's ticks under the rows.
fn scale_ui(ui: &mut Ui, spec: &CompareSpec, at: &dyn Fn(i64) -> f32) {
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 16.0), Sense::hover());
    for t in &spec.ticks {
        ui.painter().text(
            egui::pos2(at(*t), rect.top()),
            egui::Align2::CENTER_TOP,
            signed_count(*t),
            egui::FontId::proportional(11.0),
            ui.visuals().weak_text_color(),
        );
    }
}

/// What the colours mean, from the bars' left edge.
fn legend_ui(ui: &mut Ui, spec: &CompareSpec, left: f32) {
    ui.horizontal(|ui| {
        ui.add_space((left - ui.cursor().left()).max(0.0));
        for (label, [r, g, b]) in &spec.legend {
            let (swatch, _) = ui.allocate_exact_size(vec2(14.0, 12.0), Sense::hover());
            ui.painter()
                .rect_filled(swatch, 2.0, Color32::from_rgb(*r, *g, *b));
            ui.label(label);
            ui.add_space(8.0);
        }
    });
}

/// A bar's hover: the names (English and Arabic as separate labels), both values
/// with their dates, the change, the source.
fn hover_ui(response: &egui::Response, b: &CompareBar) {
    egui::Popup::from_response(response)
        .kind(egui::PopupKind::Tooltip)
        .at_pointer()
        .gap(12.0)
        .show(|ui| {
            ui.horizontal(|ui| {
                ui.strong(&b.name);
                if !b.name_ar.is_empty() {
                    ui.label(&b.name_ar);
                }
            });
            for line in &b.detail {
                ui.label(line);
            }
        });
}
