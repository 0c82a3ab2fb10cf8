//! Draws any [`ChartSpec`] with `egui_plot`: lines, bars, points, event markers and
//! bands, calendar ticks on a linked time axis, and a tooltip with the exact value,
//! date, series and source. A chart with nothing to draw shows its message as a
//! real label, never an empty axis.

use std::collections::BTreeMap;

use egui::{Align2, Id, RichText, Ui};
use egui_plot::{
    Bar, BarChart, GridMark, ItemId, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints,
    Points, Span, Text, VLine,
};

use super::palette;
use crate::model::{ChartSpec, SeriesKind, Unit, calendar_ticks, date_of_day_number};

/// Source id → "Publisher, title (date)", for tooltips.
pub type SourceNames = BTreeMap<String, String>;

/// How to draw a chart this frame.
pub struct PlotOptions<'a> {
    pub height: f32,
    /// The x range to show by default (the filter's years, as day numbers).
    pub x_range: (f64, f64),
    pub show_events: bool,
    /// Series labels the user has switched off.
    pub hidden: &'a [String],
    pub sources: &'a SourceNames,
}

/// What the user did in the chart.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChartResponse {
    /// A governorate whose bar or point was clicked (its P-code).
    pub clicked_governorate: Option<String>,
}

/// All time charts share this x axis.
const TIME_AXIS: &str = "time-axis";
/// Fixed y-axis width, so stacked charts line up.
const Y_AXIS_WIDTH: f32 = 72.0;

/// The id of a series' plot item.
fn item_id(spec: &ChartSpec, label: &str) -> ItemId {
    ItemId::new((format!("{:?}", spec.id), label))
}

/// Draws the chart and returns what was clicked.
pub fn chart_ui(ui: &mut Ui, spec: &ChartSpec, options: &PlotOptions<'_>) -> ChartResponse {
    if spec.is_empty() {
        ui.allocate_ui(egui::vec2(ui.available_width(), options.height), |ui| {
            ui.centered_and_justified(|ui| {
                ui.label(RichText::new(&spec.empty_message).italics().size(15.0));
            });
        });
        return ChartResponse::default();
    }
    let unit = spec.unit;
    let tooltip_spec = spec.clone();
    let sources = options.sources.clone();
    let mut plot = Plot::new(("chart", format!("{:?}", spec.id)))
        .height(options.height)
        .y_axis_label(unit.label())
        .y_axis_min_width(Y_AXIS_WIDTH)
        .include_y(0.0)
        .allow_scroll(false)
        .default_x_bounds(options.x_range.0, options.x_range.1)
        .link_axis(Id::unique(TIME_AXIS), [true, false])
        .link_cursor(Id::unique(TIME_AXIS), [true, false])
        .x_grid_spacer(|input| {
            calendar_ticks(input.bounds.0, input.bounds.1)
                .into_iter()
                .map(|t| GridMark {
                    value: t.x,
                    step_size: if t.year_start { 365.0 } else { 30.0 },
                })
                .collect()
        })
        .x_axis_formatter(|mark, _range| {
            let format = if mark.step_size >= 365.0 {
                "%Y"
            } else {
                "%b %Y"
            };
            date_of_day_number(mark.value)
                .map_or_else(String::new, |d| d.format(format).to_string())
        })
        .y_axis_formatter(move |mark, _range| unit.axis(mark.value))
        .label_formatter(move |position| tooltip(&tooltip_spec, &sources, position));
    if unit == Unit::Percent {
        plot = plot.include_y(130.0);
    }
    let response = plot.show(ui, |plot_ui| items_ui(plot_ui, spec, options));
    legend_ui(ui, spec, options.hidden);
    let mut out = ChartResponse::default();
    if response.response.clicked()
        && let Some(hovered) = response.hovered_plot_item
    {
        out.clicked_governorate = spec
            .series
            .iter()
            .find(|s| item_id(spec, &s.label) == hovered)
            .and_then(|s| s.governorate.clone());
    }
    out
}

/// The chart's bands: a faint span with its label at the top of the plot.
fn bands_ui(plot_ui: &mut egui_plot::PlotUi<'_>, spec: &ChartSpec) {
    for band in &spec.bands {
        plot_ui.add(
            Span::new("", band.from_x..=band.to_x)
                .fill(palette::BAND)
                .border_width(0.0),
        );
        // Above the values it speaks about (as in exports), at the band's own height:
        // placing it at the plot's current top would widen the automatic bounds by
        // their margin on every frame.
        let top = band.y;
        plot_ui.add(
            Text::new(
                "",
                PlotPoint::new(f64::midpoint(band.from_x, band.to_x), top),
                RichText::new(&band.label).small(),
            )
            .anchor(Align2::CENTER_TOP),
        );
    }
}

