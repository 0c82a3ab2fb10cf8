//! One plot of a panel, in print styling: the y axis (unit title, nice ticks formatted
//! with the unit), calendar gridlines with years labelled on x, bands (their labels
//! are in the strip above the plot, see [`super::chart`]), dashed event markers, and
//! each series with a point (lines, dashed comparison lines, a continuation dashed
//! from its line's last point through hollow points, stacked bars from base to
//! base + y, diamonds, hollow event marks that never hide a line, value labels),
//! each in its own `<g class="series" data-series="…">`, in the legend's order. A
//! value label that would cover other text is left out.

use super::layout::{PanelOptions, Rect, Style};
use super::svg::{AXIS, Anchor, BAND, GRID, MARKER, MUTED, Stroke, Svg, TextBox, TextStyle};
use crate::fonts::text_width;
use crate::model::{ChartSpec, Series, SeriesKind, Unit, calendar_ticks, date_of_day_number};
use crate::palette;

/// The series a plot draws: those with a point.
pub(super) fn drawn(spec: &ChartSpec) -> impl Iterator<Item = &Series> {
    spec.series.iter().filter(|s| !s.points.is_empty())
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
pub(super) fn y_labels(spec: &ChartSpec, ticks: f64) -> Vec<(f64, String)> {
    let (step, top) = y_scale(spec, ticks);
    let n = (top / step).round() as usize;
    (0..=n)
        .map(|i| {
            let v = step * i as f64;
            (v, spec.unit.axis(v))
        })
        .collect()
}

/// Where day number `x` is on a plot spanning `left` to `left + width` px that shows
/// `x_range`.
pub(super) fn x_px(x: f64, (lo, hi): (f64, f64), left: f64, width: f64) -> f64 {
    left + (x - lo) / (hi - lo).max(1.0) * width
}

/// Maps data to page coordinates inside a plot rectangle.
struct Scale {
    plot: Rect,
    x: (f64, f64),
    top: f64,
}

impl Scale {
    fn px(&self, x: f64) -> f64 {
        x_px(x, self.x, self.plot.x, self.plot.w)
    }

    fn py(&self, y: f64) -> f64 {
        self.plot.y + self.plot.h - y / self.top * self.plot.h
    }
}

/// One plot: grid, axes with titles and ticks, bands, markers (at the day numbers
/// `events`), series, value labels.
pub(super) fn draw_plot(
    svg: &mut Svg,
    plot: Rect,
    axis_title_x: f64,
    spec: &ChartSpec,
    style: &Style,
    options: &PanelOptions,
    events: &[f64],
) {
    let ticks = tick_count(plot.h, style);
    let (_, top) = y_scale(spec, ticks);
    let scale = Scale {
        plot,
        x: crate::model::drawn_x_range(options.x_range),
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
        let (lo, hi) = options.x_range;
        let (x0, x1) = (scale.px(band.from_x.max(lo)), scale.px(band.to_x.min(hi)));
        if x1 > x0 {
            svg.rect_translucent(x0, plot.y, x1 - x0, plot.h, BAND, 0.1);
        }
    }
    markers(svg, &scale, events);
    let clip = svg.clip_rect(plot.x, plot.y - 1.0, plot.w, plot.h + 2.0);
    for series in drawn(spec) {
        svg.open_group("series", Some(&series.label), None);
        svg.open_group("marks", None, Some(&clip));
        draw_series(svg, &scale, series, style);
        svg.close_group();
        if series.value_labels {
            value_labels(svg, &scale, spec, series, style);
        }
        svg.close_group();
    }
}

/// Each point's value written beside it, inside the plot (or its headroom above, or
/// the gap above the year labels below) and clear of other text: points (figures reported at the time) below the mark, lines above
/// it, so the two figures of one year never cover each other; else on the other
/// side; left out where neither is clear.
fn value_labels(svg: &mut Svg, scale: &Scale, spec: &ChartSpec, series: &Series, style: &Style) {
    let colour = palette::hex(palette::series(series.colour));
    let plot = scale.plot;
    let below = style.point + style.small + 1.0;
    let above = -(style.point + 2.0);
    let (first, last) = if series.kind == SeriesKind::Points {
        (below, above)
    } else {
        (above, below)
    };
    for p in &series.points {
        let (x, y) = (scale.px(p.x), scale.py(p.base + p.y));
        let text = spec.unit.exact(p.y);
        let label = TextStyle::new(style.small, "value-label").fill(&colour);
        for dy in [first, last] {
            let b = TextBox::of(
                (x, y + dy),
                &text,
                (style.small, false),
                Anchor::Middle,
                0.0,
            );
            let inside = b.y0 >= plot.y - style.tick * 0.8
                && b.y1 <= plot.y + plot.h + style.tick * 0.22 + 2.5;
            if inside && svg.text_if_free(x, y + dy, &text, label.anchor(Anchor::Middle)) {
                break;
            }
        }
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

/// Event markers: dashed lines across the plot (labelled in the strip above the
/// panel's first plot, and listed in its event key).
fn markers(svg: &mut Svg, scale: &Scale, events: &[f64]) {
    let plot = scale.plot;
    for x in events {
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
            .map(|y| (crate::model::mid_year(y), y.to_string()))
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
        SeriesKind::Events => {
            for p in &series.points {
                hollow_diamond(svg, scale.px(p.x), scale.py(p.y), style.point, &colour);
            }
        }
        SeriesKind::Continuation => {
            // Dashed from the continued line's last point, through hollow points.
            let own: Vec<(f64, f64)> = series
                .points
                .iter()
                .map(|p| (scale.px(p.x), scale.py(p.y)))
                .collect();
            let mut dashed: Vec<(f64, f64)> = series
                .continues_from
                .map(|(x, y)| (scale.px(x), scale.py(y)))
                .into_iter()
                .collect();
            dashed.extend(&own);
            if dashed.len() > 1 {
                svg.polyline(
                    &dashed,
                    Stroke {
                        colour: &colour,
                        width: 2.0,
                        dash: Some("5 3"),
                    },
                );
            }
            for (x, y) in own {
                svg.ring(x, y, style.point * 0.7, &colour, 1.5);
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

pub(super) fn diamond(svg: &mut Svg, x: f64, y: f64, r: f64, colour: &str) {
    svg.polygon(
        &[(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
        colour,
        None,
    );
}

/// An outlined diamond: an event that must not hide the line through it.
pub(super) fn hollow_diamond(svg: &mut Svg, x: f64, y: f64, r: f64, colour: &str) {
    svg.polygon(
        &[(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
        "none",
        Some(Stroke {
            colour,
            width: 1.5,
            dash: None,
        }),
    );
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
}
