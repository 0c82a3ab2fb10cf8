//! The headline cards (DESIGN §2): value, change over the range, date, source and a
//! citation sentence. A card with no figure says why; it never shows a zero.

use super::{Filters, camps, funding, idps};
use crate::data::{Dataset, Region};
use crate::model::{Kpi, date_as_known, long_date, short_count, signed_pct, thousands};

/// "Ninewa", "Dahuk, Erbil", "5 governorates", "Iraq".
#[must_use]
pub fn place(dataset: &Dataset, filters: &Filters) -> String {
    match &filters.governorates {
        None => "Iraq".into(),
        Some(s) if s.is_empty() => "no governorate".into(),
        Some(s) if s.len() <= 3 => s
            .iter()
            .map(|p| dataset.gazetteer.name(*p))
            .collect::<Vec<_>>()
            .join(", "),
        Some(s) => format!("{} governorates", s.len()),
    }
}

/// "2017–2020" or "2019".
#[must_use]
pub fn years(filters: &Filters) -> String {
    if filters.from == filters.to {
        filters.from.to_string()
    } else {
        format!("{}\u{2013}{}", filters.from, filters.to)
    }
}

/// The source of an id in words: "IOM DTM: title (2024-04)".
#[must_use]
pub fn source_text(dataset: &Dataset, id: &str) -> String {
    dataset.source(id).map_or_else(
        || format!("source \"{id}\""),
        |s| {
            if s.published.is_empty() {
                format!("{}: {}", s.publisher, s.title)
            } else {
                format!("{}: {} ({})", s.publisher, s.title, s.published)
            }
        },
    )
}

/// All four cards, in order.
#[must_use]
pub fn cards(dataset: &Dataset, filters: &Filters) -> Vec<Kpi> {
    vec![
        idps_card(dataset, filters),
        since_card(dataset, filters),
        camps_card(dataset, filters),
        coverage_card(dataset, filters),
    ]
}

fn missing(filters: &Filters, what: &str) -> String {
    match &filters.governorates {
        Some(s) if s.is_empty() => "No governorate selected".into(),
        _ => format!("no {what} in {}", years(filters)),
    }
}

fn round_text(round: Option<u32>) -> String {
    round
        .map(|r| format!(" \u{b7} Round {r}"))
        .unwrap_or_default()
}

/// Current IDPs: the latest DTM figure in range.
#[must_use]
pub fn idps_card(dataset: &Dataset, filters: &Filters) -> Kpi {
    let h = idps::headline(dataset, filters);
    let what = if filters.is_national() {
        "DTM data"
    } else {
        "governorate breakdown"
    };
    let Some(latest) = &h.latest else {
        return Kpi {
            title: "IDPs now".into(),
            value: missing(filters, what),
            change: None,
            detail: String::new(),
            source: String::new(),
            citation: String::new(),
            national_only: false,
        };
    };
    let peak_word = match h.resolution {
        idps::Resolution::EveryRound => "peak",
        idps::Resolution::YearEndRounds => "highest year-end value",
    };
    let mut change = Vec::new();
    if let (Some(c), Some(first)) = (h.change_pct, &h.first)
        && first.date != latest.date
    {
        change.push(format!(
            "{} vs {}",
            signed_pct(c),
            first.date.format("%b %Y")
        ));
    }
    if let (Some(c), Some(peak)) = (h.change_from_peak_pct, &h.peak)
        && peak.date != latest.date
    {
        change.push(format!("{} vs {peak_word}", signed_pct(c)));
    }
    let round = latest
        .round
        .map(|r| format!("Round {r}, "))
        .unwrap_or_default();
    Kpi {
        title: "IDPs now".into(),
        value: short_count(latest.value),
        change: (!change.is_empty()).then(|| change.join(" \u{b7} ")),
        detail: format!(
            "as of {}{}{}",
            long_date(latest.date),
            round_text(latest.round),
            h.coverage
                .map(|c| format!(" \u{b7} {} of {} governorates", c.governorates, c.of))
                .unwrap_or_default()
        ),
        source: source_text(dataset, &latest.source_id),
        citation: format!(
            "{} IDPs in {} (IOM DTM {round}{})",
            thousands(latest.value),
            place(dataset, filters),
            long_date(latest.date)
        ),
        national_only: false,
    }
}

