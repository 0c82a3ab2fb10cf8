//! The briefing paragraph as a file (issue 13): Markdown (numbered references and the
//! list of sources with their links) or plain text (citations in brackets), and as a
//! picture (SVG or PNG, for a slide): title, the place and years, the paragraph, its
//! notes, the numbered sources and the footer. Also the paragraph's block on the
//! briefing sheet, when the sheet is asked to carry it.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::layout::PAGE;
use super::page::generated_line;
use super::svg::{MUTED, Svg, TextStyle, wrap};
use crate::model::Dashboard;

/// Page margin of the briefing picture, px.
const MARGIN: f64 = 28.0;
/// Text size of the paragraph on its own page, px.
const PARAGRAPH: f64 = 15.0;
/// Line height as a multiple of the text size.
const LEADING: f64 = 1.45;

/// The title line of every form.
const TITLE: &str = "Briefing text: displacement and aid in Iraq";

/// The paragraph as a Markdown file: title, place and years, the paragraph with
/// numbered references, the notes, the sources, and the line saying when and from
/// what it was generated.
#[must_use]
pub fn markdown(dash: &Dashboard, generated_on: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {TITLE}\n");
    let _ = writeln!(out, "{} \u{b7} {}\n", dash.place, dash.years);
    out.push_str(&dash.briefing.markdown());
    let _ = writeln!(out, "\n{}", footer(dash, generated_on));
    out
}

/// The paragraph as a plain-text file: title, place and years, the paragraph with its
/// citations in brackets, the notes, the sources with their links, and the line
/// saying when it was generated.
#[must_use]
pub fn plain(dash: &Dashboard, generated_on: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{TITLE}\n{} \u{b7} {}\n", dash.place, dash.years);
    out.push_str(&dash.briefing.plain());
    if !dash.briefing.sources.is_empty() {
        out.push_str("\nSources\n");
        for (i, s) in dash.briefing.sources.iter().enumerate() {
            let _ = write!(out, "{}. {}: {}", i + 1, s.short, s.full);
            if !s.url.is_empty() {
                let _ = write!(out, " <{}>", s.url);
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "\n{}", footer(dash, generated_on));
    out
}

/// "displacement-dashboard · 1 Dec 2026 · Data: DTM rounds to Apr 2024 · …".
fn footer(dash: &Dashboard, generated_on: NaiveDate) -> String {
    let current = &dash.status.currency_text;
    if current.is_empty() {
        generated_line(generated_on)
    } else {
        format!("{} \u{b7} Data: {current}", generated_line(generated_on))
    }
}

/// The paragraph on its own page (SVG), for a slide: as tall as its text needs.
#[must_use]
pub fn page(dash: &Dashboard, (width, height): (f64, f64), generated_on: NaiveDate) -> String {
    let inner = width - 2.0 * MARGIN;
    let b = &dash.briefing;
    let paragraph = if b.sentences.is_empty() {
        vec!["No headline figure for these filters: nothing to write.".to_string()]
    } else {
        wrap(&b.paragraph_text(), inner, PARAGRAPH, false)
    };
    let notes = b
        .notes_line()
        .map_or_else(Vec::new, |n| wrap(&n, inner, PAGE.legend, false));
    let sources: Vec<Vec<String>> = b
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let url = if s.url.is_empty() {
                String::new()
            } else {
                format!(" {}", s.url)
            };
            wrap(
                &format!("{}. {}: {}{url}", i + 1, s.short, s.full),
                inner,
                PAGE.small,
                false,
            )
        })
        .collect();
    let source_lines: usize = sources.iter().map(Vec::len).sum();
    let small_h = PAGE.small * LEADING;
    let needed = MARGIN
        + PAGE.title * LEADING
        + PAGE.subtitle * LEADING
        + 10.0
        + paragraph.len() as f64 * PARAGRAPH * LEADING
        + 10.0
        + notes.len() as f64 * PAGE.legend * LEADING
        + 12.0
        + PAGE.heading * LEADING
        + source_lines as f64 * small_h
        + 12.0
        + small_h
        + MARGIN;
    let height = height.max(needed.ceil());
    let mut svg = Svg::new(width, height);
    let mut y = MARGIN + PAGE.title;
    svg.text(MARGIN, y, TITLE, TextStyle::new(PAGE.title, "title").bold());
    y += PAGE.subtitle * LEADING + 4.0;
    svg.text(
        MARGIN,
        y,
        &format!("{} \u{b7} {}", dash.place, dash.years),
        TextStyle::new(PAGE.subtitle, "subtitle").fill(MUTED),
    );
    y += 10.0 + PARAGRAPH * LEADING;
    for line in &paragraph {
        svg.text(MARGIN, y, line, TextStyle::new(PARAGRAPH, "paragraph"));
        y += PARAGRAPH * LEADING;
    }
    y += 10.0;
    for line in &notes {
        svg.text(
            MARGIN,
            y,
            line,
            TextStyle::new(PAGE.legend, "notes").fill(MUTED),
        );
        y += PAGE.legend * LEADING;
    }
    if !sources.is_empty() {
        sources_list(&mut svg, y + 12.0, &sources);
    }
    let y = height - MARGIN;
    svg.text(
        MARGIN,
        y,
        &footer(dash, generated_on),
        TextStyle::new(PAGE.small, "generated").fill(MUTED),
    );
    svg.finish()
}

/// "Sources" and the numbered sources' lines, from `y`.
fn sources_list(svg: &mut Svg, mut y: f64, sources: &[Vec<String>]) {
    svg.text(
        MARGIN,
        y,
        "Sources",
        TextStyle::new(PAGE.heading, "heading").bold(),
    );
    y += PAGE.small * LEADING + 2.0;
    for line in sources.iter().flatten() {
        svg.text(
            MARGIN,
            y,
            line,
            TextStyle::new(PAGE.small, "source").fill(MUTED),
        );
        y += PAGE.small * LEADING;
    }
}

/// The paragraph's block on the briefing sheet: its lines at `size` px, then the
/// notes' lines a step smaller, wrapped to `width`.
pub(super) struct SheetBlock {
    pub paragraph: Vec<String>,
    pub notes: Vec<String>,
    pub size: f64,
    pub notes_size: f64,
}

impl SheetBlock {
    /// The block for the dashboard, or none when the sheet does not carry it (or the
    /// paragraph is empty).
    pub fn of(dash: &Dashboard, width: f64, size: f64, notes_size: f64) -> Option<SheetBlock> {
        let b = &dash.briefing;
        if !dash.sheet_text || b.sentences.is_empty() {
            return None;
        }
        Some(SheetBlock {
            paragraph: wrap(&b.paragraph_text(), width, size, false),
            notes: b
                .notes_line()
                .map_or_else(Vec::new, |n| wrap(&n, width, notes_size, false)),
            size,
            notes_size,
        })
    }

    /// Its height, px.
    pub fn height(&self) -> f64 {
        self.paragraph.len() as f64 * self.size * LEADING
            + self.notes.len() as f64 * self.notes_size * LEADING
    }

    /// Draws it from `x`, with `y` the top of its box.
    pub fn draw(&self, svg: &mut Svg, x: f64, mut y: f64) {
        for line in &self.paragraph {
            y += self.size * LEADING;
            svg.text(
                x,
                y - self.size * (LEADING - 1.0),
                line,
                TextStyle::new(self.size, "paragraph"),
            );
        }
        for line in &self.notes {
            y += self.notes_size * LEADING;
            svg.text(
                x,
                y - self.notes_size * (LEADING - 1.0),
                line,
                TextStyle::new(self.notes_size, "notes").fill(MUTED),
            );
        }
    }
}
