//! Two dates compared (issue 13) in print styling: a [`CompareSpec`] on its own
//! page — title, filters, the national change, one diverging bar per governorate
//! sorted by change with its absolute and percentage change beside it, the scale,
//! the caveats and the footer (the source line with the DTM credit, the date
//! generated).
//!
//! Each bar is a `<path class="bar" data-pcode="IQG15" data-change="-609037">`
//! (the remainder of a partial table has `data-pcode=""`); every word is a
//! `<text>`, as in every export. The page grows taller when its rows need it.

use chrono::NaiveDate;

use super::generated_line;
use super::layout::PAGE;
use super::svg::{Anchor, GRID, INK, MUTED, Stroke, Svg, TextStyle, num, wrap};
use crate::fonts::text_width;
use crate::model::{CompareBar, CompareSpec, signed_count};
use crate::palette::hex;

/// The page margin, as the other pages have it.
const MARGIN: f64 = 24.0;
/// A row's height: the smallest, and the largest.
const ROW_MIN: f64 = 15.0;
const ROW_MAX: f64 = 26.0;
/// Space between a bar's end and its label, px.
const LABEL_GAP: f64 = 5.0;

/// The comparison on its own page.
#[must_use]
pub fn compare_page(
    spec: &CompareSpec,
    (width, height): (f64, f64),
    generated_on: NaiveDate,
) -> String {
    let inner = width - 2.0 * MARGIN;
    let line_h = PAGE.small * 1.45;
    let head: Vec<(String, TextStyle<'static>, f64)> = heading(spec, inner);
    let head_h: f64 = head.iter().map(|(_, _, h)| h).sum::<f64>() + 8.0;
    let notes: Vec<String> = spec
        .notes
        .iter()
        .flat_map(|n| wrap(n, inner, PAGE.small, false))
        .collect();
    let mut footer: Vec<String> = wrap(&spec.source_line, inner, PAGE.small, false);
    footer.push(generated_line(generated_on));
    let foot_h = (notes.len() + footer.len()) as f64 * line_h + 12.0;
    let rows = spec.bars.len().max(1) as f64;
    let axis_h = PAGE.tick * 2.0 + PAGE.legend * 2.2;
    let room = height - 2.0 * MARGIN - head_h - foot_h - axis_h;
    let row = (room / rows).clamp(ROW_MIN, ROW_MAX);
    let height = height.max(2.0 * MARGIN + head_h + foot_h + axis_h + row * rows);
    let mut svg = Svg::new(width, height);
    let mut y = MARGIN;
    for (text, style, h) in &head {
        y += h;
        svg.text(MARGIN, y - h * 0.25, text, *style);
    }
    y += 8.0;
    if let Some(empty) = &spec.empty {
        svg.text(
            MARGIN,
            y + PAGE.heading * 2.0,
            empty,
            TextStyle::new(PAGE.heading, "empty").fill(MUTED),
        );
    } else {
        bars(&mut svg, spec, [MARGIN, y, inner], row);
    }
    let mut y = height - MARGIN - foot_h + 12.0 + PAGE.small;
    for line in &notes {
        svg.text(
            MARGIN,
            y,
            line,
            TextStyle::new(PAGE.small, "note").fill(MUTED),
        );
        y += line_h;
    }
    for (i, line) in footer.iter().enumerate() {
        let class = if i + 1 == footer.len() {
            "generated"
        } else {
            "source"
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

/// The title, subtitle and national line, wrapped, each with its line height.
fn heading(spec: &CompareSpec, inner: f64) -> Vec<(String, TextStyle<'static>, f64)> {
    let mut out = Vec::new();
    for line in wrap(&spec.title, inner, PAGE.title, true) {
        out.push((
            line,
            TextStyle::new(PAGE.title, "title").bold(),
            PAGE.title * 1.3,
        ));
    }
    for line in wrap(&spec.subtitle, inner, PAGE.subtitle, false) {
        let style = TextStyle::new(PAGE.subtitle, "subtitle").fill(MUTED);
        out.push((line, style, PAGE.subtitle * 1.5));
    }
    for line in wrap(&spec.national, inner, PAGE.heading, true) {
        let style = TextStyle::new(PAGE.heading, "national").bold();
        out.push((line, style, PAGE.heading * 1.6));
    }
    out
}

/// The rows: names, bars from the zero line, labels at the bars' ends, the scale.
fn bars(svg: &mut Svg, spec: &CompareSpec, [x, y, w]: [f64; 3], row: f64) {
    let size = PAGE.legend;
    let names_w = spec
        .bars
        .iter()
        .map(|b| text_width(&b.name, size, false))
        .fold(0.0, f64::max)
        + 10.0;
    let label_w = |neg: bool| {
        spec.bars
            .iter()
            .filter(|b| b.change.is_some_and(|c| c < 0) == neg)
            .map(|b| text_width(&b.label, size, false))
            .fold(0.0, f64::max)
            + LABEL_GAP
            + 2.0
    };
    let (left, right) = (label_w(true), label_w(false));
    let plot_x = x + names_w + left;
    let plot_w = (w - names_w - left - right).max(40.0);
    let span = (spec.max as f64 - spec.min as f64).max(1.0);
    let at = |v: i64| plot_x + (v as f64 - spec.min as f64) / span * plot_w;
    let bottom = y + row * spec.bars.len() as f64;
    for t in &spec.ticks {
        let tx = at(*t);
        let stroke = Stroke {
            colour: if *t == 0 { INK } else { GRID },
            width: if *t == 0 { 1.0 } else { 0.6 },
            dash: None,
        };
        svg.line(tx, y, tx, bottom, stroke);
        svg.text(
            tx,
            bottom + PAGE.tick * 1.4,
            &signed_count(*t),
            TextStyle::new(PAGE.tick, "tick")
                .fill(MUTED)
                .anchor(Anchor::Middle),
        );
    }
    legend(
        svg,
        spec,
        x + names_w,
        bottom + PAGE.tick * 1.4 + PAGE.legend * 2.0,
    );
    for (i, b) in spec.bars.iter().enumerate() {
        let top = y + row * i as f64;
        let base = top + row * 0.5 + size * 0.35;
        svg.text(
            x + names_w - 8.0,
            base,
            &b.name,
            TextStyle::new(size, "name").anchor(Anchor::End),
        );
        bar(
            svg,
            b,
            top + row * 0.15,
            row * 0.7,
            at(0),
            b.change.map(&at),
        );
        let (lx, anchor) = match b.change {
            Some(c) if c < 0 => (at(c) - LABEL_GAP, Anchor::End),
            Some(c) => (at(c) + LABEL_GAP, Anchor::Start),
            None => (at(0) + LABEL_GAP, Anchor::Start),
        };
        let fill = if b.change.is_some() { INK } else { MUTED };
        svg.text(
            lx,
            base,
            &b.label,
            TextStyle::new(size, "change").fill(fill).anchor(anchor),
        );
    }
}

/// What the colours mean, in one row.
fn legend(svg: &mut Svg, spec: &CompareSpec, x: f64, y: f64) {
    let size = PAGE.legend;
    let mut x = x;
    for (label, colour) in &spec.legend {
        svg.rect(x, y - size * 0.85, 14.0, size, &hex(*colour), None);
        svg.text(x + 19.0, y, label, TextStyle::new(size, "legend"));
        x += 19.0 + text_width(label, size, false) + 18.0;
    }
}

fn bar(svg: &mut Svg, b: &CompareBar, top: f64, h: f64, zero: f64, end: Option<f64>) {
    let Some(end) = end else { return };
    let (x0, x1) = (zero.min(end), zero.max(end));
    let d = format!(
        "M{},{}H{}V{}H{}Z",
        num(x0),
        num(top),
        num(x1),
        num(top + h),
        num(x0)
    );
    let pcode = b.pcode.map(|p| p.to_string()).unwrap_or_default();
    let change = b.change.map(|c| c.to_string()).unwrap_or_default();
    svg.path(
        "bar",
        &[("pcode", &pcode), ("change", &change)],
        &d,
        &hex(b.colour),
        None,
    );
}
