//! [`sources_view`]: the Sources and caveats window's content for one dashboard
//! (issue 13, DESIGN §2 item 8): every source a figure on screen cites, grouped by
//! series, with the caveats, terms and licences of [`super::caveats`].
//!
//! "In use" means drawn: the sources of the points, bands and shown event markers
//! of the charts the dashboard holds (so a switched-off comparison is not listed,
//! and a governorate filter that draws the governorate tables lists their sources
//! instead of the national series'), the map's tables for its date, and the
//! boundaries the map draws. A user's file is listed under "Your files" whichever
//! chart draws it. Nothing here is fetched: an address is only text the window may
//! hand to the system browser when clicked, and only an `http(s)` one.

use super::caveats::{
    BOUNDARY_CAVEATS, CAVEATS, DTM_DATA_URL, DTM_TERMS, LICENCES, USER_BOUNDARIES_CAVEAT,
};
use super::filters::Filters;
use super::idps::governorate_tables;
use crate::data::bundled::{BOUNDARIES_CREDIT, BOUNDARIES_SOURCE_ID};
use crate::data::{Basis, Dataset, Source};
use crate::map::{MapMeasure, MapSpec};
use crate::model::{
    Caveat, ChartSpec, Dashboard, Licence, SourceEntry, SourceGroup, SourcesView, long_date,
    shown_after_data, shown_markers,
};

/// The group titles, in the window's order.
pub const IDPS: &str = "IDPs over time";
pub const GOVERNORATES: &str = "IDPs by governorate and the map";
pub const CAMPS: &str = "Camps";
pub const FUNDING: &str = "Funding";
pub const EVENTS: &str = "Events";
pub const BOUNDARIES: &str = "Boundaries";
pub const USER_FILES: &str = "Your files";

/// The Sources and caveats window's content for these filters and what the
/// dashboard computed for them draws (its own `sources_view` is not read).
#[must_use]
pub fn sources_view(dataset: &Dataset, filters: &Filters, drawn: &Dashboard) -> SourcesView {
    let mut mine = Ids::default();
    let mut groups = Vec::new();
    let mut group = |title: &str, note: Option<String>, ids: Ids| {
        let (users, bundled): (Vec<String>, Vec<String>) =
            ids.0.into_iter().partition(|id| is_users(dataset, id));
        mine.extend(users);
        let sources: Vec<SourceEntry> = bundled
            .iter()
            .filter_map(|id| dataset.source(id))
            .map(entry)
            .collect();
        if !sources.is_empty() {
            groups.push(SourceGroup {
                title: title.into(),
                note,
                sources,
            });
        }
    };
    let national = |specs: &[&ChartSpec]| {
        (!filters.is_national() && specs.iter().any(|s| s.national_only))
            .then(|| "national figures: the governorate filter does not apply".to_string())
    };
    group(IDPS, national(&[&drawn.idps]), chart_ids(&[&drawn.idps]));
    let mut governorates = chart_ids(&[&drawn.governorates]);
    governorates.extend(map_ids(dataset, filters, &drawn.map));
    group(GOVERNORATES, None, governorates);
    let camps = [&drawn.camps, &drawn.camp_people];
    group(CAMPS, national(&camps), chart_ids(&camps));
    let funding = [&drawn.funding, &drawn.coverage];
    group(FUNDING, national(&funding), chart_ids(&funding));
    let events = if drawn.show_events {
        let timed = [
            &drawn.idps,
            &drawn.governorates,
            &drawn.camps,
            &drawn.funding,
        ];
        event_ids(&timed, drawn.all_events)
    } else {
        Ids::default()
    };
    group(EVENTS, None, events);
    let (boundaries, boundary_caveats) = boundaries(dataset);
    if !boundaries.sources.is_empty() {
        groups.push(boundaries);
    }
    let users: Vec<SourceEntry> = mine
        .0
        .iter()
        .filter_map(|id| dataset.source(id))
        .map(entry)
        .collect();
    if !users.is_empty() {
        groups.push(SourceGroup {
            title: USER_FILES.into(),
            note: Some("files you opened: their own series, beside the bundled ones".into()),
            sources: users,
        });
    }
    SourcesView {
        scope: format!(
            "{} \u{b7} {}",
            super::cards::place(dataset, filters),
            super::cards::years(filters)
        ),
        groups,
        currency: super::currency::currency(dataset).parts(),
        caveats: CAVEATS
            .iter()
            .map(|c| Caveat {
                title: c.title.into(),
                text: c.text.into(),
            })
            .collect(),
        boundary_caveats,
        dtm_terms: Licence {
            what: "IOM DTM figures".into(),
            text: DTM_TERMS.into(),
            url: Some(DTM_DATA_URL.into()),
        },
        licences: LICENCES
            .iter()
            .map(|(what, text, url)| Licence {
                what: (*what).into(),
                text: (*text).into(),
                url: url.map(Into::into),
            })
            .collect(),
    }
}

