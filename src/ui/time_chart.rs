//! Draws a time [`ChartSpec`]: lines with a legend, calendar ticks, event markers and
//! a tooltip with the exact value, date, series and source.

use egui::{RichText, Ui};
use egui_plot::{GridMark, Legend, Line, LineStyle, Plot, PlotPoints, VLine};

use super::palette;
use crate::model::{ChartSpec, SeriesKind, calendar_ticks, date_of_day_number, thousands};

/// Draws the chart, or its "no data" message as a real label.
pub fn time_chart_ui(ui: &mut Ui, spec: &ChartSpec, height: f32) {
    ui.label(RichText::new(&spec.title).strong().size(16.0));
    if spec.is_empty() {
        ui.add_space(height / 3.0);
        ui.label(RichText::new(&spec.empty_message).italics());
        ui.add_space(height / 3.0);
        ui.label(RichText::new(&spec.source_line).small().weak());
        return;
    }
    let tooltip_spec = spec.clone();
    Plot::new(spec.title.as_str())
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .y_axis_label(spec.y_unit.as_str())
        .y_axis_min_width(64.0)
        .include_y(0.0)
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
        .y_axis_formatter(|mark, _range| axis_count(mark.value))
        .label_formatter(move |position| match position {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name, index, ..
            } => {
                let series = tooltip_spec.series.iter().find(|s| s.label == *plot_name)?;
                let p = series.points.get(*index)?;
                Some(format!(
                    "{}\n{}: {}\nsource: {}",
                    series.label,
                    p.label,
                    thousands(p.y.max(0.0) as u64),
                    p.source_id
                ))
            }
            egui_plot::HoverPosition::Elsewhere { position } => {
                let date = date_of_day_number(position.x)?;
                let near: Vec<&str> = tooltip_spec
                    .markers
                    .iter()
                    .filter(|m| (m.x - position.x).abs() < 20.0)
                    .map(|m| m.label.as_str())
                    .collect();
                Some(if near.is_empty() {
                    date.format("%b %Y").to_string()
                } else {
                    format!("{}\n{}", date.format("%b %Y"), near.join("\n"))
                })
            }
        })
        .show(ui, |plot_ui| {
            for marker in &spec.markers {
                // Unnamed, so the legend lists series only; the label is in the tooltip.
                plot_ui.add(
                    VLine::new("", marker.x)
                        .color(palette::MARKER)
                        .style(LineStyle::dashed_dense()),
                );
            }
            for series in &spec.series {
                let points: PlotPoints = series.points.iter().map(|p| [p.x, p.y]).collect();
                let mut line = Line::new(series.label.as_str(), points)
                    .color(palette::series(series.colour))
                    .width(2.0);
                if series.kind == SeriesKind::Comparison {
                    line = line.style(LineStyle::dashed_loose()).width(1.5);
                }
                plot_ui.line(line);
            }
        });
    ui.label(RichText::new(&spec.source_line).small().weak());
}

/// Axis labels in people: "3.5 M", "500 k", "0".
#[must_use]
pub fn axis_count(value: f64) -> String {
    let a = value.abs();
    if a >= 1.0e6 {
        format!("{:.1} M", value / 1.0e6)
    } else if a >= 1.0e3 {
        format!("{:.0} k", value / 1.0e3)
    } else if value < 0.0 {
        String::new()
    } else {
        format!("{value:.0}")
    }
}
