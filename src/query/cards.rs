//! The headline cards (DESIGN §2): value, change over the range, date, source and a
//! citation sentence. A card with no figure says why; it never shows a zero.

use super::filters::year_bounds;
use super::{Filters, camps, funding, idps, rows};
use crate::data::{CampDefinition, CampScope, Dataset, Region};
use crate::model::{
    Kpi, date_as_known, long_date, short_count, signed_pct, thousands, usd_one_decimal,
};

/// "Ninewa", "Dahuk, Erbil", "5 governorates", "Iraq".
#[must_use]
pub fn place(dataset: &Dataset, filters: &Filters) -> String {
    match &filters.governorates {
        None => crate::domain::IRAQ.name.into(),
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

/// Current IDPs: the latest DTM figure in range. Titled "IDPs now" when the range
/// reaches the data's last year, "IDPs at end of range" when it ends before; the
/// first line under the value is the change from the peak in range, then, when the
/// user chose a later start year than the data's first, the change since the first
/// point in range.
#[must_use]
pub fn idps_card(dataset: &Dataset, filters: &Filters) -> Kpi {
    let h = idps::headline(dataset, filters);
    let (first_year, last_year) = year_bounds(dataset);
    let title = if filters.to < last_year {
        "IDPs at end of range"
    } else {
        "IDPs now"
    };
    let what = if filters.is_national() {
        "DTM data"
    } else {
        "governorate breakdown"
    };
    let Some(latest) = &h.latest else {
        return Kpi {
            title: title.into(),
            value: missing(filters, what),
            ..Kpi::default()
        };
    };
    let peak_word = match h.resolution {
        idps::Resolution::EveryRound => "peak",
        idps::Resolution::YearEndRounds => "highest year-end value",
    };
    let mut change = Vec::new();
    // A single point in range is its own peak: nothing to compare.
    let single = h.first.as_ref().is_none_or(|f| f.date == latest.date);
    if let (Some(c), Some(peak), false) = (h.change_from_peak_pct, &h.peak, single) {
        if peak.date == latest.date {
            change.push(format!("at the {peak_word} in range"));
        } else {
            change.push(format!(
                "{} since the {peak_word} ({}, {})",
                signed_pct(c),
                short_count(peak.value),
                peak.date.format("%b %Y")
            ));
        }
    }
    if let (Some(c), Some(first)) = (h.change_pct, &h.first)
        && filters.from > first_year
        && first.date != latest.date
        && h.peak.as_ref().is_none_or(|p| p.date != first.date)
    {
        change.push(format!(
            "{} since {}",
            signed_pct(c),
            first.date.format("%b %Y")
        ));
    }
    let round = latest
        .round
        .map(|r| format!("Round {r}, "))
        .unwrap_or_default();
    let via_unhcr = latest.basis == idps::FigureBasis::DtmViaUnhcr;
    let mut notes = if via_unhcr {
        continuation_notes(dataset, filters)
    } else {
        Vec::new()
    };
    notes.extend(difference_notes(dataset, filters, &h.differences));
    Kpi {
        title: title.into(),
        value: short_count(latest.value),
        change: (!change.is_empty()).then(|| change.join(" \u{b7} ")),
        detail: format!(
            "as of {}{}{}{}",
            long_date(latest.date),
            round_text(latest.round),
            if via_unhcr {
                format!(" \u{b7} {}", idps::DTM_VIA_UNHCR)
            } else {
                String::new()
            },
            h.coverage
                .map(|c| format!(" \u{b7} {} of {} governorates", c.governorates, c.of))
                .unwrap_or_default()
        ),
        // The document the round's IDP figure is from (never a returnee page).
        source: source_text(dataset, idps::idp_figure_source(dataset, latest)),
        citation: if via_unhcr {
            via_unhcr_citation(dataset, filters, latest)
        } else {
            format!(
                "{} IDPs in {} (IOM DTM {round}{})",
                thousands(latest.value),
                place(dataset, filters),
                long_date(latest.date)
            )
        },
        notes,
        ..Kpi::default()
    }
}

/// "997,334 IDPs in Iraq at the end of 2025 (IOM DTM figures as published by UNHCR,
/// Refugee Data Finder, June 2026)".
fn via_unhcr_citation(dataset: &Dataset, filters: &Filters, p: &idps::IdpPoint) -> String {
    use chrono::Datelike;
    let when = if p.date.month() == 12 && p.date.day() == 31 {
        format!("at the end of {}", p.date.year())
    } else {
        format!("on {}", long_date(p.date))
    };
    let source = dataset.source(&p.source_id);
    let product = source
        .filter(|s| s.publisher.contains("Refugee Data Finder"))
        .map(|_| ", Refugee Data Finder")
        .unwrap_or_default();
    let published = source
        .and_then(|s| chrono::NaiveDate::parse_from_str(&s.published, "%Y-%m-%d").ok())
        .map(|d| format!(", {}", d.format("%B %Y")))
        .unwrap_or_default();
    format!(
        "{} IDPs in {} {when} ({}{product}{published})",
        thousands(p.value),
        place(dataset, filters),
        idps::DTM_VIA_UNHCR
    )
}

/// The hover lines of a figure from DTM's continuation: what it is, DTM's last
/// round, and (for governorates) the caveat on UNHCR's coding of Dahuk and Diyala.
fn continuation_notes(dataset: &Dataset, filters: &Filters) -> Vec<String> {
    let mut notes = vec![
        "Not a DTM round: no DTM round after round 132 (April 2024) was found. UNHCR's \
         Refugee Data Finder republishes DTM's figures; it has reproduced DTM's December \
         round exactly every year since 2017."
            .to_string(),
    ];
    let last = match &filters.governorates {
        None => idps::national_series(dataset, filters).pop(),
        Some(selected) => idps::governorate_series(dataset, filters, selected)
            .into_iter()
            .rfind(|p| p.basis == idps::FigureBasis::Dtm),
    };
    if let Some(last) = last {
        notes.push(format!(
            "DTM's last round in range: {} ({}{})",
            thousands(last.value),
            last.round
                .map(|r| format!("Round {r}, "))
                .unwrap_or_default(),
            long_date(last.date)
        ));
    }
    if !filters.is_national() {
        notes.push(
            "UNHCR's governorate tables may code Dahuk and Diyala differently from DTM's \
             own (in 2023 UNHCR had 12,575 more in Dahuk and as many fewer in Diyala)."
                .into(),
        );
    }
    notes
}

/// "31 Dec 2023: your file says 34,740; IOM DTM published 1,123,663", one line per
/// date where a user's file and the bundled figure differ (the bundled one is shown).
fn difference_notes(
    dataset: &Dataset,
    filters: &Filters,
    differences: &[idps::Difference],
) -> Vec<String> {
    let files: std::collections::BTreeSet<&str> = differences
        .iter()
        .map(|d| d.user.source_id.as_str())
        .collect();
    let where_ = if filters.is_national() {
        String::new()
    } else {
        format!(", {}", place(dataset, filters))
    };
    differences
        .iter()
        .map(|d| {
            let file = if files.len() > 1 {
                format!("your file {}", d.user.source_id.trim_start_matches("file:"))
            } else {
                "your file".into()
            };
            let publisher = if rows::is_user_source(dataset, &d.bundled.source_id) {
                "the first file"
            } else if d.bundled.basis == idps::FigureBasis::DtmViaUnhcr {
                "UNHCR (IOM DTM figures)"
            } else {
                "IOM DTM"
            };
            format!(
                "{}{where_}: {file} says {}; {publisher} published {}",
                long_date(d.user.date),
                thousands(d.user.value),
                thousands(d.bundled.value)
            )
        })
        .collect()
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
            ..Kpi::default()
        };
    };
    let scope = if national_only {
        "Iraq, national (no governorate breakdown) \u{b7} "
    } else {
        ""
    };
    let notes = since
        .comparison
        .iter()
        .map(|c| {
            let publisher = dataset.source(&c.source_id).map_or_else(
                || c.source_id.clone(),
                |s| super::charts::publisher_name(&s.publisher),
            );
            format!(
                "For comparison only, second-hand ({publisher}, press): {} IDPs + {} returnees = {} at {}",
                thousands(c.idps),
                thousands(c.returnees),
                thousands(c.total()),
                date_as_known_year_end(c.date)
            )
        })
        .collect();
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
        notes,
        ..Kpi::default()
    }
}

