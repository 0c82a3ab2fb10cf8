//! One chart panel in print styling: title, filter subtitle, one or two plots on the
//! same time axis (each with axis titles, calendar ticks on x and nice ticks on y, its
//! series, bands, event markers and legend), and the key of the event markers.
//!
//! The panel draws exactly the [`ChartSpec`]s it is given: every legend entry is one
//! drawn series (`<g class="series" data-series="…">`), series with no point in
//! range are neither drawn nor listed, and a chart with nothing to draw says its
//! empty message where the plot would be.

use chrono::NaiveDate;

use super::svg::{AXIS, Anchor, BAND, GRID, INK, MARKER, MUTED, Stroke, Svg, TextStyle, wrap};
use crate::fonts::text_width;
use crate::model::{ChartSpec, Series, SeriesKind, Unit, calendar_ticks, date_of_day_number};
use crate::palette;
use crate::query::Filters;

/// Text sizes and spacing of a panel, in px.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub title: f64,
    pub subtitle: f64,
    pub heading: f64,
    pub tick: f64,
    pub legend: f64,
    pub small: f64,
    /// Plots are never drawn lower than this.
    pub min_plot: f64,
    /// Radius of a diamond point.
    pub point: f64,
}

/// A chart on its own page.
pub const PAGE: Style = Style {
    title: 20.0,
    subtitle: 13.0,
    heading: 14.0,
    tick: 11.0,
    legend: 11.5,
    small: 10.5,
    min_plot: 220.0,
    point: 5.0,
};

/// A chart in a cell of the briefing sheet.
pub const SHEET: Style = Style {
    title: 13.0,
    subtitle: 9.5,
    heading: 10.5,
    tick: 8.5,
    legend: 8.5,
    small: 8.0,
    min_plot: 60.0,
    point: 3.5,
};

/// A rectangle on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// What to draw besides the series.
#[derive(Debug, Clone, Copy)]
pub struct PanelOptions {
    /// The x range, as day numbers (the filter's years).
    pub x_range: (f64, f64),
    pub show_events: bool,
}

/// The x range of the filter's years: 1 January of `from` to 31 December of `to`.
#[must_use]
pub fn x_range(filters: &Filters) -> (f64, f64) {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).map_or(0.0, crate::model::day_number);
    (day(filters.from, 1, 1), day(filters.to, 12, 31))
}

/// Share of the plot height for each of `n` stacked plots.
fn plot_weights(n: usize) -> Vec<f64> {
    match n {
        0 => Vec::new(),
        1 => vec![1.0],
        2 => vec![0.6, 0.4],
        _ => vec![1.0 / n as f64; n],
    }
}

/// The least height of `n` stacked plots together: the first plot gets at least
/// `min_plot`, a second one less.
#[must_use]
pub fn min_plots_height(n: usize, style: &Style) -> f64 {
    match n {
        0 => 0.0,
        1 => style.min_plot,
        n => style.min_plot * (1.0 + 0.5 * (n - 1) as f64),
    }
}

/// Line height for text of `size` px.
fn line(size: f64) -> f64 {
    size * 1.45
}

/// The series a plot draws: those with a point.
fn drawn(spec: &ChartSpec) -> impl Iterator<Item = &Series> {
    spec.series.iter().filter(|s| !s.points.is_empty())
}

/// Legend rows: each entry with its x offset within the row.
fn legend_rows<'a>(spec: &'a ChartSpec, width: f64, style: &Style) -> Vec<Vec<(&'a Series, f64)>> {
    let mut rows: Vec<Vec<(&Series, f64)>> = Vec::new();
    let mut x = 0.0;
    for s in drawn(spec) {
        let w = SWATCH + 4.0 + text_width(&s.label, style.legend, false);
        if rows.is_empty() || (x > 0.0 && x + w > width) {
            rows.push(Vec::new());
            x = 0.0;
        }
        if let Some(row) = rows.last_mut() {
            row.push((s, x));
        }
        x += w + 14.0;
    }
    rows
}

/// Width of a legend swatch.
const SWATCH: f64 = 16.0;

/// The numbered markers of a panel in range, and their key.
fn event_key(spec: &ChartSpec, options: &PanelOptions) -> Vec<(f64, String)> {
    if !options.show_events {
        return Vec::new();
    }
    let (lo, hi) = options.x_range;
    spec.markers
        .iter()
        .filter(|m| (lo..=hi).contains(&m.x))
        .map(|m| (m.x, m.label.clone()))
        .collect()
}

