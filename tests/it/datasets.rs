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

/// The rows of `RESEARCH-2024-2026.md` (third research pass) and its corrections.
mod end_of_2025 {
    use std::collections::BTreeMap;

    use chrono::NaiveDate;
    use displacement_dashboard::data::{
        Basis, CampEventKind, CampScope, Dataset, FundingKind, NationalSeries, PeopleUnit,
    };

    fn bundled() -> Dataset {
        Dataset::bundled().expect("the bundled data passes its checks")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    /// The national `unhcr_year_end` figure of a date.
    fn unhcr(ds: &Dataset, date: NaiveDate) -> Option<u64> {
        ds.idps_national
            .iter()
            .find(|p| p.series == NationalSeries::UnhcrYearEnd && p.date == date)
            .map(|p| p.idps)
    }

    #[test]
    fn unhcrs_end_2024_and_end_2025_governorate_tables_sum_exactly_to_its_national_figures() {
        let ds = bundled();
        let mut sums: BTreeMap<NaiveDate, (u64, usize)> = BTreeMap::new();
        for row in &ds.idps_governorate {
            if row.basis == Basis::Displacement && row.source_id.starts_with("c_unhcr_rdf_demog") {
                assert!(row.complete && row.round.is_none(), "{row:?}");
                let e = sums.entry(row.date).or_default();
                e.0 += row.individuals;
                e.1 += 1;
            }
        }
        assert_eq!(
            sums.into_iter().collect::<Vec<_>>(),
            [
                (day(2024, 12, 31), (1_031_475, 18)),
                (day(2025, 12, 31), (997_334, 18))
            ]
        );
        assert_eq!(unhcr(&ds, day(2024, 12, 31)), Some(1_031_475));
        assert_eq!(unhcr(&ds, day(2025, 12, 31)), Some(997_334));
        // End 2023 equals DTM round 131 (31 Dec 2023) exactly.
        assert_eq!(unhcr(&ds, day(2023, 12, 31)), Some(1_123_663));
    }

    #[test]
    fn round_132_stays_in_the_series_and_the_tables() {
        let ds = bundled();
        let r132 = ds
            .idps_national
            .iter()
            .find(|p| p.series == NationalSeries::Dtm && p.round == Some(132))
            .expect("round 132");
        assert_eq!((r132.date, r132.idps), (day(2024, 4, 30), 1_098_913));
        let ninewa = ds
            .idps_governorate
            .iter()
            .find(|r| r.round == Some(132) && r.pcode.to_string() == "IQG15")
            .expect("Ninewa in round 132");
        assert_eq!(ninewa.individuals, 229_120);
        // No new DTM round: the figures after April 2024 are UNHCR's and others'.
        assert!(
            ds.idps_national
                .iter()
                .filter(|p| p.series == NationalSeries::Dtm)
                .all(|p| p.date <= day(2024, 4, 30))
        );
    }

    #[test]
    fn idmc_runs_to_2025_and_second_hand_figures_stay_second_hand() {
        let ds = bundled();
        let idmc: Vec<(i32, u64)> = ds
            .idps_national
            .iter()
            .filter(|p| {
                p.series == NationalSeries::IdmcStock && p.source_id == "c_idmc_via_unhcr_2026"
            })
            .map(|p| (chrono::Datelike::year(&p.date), p.idps))
            .collect();
        assert_eq!(
            idmc,
            [
                (2018, 1_962_000),
                (2019, 1_533_000),
                (2020, 1_224_000),
                (2021, 1_187_000),
                (2022, 1_169_000),
                (2023, 1_124_000),
                (2024, 1_031_000),
                (2025, 997_000)
            ]
        );
        let press = ds
            .idps_national
            .iter()
            .find(|p| p.source_id == "c_alssaa_2026_01_05")
            .expect("the end-2024 press figure");
        assert_eq!(press.series, NationalSeries::Secondary);
        assert_eq!(
            (press.idps, press.returnees, press.households),
            (1_031_475, Some(4_927_890), Some(175_674))
        );
        // The research's "optional, not recommended" rows stay out.
        assert!(ds.idps_national.iter().all(|p| p.idps != 1_053_038));
        assert!(ds.source("c_almada_395923").is_none());
        assert!(
            ds.camp_counts
                .iter()
                .all(|c| c.source_id != "c_almada_395923")
        );
    }

    #[test]
    fn twenty_camps_remain_and_families_are_never_people() {
        let ds = bundled();
        let late_2025 = ds
            .camp_counts
            .iter()
            .find(|c| c.source_id == "c_almada_424048")
            .expect("the late-2025 count");
        assert_eq!(
            (
                late_2025.scope,
                late_2025.camps,
                late_2025.people,
                late_2025.people_unit
            ),
            (
                CampScope::Kri,
                Some(20),
                Some(101_886),
                Some(PeopleUnit::Individuals)
            )
        );
        let momd = ds
            .camp_counts
            .iter()
            .find(|c| c.source_id == "c_webangah_2025_10_17")
            .expect("MoMD's October 2025 count");
        assert_eq!(
            (momd.camps, momd.people, momd.people_unit),
            (Some(21), Some(20_000), Some(PeopleUnit::Families))
        );
        let sulaymaniyah = ds
            .camp_counts
            .iter()
            .find(|c| c.source_id == "c_pukmedia_2024_07_11")
            .expect("Sulaymaniyah's last camps closed");
        assert_eq!(sulaymaniyah.camps, Some(0));
        let jeddah: Vec<(NaiveDate, Option<u64>)> = ds
            .camps
            .iter()
            .filter(|c| c.camp.starts_with("Jeddah 1"))
            .map(|c| (c.date, c.population))
            .collect();
        assert_eq!(
            jeddah,
            [
                (day(2024, 11, 17), Some(2000)),
                (day(2025, 7, 31), Some(5000)),
                (day(2025, 10, 3), Some(6500))
            ]
        );
    }

    #[test]
    fn tazade_closed_on_19_march_2024_and_unitad_ended_on_17_september_2024() {
        let ds = bundled();
        let tazade: Vec<(NaiveDate, CampEventKind, &str)> = ds
            .camps
            .iter()
            .filter(|c| c.camp == "Tazade" && c.event.is_closure())
            .map(|c| (c.date, c.event, c.source_id.as_str()))
            .collect();
        assert_eq!(
            tazade,
            [(day(2024, 3, 19), CampEventKind::Closed, "c_964_19549")]
        );
        let unitad: Vec<(NaiveDate, &str)> = ds
            .events
            .iter()
            .filter(|e| e.title.contains("UNITAD"))
            .map(|e| (e.date, e.source_id.as_str()))
            .collect();
        assert_eq!(unitad, [(day(2024, 9, 17), "c_unitad_2024_09_16")]);
    }

    #[test]
    fn fts_rows_are_the_april_2026_copy() {
        let ds = bundled();
        let outside = |year| {
            ds.funding
                .iter()
                .find(|r| r.year == year && r.kind == FundingKind::OutsideAppeal)
                .map(|r| (r.funding_usd, r.source_id.as_str()))
        };
        assert_eq!(outside(2025), Some((Some(99_551_499), "c_fts_hdx_2026_04")));
        assert_eq!(outside(2026), Some((Some(18_195_371), "c_fts_hdx_2026_04")));
        assert_eq!(outside(2023), Some((Some(211_058_163), "b_fts_hdx_2026")));
        assert_eq!(
            ds.source("c_fts_hdx_2026_04").map(|s| s.published.as_str()),
            Some("2026-04-18")
        );
        // No Iraq appeal after 2022, and Iraq is not in the regional plan for 2025.
        assert!(
            ds.funding
                .iter()
                .filter(|r| r.year > 2022)
                .all(|r| !r.kind.is_iraq_appeal())
        );
        assert!(
            ds.funding
                .iter()
                .all(|r| !(r.year >= 2025 && r.kind == FundingKind::RegionalRefugee))
        );
    }

    #[test]
    fn every_new_source_has_the_researchs_note_and_is_cited() {
        let ds = bundled();
        let new: Vec<_> = ds
            .sources
            .iter()
            .filter(|s| s.id.starts_with("c_"))
            .collect();
        assert_eq!(
            new.len(),
            32,
            "31 in the research's 7.7 and UNITAD's in 7.8"
        );
        let cited: std::collections::BTreeSet<&str> = ds
            .idps_national
            .iter()
            .map(|r| r.source_id.as_str())
            .chain(ds.idps_governorate.iter().map(|r| r.source_id.as_str()))
            .chain(ds.camps.iter().map(|r| r.source_id.as_str()))
            .chain(ds.camp_counts.iter().map(|r| r.source_id.as_str()))
            .chain(ds.funding.iter().map(|r| r.source_id.as_str()))
            .chain(ds.events.iter().map(|r| r.source_id.as_str()))
            .collect();
        for s in new {
            assert!(s.note.as_deref().is_some_and(|n| n.len() > 20), "{}", s.id);
            assert!(s.url.starts_with("http"), "{}", s.id);
            assert!(cited.contains(s.id.as_str()), "{} is cited by no row", s.id);
        }
    }

    #[test]
    fn events_run_to_january_2026() {
        let ds = bundled();
        let last = ds.events.iter().max_by_key(|e| e.date).expect("events");
        assert_eq!(last.date, day(2026, 1, 21));
        assert!(
            ds.events
                .iter()
                .any(|e| e.date == day(2026, 1, 17) && e.title.contains("Ain al-Asad"))
        );
    }
}