/// A source cited by a user's file (its own series).
fn is_users(dataset: &Dataset, id: &str) -> bool {
    id.starts_with("file:") || dataset.user_sources.contains(id)
}

/// Source ids in the order they are first drawn (a chart's first series first, its
/// points by date), each once, none empty.
#[derive(Debug, Default)]
struct Ids(Vec<String>);

impl Ids {
    fn extend(&mut self, ids: impl IntoIterator<Item = String>) {
        for id in ids {
            if !id.is_empty() && !self.0.contains(&id) {
                self.0.push(id);
            }
        }
    }
}

/// The sources of every point and band the charts draw.
fn chart_ids(specs: &[&ChartSpec]) -> Ids {
    let mut ids = Ids::default();
    for spec in specs {
        for s in &spec.series {
            ids.extend(s.points.iter().map(|p| p.source_id.clone()));
        }
        ids.extend(spec.bands.iter().map(|b| b.source_id.clone()));
    }
    ids
}

/// The sources of the event markers and "after the data" events shown, by date.
fn event_ids(specs: &[&ChartSpec], all: bool) -> Ids {
    let mut markers: Vec<(f64, &str)> = Vec::new();
    let mut later = Ids::default();
    for spec in specs {
        markers.extend(shown_markers(&spec.markers, all).map(|m| (m.x, m.source_id.as_str())));
        later.extend(shown_after_data(&spec.after_data, all).map(|e| e.source_id.clone()));
    }
    markers.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut ids = Ids::default();
    ids.extend(markers.into_iter().map(|(_, id)| id.to_string()));
    ids.extend(later.0);
    ids
}

/// The sources of the governorate tables the map colours: the table of its date,
/// and for "change since" the first complete table it compares with.
fn map_ids(dataset: &Dataset, filters: &Filters, map: &MapSpec) -> Vec<String> {
    let years = Filters {
        governorates: None,
        ..filters.clone()
    };
    let basis = match map.measure {
        MapMeasure::Displacement | MapMeasure::Change | MapMeasure::Compared => Basis::Displacement,
        MapMeasure::Origin => Basis::Origin,
        MapMeasure::InCamp => Basis::InCamp,
    };
    // A change names the table it is measured from too.
    let change = map.measure.is_change();
    let tables = governorate_tables(dataset, &years, basis, change);
    let mut ids = Vec::new();
    if let Some(t) = map.date.and_then(|d| tables.get(&d)) {
        ids.push(t.source_id.clone());
    }
    if change {
        let first = map.first_date.and_then(|d| tables.get(&d));
        ids.extend(first.map(|t| t.source_id.clone()));
    }
    ids
}

/// The boundaries the map draws, and their caveats.
fn boundaries(dataset: &Dataset) -> (SourceGroup, Vec<String>) {
    let mut caveats: Vec<String> = BOUNDARY_CAVEATS.iter().map(|c| (*c).to_string()).collect();
    let user = dataset.boundaries.as_ref().filter(|b| !b.bundled);
    let (sources, note) = match user {
        Some(b) => {
            caveats.push(USER_BOUNDARIES_CAVEAT.into());
            let entry = SourceEntry {
                id: String::new(),
                publisher: "your file".into(),
                title: crate::data::load::file_name(std::path::Path::new(&b.name)),
                published: String::new(),
                url: None,
                note: Some(format!(
                    "{} of {} features matched a governorate",
                    b.matched, b.features
                )),
            };
            (vec![entry], b.credit())
        }
        None => (
            dataset
                .source(BOUNDARIES_SOURCE_ID)
                .map(entry)
                .into_iter()
                .collect(),
            BOUNDARIES_CREDIT.to_string(),
        ),
    };
    let group = SourceGroup {
        title: BOUNDARIES.into(),
        note: Some(note),
        sources,
    };
    (group, caveats)
}