fn event_key_lines(events: &[(f64, String)], width: f64, style: &Style) -> Vec<String> {
    if events.is_empty() {
        return Vec::new();
    }
    let text = events
        .iter()
        .enumerate()
        .map(|(i, (_, label))| format!("[{}]\u{a0}{label}", i + 1))
        .collect::<Vec<_>>()
        .join("\u{2003} ");
    wrap(&format!("Events: {text}"), width, style.small, false)
}

/// About how many y ticks fit a plot `height` px high.
fn tick_count(height: f64, style: &Style) -> f64 {
    (height / (style.tick * 3.0)).floor().clamp(3.0, 5.0)
}

/// The y ticks of a plot: step and top.
fn y_scale(spec: &ChartSpec, ticks: f64) -> (f64, f64) {
    let mut max = drawn(spec)
        .flat_map(|s| s.points.iter().map(|p| p.base + p.y))
        .fold(0.0_f64, f64::max);
    for b in &spec.bands {
        max = max.max(b.y * 1.08);
    }
    if spec.series.iter().any(|s| s.value_labels) {
        max *= 1.08;
    }
    if spec.unit == Unit::Percent {
        max = max.max(100.0);
    }
    nice_scale(max, ticks)
}

/// A "nice" tick step (1, 2, 2.5 or 5 × 10ⁿ) for about `ticks` ticks, and the top.
#[must_use]
pub fn nice_scale(max: f64, ticks: f64) -> (f64, f64) {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let raw = max / ticks.max(1.0);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let step = if step < 1.0 { 1.0 } else { step };
    (step, (max / step).ceil() * step)
}

/// The y tick labels of a plot.
fn y_labels(spec: &ChartSpec, ticks: f64) -> Vec<(f64, String)> {
    let (step, top) = y_scale(spec, ticks);
    let n = (top / step).round() as usize;
    (0..=n)
        .map(|i| {
            let v = step * i as f64;
            (v, spec.unit.axis(v))
        })
        .collect()
}

/// Everything a panel needs besides its plots, in px of height.
#[must_use]
pub fn fixed_height(
    plots: &[&ChartSpec],
    width: f64,
    style: &Style,
    options: &PanelOptions,
) -> f64 {
    let Some(first) = plots.first() else {
        return 0.0;
    };
    let inner = width;
    let mut h = line(style.title) + line(style.subtitle) + 8.0;
    for (i, spec) in plots.iter().enumerate() {
        if i > 0 {
            h += line(style.heading) + 10.0;
        }
        // Top headroom, tick labels and a gap.
        h += style.tick * 0.8 + line(style.tick) + 4.0;
        h += legend_rows(spec, inner, style).len() as f64 * line(style.legend);
    }
    h += line(style.tick);
    let events = event_key(first, options);
    h += event_key_lines(&events, inner, style).len() as f64 * line(style.small);
    h
}

/// Draws the panel of `plots` (the first gives the title and subtitle) into `rect`.
pub fn draw_panel(
    svg: &mut Svg,
    rect: Rect,
    plots: &[&ChartSpec],
    style: &Style,
    options: &PanelOptions,
) {
    let Some(first) = plots.first() else {
        return;
    };
    let mut y = rect.y + style.title;
    svg.text(
        rect.x,
        y,
        &first.title,
        TextStyle::new(style.title, "title").bold(),
    );
    y += line(style.title) - style.title + style.subtitle + 2.0;
    svg.text(
        rect.x,
        y,
        &first.subtitle,
        TextStyle::new(style.subtitle, "subtitle")
            .fill(MUTED)
            .italic(first.national_only),
    );
    y += line(style.subtitle) - style.subtitle + 6.0;
    let fixed = fixed_height(plots, rect.w, style, options);
    let available = (rect.h - fixed).max(min_plots_height(plots.len(), style));
    // The y axes of stacked plots line up: the widest tick label sets the margin.
    let label_w = plots
        .iter()
        .flat_map(|s| y_labels(s, 5.0))
        .map(|(_, l)| text_width(&l, style.tick, false))
        .fold(0.0_f64, f64::max);
    let left = rect.x + line(style.tick) + label_w + 8.0;
    let right = rect.x + rect.w - 6.0;
    let events = event_key(first, options);
    for (i, (spec, weight)) in plots.iter().zip(plot_weights(plots.len())).enumerate() {
        if i > 0 {
            y += style.heading + 8.0;
            svg.text(
                rect.x,
                y,
                &spec.title,
                TextStyle::new(style.heading, "heading").bold(),
            );
            y += line(style.heading) - style.heading + 2.0;
        }
        y += style.tick * 0.8;
        let plot = Rect {
            x: left,
            y,
            w: (right - left).max(10.0),
            h: available * weight,
        };
        draw_plot(svg, plot, rect.x, spec, style, options, &events);
        y += plot.h + line(style.tick) + 4.0;
        for row in legend_rows(spec, rect.w, style) {
            y += line(style.legend);
            for (series, dx) in row {
                legend_entry(svg, rect.x + dx, y - style.legend * 0.3, series, style);
            }
        }
    }
    y += line(style.tick);
    for text in event_key_lines(&events, rect.w, style) {
        svg.text(
            rect.x,
            y,
            &text,
            TextStyle::new(style.small, "event-key").fill(MUTED),
        );
        y += line(style.small);
    }
}

