//! Camp figures: the latest count of camps open, and the named closures in range.
//!
//! Counts of different definitions or units are never joined; families are never
//! converted to people. Camp counts are national or regional figures, so the
//! governorate filter does not apply to them; named closures follow it.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Filters;
use crate::data::{CampCount, CampEventKind, CampScope, Dataset, DatePrecision, Pcode};

/// A named camp closure (closed, reclassified or consolidated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    pub camp: String,
    pub pcode: Pcode,
    pub date: NaiveDate,
    pub date_precision: DatePrecision,
    pub event: CampEventKind,
    pub source_id: String,
}

/// The camp headline for the filters.
#[derive(Debug, Clone, PartialEq)]
pub struct CampHeadline {
    /// The latest count of camps in range (any definition, named with it).
    pub open_at_end: Option<CampCount>,
    /// Named camps with a closure event in range (one per camp, its first closure).
    pub closures: Vec<Closure>,
}

/// Preference among counts on the same date: the widest scope first.
fn scope_rank(scope: CampScope) -> u8 {
    match scope {
        CampScope::National => 0,
        CampScope::Kri => 1,
        CampScope::Federal => 2,
        CampScope::Governorate(_) => 3,
    }
}

/// The camp headline.
#[must_use]
pub fn headline(dataset: &Dataset, filters: &Filters) -> CampHeadline {
    let open_at_end = dataset
        .camp_counts
        .iter()
        .filter(|c| c.camps.is_some() && filters.contains(c.date))
        .min_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then(scope_rank(a.scope).cmp(&scope_rank(b.scope)))
        })
        .cloned();
    let mut events: Vec<_> = dataset
        .camps
        .iter()
        .filter(|e| e.event.is_closure() && filters.contains(e.date) && filters.selects(e.pcode))
        .collect();
    events.sort_by_key(|e| e.date);
    let mut seen = BTreeSet::new();
    let closures = events
        .into_iter()
        .filter(|e| seen.insert(e.camp.to_lowercase()))
        .map(|e| Closure {
            camp: e.camp.clone(),
            pcode: e.pcode,
            date: e.date,
            date_precision: e.date_precision,
            event: e.event,
            source_id: e.source_id.clone(),
        })
        .collect();
    CampHeadline {
        open_at_end,
        closures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{CampDefinition, CampEvent, DatePrecision};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn count(date: NaiveDate, scope: CampScope, camps: Option<u64>) -> CampCount {
        CampCount {
            date,
            date_precision: DatePrecision::Day,
            scope,
            definition: CampDefinition::IdpCamps,
            camps,
            people: None,
            people_unit: None,
            source_id: "s".into(),
        }
    }

    fn event(camp: &str, pcode: u8, kind: CampEventKind, date: NaiveDate) -> CampEvent {
        CampEvent {
            camp: camp.into(),
            pcode: Pcode::new(pcode).unwrap(),
            district: None,
            event: kind,
            date,
            date_precision: DatePrecision::Day,
            population: None,
            population_unit: None,
            source_id: "s".into(),
        }
    }

    fn filters(from: i32, to: i32, govs: Option<&[u8]>) -> Filters {
        Filters {
            governorates: govs.map(|g| g.iter().map(|n| Pcode::new(*n).unwrap()).collect()),
            from,
            to,
        }
    }

    #[test]
    fn empty_data_has_no_count_and_no_closures() {
        let h = headline(&Dataset::default(), &filters(2014, 2024, None));
        assert_eq!(h.open_at_end, None);
        assert!(h.closures.is_empty());
    }

    #[test]
    fn latest_count_in_range_wins_and_national_breaks_ties() {
        let mut ds = Dataset::default();
        ds.camp_counts.extend([
            count(day(2020, 1, 1), CampScope::National, Some(50)),
            count(day(2024, 12, 31), CampScope::Kri, Some(21)),
            count(day(2024, 12, 31), CampScope::National, Some(22)),
            count(day(2025, 1, 1), CampScope::National, None),
        ]);
        let h = headline(&ds, &filters(2014, 2024, None));
        assert_eq!(h.open_at_end.and_then(|c| c.camps), Some(22));
        let h = headline(&ds, &filters(2014, 2020, None));
        assert_eq!(h.open_at_end.and_then(|c| c.camps), Some(50));
    }

    #[test]
    fn closures_are_named_camps_once_and_follow_the_filters() {
        let mut ds = Dataset::default();
        ds.camps.extend([
            event("A", 9, CampEventKind::Announced, day(2020, 10, 1)),
            event("A", 9, CampEventKind::Closed, day(2020, 11, 1)),
            event("a", 9, CampEventKind::Reclassified, day(2021, 1, 1)),
            event("B", 1, CampEventKind::Consolidated, day(2023, 5, 1)),
            event("C", 1, CampEventKind::Listed, day(2016, 8, 1)),
        ]);
        let h = headline(&ds, &filters(2014, 2024, None));
        let names: Vec<_> = h.closures.iter().map(|c| c.camp.as_str()).collect();
        assert_eq!(names, ["A", "B"]);
        assert_eq!(
            headline(&ds, &filters(2014, 2024, Some(&[1])))
                .closures
                .len(),
            1
        );
        assert_eq!(headline(&ds, &filters(2022, 2024, None)).closures.len(), 1);
    }
}
