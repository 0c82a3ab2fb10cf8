//! The bundled datasets: every figure has a source, and the tables agree.

use std::collections::BTreeMap;

use displacement_dashboard::data::{Basis, Dataset, NationalSeries};

fn bundled() -> Dataset {
    Dataset::bundled().expect("the bundled data passes its checks")
}

#[test]
fn every_source_id_resolves() {
    let ds = bundled();
    let mut ids: Vec<&str> = Vec::new();
    ids.extend(ds.idps_national.iter().map(|r| r.source_id.as_str()));
    ids.extend(ds.idps_governorate.iter().map(|r| r.source_id.as_str()));
    ids.extend(ds.camps.iter().map(|r| r.source_id.as_str()));
    ids.extend(ds.camp_counts.iter().map(|r| r.source_id.as_str()));
    ids.extend(ds.funding.iter().map(|r| r.source_id.as_str()));
    ids.extend(ds.events.iter().map(|r| r.source_id.as_str()));
    assert!(ids.len() > 500, "{}", ids.len());
    let missing: Vec<&str> = ids
        .into_iter()
        .filter(|id| ds.source(id).is_none())
        .collect();
    assert!(missing.is_empty(), "unresolved: {missing:?}");
    assert!(ds.warnings.is_empty(), "{:?}", ds.warnings);
}

#[test]
fn every_source_has_publisher_title_date_and_url() {
    for s in bundled().sources {
        assert!(s.url.starts_with("http"), "{}: {}", s.id, s.url);
        assert!(!s.publisher.is_empty() && !s.title.is_empty(), "{}", s.id);
        assert!(s.published.len() >= 4, "{}: {}", s.id, s.published);
    }
}

#[test]
fn the_dtm_series_has_80_rounds_from_april_2014_to_april_2024() {
    let ds = bundled();
    let dtm: Vec<_> = ds
        .idps_national
        .iter()
        .filter(|p| p.series == NationalSeries::Dtm)
        .collect();
    assert_eq!(dtm.len(), 80);
    let first = dtm.iter().min_by_key(|p| p.date).expect("rounds");
    let last = dtm.iter().max_by_key(|p| p.date).expect("rounds");
    assert_eq!((first.round, first.idps), (Some(1), 443_124));
    assert_eq!(
        (last.round, last.idps, last.returnees),
        (Some(132), 1_098_913, Some(4_871_916))
    );
}

#[test]
fn each_complete_dtm_governorate_table_sums_to_its_rounds_national_total() {
    let ds = bundled();
    let national: BTreeMap<u32, u64> = ds
        .idps_national
        .iter()
        .filter(|p| p.series == NationalSeries::Dtm)
        .filter_map(|p| p.round.map(|r| (r, p.idps)))
        .collect();
    let mut sums: BTreeMap<u32, u64> = BTreeMap::new();
    for row in &ds.idps_governorate {
        if row.basis == Basis::Displacement
            && row.complete
            && let Some(round) = row.round
        {
            *sums.entry(round).or_default() += row.individuals;
        }
    }
    let rounds: Vec<u32> = sums.keys().copied().collect();
    assert_eq!(rounds, [11, 34, 60, 86, 107, 113, 119, 124, 128, 131, 132]);
    for (round, sum) in sums {
        assert_eq!(Some(&sum), national.get(&round), "round {round}");
    }
}

#[test]
fn the_gazetteer_has_18_governorates_in_two_regions() {
    let ds = bundled();
    let g = ds.gazetteer.governorates();
    assert_eq!(g.len(), 18);
    let kri: Vec<&str> = g
        .iter()
        .filter(|g| g.region == displacement_dashboard::data::Region::Kri)
        .map(|g| g.name_en.as_str())
        .collect();
    assert_eq!(kri, ["Sulaymaniyah", "Dahuk", "Erbil"]);
}

#[test]
fn announcements_are_never_closures_and_reported_coverage_is_only_2021_and_2022() {
    let ds = bundled();
    let reported: Vec<(i32, f64)> = ds
        .funding
        .iter()
        .filter_map(|f| f.coverage_reported_pct.map(|p| (f.year, p)))
        .collect();
    assert_eq!(reported, [(2021, 63.0), (2022, 67.0)]);
}

#[test]
fn the_events_of_design_are_bundled() {
    let ds = bundled();
    let titles: Vec<String> = ds
        .events
        .iter()
        .map(|e| format!("{} {}", e.date, e.title))
        .collect();
    for needle in ["UNAMI", "UNITAD", "advise", "Jeddah 1"] {
        assert!(
            titles.iter().any(|t| t.contains(needle)),
            "{needle} in {titles:#?}"
        );
    }
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("2025-12-31") && t.contains("UNAMI")),
        "{titles:#?}"
    );
}
