//! The one-page briefing sheet (A4 landscape by default): title, the filter line,
//! the four headline cards, the four charts (IDPs over time, IDPs by governorate,
//! camps open, funding with coverage below) for the current filters, and a footer
//! with the sources, how current each series is, and the date generated; with
//! `sheet_text`, the briefing paragraph and its notes under the cards. Event
//! markers and the camps chart's optional comparison counts are left out: at this
//! size they would crowd the plots (the single-chart exports carry them). A sheet
//! too small for its charts is drawn taller rather than letting them overlap.

use chrono::NaiveDate;

use super::chart;
use super::layout::{PanelOptions, Rect, SHEET};
use super::page::generated_line;
use super::svg::{INK, MUTED, Stroke, Svg, TextStyle, wrap};
use super::text::SheetBlock;
use crate::fonts::text_width;
use crate::map::Geometry;
use crate::model::{ChartSpec, Dashboard, Kpi, PanelId};

/// Page margin, px.
const MARGIN: f64 = 28.0;
/// Space between cards and between charts, px.
const GAP: f64 = 14.0;

/// Text sizes of a card.
const CARD_TITLE: f64 = 10.5;
const CARD_VALUE: f64 = 20.0;
const CARD_TEXT: f64 = 9.0;
const CARD_SOURCE: f64 = 8.0;
/// Space between a card's value and what it counts, px.
const VALUE_NOTE_GAP: f64 = 5.0;
/// Text size of the briefing paragraph on the sheet, px.
const PARAGRAPH: f64 = 10.0;
/// Lines of wrapped text each part of a card may take.
const CARD_LINES: usize = 2;
/// The width of the map's column, px: Iraq is about as tall as it is wide, so the
/// shapes beside their legend fill about the height of the two rows of charts.
const MAP_W: f64 = 300.0;

/// The sheet as SVG text.
#[must_use]
pub fn sheet(dash: &Dashboard, (width, height): (f64, f64), generated_on: NaiveDate) -> String {
    let inner = width - 2.0 * MARGIN;
    // One cell per panel, in reading order (two rows of two).
    let cells: Vec<Vec<&ChartSpec>> = PanelId::ALL
        .into_iter()
        .map(|id| dash.sheet_panel(id))
        .filter(|c| !c.is_empty())
        .collect();
    let all: Vec<&ChartSpec> = cells.iter().flatten().copied().collect();
    let sources = wrap(&chart::merged_sources(&all), inner, SHEET.small, false);
    // How current each series is, on the line of the date generated, after it.
    let current = &dash.status.currency_text;
    let line_h = SHEET.small * 1.45;
    let footer = (sources.len() + 1) as f64 * line_h + 8.0;

    let kpis = &dash.cards;
    let card_w = (inner - GAP * (kpis.len().max(1) - 1) as f64) / kpis.len().max(1) as f64;
    let laid: Vec<CardText> = kpis
        .iter()
        .map(|k| card_text(k, dash.national, card_w - 20.0))
        .collect();
    let card_h = laid.iter().map(CardText::height).fold(0.0, f64::max) + 16.0;
    // The briefing paragraph under the cards, when the sheet carries it.
    let text = SheetBlock::of(dash, inner, PARAGRAPH, SHEET.small);
    let text_h = text.as_ref().map_or(0.0, |t| t.height() + GAP);
    let grid_top = MARGIN + 22.0 + 22.0 + 14.0 + card_h + GAP + text_h;
    // The map is a column on the right beside the two rows of charts, where the
    // charts keep room for their titles (not on a sheet narrower than A4).
    let map_w = map_width(&all, inner);
    let charts_w = inner - map_w.map_or(0.0, |w| w + 2.0 * GAP);
    let cell_w = (charts_w - 2.0 * GAP) / 2.0;
    let options = PanelOptions {
        x_range: dash.x_range_days,
        show_events: false,
        all_events: false,
    };
    // Each row of charts needs what its fuller cell needs (the funding cell holds two
    // plots and two legends); the rows share what the page leaves beyond that.
    let least_rows = [
        least_cell_height(&cells[..2], cell_w, &options),
        least_cell_height(&cells[2..], cell_w, &options),
    ];
    let needed = grid_top + least_rows[0] + least_rows[1] + GAP;
    let height = height.max((needed + footer + MARGIN).ceil());

    let mut svg = Svg::new(width, height);
    let mut y = title(&mut svg, dash);

    for (i, card) in laid.iter().enumerate() {
        let x = MARGIN + i as f64 * (card_w + GAP);
        draw_card(
            &mut svg,
            Rect {
                x,
                y,
                w: card_w,
                h: card_h,
            },
            card,
        );
    }
    y += card_h + GAP;
    if let Some(text) = &text {
        text.draw(&mut svg, MARGIN, y);
        y += text_h;
    }

    let grid_h = height - MARGIN - footer - y;
    let row_h = row_heights(grid_h - GAP, least_rows);
    for (i, plots) in cells.iter().enumerate() {
        let row = i / 2;
        let rect = Rect {
            x: MARGIN + (i % 2) as f64 * (cell_w + 2.0 * GAP),
            y: y + if row == 0 { 0.0 } else { row_h[0] + GAP },
            w: cell_w,
            h: row_h[row],
        };
        chart::draw_panel(&mut svg, rect, plots, &SHEET, &options);
    }
    if let Some(map_w) = map_w {
        draw_map_column(
            &mut svg,
            dash,
            Rect {
                x: MARGIN + charts_w + 2.0 * GAP,
                y,
                w: map_w,
                h: grid_h,
            },
        );
    }

    let y = height - MARGIN - footer + 8.0 + SHEET.small;
    footer_text(
        &mut svg,
        y,
        &sources,
        &generated_line(generated_on),
        current,
    );
    svg.finish()
}

