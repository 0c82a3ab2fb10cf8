//! One chart panel in print styling: title, filter subtitle, one or two plots on the
//! same time axis ([`super::plot`]), each under a strip with the labels of its bands
//! and (first plot) of the event markers, each with its legend and notes, and the key
//! of the event markers with their full titles.
//!
//! The panel draws exactly the [`ChartSpec`]s it is given: every legend entry is one
//! drawn series (`<g class="series" data-series="…">`), series with no point in
//! range are neither drawn nor listed, and a chart with nothing to draw says its
//! empty message where the plot would be. Labels are laid out so that no two pieces
//! of text overlap: the strips by [`crate::annotations`], value labels only where
//! they are clear of other text.

use super::layout::{PanelOptions, Rect, Style};
use super::plot::{diamond, draw_plot, drawn, hollow_diamond, x_px, y_labels};
use super::svg::{INK, MUTED, Stroke, Svg, TextStyle, wrap};
use crate::annotations::{SpanLabel, Strip, lay_out};
use crate::fonts::text_width;
use crate::model::{ChartSpec, Marker, Series, SeriesKind, shown_markers};
use crate::palette;

/// At most this many rows of labels above a plot.
const STRIP_ROWS: usize = 3;

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

/// The event markers a panel draws: the key events in range, or all of them.
fn events<'a>(spec: &'a ChartSpec, options: &PanelOptions) -> Vec<&'a Marker> {
    if !options.show_events {
        return Vec::new();
    }
    let (lo, hi) = options.x_range;
    shown_markers(&spec.markers, options.all_events)
        .filter(|m| (lo..=hi).contains(&m.x))
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
    let shown: Vec<String> = crate::model::shown_after_data(&spec.after_data, options.all_events)
        .map(|e| format!("{}\u{a0}\u{b7} {}", e.date, e.title))
        .collect();
    if !options.show_events || shown.is_empty() {
        return Vec::new();
    }
    let text = shown.join("\u{2003} ");
    wrap(
        &format!("After the data: {text}"),
        width,
        style.small,
        false,
    )
}

/// The key under the panel: every drawn event's date and full title.
fn event_key_lines(events: &[&Marker], width: f64, style: &Style) -> Vec<String> {
    if events.is_empty() {
        return Vec::new();
    }
    let text = events
        .iter()
        .map(|m| m.label.as_str())
        .collect::<Vec<_>>()
        .join(";\u{2003}");
    wrap(&format!("Events: {text}"), width, style.small, false)
}

/// The left and right ends of the plots of a panel `width` px wide, from its left
/// edge: the y axes of stacked plots line up, the widest tick label setting the margin.
fn plot_span(plots: &[&ChartSpec], width: f64, style: &Style) -> (f64, f64) {
    let label_w = plots
        .iter()
        .flat_map(|s| y_labels(s, 5.0))
        .map(|(_, l)| text_width(&l, style.tick, false))
        .fold(0.0_f64, f64::max);
    let left = line(style.tick) + label_w + 8.0;
    (left, (width - 6.0).max(left + 10.0))
}

/// The strips above each plot, in px from the panel's left edge: the bands' labels,
/// and above the first plot the event markers' labels.
fn strips<'a>(
    plots: &[&'a ChartSpec],
    width: f64,
    style: &Style,
    options: &PanelOptions,
) -> Vec<Strip<'a>> {
    let (left, right) = plot_span(plots, width, style);
    let drawn = crate::model::drawn_x_range(options.x_range);
    let to_px = |x: f64| x_px(x, drawn, left, right - left);
    let (lo, hi) = options.x_range;
    plots
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let markers = if i == 0 {
                events(spec, options)
            } else {
                Vec::new()
            };
            let bands: Vec<SpanLabel> = if spec.is_empty() {
                Vec::new()
            } else {
                spec.bands
                    .iter()
                    .map(|b| SpanLabel {
                        from_px: to_px(b.from_x.max(lo)),
                        to_px: to_px(b.to_x.min(hi)),
                        width: text_width(&b.label, style.small, false),
                    })
                    .collect()
            };
            lay_out(
                &markers,
                &bands,
                to_px,
                |t| text_width(t, style.small, false),
                (left, right),
                STRIP_ROWS,
            )
        })
        .collect()
}

