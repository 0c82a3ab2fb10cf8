//! The strip above a time chart where its event markers and bands are labelled, laid
//! out by [`crate::annotations`] so that no two labels overlap and none stands on
//! the data. Labels are real widgets (a screen reader and the tests find them), each
//! with the full titles of its events on hover. The markers' dashed lines are drawn
//! in the plot, one per merged marker.

use egui::{Rect, RichText, Sense, TextStyle, TextWrapMode, Ui, UiBuilder, pos2, vec2};
use egui_plot::{LineStyle, PlotTransform, PlotUi, VLine};

use super::palette;
use super::plot::PlotOptions;
use crate::annotations::{SpanLabel, Strip, lay_out};
use crate::model::{ChartSpec, Marker, shown_markers};

/// At most this many rows of labels above a plot.
pub const MAX_ROWS: usize = 3;

/// The space kept above a plot for its labels.
pub struct StripSpace {
    rect: Rect,
    rows: usize,
    row_height: f32,
}

impl StripSpace {
    /// Its height, px.
    #[must_use]
    pub fn height(&self) -> f32 {
        self.rect.height()
    }
}

/// The markers this chart labels (see [`drawn`]), none when another plot labels them.
fn labelled<'a>(spec: &'a ChartSpec, options: &PlotOptions<'_>) -> Vec<&'a Marker> {
    if options.label_events {
        drawn(spec, options)
    } else {
        Vec::new()
    }
}

/// The markers this chart draws: none when events are off, the key events, or all.
fn drawn<'a>(spec: &'a ChartSpec, options: &PlotOptions<'_>) -> Vec<&'a Marker> {
    if options.show_events {
        shown_markers(&spec.markers, options.all_events).collect()
    } else {
        Vec::new()
    }
}

/// The width of a label's text, px.
fn text_width(ui: &Ui, text: &str) -> f64 {
    let font = TextStyle::Small.resolve(ui.style());
    let galley = ui
        .ctx()
        .fonts_mut(|f| f.layout_no_wrap(text.to_string(), font, egui::Color32::PLACEHOLDER));
    f64::from(galley.size().x) + 2.0
}

/// The strip's labels for a plot whose data area spans `frame` on screen and shows
/// `x_range` (day numbers).
fn layout<'a>(
    ui: &Ui,
    spec: &'a ChartSpec,
    markers: &[&'a Marker],
    (left, right): (f64, f64),
    x_range: (f64, f64),
    rows: usize,
) -> Strip<'a> {
    let (lo, hi) = x_range;
    let to_px = |x: f64| left + (x - lo) / (hi - lo).max(1.0) * (right - left);
    let in_view: Vec<&Marker> = markers
        .iter()
        .copied()
        .filter(|m| (lo..=hi).contains(&m.x))
        .collect();
    let bands: Vec<SpanLabel> = spec
        .bands
        .iter()
        .filter(|b| b.to_x >= lo && b.from_x <= hi)
        .map(|b| SpanLabel {
            from_px: to_px(b.from_x.max(lo)),
            to_px: to_px(b.to_x.min(hi)),
            width: text_width(ui, &b.label),
        })
        .collect();
    lay_out(
        &in_view,
        &bands,
        to_px,
        |t| text_width(ui, t),
        (left, right),
        rows,
    )
}

/// Reserves the strip above the plot, as many rows as the labels need at the chart's
/// default x range (at most [`MAX_ROWS`]); `None` when there is nothing to label.
pub fn reserve(
    ui: &mut Ui,
    spec: &ChartSpec,
    options: &PlotOptions<'_>,
    y_axis_width: f32,
) -> Option<StripSpace> {
    let markers = labelled(spec, options);
    if markers.is_empty() && spec.bands.is_empty() || spec.is_empty() {
        return None;
    }
    let left = f64::from(ui.cursor().left() + y_axis_width);
    let right = f64::from(ui.cursor().left() + ui.available_width());
    let strip = layout(ui, spec, &markers, (left, right), options.x_range, MAX_ROWS);
    let rows = strip.rows.max(1);
    let row_height = ui.text_style_height(&TextStyle::Small) + 2.0;
    let (rect, _) = ui.allocate_exact_size(
        vec2(ui.available_width(), rows as f32 * row_height),
        Sense::hover(),
    );
    Some(StripSpace {
        rect,
        rows,
        row_height,
    })
}

/// Draws the markers in the plot: one dashed line per marker as drawn (close events
/// merged), at the plot's current zoom.
pub fn lines_ui(plot_ui: &mut PlotUi<'_>, spec: &ChartSpec, options: &PlotOptions<'_>) {
    let markers = drawn(spec, options);
    if markers.is_empty() {
        return;
    }
    let transform = *plot_ui.transform();
    for cluster in crate::annotations::clusters(
        markers.iter().copied(),
        |x| f64::from(transform.position_from_point_x(x)),
        crate::annotations::MERGE_PX,
    ) {
        let x = cluster.events.iter().map(|m| m.x).sum::<f64>() / cluster.events.len() as f64;
        // Unnamed, so the legend lists series only; the strip names it.
        plot_ui.add(
            VLine::new("", x)
                .color(palette::MARKER)
                .width(0.8)
                .style(LineStyle::dashed_dense()),
        );
    }
}

/// Puts the labels in the reserved strip, at the plot's current zoom.
pub fn labels_ui(
    ui: &mut Ui,
    space: &StripSpace,
    spec: &ChartSpec,
    options: &PlotOptions<'_>,
    transform: &PlotTransform,
) {
    let frame = transform.frame();
    let bounds = transform.bounds();
    let x_range = (bounds.min()[0], bounds.max()[0]);
    let markers = labelled(spec, options);
    let strip = layout(
        ui,
        spec,
        &markers,
        (f64::from(frame.left()), f64::from(frame.right())),
        x_range,
        space.rows,
    );
    let mut child = ui.new_child(UiBuilder::new().max_rect(space.rect));
    let row_rect = |left: f64, width: f64, row: usize| {
        let bottom = space.rect.bottom() - row as f32 * space.row_height;
        Rect::from_min_max(
            pos2(left as f32, bottom - space.row_height),
            pos2((left + width) as f32 + 2.0, bottom),
        )
    };
    let weak = child.visuals().weak_text_color();
    for (band, placed) in spec
        .bands
        .iter()
        .filter(|b| b.to_x >= x_range.0 && b.from_x <= x_range.1)
        .zip(&strip.band_labels)
    {
        if let Some(p) = placed {
            let rect = row_rect(p.left, p.width, p.row);
            child.put(
                rect,
                egui::Label::new(RichText::new(&band.label).small().color(weak))
                    .wrap_mode(TextWrapMode::Extend),
            );
        }
    }
    for (i, (cluster, placed)) in strip.clusters.iter().zip(&strip.cluster_labels).enumerate() {
        if let Some(p) = placed {
            let text = cluster.text();
            let rect = row_rect(p.left, p.width, p.row);
            // The marker's line rises to meet its label where nothing is in the way.
            if let Some(row) = strip.leader_row(i) {
                let x = cluster.px as f32;
                let top = row_rect(p.left, p.width, row).center().y;
                child.painter().extend(egui::Shape::dashed_line(
                    &[pos2(x, frame.top()), pos2(x, top)],
                    egui::Stroke::new(0.8, palette::MARKER),
                    3.0,
                    2.0,
                ));
            }
            child
                .put(
                    rect,
                    egui::Label::new(RichText::new(text).small().color(weak))
                        .wrap_mode(TextWrapMode::Extend)
                        .sense(Sense::hover()),
                )
                .on_hover_text(cluster.details());
        }
    }
}