/// The title and the filter line; returns the y under them.
fn title(svg: &mut Svg, dash: &Dashboard) -> f64 {
    let mut y = MARGIN + 22.0;
    svg.text(
        MARGIN,
        y,
        "Displacement and aid in Iraq: briefing sheet",
        TextStyle::new(22.0, "title").bold(),
    );
    y += 22.0;
    let filter_line = format!("{} \u{b7} {}", dash.place, dash.years);
    svg.text(
        MARGIN,
        y,
        &filter_line,
        TextStyle::new(14.0, "subtitle").fill(MUTED),
    );
    y + 14.0
}

/// The map column's width: [`MAP_W`] where the chart cells beside it still hold
/// their widest title, else none (the sheet then has the four charts alone).
fn map_width(charts: &[&ChartSpec], inner: f64) -> Option<f64> {
    let widest = charts
        .iter()
        .map(|c| text_width(&c.title, SHEET.title, true))
        .fold(0.0_f64, f64::max);
    let cell_w = (inner - MAP_W - 4.0 * GAP) / 2.0;
    (cell_w >= widest).then_some(MAP_W)
}

/// The map in its column: shapes (or tiles), legend, notes and the boundary credit
/// under it (the footer has no room for another line on A4).
fn draw_map_column(svg: &mut Svg, dash: &Dashboard, rect: Rect) {
    let tiles;
    let geometry = if dash.map_tiles {
        tiles = Geometry::tiles();
        &tiles
    } else {
        &*dash.map_geometry
    };
    let mut map = dash.map.clone();
    map.notes.push(map.boundary_credit.clone());
    super::map::draw_map(svg, rect, &map, geometry, &SHEET);
}

/// The two rows' heights in `total`: equal where both fit; else the fuller row gets
/// its least height and the other the rest (the page's height was chosen so both fit).
fn row_heights(total: f64, least: [f64; 2]) -> [f64; 2] {
    let half = total / 2.0;
    if least[1] > half {
        [total - least[1], least[1]]
    } else if least[0] > half {
        [least[0], total - least[0]]
    } else {
        [half, half]
    }
}

/// The least height of a cell that fits any of these charts: its text and its plots
/// at their least height.
fn least_cell_height(cells: &[Vec<&ChartSpec>], width: f64, options: &PanelOptions) -> f64 {
    cells
        .iter()
        .map(|plots| {
            chart::fixed_height(plots, width, &SHEET, options)
                + chart::min_plots_height(plots.len(), &SHEET)
        })
        .fold(0.0_f64, f64::max)
}