/// "the end of 2024" for 31 December, else "30 Apr 2024".
fn date_as_known_year_end(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if date.month() == 12 && date.day() == 31 {
        format!("the end of {}", date.year())
    } else {
        long_date(date)
    }
}

/// Camps open: the latest count in range, saying in its first two lines what it
/// counts ("21" · "IDP camps in the Kurdistan Region"), and the named closures in
/// range. Under a governorate filter the count is the selection's own where one
/// exists; otherwise the card says the count is not filtered, while the closures
/// line names the filter it follows.
#[must_use]
pub fn camps_card(dataset: &Dataset, filters: &Filters) -> Kpi {
    let h = camps::headline(dataset, filters);
    let where_ = if filters.is_national() {
        "in ".to_string()
    } else {
        format!("in {}, ", place(dataset, filters))
    };
    let closures = match h.closures.len() {
        0 => None,
        1 => Some(format!(
            "1 named closure recorded {where_}{}",
            years(filters)
        )),
        n => Some(format!(
            "{n} named closures recorded {where_}{}",
            years(filters)
        )),
    };
    let Some(c) = h.open_at_end else {
        return Kpi {
            title: "Camps open".into(),
            value: missing(filters, "camp count"),
            change: closures,
            ..Kpi::default()
        };
    };
    let scope = match c.scope {
        CampScope::National => "Iraq".to_string(),
        CampScope::Federal => Region::Federal.label().to_string(),
        CampScope::Kri => format!("the {}", Region::Kri.label()),
        CampScope::Governorate(p) => dataset.gazetteer.name(p),
    };
    let camps = c.camps.unwrap_or(0);
    let counted = counted_as(c.definition, camps);
    let when = date_as_known(c.date, c.date_precision);
    let publisher = dataset
        .source(&c.source_id)
        .map(|s| super::charts::publisher_name(&s.publisher));
    let filtered = !filters.is_national();
    let not_filtered = filtered && !h.follows_filter;
    let filter_note = not_filtered.then(|| {
        format!(
            "count not filtered: no camp count for {} in {}, so the latest count of a wider area is shown; the named closures follow the filter",
            place(dataset, filters),
            years(filters)
        )
    });
    Kpi {
        title: "Camps open".into(),
        value: camps.to_string(),
        value_note: format!("{counted} in {scope}"),
        change: closures,
        detail: match &publisher {
            Some(p) => format!("as of {when} \u{b7} {p}"),
            None => format!("as of {when}"),
        },
        source: source_text(dataset, &c.source_id),
        citation: format!(
            "{camps} {counted} open in {scope} ({}{when})",
            publisher.map(|p| format!("{p}, ")).unwrap_or_default()
        ),
        national_only: not_filtered,
        filter_note,
        ..Kpi::default()
    }
}

