//! Exported pictures never print text over text: every `<text>` of an exported SVG is
//! measured with the bundled fonts (as the exporter measures it) and no two of them
//! may intersect, for every chart and the briefing sheet, at their default sizes and
//! a small one, under several filters and with every event shown.

use chrono::NaiveDate;

use super::svg::{Anchor, TextBox};
use super::{PictureSize, What, render_svg};
use crate::data::{Basis, Dataset, Pcode};
use crate::model::PanelId;
use crate::query::{Choices, Filters, dashboard};

/// One `<text>` as written: its content, box and class.
struct Written {
    text: String,
    class: String,
    bounds: TextBox,
}

/// Every text of the SVG with the box it covers, read back from the document.
fn texts(svg: &str) -> Vec<Written> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| {
            let text = n.text()?.to_string();
            if text.trim().is_empty() {
                return None;
            }
            let num = |name: &str| n.attribute(name).and_then(|v| v.parse::<f64>().ok());
            let (x, y, size) = (num("x")?, num("y")?, num("font-size")?);
            let bold = n.attribute("font-weight") == Some("bold");
            let anchor = match n.attribute("text-anchor") {
                Some("middle") => Anchor::Middle,
                Some("end") => Anchor::End,
                _ => Anchor::Start,
            };
            let degrees = n
                .attribute("transform")
                .and_then(|t| t.strip_prefix("rotate("))
                .and_then(|t| t.split([' ', ')']).next())
                .and_then(|d| d.parse::<f64>().ok())
                .unwrap_or(0.0);
            Some(Written {
                bounds: TextBox::of((x, y), &text, (size, bold), anchor, degrees),
                class: n.attribute("class").unwrap_or_default().to_string(),
                text,
            })
        })
        .collect()
}

/// The plot areas of the SVG: the rectangles its series are clipped to.
fn plot_areas(svg: &str) -> Vec<TextBox> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("clipPath"))
        .filter_map(|c| c.children().find(|n| n.has_tag_name("rect")))
        .filter_map(|r| {
            let num = |name: &str| r.attribute(name).and_then(|v| v.parse::<f64>().ok());
            let (x, y) = (num("x")?, num("y")?);
            Some(TextBox {
                x0: x,
                y0: y,
                x1: x + num("width")?,
                y1: y + num("height")?,
            })
        })
        .collect()
}

/// The pairs of texts that overlap, and the event and band labels printed over a
/// plot's data, described.
fn overlaps(svg: &str) -> Vec<String> {
    let all = texts(svg);
    let mut out = Vec::new();
    let areas = plot_areas(svg);
    for t in all
        .iter()
        .filter(|t| ["event-label", "band-label"].contains(&t.class.as_str()))
    {
        if areas.iter().any(|a| a.intersects(&t.bounds)) {
            out.push(format!("{} {:?} is over the data", t.class, t.text));
        }
    }
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            if a.bounds.intersects(&b.bounds) {
                out.push(format!(
                    "{} {:?} × {} {:?}",
                    a.class, a.text, b.class, b.text
                ));
            }
        }
    }
    out
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 12).unwrap()
}

fn filters(codes: Option<&[u8]>, from: i32, to: i32) -> Filters {
    Filters {
        governorates: codes.map(|c| c.iter().filter_map(|p| Pcode::new(*p)).collect()),
        from,
        to,
    }
}

#[test]
fn the_overlap_check_finds_text_printed_over_text() {
    let mut svg = super::svg::Svg::new(200.0, 100.0);
    let style = super::svg::TextStyle::new(10.0, "a");
    svg.text(10.0, 20.0, "OCHA: over 95% funded", style);
    svg.text(40.0, 22.0, "95.2%", style);
    svg.text(10.0, 60.0, "apart", style);
    svg.clip_rect(0.0, 70.0, 200.0, 30.0);
    svg.text(
        10.0,
        90.0,
        "Mosul retaken",
        super::svg::TextStyle::new(10.0, "event-label"),
    );
    assert_eq!(
        overlaps(&svg.finish()),
        [
            "event-label \"Mosul retaken\" is over the data",
            "a \"OCHA: over 95% funded\" × a \"95.2%\""
        ]
    );
}

#[test]
fn no_two_texts_of_any_exported_chart_or_sheet_overlap() {
    let ds = Dataset::bundled().unwrap();
    let charts = [
        (PanelId::Idps, Basis::Displacement),
        (PanelId::Governorates, Basis::Displacement),
        (PanelId::Governorates, Basis::Origin),
        (PanelId::Governorates, Basis::InCamp),
        (PanelId::Camps, Basis::Displacement),
        (PanelId::Funding, Basis::Displacement),
    ];
    let filter_sets = [
        filters(None, 2014, 2024),
        filters(Some(&[15]), 2017, 2024),
        filters(Some(&[9, 15]), 2014, 2024),
        filters(None, 2020, 2022),
        filters(Some(&[1, 8, 9, 10, 11, 13, 15, 16]), 2014, 2024),
    ];
    let chart_sizes = [(None, None), (Some(480), Some(320))];
    let sheet_sizes = [(None, None), (Some(842), Some(595))];
    let mut failures = Vec::new();
    for f in &filter_sets {
        for (all_events, optional_series) in [(false, false), (true, true)] {
            let whats = charts
                .iter()
                .map(|(c, basis)| (What::Chart(*c), *basis, chart_sizes))
                .chain([(What::Sheet, Basis::Displacement, sheet_sizes)]);
            for (what, basis, sizes) in whats {
                let choices = Choices {
                    basis,
                    show_events: true,
                    all_events,
                    camp_comparisons: optional_series,
                    ..Choices::default()
                };
                let dash = dashboard(&ds, f, &choices);
                for (width, height) in sizes {
                    let size = PictureSize { width, height };
                    let svg = render_svg(what, size, &dash, day()).expect("renders");
                    for o in overlaps(&svg) {
                        failures.push(format!(
                            "{what:?} {width:?}×{height:?} {:?} {}–{} all events {all_events}: {o}",
                            f.governorates, f.from, f.to
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
