//! Draws any [`ChartSpec`] with `egui_plot`: lines, bars, points, event markers and
//! bands, calendar ticks on a linked time axis, and a tooltip with the exact value,
//! date, series and source. Event markers and band labels are labelled in a strip
//! above the plot ([`super::annotations`]), never over the data. A chart with
//! nothing to draw shows its message as a real label, never an empty axis.

use egui::{Align2, Id, RichText, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, ItemId, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints,
    Points, Span, Text,
};

use super::{annotations, palette, time_axis};
use crate::model::{ChartId, ChartSpec, Point, Series, SeriesKind, Unit, date_of_day_number};

pub use crate::model::SourceNames;

/// How to draw a chart this frame.
pub struct PlotOptions<'a> {
    pub height: f32,
    /// The x range to show by default (the filter's years, as day numbers).
    pub x_range: (f64, f64),
    pub show_events: bool,
    /// Every event, not only the key ones (milestones).
    pub all_events: bool,
    /// Label the events in a strip above the plot (off for a plot stacked under
    /// another that labels them).
    pub label_events: bool,
    /// Series a legend just above already names (same label, colour and kind): left
    /// out of this chart's legend.
    pub legend_known: &'a [String],
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
/// The grid's minimum line spacing in points (`egui_plot`'s default).
const GRID_MIN_SPACING: f64 = 8.0;

/// The id of a series' plot item.
fn item_id(spec: &ChartSpec, label: &str) -> ItemId {
    ItemId::new((format!("{:?}", spec.id), label))
}

/// The id of a chart's plot: its memory (bounds, transform) is found under it, so
/// tests can read what the plot shows.
#[must_use]
pub fn plot_id(id: ChartId) -> Id {
    Id::unique(("chart-plot", id))
}

/// What a chart's plot showed last frame: its bounds and where it was on screen.
#[must_use]
pub fn plot_memory(ctx: &egui::Context, id: ChartId) -> Option<egui_plot::PlotMemory> {
    egui_plot::PlotMemory::load(ctx, plot_id(id))
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
    let mut tooltip_spec = spec.clone();
    // The tooltip names only the events drawn.
    tooltip_spec
        .markers
        .retain(|m| options.show_events && (options.all_events || m.key));
    let sources = options.sources.clone();
    // Event and band labels take a strip above the plot, out of the plot's height.
    let strip = annotations::reserve(ui, spec, options, Y_AXIS_WIDTH);
    let height =
        (options.height - strip.as_ref().map_or(0.0, annotations::StripSpace::height)).max(60.0);
    let id = plot_id(spec.id);
    // The x axis follows the filter's years: whenever they change (and on the first
    // frame) the plot goes back to automatic bounds, which are those years.
    let range_key = id.with("x-range");
    let range = [options.x_range.0, options.x_range.1];
    let years = options.x_range;
    let shown = crate::model::drawn_x_range(years);
    let range_changed = ui.data(|d| d.get_temp::<[f64; 2]>(range_key)) != Some(range);
    if range_changed {
        ui.data_mut(|d| d.insert_temp(range_key, range));
    }
    let x_axis = AxisHints::new_x()
        .formatter(|mark, _range| time_axis::label(mark))
        .tick_label_font(egui::FontId::proportional(time_axis::TICK_FONT_SIZE))
        // Marks are spaced for their labels already (see `time_axis`).
        .label_spacing(egui::Rangef::new(20.0, 30.0));
    let mut plot = Plot::new(("chart", format!("{:?}", spec.id)))
        .id(id)
        .height(height)
        .custom_x_axes(vec![x_axis])
        .y_axis_label(unit.label())
        .y_axis_min_width(Y_AXIS_WIDTH)
        .include_y(0.0)
        .allow_scroll(false)
        .default_x_bounds(shown.0, shown.1)
        .link_axis(Id::unique(TIME_AXIS), [true, false])
        .link_cursor(Id::unique(TIME_AXIS), [true, false])
        .x_grid_spacer(move |input| {
            // `base_step_size` is the span of the grid's minimum spacing (8 points).
            let px_per_day = GRID_MIN_SPACING / input.base_step_size;
            // The filter's view marks its years, not the margins around them.
            let default_view =
                (input.bounds.0 - shown.0).abs() < 1.0 && (input.bounds.1 - shown.1).abs() < 1.0;
            let (lo, hi) = if default_view { years } else { input.bounds };
            time_axis::marks(lo, hi, px_per_day)
        })
        .grid_spacing(egui::Rangef::new(GRID_MIN_SPACING as f32, 300.0))
        .y_axis_formatter(move |mark, _range| unit.axis(mark.value))
        .label_formatter(move |position| tooltip(&tooltip_spec, &sources, position));
    if unit == Unit::Percent {
        plot = plot.include_y(130.0);
    }
    let response = plot.show(ui, |plot_ui| {
        if range_changed {
            plot_ui.set_auto_bounds(egui::Vec2b::TRUE);
        }
        items_ui(plot_ui, spec, options);
    });
    if let Some(strip) = &strip {
        annotations::labels_ui(ui, strip, spec, options, &response.transform);
    }
    let mut out = ChartResponse::default();
    let bar = response
        .response
        .hover_pos()
        .and_then(|pointer| bar_at(ui, spec, &response.transform, pointer));
    if let Some((series, point)) = bar {
        bar_tooltip_ui(&response.response, spec, series, point, options.sources);
    }
    if response.response.clicked() {
        out.clicked_governorate = match bar {
            Some((series, _)) => series.governorate.clone(),
            None => response.hovered_plot_item.and_then(|hovered| {
                spec.series
                    .iter()
                    .find(|s| item_id(spec, &s.label) == hovered)
                    .and_then(|s| s.governorate.clone())
            }),
        };
    }
    legend_ui(ui, spec, options);
    for note in &spec.notes {
        ui.label(RichText::new(note).small().weak());
    }
    out
}