/// Maps data to page coordinates inside a plot rectangle.
struct Scale {
    plot: Rect,
    x: (f64, f64),
    top: f64,
}

impl Scale {
    fn px(&self, x: f64) -> f64 {
        let (lo, hi) = self.x;
        self.plot.x + (x - lo) / (hi - lo).max(1.0) * self.plot.w
    }

    fn py(&self, y: f64) -> f64 {
        self.plot.y + self.plot.h - y / self.top * self.plot.h
    }
}

/// One plot: grid, axes with titles and ticks, bands, markers, series, value labels.
fn draw_plot(
    svg: &mut Svg,
    plot: Rect,
    axis_title_x: f64,
    spec: &ChartSpec,
    style: &Style,
    options: &PanelOptions,
    events: &[(f64, String)],
) {
    let ticks = tick_count(plot.h, style);
    let (_, top) = y_scale(spec, ticks);
    let scale = Scale {
        plot,
        x: options.x_range,
        top,
    };
    y_axis(svg, &scale, axis_title_x, spec, style, ticks);
    x_axis(svg, &scale, style);
    svg.line(plot.x, plot.y, plot.x, plot.y + plot.h, thin(AXIS));
    svg.line(
        plot.x,
        plot.y + plot.h,
        plot.x + plot.w,
        plot.y + plot.h,
        thin(AXIS),
    );
    if spec.is_empty() {
        svg.text(
            plot.x + plot.w / 2.0,
            plot.y + plot.h / 2.0,
            &spec.empty_message,
            TextStyle::new(style.heading, "empty")
                .italic(true)
                .fill(MUTED)
                .anchor(Anchor::Middle),
        );
        return;
    }
    for band in &spec.bands {
        let (x0, x1) = (scale.px(band.from_x), scale.px(band.to_x));
        svg.rect_translucent(x0, plot.y, x1 - x0, plot.h, BAND, 0.1);
        // At the top of the plot's headroom, above the values it speaks about.
        svg.text(
            f64::midpoint(x0, x1),
            plot.y + style.small + 2.0,
            &band.label,
            TextStyle::new(style.small, "band-label")
                .fill(INK)
                .anchor(Anchor::Middle),
        );
    }
    markers(svg, &scale, events, style);
    let clip = svg.clip_rect(plot.x, plot.y - 1.0, plot.w, plot.h + 2.0);
    for series in drawn(spec) {
        svg.open_group("series", Some(&series.label), None);
        svg.open_group("marks", None, Some(&clip));
        draw_series(svg, &scale, series, style);
        svg.close_group();
        if series.value_labels {
            let colour = palette::hex(palette::series(series.colour));
            // Points (figures reported at the time) are labelled below, lines above,
            // so the two figures of one year never cover each other.
            let offset = if series.kind == SeriesKind::Points {
                style.point + style.small + 1.0
            } else {
                -(style.point + 2.0)
            };
            for p in &series.points {
                svg.text(
                    scale.px(p.x),
                    scale.py(p.base + p.y) + offset,
                    &spec.unit.exact(p.y),
                    TextStyle::new(style.small, "value-label")
                        .fill(&colour)
                        .anchor(Anchor::Middle),
                );
            }
        }
        svg.close_group();
    }
}