/// Displaced since 2014: IDPs + returnees, cumulative and a lower bound.
#[must_use]
pub fn since_card(dataset: &Dataset, filters: &Filters) -> Kpi {
    let h = idps::headline(dataset, filters);
    let since = h.displaced_since_2014;
    let national_only = !filters.is_national();
    let Some(p) = since.point.or(since.national) else {
        return Kpi {
            title: "Displaced since 2014".into(),
            value: missing(filters, "returnee figures"),
            change: None,
            detail: String::new(),
            source: String::new(),
            citation: String::new(),
            national_only,
        };
    };
    let scope = if national_only {
        "Iraq, national (no governorate breakdown) \u{b7} "
    } else {
        ""
    };
    Kpi {
        title: "Displaced since 2014".into(),
        value: format!("at least {}", short_count(p.value)),
        change: None,
        detail: format!("{scope}cumulative: IDPs + returnees, {}", long_date(p.date)),
        source: source_text(dataset, &p.source_id),
        citation: format!(
            "At least {} people in Iraq displaced since 2014 (current IDPs plus returnees; IOM DTM{}, {})",
            thousands(p.value),
            p.round.map(|r| format!(" Round {r}")).unwrap_or_default(),
            long_date(p.date)
        ),
        national_only,
    }
}

/// Camps open: the latest count in range, with its definition and scope.
#[must_use]
pub fn camps_card(dataset: &Dataset, filters: &Filters) -> Kpi {
    let h = camps::headline(dataset, filters);
    let closures = match h.closures.len() {
        0 => None,
        1 => Some("1 named closure recorded in range".to_string()),
        n => Some(format!("{n} named closures recorded in range")),
    };
    let Some(c) = h.open_at_end else {
        return Kpi {
            title: "Camps open".into(),
            value: missing(filters, "camp count"),
            change: closures,
            detail: String::new(),
            source: String::new(),
            citation: String::new(),
            national_only: true,
        };
    };
    let scope = match c.scope {
        crate::data::CampScope::National => "Iraq".to_string(),
        crate::data::CampScope::Federal => Region::Federal.label().to_string(),
        crate::data::CampScope::Kri => Region::Kri.label().to_string(),
        crate::data::CampScope::Governorate(p) => dataset.gazetteer.name(p),
    };
    let camps = c.camps.unwrap_or(0);
    let when = date_as_known(c.date, c.date_precision);
    let publisher = dataset
        .source(&c.source_id)
        .map_or_else(String::new, |s| format!("{}, ", s.publisher));
    Kpi {
        title: "Camps open".into(),
        value: camps.to_string(),
        change: closures,
        detail: format!("{}, {scope}, {when}", c.definition.label()),
        source: source_text(dataset, &c.source_id),
        citation: format!(
            "{camps} {} open, {scope} ({publisher}{when})",
            c.definition.label()
        ),
        national_only: true,
    }
}

/// Appeal coverage over the selected years, FTS and reported at the time.
#[must_use]
pub fn coverage_card(dataset: &Dataset, filters: &Filters) -> Kpi {
    let h = funding::headline(dataset, filters);
    let as_of = h
        .fts_as_of
        .as_deref()
        .map(|d| format!(", as of {d}"))
        .unwrap_or_default();
    let Some(pct) = h.coverage_pct else {
        let value = if h.no_appeal_years.is_empty() {
            missing(filters, "funding data")
        } else {
            format!("no appeal in {}", years(filters))
        };
        return Kpi {
            title: "Appeal coverage".into(),
            value,
            change: None,
            detail: String::new(),
            source: String::new(),
            citation: String::new(),
            national_only: true,
        };
    };
    let reported = h
        .years
        .iter()
        .rev()
        .find_map(|y| y.coverage_reported_pct.map(|r| (y.year, r)));
    let change = reported.map(|(year, r)| {
        let fts = h
            .years
            .iter()
            .find(|y| y.year == year)
            .and_then(|y| y.coverage_pct)
            .map(|c| format!("{c:.1}% in FTS, "))
            .unwrap_or_default();
        format!("{year}: {fts}{r:.0}% reported at the time")
    });
    let span = match (h.years.first(), h.years.last()) {
        (Some(a), Some(b)) if a.year != b.year => format!("{}\u{2013}{}", a.year, b.year),
        (Some(a), _) => a.year.to_string(),
        _ => years(filters),
    };
    let source = h
        .years
        .first()
        .and_then(|y| y.source_ids.first())
        .map(|id| source_text(dataset, id))
        .unwrap_or_default();
    Kpi {
        title: "Appeal coverage".into(),
        value: format!("{pct:.1}%"),
        change,
        detail: format!("funded \u{f7} required, Iraq appeals {span} (OCHA FTS{as_of})"),
        source,
        citation: format!(
            "Iraq's humanitarian appeals for {span} were {pct:.1}% funded (OCHA FTS{as_of})"
        ),
        national_only: true,
    }
}
