//! The headline cards (DESIGN §2): value, change over the range, date, source and a
//! citation sentence. A card with no figure says why; it never shows a zero.

use super::filters::year_bounds;
use super::{Filters, camps, funding, idps, rows};
use crate::data::{CampDefinition, CampScope, Dataset, Region};
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
    Kpi {
        title: title.into(),
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
        // The document the round's IDP figure is from (never a returnee page).
        source: source_text(dataset, idps::idp_figure_source(dataset, latest)),
        citation: format!(
            "{} IDPs in {} (IOM DTM {round}{})",
            thousands(latest.value),
            place(dataset, filters),
            long_date(latest.date)
        ),
        notes: difference_notes(dataset, filters, &h.differences),
        ..Kpi::default()
    }
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
        ..Kpi::default()
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

    #[test]
    fn the_idps_card_leads_with_the_peak_and_cites_the_rounds_idp_figure() {
        let ds = Dataset::bundled().unwrap();
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
        let ds = Dataset::bundled().unwrap();
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
        let one = idps_card(&ds, &range(2024, 2024, Some(&[15])));
        assert_eq!((one.value.as_str(), one.change), ("229,120", None));
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
        let ninewa = idps_card(&ds, &range(2014, 2024, Some(&[15])));
        assert_eq!(ninewa.value, "229,120");
        assert_eq!(
            ninewa.notes,
            [
                "31 Dec 2023, Ninewa: your file says 3,030; IOM DTM published 239,124",
                "30 Apr 2024, Ninewa: your file says 30,003; IOM DTM published 229,120",
            ]
        );
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
