//! `summary`: the headline figures as text or one JSON object.

use std::fmt::Write as _;

use super::{Loaded, Output};
use crate::model::{thousands, usd};
use crate::query::{cards, funding, summary};

/// Prints the summary for the loaded data and filters.
pub fn run(loaded: &Loaded, json: bool) -> Output {
    let Loaded { dataset, filters } = loaded;
    let stdout = if json {
        let s = summary::summary(dataset, filters);
        serde_json::to_string_pretty(&s)
            .map_or_else(|e| format!("{{\"error\": \"{e}\"}}"), |t| t + "\n")
    } else {
        text(loaded)
    };
    Output {
        stdout,
        warnings: Vec::new(),
        code: 0,
    }
}

fn text(loaded: &Loaded) -> String {
    let Loaded { dataset, filters } = loaded;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} \u{b7} {}",
        cards::place(dataset, filters),
        cards::years(filters)
    );
    for card in cards::cards(dataset, filters) {
        if card.value_note.is_empty() {
            let _ = writeln!(out, "\n{}: {}", card.title, card.value);
        } else {
            let _ = writeln!(out, "\n{}: {} {}", card.title, card.value, card.value_note);
        }
        if let Some(change) = &card.change {
            let _ = writeln!(out, "  {change}");
        }
        if !card.detail.is_empty() {
            let _ = writeln!(out, "  {}", card.detail);
        }
        if card.national_only && !filters.is_national() {
            let note = card
                .filter_note
                .as_deref()
                .unwrap_or("national figure: the governorate filter does not apply");
            let _ = writeln!(out, "  {note}");
        }
        if !card.source.is_empty() {
            let _ = writeln!(out, "  source: {}", card.source);
        }
    }
    let h = funding::headline(dataset, filters);
    if !h.years.is_empty() {
        let _ = writeln!(out, "\nIraq appeals by year (OCHA FTS):");
        for y in &h.years {
            let cov = y
                .coverage_pct
                .map_or_else(|| "n/a".into(), |c| format!("{c:.1}%"));
            let reported = y
                .coverage_reported_pct
                .map(|r| format!("  ({r:.0}% reported at the time)"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}  required {:>9}  funded {:>9}  {cov:>6}{reported}",
                y.year,
                usd(y.requirements_usd),
                usd(y.funding_usd)
            );
        }
        for year in &h.no_appeal_years {
            let _ = writeln!(out, "  {year}  no appeal");
        }
    }
    let _ = writeln!(
        out,
        "\n{} tables \u{b7} {} rows loaded",
        dataset.files.len(),
        thousands(dataset.total_rows() as u64)
    );
    out
}