/// The bar under (or within the interaction radius of) the pointer, topmost first:
/// found from the chart's own points, so hovering and clicking agree with what is
/// drawn whatever else (event markers, labels) lies near the pointer.
fn bar_at<'s>(
    ui: &Ui,
    spec: &'s ChartSpec,
    transform: &egui_plot::PlotTransform,
    pointer: egui::Pos2,
) -> Option<(&'s Series, &'s Point)> {
    if !transform.frame().contains(pointer) {
        return None;
    }
    let radius_sq = ui.style().interaction.interact_radius.powi(2);
    let mut best: Option<(f32, &Series, &Point)> = None;
    for series in spec
        .series
        .iter()
        .rev()
        .filter(|s| s.kind == SeriesKind::Bars)
    {
        for p in &series.points {
            let rect = transform.rect_from_values(
                &PlotPoint::new(p.x - p.width / 2.0, p.base),
                &PlotPoint::new(p.x + p.width / 2.0, p.base + p.y),
            );
            let d = rect.distance_sq_to_pos(pointer);
            if d <= radius_sq && best.is_none_or(|(b, _, _)| d < b) {
                best = Some((d, series, p));
            }
        }
    }
    best.map(|(_, s, p)| (s, p))
}

/// A bar's tooltip: a real tooltip (framed, kept inside the window), shown at once
/// as the plot's own tooltips are.
fn bar_tooltip_ui(
    plot: &egui::Response,
    spec: &ChartSpec,
    series: &Series,
    p: &Point,
    sources: &SourceNames,
) {
    let text = point_text(spec, series, p, sources);
    egui::Tooltip::always_open(
        plot.ctx.clone(),
        plot.layer_id,
        plot.id.with("bar-tooltip"),
        egui::PopupAnchor::Pointer,
    )
    .gap(12.0)
    .show(|ui| {
        ui.set_max_width(ui.spacing().tooltip_width);
        ui.label(text);
    });
}

/// The chart's bands: a faint span (its label is in the strip above the plot, so it
/// never covers the values it speaks about nor moves the plot's bounds).
fn bands_ui(plot_ui: &mut egui_plot::PlotUi<'_>, spec: &ChartSpec) {
    for band in &spec.bands {
        plot_ui.add(
            Span::new("", band.from_x..=band.to_x)
                .fill(palette::BAND)
                .border_width(0.0),
        );
    }
}