/// The notes under a plot's legend, wrapped.
fn note_lines(spec: &ChartSpec, width: f64, style: &Style) -> Vec<String> {
    spec.notes
        .iter()
        .flat_map(|n| wrap(n, width, style.small, false))
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
    for (i, (spec, strip)) in plots
        .iter()
        .zip(strips(plots, width, style, options))
        .enumerate()
    {
        if i > 0 {
            h += line(style.heading) + 10.0;
        }
        h += strip.rows as f64 * line(style.small);
        // Top headroom, tick labels and a gap.
        h += style.tick * 0.8 + line(style.tick) + 4.0;
        h += legend_rows(spec, inner, style).len() as f64 * line(style.legend);
        h += note_lines(spec, inner, style).len() as f64 * line(style.small);
    }
    h += line(style.tick);
    let events = events(first, options);
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
    let (left, right) = plot_span(plots, rect.w, style);
    let (left, right) = (rect.x + left, rect.x + right);
    let strips = strips(plots, rect.w, style, options);
    // Every plot draws the first plot's markers, as they are merged there.
    let marker_xs: Vec<f64> = strips.first().map_or_else(Vec::new, |s| {
        s.clusters
            .iter()
            .map(|c| c.events.iter().map(|m| m.x).sum::<f64>() / c.events.len() as f64)
            .collect()
    });
    let events = events(first, options);
    for (i, ((spec, weight), strip)) in plots
        .iter()
        .zip(plot_weights(plots.len()))
        .zip(&strips)
        .enumerate()
    {
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
        y += strip.rows as f64 * line(style.small);
        strip_labels(svg, rect.x, y, spec, strip, style);
        y += style.tick * 0.8;
        let plot = Rect {
            x: left,
            y,
            w: (right - left).max(10.0),
            h: available * weight,
        };
        draw_plot(svg, plot, rect.x, spec, style, options, &marker_xs);
        y += plot.h + line(style.tick) + 4.0;
        for row in legend_rows(spec, rect.w, style) {
            y += line(style.legend);
            for (series, dx) in row {
                legend_entry(svg, rect.x + dx, y - style.legend * 0.3, series, style);
            }
        }
        for note in note_lines(spec, rect.w, style) {
            y += line(style.small);
            svg.text(
                rect.x,
                y,
                &note,
                TextStyle::new(style.small, "note").fill(MUTED),
            );
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

/// The labels of a plot's strip, whose bottom is at `bottom`; `x0` is the panel's left
/// edge (the strip's positions are from it).
fn strip_labels(
    svg: &mut Svg,
    x0: f64,
    bottom: f64,
    spec: &ChartSpec,
    strip: &Strip<'_>,
    style: &Style,
) {
    let baseline = |row: usize| bottom - row as f64 * line(style.small) - style.small * 0.45;
    for (band, placed) in spec.bands.iter().zip(&strip.band_labels) {
        if let Some(p) = placed {
            svg.text(
                x0 + p.left,
                baseline(p.row),
                &band.label,
                TextStyle::new(style.small, "band-label").fill(INK),
            );
        }
    }
    let plot_top = bottom + style.tick * 0.8;
    for (i, (cluster, placed)) in strip.clusters.iter().zip(&strip.cluster_labels).enumerate() {
        if let Some(p) = placed {
            svg.text(
                x0 + p.left,
                baseline(p.row),
                &cluster.text(),
                TextStyle::new(style.small, "event-label").fill(MUTED),
            );
            // The marker's line rises to meet its label where nothing is in the way.
            if let Some(row) = strip.leader_row(i) {
                let x = x0 + cluster.px;
                svg.line(
                    x,
                    plot_top,
                    x,
                    baseline(row) - style.small * 0.6,
                    Stroke {
                        colour: super::svg::MARKER,
                        width: 0.8,
                        dash: Some("3 2"),
                    },
                );
            }
        }
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
        SeriesKind::Events => hollow_diamond(svg, x + SWATCH / 2.0, y, 4.5, &colour),
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
        let mut a = ChartSpec {
            id: crate::model::ChartId::Idps,
            title: String::new(),
            subtitle: String::new(),
            unit: crate::model::Unit::People,
            series: Vec::new(),
            markers: Vec::new(),
            after_data: Vec::new(),
            bands: Vec::new(),
            source_line: String::new(),
            empty_message: String::new(),
            national_only: false,
            notes: Vec::new(),
        };
        a.source_line = "Source: OCHA FTS".into();
        let mut b = a.clone();
        b.source_line = "Source: OCHA FTS; OCHA".into();
        assert_eq!(merged_sources(&[&a, &b]), "Sources: OCHA FTS; OCHA");
        assert_eq!(merged_sources(&[&a]), "Source: OCHA FTS");
        b.source_line = String::new();
        assert_eq!(merged_sources(&[&b]), "");
    }
}