/// The y axis: its title (the unit), gridlines and tick labels.
fn y_axis(svg: &mut Svg, scale: &Scale, title_x: f64, spec: &ChartSpec, style: &Style, ticks: f64) {
    let plot = scale.plot;
    svg.text_rotated(
        title_x + style.tick,
        plot.y + plot.h / 2.0,
        spec.unit.label(),
        TextStyle::new(style.tick, "axis-title")
            .fill(MUTED)
            .anchor(Anchor::Middle),
        -90.0,
    );
    let tick = TextStyle::new(style.tick, "tick")
        .fill(MUTED)
        .anchor(Anchor::End);
    for (v, label) in y_labels(spec, ticks) {
        let y = scale.py(v);
        svg.line(plot.x, y, plot.x + plot.w, y, thin(GRID));
        svg.text(plot.x - 6.0, y + style.tick * 0.35, &label, tick);
    }
}

/// Event markers: dashed lines numbered at the top (numbers of close markers are
/// stacked), explained by the panel's event key.
fn markers(svg: &mut Svg, scale: &Scale, events: &[(f64, String)], style: &Style) {
    let plot = scale.plot;
    let mut last_x = f64::NEG_INFINITY;
    let mut row = 0.0;
    for (i, (x, _)) in events.iter().enumerate() {
        let px = scale.px(*x);
        svg.line(
            px,
            plot.y,
            px,
            plot.y + plot.h,
            Stroke {
                colour: MARKER,
                width: 0.8,
                dash: Some("3 2"),
            },
        );
        let label = (i + 1).to_string();
        row = if px - last_x < text_width(&label, style.small, false) + 4.0 {
            row + 1.0
        } else {
            0.0
        };
        last_x = px;
        svg.text(
            px + 2.0,
            plot.y + style.small * (1.0 + row * 1.1),
            &label,
            TextStyle::new(style.small, "event-number").fill(MARKER),
        );
    }
}

fn thin(colour: &str) -> Stroke<'_> {
    Stroke {
        colour,
        width: 0.8,
        dash: None,
    }
}

/// Calendar gridlines, and each year's label centred under it (or under its tick
/// when years are skipped); labels that would overlap are left out.
fn x_axis(svg: &mut Svg, scale: &Scale, style: &Style) {
    let plot = scale.plot;
    let (lo, hi) = scale.x;
    let ticks = calendar_ticks(lo, hi);
    for t in &ticks {
        let colour = if t.year_start { GRID } else { "#f3f3f3" };
        let x = scale.px(t.x);
        svg.line(x, plot.y, x, plot.y + plot.h, thin(colour));
    }
    let year_ticks: Vec<f64> = ticks.iter().filter(|t| t.year_start).map(|t| t.x).collect();
    let (Some(first), Some(last)) = (date_of_day_number(lo), date_of_day_number(hi)) else {
        return;
    };
    let every_year = year_ticks.len() < 2 || year_ticks.windows(2).all(|w| w[1] - w[0] < 367.0);
    let labels: Vec<(f64, String)> = if every_year {
        (chrono::Datelike::year(&first)..=chrono::Datelike::year(&last))
            .map(|y| (crate::query::charts::mid_year(y), y.to_string()))
            .filter(|(x, _)| (lo..=hi).contains(x))
            .collect()
    } else {
        year_ticks
            .iter()
            .filter_map(|x| date_of_day_number(*x).map(|d| (*x, d.format("%Y").to_string())))
            .collect()
    };
    let mut right_edge = f64::NEG_INFINITY;
    let y = plot.y + plot.h + style.tick + 3.0;
    for (x, label) in labels {
        let px = scale.px(x);
        let w = text_width(&label, style.tick, false);
        if px - w / 2.0 < right_edge + 4.0 {
            continue;
        }
        right_edge = px + w / 2.0;
        svg.text(
            px,
            y,
            &label,
            TextStyle::new(style.tick, "tick")
                .fill(MUTED)
                .anchor(Anchor::Middle),
        );
    }
}