/// Draws the chart's bands, event markers and series into the plot.
fn items_ui(plot_ui: &mut egui_plot::PlotUi<'_>, spec: &ChartSpec, options: &PlotOptions<'_>) {
    let unit = spec.unit;
    bands_ui(plot_ui, spec);
    annotations::lines_ui(plot_ui, spec, options);
    // Events (closures) first, so the lines are drawn over them and never hidden.
    let (events, others): (Vec<_>, Vec<_>) = spec
        .series
        .iter()
        .partition(|s| s.kind == SeriesKind::Events);
    for series in events.into_iter().chain(others) {
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
            SeriesKind::Points | SeriesKind::Events => {
                // Events are hollow, so a line through them stays visible.
                plot_ui.add(
                    Points::new(series.label.as_str(), PlotPoints::from(xy))
                        .id(id)
                        .color(colour)
                        .shape(MarkerShape::Diamond)
                        .filled(series.kind == SeriesKind::Points)
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
                    })
                    .collect();
                plot_ui.add(
                    BarChart::new(series.label.as_str(), bars)
                        .id(id)
                        .color(colour)
                        // Our own tooltip names the bar (`bar_tooltip_ui`); egui_plot's
                        // text has no background and runs off the window.
                        .element_formatter(Box::new(|_, _| String::new())),
                );
            }
        }
        if series.value_labels {
            // Points (figures reported at the time) are labelled below, lines above, so
            // the two figures of one year never cover each other (as in exports).
            // Clear of the point's mark: 6 px, in plot units at the last frame's zoom.
            let gap = 6.0 * plot_ui.transform().dvalue_dpos()[1].abs();
            let (anchor, gap) = if series.kind == SeriesKind::Points {
                (Align2::CENTER_TOP, -gap)
            } else {
                (Align2::CENTER_BOTTOM, gap)
            };
            for p in &series.points {
                plot_ui.add(
                    Text::new(
                        "",
                        PlotPoint::new(p.x, p.y + gap),
                        RichText::new(unit.exact(p.y)).small().color(colour),
                    )
                    .anchor(anchor),
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
/// listed under a time chart, each with its date and short title (the full title on
/// hover). Like the markers, the key events by default and every one with `all`;
/// how many others there are is said, with their titles on hover.
pub fn after_data_ui(ui: &mut Ui, spec: &ChartSpec, all: bool) {
    if spec.after_data.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label(RichText::new("After the data:").small().strong())
            .on_hover_text("Events after the last year with IDP figures; not on the time axis");
        for (i, event) in crate::model::shown_after_data(&spec.after_data, all).enumerate() {
            if i > 0 {
                ui.label(RichText::new("\u{b7}").small().weak());
            }
            ui.label(RichText::new(&event.date).small().weak());
            ui.label(RichText::new(&event.short_title).small())
                .on_hover_text(format!("{} \u{b7} {}", event.date, event.title));
        }
        let others: Vec<String> = spec
            .after_data
            .iter()
            .filter(|e| !all && !e.key)
            .map(|e| format!("{} \u{b7} {}", e.date, e.title))
            .collect();
        if !others.is_empty() {
            let text = match others.len() {
                1 => "and 1 more event".to_string(),
                n => format!("and {n} more events"),
            };
            ui.label(RichText::new(text).small().weak())
                .on_hover_text(others.join("\n"));
        }
    });
}

/// The legend, under the plot so it never covers data: one swatch and name per
/// series, in the order the chart gives them.
fn legend_ui(ui: &mut Ui, spec: &ChartSpec, options: &PlotOptions<'_>) {
    let shown: Vec<&Series> = spec.series.iter().collect();
    if shown
        .iter()
        .all(|s| options.legend_known.contains(&s.label))
    {
        ui.label(RichText::new("Lines as in the legend above").small().weak());
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for series in shown
            .into_iter()
            .filter(|s| !options.legend_known.contains(&s.label))
        {
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
        SeriesKind::Points | SeriesKind::Events => {
            let r = 5.0;
            let points = vec![
                c + egui::vec2(0.0, -r),
                c + egui::vec2(r, 0.0),
                c + egui::vec2(0.0, r),
                c + egui::vec2(-r, 0.0),
            ];
            let (fill, stroke) = if kind == SeriesKind::Points {
                (colour, egui::Stroke::NONE)
            } else {
                (egui::Color32::TRANSPARENT, egui::Stroke::new(1.5, colour))
            };
            painter.add(egui::Shape::convex_polygon(points, fill, stroke));
        }
    }
}

/// What a point's tooltip says: series, date, exact value, note and source.
fn point_text(spec: &ChartSpec, series: &Series, p: &Point, sources: &SourceNames) -> String {
    let mut text = format!("{}\n{}: {}", series.label, p.label, spec.unit.exact(p.y));
    if let Some(note) = &p.note {
        text.push('\n');
        text.push_str(note);
    }
    let source = sources.get(&p.source_id).unwrap_or(&p.source_id);
    text.push_str("\nSource: ");
    text.push_str(source);
    text
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
            Some(point_text(spec, series, p, sources))
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
