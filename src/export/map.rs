//! The map in print styling: a [`MapSpec`] drawn over a [`Geometry`] (true shapes
//! or the tile grid) as SVG, with the exports' title, subtitle, legend and footer.
//!
//! Each governorate is one `<path class="governorate" data-pcode="IQG15">` (its
//! polygons and holes in one path, filled even–odd), coloured by its class or the
//! "no data" grey; selected governorates get a dark outline drawn over the fills
//! (`class="selected"`). The legend names the unit, the date and every class, "No
//! data" included; the footer carries the source line (the DTM credit for DTM
//! figures) and the boundary credit. Text stays text (`<text>`), as in every export.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::generated_line;
use super::layout::{PAGE, Rect, Style};
use super::svg::{INK, MUTED, Stroke, Svg, TextStyle, num, wrap};
use crate::fonts::text_width;
use crate::map::spec::{MapSpec, MapValue, value_text};
use crate::map::{Geometry, Region, Transform};
use crate::model::long_date;

/// The page margin, as the chart pages have it.
const MARGIN: f64 = 24.0;
/// Width of the legend column beside the map.
const LEGEND_W: f64 = 210.0;

/// `#rrggbb` of a colour.
fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Dark text on light fills, white on dark ones.
fn text_on([r, g, b]: [u8; 3]) -> &'static str {
    let luminance = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luminance < 115.0 { "#ffffff" } else { INK }
}

/// The map on its own page: title, subtitle, the map with its legend, notes, and the
/// footer with the source line, the boundary credit and the date generated.
#[must_use]
pub fn map_page(
    spec: &MapSpec,
    geometry: &Geometry,
    (width, height): (f64, f64),
    generated_on: NaiveDate,
) -> String {
    let inner = width - 2.0 * MARGIN;
    let line_h = PAGE.small * 1.45;
    let mut footer_lines = wrap(&spec.source_line, inner, PAGE.small, false);
    footer_lines.push(spec.boundary_credit.clone());
    footer_lines.push(generated_line(generated_on));
    let footer = footer_lines.len() as f64 * line_h + 10.0;
    let height = height.max(2.0 * MARGIN + footer + 260.0);
    let mut svg = Svg::new(width, height);
    let panel = Rect {
        x: MARGIN,
        y: MARGIN,
        w: inner,
        h: height - 2.0 * MARGIN - footer,
    };
    draw_map(&mut svg, panel, spec, geometry, &PAGE);
    let mut y = height - MARGIN - footer + 10.0 + PAGE.small;
    for (i, line) in footer_lines.iter().enumerate() {
        let class = match footer_lines.len() - i {
            1 => "generated",
            2 => "boundary-credit",
            _ => "source",
        };
        svg.text(
            MARGIN,
            y,
            line,
            TextStyle::new(PAGE.small, class).fill(MUTED),
        );
        y += line_h;
    }
    svg.finish()
}

/// Draws the map panel (title, subtitle, shapes or tiles, legend, notes) into `rect`:
/// the briefing sheet's cell or a page.
pub fn draw_map(svg: &mut Svg, rect: Rect, spec: &MapSpec, geometry: &Geometry, style: &Style) {
    // Title and subtitle wrap to the rect (the sheet's map column is narrow).
    let mut y = rect.y;
    for (i, line) in wrap(&spec.title, rect.w, style.title, true)
        .iter()
        .enumerate()
    {
        y += if i == 0 {
            style.title
        } else {
            style.title * 1.2
        };
        svg.text(rect.x, y, line, TextStyle::new(style.title, "title").bold());
    }
    y += style.title * 0.45 + 2.0;
    for (i, line) in wrap(&spec.subtitle, rect.w, style.subtitle, false)
        .iter()
        .enumerate()
    {
        y += if i == 0 {
            style.subtitle
        } else {
            style.subtitle * 1.3
        };
        svg.text(
            rect.x,
            y,
            line,
            TextStyle::new(style.subtitle, "subtitle").fill(MUTED),
        );
    }
    y += style.subtitle * 0.45 + 8.0;
    let legend_w = LEGEND_W.min(rect.w * 0.35);
    let notes: Vec<String> = spec
        .notes
        .iter()
        .flat_map(|n| wrap(n, rect.w, style.small, false))
        .collect();
    let notes_h = notes.len() as f64 * style.small * 1.45;
    let map_rect = [
        rect.x,
        y,
        (rect.w - legend_w - 12.0).max(10.0),
        (rect.y + rect.h - y - notes_h - 4.0).max(10.0),
    ];
    let transform = Transform::fit(geometry.bounds, map_rect, 4.0);
    if let Some(empty) = &spec.empty {
        svg.text(
            map_rect[0],
            map_rect[1] + style.heading * 2.0,
            empty,
            TextStyle::new(style.heading, "empty").fill(MUTED),
        );
    }
    for region in &geometry.regions {
        draw_region(svg, region, spec, &transform);
    }
    for region in &geometry.regions {
        if spec.value(region.pcode).is_some_and(|v| v.selected) {
            let d = path_data(region, &transform);
            let stroke = Stroke {
                colour: INK,
                width: 2.2,
                dash: None,
            };
            svg.path(
                "selected",
                &[("pcode", &region.pcode.to_string())],
                &d,
                "none",
                Some(stroke),
            );
        }
    }
    labels(svg, geometry, spec, &transform, style);
    legend(svg, [rect.x + rect.w - legend_w, y, legend_w], spec, style);
    let mut ny = map_rect[1] + map_rect[3] + 4.0 + style.small;
    for line in &notes {
        svg.text(
            rect.x,
            ny,
            line,
            TextStyle::new(style.small, "note").fill(MUTED),
        );
        ny += style.small * 1.45;
    }
}