/// Draws one series' marks.
fn draw_series(svg: &mut Svg, scale: &Scale, series: &Series, style: &Style) {
    let colour = palette::hex(palette::series(series.colour));
    match series.kind {
        SeriesKind::Line | SeriesKind::Comparison => {
            let comparison = series.kind == SeriesKind::Comparison;
            let points: Vec<(f64, f64)> = series
                .points
                .iter()
                .map(|p| (scale.px(p.x), scale.py(p.y)))
                .collect();
            if points.len() > 1 {
                svg.polyline(
                    &points,
                    Stroke {
                        colour: &colour,
                        width: if comparison { 1.5 } else { 2.0 },
                        dash: comparison.then_some("6 4"),
                    },
                );
            }
            if points.len() <= 16 {
                for (x, y) in points {
                    svg.circle(x, y, style.point * 0.55, &colour);
                }
            }
        }
        SeriesKind::Points => {
            for p in &series.points {
                diamond(svg, scale.px(p.x), scale.py(p.y), style.point, &colour);
            }
        }
        SeriesKind::Bars => {
            for p in &series.points {
                let x0 = scale.px(p.x - p.width / 2.0);
                let x1 = scale.px(p.x + p.width / 2.0);
                let y0 = scale.py(p.base);
                let y1 = scale.py(p.base + p.y);
                svg.rect(
                    x0,
                    y1,
                    (x1 - x0).max(1.0),
                    y0 - y1,
                    &colour,
                    Some(Stroke {
                        colour: "#ffffff",
                        width: 0.5,
                        dash: None,
                    }),
                );
            }
        }
    }
}

fn diamond(svg: &mut Svg, x: f64, y: f64, r: f64, colour: &str) {
    svg.polygon(
        &[(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
        colour,
        None,
    );
}

/// A legend entry: a small drawing of the series and its label, centred on `y`.
fn legend_entry(svg: &mut Svg, x: f64, y: f64, series: &Series, style: &Style) {
    let colour = palette::hex(palette::series(series.colour));
    svg.open_group("legend-entry", Some(&series.label), None);
    match series.kind {
        SeriesKind::Line => svg.line(
            x,
            y,
            x + SWATCH,
            y,
            Stroke {
                colour: &colour,
                width: 2.5,
                dash: None,
            },
        ),
        SeriesKind::Comparison => svg.line(
            x,
            y,
            x + SWATCH,
            y,
            Stroke {
                colour: &colour,
                width: 2.0,
                dash: Some("4 3"),
            },
        ),
        SeriesKind::Bars => svg.rect(x + 3.0, y - 5.0, 10.0, 10.0, &colour, None),
        SeriesKind::Points => diamond(svg, x + SWATCH / 2.0, y, 5.0, &colour),
    }
    svg.text(
        x + SWATCH + 4.0,
        y + style.legend * 0.35,
        &series.label,
        TextStyle::new(style.legend, "legend"),
    );
    svg.close_group();
}

/// One "Source: A; B" line for several charts, each publisher once.
#[must_use]
pub fn merged_sources(specs: &[&ChartSpec]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for spec in specs {
        let list = spec
            .source_line
            .strip_prefix("Source: ")
            .unwrap_or(&spec.source_line);
        for name in list.split("; ").filter(|n| !n.is_empty()) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    match names.len() {
        0 => String::new(),
        1 => format!("Source: {}", names[0]),
        _ => format!("Sources: {}", names.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_scales_round_up_to_a_nice_top() {
        assert_eq!(nice_scale(3_417_768.0, 5.0), (1_000_000.0, 4_000_000.0));
        assert_eq!(nice_scale(100.0, 5.0), (20.0, 100.0));
        assert_eq!(nice_scale(112.0, 5.0), (25.0, 125.0));
        assert_eq!(nice_scale(112.0, 3.0), (50.0, 150.0));
        assert_eq!(nice_scale(0.0, 5.0), (1.0, 1.0));
        assert_eq!(nice_scale(f64::NAN, 5.0), (1.0, 1.0));
        assert_eq!(nice_scale(3.0, 5.0), (1.0, 3.0));
    }

    #[test]
    fn sources_merge_each_publisher_once() {
        let mut a = crate::query::charts::idps_over_time(
            &crate::data::Dataset::default(),
            &Filters {
                governorates: None,
                from: 2014,
                to: 2024,
            },
        );
        a.source_line = "Source: OCHA FTS".into();
        let mut b = a.clone();
        b.source_line = "Source: OCHA FTS; OCHA".into();
        assert_eq!(merged_sources(&[&a, &b]), "Sources: OCHA FTS; OCHA");
        assert_eq!(merged_sources(&[&a]), "Source: OCHA FTS");
        b.source_line = String::new();
        assert_eq!(merged_sources(&[&b]), "");
    }
}