/// The footer from baseline `y` down: the sources, then the date generated and, on
/// its line, how current each series is ("Data: DTM rounds to Apr 2024 · …").
fn footer_text(svg: &mut Svg, mut y: f64, sources: &[String], generated: &str, current: &str) {
    for line in sources {
        svg.text(
            MARGIN,
            y,
            line,
            TextStyle::new(SHEET.small, "source").fill(MUTED),
        );
        y += SHEET.small * 1.45;
    }
    svg.text(
        MARGIN,
        y,
        generated,
        TextStyle::new(SHEET.small, "generated").fill(MUTED),
    );
    if !current.is_empty() {
        svg.text(
            MARGIN + crate::fonts::text_width(generated, SHEET.small, false) + 12.0,
            y,
            &format!("Data: {current}"),
            TextStyle::new(SHEET.small, "data-as-of").fill(MUTED),
        );
    }
}

/// A card's text, wrapped to the card.
struct CardText {
    title: String,
    value: String,
    value_size: f64,
    /// What the value counts, on the value's line (when it fits there).
    value_note: Option<String>,
    lines: Vec<(String, f64, &'static str)>,
}

impl CardText {
    fn height(&self) -> f64 {
        CARD_TITLE * 1.5
            + self.value_size * 1.35
            + self
                .lines
                .iter()
                .map(|(_, size, _)| size * 1.4)
                .sum::<f64>()
    }
}

fn card_text(kpi: &Kpi, national: bool, width: f64) -> CardText {
    let fit = text_width(&kpi.value, CARD_VALUE, true);
    let value_size = if fit > width {
        (CARD_VALUE * width / fit).max(11.0)
    } else {
        CARD_VALUE
    };
    let mut lines = Vec::new();
    let mut add = |text: &str, size: f64, class: &'static str| {
        for l in wrap(text, width, size, false).into_iter().take(CARD_LINES) {
            lines.push((l, size, class));
        }
    };
    // What the value counts goes beside it, or on the first line under it.
    let beside = fit.min(width) + VALUE_NOTE_GAP + text_width(&kpi.value_note, CARD_TEXT, false);
    let value_note = if kpi.value_note.is_empty() {
        None
    } else if beside <= width {
        Some(kpi.value_note.clone())
    } else {
        add(&kpi.value_note, CARD_TEXT, "card-value-note");
        None
    };
    if let Some(change) = &kpi.change {
        add(change, CARD_TEXT, "card-change");
    }
    let mut detail = kpi.detail.clone();
    if kpi.national_only && !national {
        if !detail.is_empty() {
            detail.push_str(" \u{b7} ");
        }
        // A card whose lines differ (the camps count, not its closures) says so.
        detail.push_str(if kpi.filter_note.is_some() {
            "count not filtered"
        } else {
            "national figure"
        });
    }
    if !detail.is_empty() {
        add(&detail, CARD_TEXT, "card-detail");
    }
    if !kpi.source.is_empty() {
        add(&kpi.source, CARD_SOURCE, "card-source");
    }
    CardText {
        title: kpi.title.clone(),
        value: kpi.value.clone(),
        value_size,
        value_note,
        lines,
    }
}

fn draw_card(svg: &mut Svg, rect: Rect, card: &CardText) {
    svg.open_group("card", None, None);
    svg.rect(
        rect.x,
        rect.y,
        rect.w,
        rect.h,
        "#f5f6f8",
        Some(Stroke {
            colour: "#d3d7dd",
            width: 0.8,
            dash: None,
        }),
    );
    let x = rect.x + 10.0;
    let mut y = rect.y + 8.0 + CARD_TITLE;
    svg.text(
        x,
        y,
        &card.title,
        TextStyle::new(CARD_TITLE, "card-title").bold().fill(MUTED),
    );
    y += CARD_TITLE * 0.5 + card.value_size * 1.1;
    svg.text(
        x,
        y,
        &card.value,
        TextStyle::new(card.value_size, "card-value")
            .bold()
            .fill(INK),
    );
    if let Some(note) = &card.value_note {
        let after = x + text_width(&card.value, card.value_size, true) + VALUE_NOTE_GAP;
        svg.text(
            after,
            y,
            note,
            TextStyle::new(CARD_TEXT, "card-value-note").fill(INK),
        );
    }
    y += card.value_size * 0.25;
    for (text, size, class) in &card.lines {
        y += size * 1.4;
        let fill = if matches!(*class, "card-change" | "card-value-note") {
            INK
        } else {
            MUTED
        };
        svg.text(x, y, text, TextStyle::new(*size, class).fill(fill));
    }
    svg.close_group();
}