/// A source as the window lists it.
fn entry(s: &Source) -> SourceEntry {
    SourceEntry {
        id: s.id.clone(),
        publisher: s.publisher.clone(),
        title: s.title.clone(),
        published: published(&s.published),
        url: openable(&s.url),
        note: s.note.clone().filter(|n| !n.trim().is_empty()),
    }
}

/// "18 Apr 2026" for an ISO date, else the text as published ("2026-02", "2016").
fn published(text: &str) -> String {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_or_else(|_| text.into(), long_date)
}

/// The address, if the window may hand it to the system browser: `http://` or
/// `https://` with a host, at most 2,000 characters, no spaces, quotes, angle
/// brackets or control characters (a loaded sources table is the user's text).
#[must_use]
pub fn openable(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let bad = |c: char| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\')
    };
    (!host.is_empty() && url.len() <= 2_000 && !url.chars().any(bad)).then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Choices, dashboard};
    use std::collections::BTreeSet;

    fn view(filters: &Filters) -> (Dashboard, Dataset) {
        let ds = Dataset::bundled().unwrap();
        (dashboard(&ds, filters, &Choices::default()), ds)
    }

    fn ids(v: &SourcesView, group: &str) -> Vec<String> {
        v.group(group)
            .map(|g| g.sources.iter().map(|s| s.id.clone()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn the_bundled_view_lists_every_series_with_its_sources() {
        let ds = Dataset::bundled().unwrap();
        let (d, _) = view(&Filters::all(&ds));
        let v = &d.sources_view;
        let titles: Vec<&str> = v.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(
            titles,
            [IDPS, GOVERNORATES, CAMPS, FUNDING, EVENTS, BOUNDARIES]
        );
        assert_eq!(v.scope, "Iraq \u{b7} 2014\u{2013}2025");
        // DTM's national round totals, from the API mirror, with its address.
        let admin0 = v.entries().find(|s| s.id == "dtm_api_admin0").unwrap();
        assert_eq!(admin0.publisher, "IOM DTM");
        assert_eq!(
            admin0.title,
            "DTM API v2 GetAdmin0Datav2, Iraq conflict (national totals per round)"
        );
        assert_eq!(admin0.published, "28 Aug 2024");
        assert_eq!(
            admin0.url.as_deref(),
            Some(
                "https://github.com/OCHA-DAP/hdx-scraper-iom-dtm/blob/ae6ff2318417ad79cca4c17a960ca2e5089d9b2f/tests/fixtures/input/idpadmin0data-getadmin0datav2-admin0pcode-irq.json"
            )
        );
        // Listed in the order drawn: DTM's line first.
        assert_eq!(ids(v, IDPS)[0], "dtm_api_admin0");
        assert!(ids(v, GOVERNORATES).contains(&"dtm_api_admin1".to_string()));
        assert_eq!(ids(v, BOUNDARIES), ["geo_geoboundaries_irq_adm1"]);
        // Each listed source is one a drawn figure cites, listed once per group.
        for g in &v.groups {
            let unique: BTreeSet<&str> = g.sources.iter().map(|s| s.id.as_str()).collect();
            assert_eq!(unique.len(), g.sources.len(), "{}", g.title);
        }
        assert_eq!(
            v.currency,
            [
                "DTM rounds to Apr 2024",
                "DTM-based (UNHCR) to end 2025",
                "camps to Jan 2026",
                "FTS as of 18 Apr 2026"
            ]
        );
    }

    #[test]
    fn a_governorate_filter_lists_the_governorate_tables_for_idps_over_time() {
        let ds = Dataset::bundled().unwrap();
        let (all, _) = view(&Filters::all(&ds));
        let ninewa = Filters {
            governorates: Some([crate::data::Pcode::new(15).unwrap()].into()),
            ..Filters::all(&ds)
        };
        let (d, _) = view(&ninewa);
        let national = ids(&all.sources_view, IDPS);
        let filtered = ids(&d.sources_view, IDPS);
        assert!(national.contains(&"dtm_api_admin0".to_string()));
        assert!(
            !filtered.contains(&"dtm_api_admin0".to_string()),
            "{filtered:?}"
        );
        assert!(
            filtered.contains(&"dtm_api_admin1".to_string()),
            "{filtered:?}"
        );
        assert_eq!(d.sources_view.scope, "Ninewa \u{b7} 2014\u{2013}2025");
        // Funding has no governorate breakdown, and says so.
        assert_eq!(
            d.sources_view.group(FUNDING).unwrap().note.as_deref(),
            Some("national figures: the governorate filter does not apply")
        );
        assert_eq!(all.sources_view.group(FUNDING).unwrap().note, None);
    }

    #[test]
    fn events_are_listed_only_while_their_markers_are_drawn() {
        let ds = Dataset::bundled().unwrap();
        let f = Filters::all(&ds);
        let off = Choices {
            show_events: false,
            ..Choices::default()
        };
        let d = dashboard(&ds, &f, &off);
        assert!(d.sources_view.group(EVENTS).is_none());
        let key = dashboard(&ds, &f, &Choices::default());
        let every = dashboard(
            &ds,
            &f,
            &Choices {
                all_events: true,
                ..Choices::default()
            },
        );
        let n = |d: &Dashboard| d.sources_view.group(EVENTS).map_or(0, |g| g.sources.len());
        assert!(n(&key) > 0);
        assert!(n(&every) > n(&key), "{} {}", n(&every), n(&key));
    }

    #[test]
    fn the_boundary_caveats_name_halabja_baghdad_and_say_not_official() {
        let ds = Dataset::bundled().unwrap();
        let (d, _) = view(&Filters::all(&ds));
        let v = &d.sources_view;
        assert_eq!(v.boundary_caveats.len(), 3);
        assert!(v.boundary_caveats[0].starts_with("Halabja"));
        assert!(v.boundary_caveats[1].contains("about 900 km\u{b2}"));
        assert!(v.boundary_caveats[1].contains("Never compute areas or densities"));
        assert!(v.boundary_caveats[2].starts_with("Not an official boundary"));
        assert_eq!(
            v.group(BOUNDARIES).unwrap().note.as_deref(),
            Some(BOUNDARIES_CREDIT)
        );
    }

    #[test]
    fn the_terms_carry_iom_s_credit_and_every_caveat_of_the_readme_is_there() {
        assert!(DTM_TERMS.contains(super::super::charts::DTM_CREDIT));
        let titles: Vec<&str> = CAVEATS.iter().map(|c| c.title).collect();
        for needle in [
            "Stock, not cumulative",
            "August 2020",
            "April 2024",
            "Camp definitions",
            "Funding: FTS today and at the time",
        ] {
            assert!(titles.iter().any(|t| t.contains(needle)), "{needle}");
        }
    }

    #[test]
    fn a_user_file_is_listed_under_your_files_and_has_no_address() {
        let mut ds = Dataset::bundled().unwrap();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/good/dtm_master_list_made_up.csv");
        let parsed = ds.read_file(&path).unwrap();
        ds.add(&path.display().to_string(), parsed, false);
        let d = dashboard(&ds, &Filters::all(&ds), &Choices::default());
        let g = d.sources_view.group(USER_FILES).expect("your files");
        assert_eq!(g.sources.len(), 1);
        assert_eq!(g.sources[0].publisher, "your file");
        assert!(
            g.sources[0].title.ends_with("dtm_master_list_made_up.csv"),
            "{}",
            g.sources[0].title
        );
        assert_eq!(g.sources[0].url, None);
        for other in &d.sources_view.groups {
            if other.title != USER_FILES {
                assert!(other.sources.iter().all(|s| s.publisher != "your file"));
            }
        }
    }

    #[test]
    fn only_plain_web_addresses_can_be_opened() {
        let cases = [
            (
                "https://data.humdata.org/dataset/x",
                Some("https://data.humdata.org/dataset/x"),
            ),
            (
                "  http://example.org/a?b=c#d ",
                Some("http://example.org/a?b=c#d"),
            ),
            ("https://", None),
            ("https:///path", None),
            ("file:///etc/passwd", None),
            ("javascript:alert(1)", None),
            ("ftp://example.org", None),
            ("https://example.org/a b", None),
            ("https://example.org/\"&calc", None),
            ("https://example.org/\u{7}", None),
            ("", None),
        ];
        for (url, want) in cases {
            assert_eq!(openable(url).as_deref(), want, "{url:?}");
        }
        assert_eq!(
            openable(&format!("https://e.org/{}", "a".repeat(2_000))),
            None
        );
    }
}