/// The `d` of a region: every ring of every polygon, each closed.
fn path_data(region: &Region, transform: &Transform) -> String {
    let mut d = String::new();
    for ring in region.polygons.iter().flatten() {
        for (i, p) in ring.iter().enumerate() {
            let [x, y] = transform.to_screen(*p);
            let _ = write!(d, "{}{},{}", if i == 0 { "M" } else { "L" }, num(x), num(y));
        }
        d.push('Z');
    }
    d
}

fn draw_region(svg: &mut Svg, region: &Region, spec: &MapSpec, transform: &Transform) {
    let pcode = region.pcode.to_string();
    let name = spec
        .value(region.pcode)
        .map_or_else(|| pcode.clone(), |v| v.name_en.clone());
    let stroke = Stroke {
        colour: "#ffffff",
        width: 0.8,
        dash: None,
    };
    svg.path(
        "governorate",
        &[("pcode", &pcode), ("name", &name)],
        &path_data(region, transform),
        &hex(spec.fill(region.pcode)),
        Some(stroke),
    );
}

/// Tiles: the short name and the value on each tile. Shapes: the short name where
/// it fits without covering another label.
fn labels(svg: &mut Svg, geometry: &Geometry, spec: &MapSpec, t: &Transform, style: &Style) {
    for region in &geometry.regions {
        let Some(v) = spec.value(region.pcode) else {
            continue;
        };
        let [x, y] = t.to_screen(region.label_at);
        let ink = text_on(spec.fill(region.pcode));
        let text = |size: f64, class| {
            TextStyle::new(size, class)
                .fill(ink)
                .anchor(super::svg::Anchor::Middle)
        };
        if geometry.tiles {
            let size = (t.scale * 0.16).clamp(6.0, style.legend);
            svg.text(x, y - size * 0.2, &v.short, text(size, "tile-name").bold());
            svg.text(
                x,
                y + size * 1.1,
                &value_text(spec.measure, v.value),
                text(size, "tile-value"),
            );
        } else {
            let size = style.small;
            let (min, max) = region.bounds;
            let wide = (max[0] - min[0]) * t.scale;
            if text_width(&v.short, size, false) < wide * 0.9 {
                let _ = svg.text_if_free(x, y + size * 0.35, &v.short, text(size, "shape-name"));
            }
        }
    }
}

fn legend(svg: &mut Svg, [x, y, _w]: [f64; 3], spec: &MapSpec, style: &Style) {
    let row = style.legend * 1.7;
    let mut y = y + style.heading;
    svg.text(
        x,
        y,
        &capitalised(&spec.unit),
        TextStyle::new(style.heading, "legend-title").bold(),
    );
    if let Some(date) = spec.date {
        y += row;
        let when = match (spec.measure, spec.first_date) {
            (m, Some(f)) if m.is_change() => {
                format!("{} to {}", long_date(f), long_date(date))
            }
            _ => long_date(date),
        };
        svg.text(
            x,
            y,
            &when,
            TextStyle::new(style.legend, "legend-date").fill(MUTED),
        );
    }
    y += row * 0.4;
    let entries = spec
        .classes
        .iter()
        .map(|c| (c.colour, c.label.as_str()))
        .chain(std::iter::once((
            spec.no_data.colour,
            spec.no_data.label.as_str(),
        )));
    for (colour, label) in entries {
        y += row;
        let stroke = Stroke {
            colour: "#999999",
            width: 0.5,
            dash: None,
        };
        svg.rect(
            x,
            y - style.legend,
            18.0,
            style.legend + 2.0,
            &hex(colour),
            Some(stroke),
        );
        svg.text(x + 24.0, y, label, TextStyle::new(style.legend, "legend"));
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// The tooltip-like line of a governorate ("Ninewa: 198,287 (31 Dec 2025)"), for
/// a table beside the map.
#[must_use]
pub fn value_line(spec: &MapSpec, v: &MapValue) -> String {
    let when = v
        .date
        .map(|d| format!(" ({})", long_date(d)))
        .unwrap_or_default();
    format!("{}: {}{when}", v.name_en, value_text(spec.measure, v.value))
}

#[cfg(test)]
#[path = "map_tests.rs"]
mod tests;