/// What a count of `n` camps of a definition counts: "IDP camps", "IDP camp".
fn counted_as(definition: CampDefinition, n: u64) -> String {
    let plural = definition.label();
    if n == 1 {
        plural
            .replacen("camps", "camp", 1)
            .replacen("settlements", "settlement", 1)
    } else {
        plural.to_string()
    }
}

/// "2023–2025", "2023, 2025" or "2024".
fn year_span(years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) if i64::from(*b - *a) + 1 == years.len() as i64 => {
            format!("{a}\u{2013}{b}")
        }
        _ => years
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// "2023 $211.1 M · 2024 $96.2 M · 2025 $99.6 M", or `None` when no year has one.
fn outside_appeal_text(beside: &[funding::BesideAppeals]) -> Option<String> {
    let parts: Vec<String> = beside
        .iter()
        .filter_map(|y| {
            y.outside_appeal_usd
                .map(|u| format!("{} {}", y.year, usd_one_decimal(u)))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" \u{b7} "))
}

/// "2023 $63.5 M funded of $211.3 M · 2024 … · none in 2025", or `None` when no
/// year has a regional plan for Iraq.
fn regional_text(beside: &[funding::BesideAppeals]) -> Option<String> {
    if beside.iter().all(|y| y.regional_funded_usd.is_none()) {
        return None;
    }
    let parts: Vec<String> = beside
        .iter()
        .map(|y| match (y.regional_funded_usd, y.regional_required_usd) {
            (Some(f), Some(r)) => format!(
                "{} {} funded of {}",
                y.year,
                usd_one_decimal(f),
                usd_one_decimal(r)
            ),
            (Some(f), None) => format!("{} {} funded", y.year, usd_one_decimal(f)),
            _ => format!("none in {}", y.year),
        })
        .collect();
    Some(parts.join(" \u{b7} "))
}