/// Draws the chart's bands, event markers and series into the plot.
fn items_ui(plot_ui: &mut egui_plot::PlotUi<'_>, spec: &ChartSpec, options: &PlotOptions<'_>) {
    let unit = spec.unit;
    bands_ui(plot_ui, spec);
    if options.show_events {
        for marker in &spec.markers {
            // Unnamed, so the legend lists series only; hovering near one names it.
            plot_ui.add(
                VLine::new("", marker.x)
                    .color(palette::MARKER)
                    .width(0.8)
                    .style(LineStyle::dashed_dense()),
            );
        }
    }
    for series in spec
        .series
        .iter()
        .filter(|s| !options.hidden.contains(&s.label))
    {
        let colour = palette::series(series.colour);
        let id = item_id(spec, &series.label);
        let xy: Vec<[f64; 2]> = series.points.iter().map(|p| [p.x, p.y]).collect();
        match series.kind {
            SeriesKind::Line | SeriesKind::Comparison => {
                let comparison = series.kind == SeriesKind::Comparison;
                let mut line = Line::new(series.label.as_str(), PlotPoints::from(xy.clone()))
                    .id(id)
                    .color(colour)
                    .width(if comparison { 1.5 } else { 2.0 });
                if comparison {
                    line = line.style(LineStyle::dashed_loose());
                }
                plot_ui.line(line);
                if series.points.len() <= 16 {
                    plot_ui.add(
                        Points::new(series.label.as_str(), PlotPoints::from(xy))
                            .id(ItemId::new(("points", id)))
                            .color(colour)
                            .radius(3.0),
                    );
                }
            }
            SeriesKind::Points => {
                plot_ui.add(
                    Points::new(series.label.as_str(), PlotPoints::from(xy))
                        .id(id)
                        .color(colour)
                        .shape(MarkerShape::Diamond)
                        .filled(true)
                        .radius(5.0),
                );
            }
            SeriesKind::Continuation => continuation_ui(plot_ui, series, id, colour, xy),
            SeriesKind::Bars => {
                let bars = series
                    .points
                    .iter()
                    .map(|p| {
                        Bar::new(p.x, p.y)
                            .base_offset(p.base)
                            .width(p.width)
                            .fill(colour)
                            .name(bar_name(&series.label, p, options.sources))
                    })
                    .collect();
                let formatter_unit = unit;
                plot_ui.add(
                    BarChart::new(series.label.as_str(), bars)
                        .id(id)
                        .color(colour)
                        .element_formatter(Box::new(move |bar, _| {
                            format!("{}: {}", bar.name, formatter_unit.exact(bar.value))
                        })),
                );
            }
        }
        if series.value_labels {
            for p in &series.points {
                plot_ui.add(
                    Text::new(
                        "",
                        PlotPoint::new(p.x, p.y),
                        RichText::new(unit.exact(p.y)).small().color(colour),
                    )
                    .anchor(Align2::CENTER_BOTTOM),
                );
            }
        }
    }
}

/// A continuation: a dashed segment from the line's last point through its own
/// points (not hoverable: its points carry the tooltips), drawn as rings so they
/// read as another publisher's figures, never as the line's.
fn continuation_ui(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    series: &crate::model::Series,
    id: ItemId,
    colour: egui::Color32,
    xy: Vec<[f64; 2]>,
) {
    let mut dashed: Vec<[f64; 2]> = series
        .continues_from
        .map(|(x, y)| vec![[x, y]])
        .unwrap_or_default();
    dashed.extend(xy.iter().copied());
    if dashed.len() > 1 {
        plot_ui.line(
            Line::new("", PlotPoints::from(dashed))
                .id(ItemId::new(("continuation", id)))
                .color(colour)
                .width(2.0)
                .style(LineStyle::Dashed { length: 7.0 })
                .allow_hover(false),
        );
    }
    let ctx = plot_ui.ctx();
    let background = ctx.style_of(ctx.theme()).visuals.extreme_bg_color;
    plot_ui.add(
        Points::new(series.label.as_str(), PlotPoints::from(xy.clone()))
            .id(id)
            .color(colour)
            .radius(5.0),
    );
    plot_ui.add(
        Points::new("", PlotPoints::from(xy))
            .id(ItemId::new(("continuation-hole", id)))
            .color(background)
            .radius(3.0)
            .allow_hover(false),
    );
}

