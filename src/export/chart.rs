//! One chart panel in print styling: title, filter subtitle, one or two plots on the
//! same time axis ([`super::plot`]), each with its legend, and the key of the event
//! markers.
//!
//! The panel draws exactly the [`ChartSpec`]s it is given: every legend entry is one
//! drawn series (`<g class="series" data-series="…">`), series with no point in
//! range are neither drawn nor listed, and a chart with nothing to draw says its
//! empty message where the plot would be.

use chrono::NaiveDate;

use super::plot::{diamond, draw_plot, drawn, y_labels};
use super::svg::{MUTED, Stroke, Svg, TextStyle, wrap};
use crate::fonts::text_width;
use crate::model::{ChartSpec, Series, SeriesKind};
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

/// The "after the data" strip: events after the data's last year, under the
/// event key (with the events shown).
fn after_data_lines(
    spec: &ChartSpec,
    options: &PanelOptions,
    width: f64,
    style: &Style,
) -> Vec<String> {
    if !options.show_events || spec.after_data.is_empty() {
        return Vec::new();
    }
    let text = spec
        .after_data
        .iter()
        .map(|e| format!("{}\u{a0}\u{b7} {}", e.date, e.title))
        .collect::<Vec<_>>()
        .join("\u{2003} ");
    wrap(
        &format!("After the data: {text}"),
        width,
        style.small,
        false,
    )
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
    h += after_data_lines(first, options, inner, style).len() as f64 * line(style.small);
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
    for text in after_data_lines(first, options, rect.w, style) {
        svg.text(
            rect.x,
            y,
            &text,
            TextStyle::new(style.small, "after-data").fill(MUTED),
        );
        y += line(style.small);
    }
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
        SeriesKind::Continuation => {
            svg.line(
                x,
                y,
                x + SWATCH,
                y,
                Stroke {
                    colour: &colour,
                    width: 2.0,
                    dash: Some("3 2"),
                },
            );
            svg.ring(x + SWATCH / 2.0, y, 3.5, &colour, 1.5);
        }
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