/// "Total humanitarian funding to Iraq reported to FTS: 2023 $274.6 M · …", each
/// year's outside-appeal figure plus its regional plan funding, counted once.
fn total_notes(beside: &[funding::BesideAppeals]) -> Vec<String> {
    if beside.is_empty() {
        return Vec::new();
    }
    let parts: Vec<String> = beside
        .iter()
        .map(|y| format!("{} {}", y.year, usd_one_decimal(y.total_usd())))
        .collect();
    vec![format!(
        "Total humanitarian funding to Iraq reported to FTS (outside appeals plus the regional plan's Iraq part): {}",
        parts.join(" \u{b7} ")
    )]
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
    let beside = funding::beside_appeals(dataset, filters);
    let no_appeal = year_span(&h.no_appeal_years);
    let Some(pct) = h.coverage_pct else {
        if h.no_appeal_years.is_empty() {
            return Kpi {
                title: "Appeal coverage".into(),
                value: missing(filters, "funding data"),
                national_only: true,
                ..Kpi::default()
            };
        }
        let outside = outside_appeal_text(&beside);
        return Kpi {
            title: "Appeal coverage".into(),
            value: format!("no appeal in {no_appeal}"),
            change: outside.clone().map(|t| format!("outside any appeal: {t}")),
            detail: match regional_text(&beside) {
                Some(r) => format!(
                    "regional refugee plan, Iraq part: {r} (OCHA FTS{as_of}; neither is appeal coverage)"
                ),
                None => format!("OCHA FTS{as_of}"),
            },
            source: beside
                .iter()
                .filter_map(|y| y.source_ids.first())
                .next_back()
                .map(|id| source_text(dataset, id))
                .unwrap_or_default(),
            citation: match outside {
                Some(t) => format!(
                    "No humanitarian appeal for Iraq in {no_appeal}; funding reported to OCHA FTS outside any appeal: {t} (OCHA FTS{as_of})"
                ),
                None => format!("No humanitarian appeal for Iraq in {no_appeal} (OCHA FTS{as_of})"),
            },
            national_only: true,
            notes: total_notes(&beside),
            ..Kpi::default()
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
    let mut notes = Vec::new();
    if let Some(t) = outside_appeal_text(&beside) {
        notes.push(format!(
            "No appeal in {no_appeal}. Funding outside any appeal (not in coverage): {t}"
        ));
    }
    if let Some(r) = regional_text(&beside) {
        notes.push(format!(
            "Regional refugee plan, Iraq part (not in coverage): {r}"
        ));
    }
    notes.extend(total_notes(&beside));
    Kpi {
        title: "Appeal coverage".into(),
        value: format!("{pct:.1}%"),
        change: match (change, h.no_appeal_years.is_empty()) {
            (Some(c), false) => Some(format!("{c} \u{b7} no appeal {no_appeal}")),
            (None, false) => Some(format!("no appeal {no_appeal}")),
            (c, true) => c,
        },
        notes,
        detail: format!("funded \u{f7} required, Iraq appeals {span} (OCHA FTS{as_of})"),
        source,
        citation: format!(
            "Iraq's humanitarian appeals for {span} were {pct:.1}% funded (OCHA FTS{as_of})"
        ),
        national_only: true,
        ..Kpi::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Pcode;

    fn range(from: i32, to: i32, govs: Option<&[u8]>) -> Filters {
        Filters {
            governorates: govs.map(|g| g.iter().map(|n| Pcode::new(*n).unwrap()).collect()),
            from,
            to,
        }
    }

    fn with_master_list() -> Dataset {
        let mut ds = Dataset::bundled().unwrap();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/good/dtm_master_list_made_up.csv");
        let parsed = ds.read_file(&path).unwrap();
        ds.add(&path.display().to_string(), parsed, false);
        ds
    }

    /// The bundled data without DTM's continuation after round 132: DTM's own rounds,
    /// so round 132 is the latest figure (as it was before the continuation).
    fn dtm_rounds_only() -> Dataset {
        let mut ds = Dataset::bundled().unwrap();
        let last = idps::last_dtm_round(&ds).unwrap();
        ds.idps_national
            .retain(|p| !(p.series == crate::data::NationalSeries::UnhcrYearEnd && p.date > last));
        ds.idps_governorate.retain(|r| r.date <= last);
        ds
    }

    #[test]
    fn the_idps_card_shows_dtms_figure_as_unhcr_published_it_after_the_last_round() {
        let ds = Dataset::bundled().unwrap();
        let k = idps_card(&ds, &Filters::all(&ds));
        assert_eq!(k.title, "IDPs now");
        assert_eq!(k.value, "997,334");
        assert_eq!(
            k.detail,
            "as of 31 Dec 2025 \u{b7} IOM DTM figures as published by UNHCR"
        );
        assert_eq!(
            k.citation,
            "997,334 IDPs in Iraq at the end of 2025 (IOM DTM figures as published by UNHCR, Refugee Data Finder, June 2026)"
        );
        assert_eq!(
            k.change.as_deref(),
            Some("\u{2212}70.8% since the peak (3.42 M, Mar 2016)")
        );
        assert!(
            k.source.starts_with("UNHCR (Refugee Data Finder"),
            "{}",
            k.source
        );
        assert_eq!(
            k.notes[1],
            "DTM's last round in range: 1,098,913 (Round 132, 30 Apr 2024)"
        );
        assert!(k.notes[0].starts_with("Not a DTM round"), "{:?}", k.notes);
        // To 2024: the end-2024 figure, still UNHCR's publication of DTM's.
        let k = idps_card(&ds, &range(2014, 2024, None));
        assert_eq!(k.title, "IDPs at end of range");
        assert_eq!(k.value, "1.03 M");
        assert_eq!(
            k.citation,
            "1,031,475 IDPs in Iraq at the end of 2024 (IOM DTM figures as published by UNHCR, Refugee Data Finder, June 2026)"
        );
        // Ninewa: UNHCR's governorate table, with the caveat on Dahuk and Diyala.
        let k = idps_card(&ds, &range(2014, 2025, Some(&[15])));
        assert_eq!(k.value, "198,287");
        assert_eq!(
            k.notes[1],
            "DTM's last round in range: 229,120 (Round 132, 30 Apr 2024)"
        );
        assert!(k.notes[2].contains("Dahuk and Diyala"), "{:?}", k.notes);
    }

    #[test]
    fn the_idps_card_leads_with_the_peak_and_cites_the_rounds_idp_figure() {
        let ds = dtm_rounds_only();
        let k = idps_card(&ds, &range(2014, 2024, None));
        assert_eq!(k.title, "IDPs now");
        assert_eq!(k.value, "1.10 M");
        assert_eq!(
            k.change.as_deref(),
            Some("\u{2212}67.8% since the peak (3.42 M, Mar 2016)"),
            "no change since April 2014's first, partial round"
        );
        assert_eq!(k.detail, "as of 30 Apr 2024 \u{b7} Round 132");
        assert_eq!(
            k.source,
            "IOM DTM: DTM API v2 GetAdmin0Datav2, Iraq conflict (national totals per round) (2024-08-28)"
        );
        assert_eq!(
            k.citation,
            "1,098,913 IDPs in Iraq (IOM DTM Round 132, 30 Apr 2024)"
        );
        assert!(k.notes.is_empty());
    }

    #[test]
    fn a_chosen_start_year_adds_the_change_since_its_first_point() {
        let ds = dtm_rounds_only();
        let k = idps_card(&ds, &range(2017, 2024, None));
        assert_eq!(
            k.change.as_deref(),
            Some(
                "\u{2212}67.2% since the peak (3.35 M, Jun 2017) \u{b7} \u{2212}63.3% since Jan 2017"
            )
        );
    }

    #[test]
    fn a_range_ending_before_the_data_is_the_end_of_range_not_now() {
        let ds = Dataset::bundled().unwrap();
        let k = idps_card(&ds, &range(2014, 2020, None));
        assert_eq!(k.title, "IDPs at end of range");
        assert_eq!(k.value, "1.22 M");
        assert_eq!(k.detail, "as of 31 Dec 2020 \u{b7} Round 119");
        assert!(
            k.source
                .starts_with("IOM DTM (via ReliefWeb): Iraq Master List Report 119"),
            "{}",
            k.source
        );
        let one = idps_card(&ds, &range(2025, 2025, Some(&[15])));
        assert_eq!((one.value.as_str(), one.change), ("198,287", None));
        let to_2024 = idps_card(&ds, &range(2024, 2024, Some(&[15])));
        assert_eq!(to_2024.value, "221,911");
        assert_eq!(
            to_2024.change.as_deref(),
            Some("\u{2212}3.1% since the highest year-end value (229,120, Apr 2024)")
        );
        let to_2015 = idps_card(&ds, &range(2014, 2015, None));
        assert_eq!(to_2015.change.as_deref(), Some("at the peak in range"));
        let ninewa = idps_card(&ds, &range(2017, 2020, Some(&[15])));
        assert_eq!(ninewa.title, "IDPs at end of range");
        assert_eq!(ninewa.value, "273,056");
        assert_eq!(
            ninewa.change.as_deref(),
            Some("\u{2212}66.2% since the highest year-end value (807,324, Dec 2017)")
        );
    }

    #[test]
    fn a_users_different_figure_is_a_note_and_the_bundled_one_stays() {
        let ds = with_master_list();
        let k = idps_card(&ds, &range(2014, 2023, None));
        assert_eq!(k.value, "1.12 M");
        assert_eq!(
            k.notes,
            ["31 Dec 2023: your file says 34,740; IOM DTM published 1,123,663"]
        );
        // Round 132 stays the bundled figure of its date; the latest is UNHCR's
        // end-2024 table.
        let ninewa = idps_card(&ds, &range(2014, 2024, Some(&[15])));
        assert_eq!(ninewa.value, "221,911");
        assert_eq!(
            ninewa.notes[3..],
            [
                "31 Dec 2023, Ninewa: your file says 3,030; IOM DTM published 239,124",
                "30 Apr 2024, Ninewa: your file says 30,003; IOM DTM published 229,120",
            ]
        );
        assert_eq!(ninewa.notes.len(), 5, "{:?}", ninewa.notes);
    }

    #[test]
    fn the_camps_card_says_what_it_counts_and_what_follows_the_filter() {
        let ds = Dataset::bundled().unwrap();
        let k = camps_card(&ds, &range(2014, 2024, None));
        assert_eq!(
            (k.value.as_str(), k.value_note.as_str()),
            ("21", "IDP camps in the Kurdistan Region")
        );
        assert_eq!(
            k.change.as_deref(),
            Some("26 named closures recorded in 2014\u{2013}2024")
        );
        assert_eq!(k.detail, "as of 31 Dec 2024 \u{b7} UNHCR Iraq");
        assert!(!k.national_only && k.filter_note.is_none());
        // Ninewa: no count of its own; the closures follow the filter.
        let k = camps_card(&ds, &range(2014, 2024, Some(&[15])));
        assert_eq!(
            (k.value.as_str(), k.value_note.as_str()),
            ("21", "IDP camps in the Kurdistan Region")
        );
        assert!(k.national_only);
        assert_eq!(
            k.filter_note.as_deref(),
            Some(
                "count not filtered: no camp count for Ninewa in 2014\u{2013}2024, so the latest count of a wider area is shown; the named closures follow the filter"
            )
        );
        assert_eq!(
            k.change.as_deref(),
            Some("10 named closures recorded in Ninewa, 2014\u{2013}2024")
        );
        // Dahuk has its own count, and the card follows the filter.
        let k = camps_card(&ds, &range(2014, 2024, Some(&[9])));
        assert_eq!(
            (k.value.as_str(), k.value_note.as_str()),
            ("15", "IDP camps in Dahuk")
        );
        assert!(!k.national_only && k.filter_note.is_none());
        assert_eq!(k.detail, "as of 5 Jun 2024 \u{b7} Shafaq News");
        // Federal Iraq selected: its own count, one camp.
        let federal: Vec<u8> = (1..=18).filter(|n| ![6, 9, 11].contains(n)).collect();
        let k = camps_card(&ds, &range(2014, 2024, Some(&federal)));
        assert_eq!(
            (k.value.as_str(), k.value_note.as_str()),
            ("1", "IDP camp in Federal Iraq")
        );
    }
}