/// The "after the data" strip (DESIGN §7): events after the data's last year,
/// listed under a time chart, each with its date.
pub fn after_data_ui(ui: &mut Ui, spec: &ChartSpec) {
    if spec.after_data.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label(RichText::new("After the data:").small().strong())
            .on_hover_text("Events after the last year with IDP figures; not on the time axis");
        for (i, event) in spec.after_data.iter().enumerate() {
            if i > 0 {
                ui.label(RichText::new("\u{b7}").small().weak());
            }
            ui.label(RichText::new(&event.date).small().weak());
            ui.label(RichText::new(&event.title).small());
        }
    });
}

/// The legend, under the plot so it never covers data: one swatch and name per
/// series, in the order the chart gives them.
fn legend_ui(ui: &mut Ui, spec: &ChartSpec, hidden: &[String]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for series in spec.series.iter().filter(|s| !hidden.contains(&s.label)) {
            swatch_ui(ui, series.kind, palette::series(series.colour));
            ui.label(RichText::new(&series.label).small());
            ui.add_space(8.0);
        }
    });
}

/// A small drawing of how a series looks: a line, a dashed line, a box or a diamond.
fn swatch_ui(ui: &mut Ui, kind: SeriesKind, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 10.0), egui::Sense::hover());
    let painter = ui.painter();
    let c = rect.center();
    match kind {
        SeriesKind::Line => {
            painter.line_segment(
                [rect.left_center(), rect.right_center()],
                egui::Stroke::new(2.5, colour),
            );
        }
        SeriesKind::Comparison => {
            let dashes = egui::Shape::dashed_line(
                &[rect.left_center(), rect.right_center()],
                egui::Stroke::new(2.0, colour),
                4.0,
                3.0,
            );
            painter.extend(dashes);
        }
        SeriesKind::Bars => {
            painter.rect_filled(
                egui::Rect::from_center_size(c, egui::vec2(10.0, 10.0)),
                1.0,
                colour,
            );
        }
        SeriesKind::Continuation => {
            let dashes = egui::Shape::dashed_line(
                &[rect.left_center(), rect.right_center()],
                egui::Stroke::new(2.0, colour),
                3.0,
                2.0,
            );
            painter.extend(dashes);
            painter.circle(
                c,
                3.5,
                ui.visuals().extreme_bg_color,
                egui::Stroke::new(1.5, colour),
            );
        }
        SeriesKind::Points => {
            let r = 5.0;
            let points = vec![
                c + egui::vec2(0.0, -r),
                c + egui::vec2(r, 0.0),
                c + egui::vec2(0.0, r),
                c + egui::vec2(-r, 0.0),
            ];
            painter.add(egui::Shape::convex_polygon(
                points,
                colour,
                egui::Stroke::NONE,
            ));
        }
    }
}

/// A bar's tooltip heading: series, date, note and source (the value follows).
fn bar_name(series: &str, p: &crate::model::Point, sources: &SourceNames) -> String {
    let source = sources.get(&p.source_id).unwrap_or(&p.source_id);
    let note = p
        .note
        .as_ref()
        .map(|n| format!("\n{n}"))
        .unwrap_or_default();
    format!("{series}, {}{note}\nSource: {source}\nValue", p.label)
}

/// The hover text: series, date, exact value, note and source; or, away from data,
/// the date and any event near it.
fn tooltip(
    spec: &ChartSpec,
    sources: &SourceNames,
    position: &egui_plot::HoverPosition<'_>,
) -> Option<String> {
    match position {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name, index, ..
        } => {
            let series = spec.series.iter().find(|s| s.label == *plot_name)?;
            let p = series.points.get(*index)?;
            let mut text = format!("{}\n{}: {}", series.label, p.label, spec.unit.exact(p.y));
            if let Some(note) = &p.note {
                text.push('\n');
                text.push_str(note);
            }
            let source = sources.get(&p.source_id).unwrap_or(&p.source_id);
            text.push_str("\nSource: ");
            text.push_str(source);
            Some(text)
        }
        egui_plot::HoverPosition::Elsewhere { position } => {
            let date = date_of_day_number(position.x)?;
            let near: Vec<&str> = spec
                .markers
                .iter()
                .filter(|m| (m.x - position.x).abs() < 25.0)
                .map(|m| m.label.as_str())
                .collect();
            let mut text = date.format("%b %Y").to_string();
            for n in near {
                text.push('\n');
                text.push_str(n);
            }
            Some(text)
        }
    }
}
