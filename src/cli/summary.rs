//! `summary`: the headline figures as text or one JSON object, or the briefing
//! paragraph (plain or Markdown).

use std::fmt::Write as _;

use super::{Loaded, Output};
use crate::model::{thousands, usd, usd_one_decimal};
use crate::query::{briefing, cards, currency, funding, summary};

/// What `summary` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The cards, as text (plain `summary`).
    Cards,
    /// One JSON object (`--json`).
    Json,
    /// The briefing paragraph with its citations and notes (`--text`).
    Briefing,
    /// The briefing paragraph in Markdown, the sources as a list (`--markdown`).
    BriefingMarkdown,
}

/// Prints the summary for the loaded data and filters.
pub fn run(loaded: &Loaded, form: Form) -> Output {
    let Loaded { dataset, filters } = loaded;
    let stdout = match form {
        Form::Json => {
            let s = summary::summary(dataset, filters);
            serde_json::to_string_pretty(&s)
                .map_or_else(|e| format!("{{\"error\": \"{e}\"}}"), |t| t + "\n")
        }
        Form::Briefing => briefing::briefing(dataset, filters).plain(),
        Form::BriefingMarkdown => briefing::briefing(dataset, filters).markdown(),
        Form::Cards => text(loaded),
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
        for note in &card.notes {
            let _ = writeln!(out, "  note: {note}");
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
    }
    if !h.no_appeal_years.is_empty() {
        if h.years.is_empty() {
            let _ = writeln!(out, "\nIraq appeals by year (OCHA FTS):");
        }
        let beside = funding::beside_appeals(dataset, filters);
        for year in &h.no_appeal_years {
            let mut line = format!("  {year}  no appeal");
            if let Some(b) = beside.iter().find(|b| b.year == *year) {
                if let Some(u) = b.outside_appeal_usd {
                    let _ = write!(line, "; outside any appeal {}", usd_one_decimal(u));
                }
                match (b.regional_funded_usd, b.regional_required_usd) {
                    (Some(f), Some(r)) => {
                        let _ = write!(
                            line,
                            "; regional refugee plan, Iraq part {} funded of {}",
                            usd_one_decimal(f),
                            usd_one_decimal(r)
                        );
                    }
                    (Some(f), None) => {
                        let _ = write!(
                            line,
                            "; regional refugee plan, Iraq part {} funded",
                            usd_one_decimal(f)
                        );
                    }
                    _ => {}
                }
                line.push_str(" (not appeal coverage)");
            }
            let _ = writeln!(out, "{line}");
        }
    }
    let _ = writeln!(
        out,
        "\n{} tables \u{b7} {} rows loaded",
        dataset.files.len(),
        thousands(dataset.total_rows() as u64)
    );
    let current = currency::currency(dataset).text();
    if !current.is_empty() {
        let _ = writeln!(out, "data: {current}");
    }
    out
}
