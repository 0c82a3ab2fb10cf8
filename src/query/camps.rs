//! Camp figures: the latest count of camps open, and the named closures in range.
//!
//! Counts of different definitions or units are never joined; families are never
//! converted to people. Camp counts are national, regional or (a few) governorate
//! figures: under a governorate filter the count is the selection's own where one
//! exists (a governorate's count when that governorate alone is selected, the
//! Kurdistan Region's or Federal Iraq's when exactly that region is), and otherwise
//! the latest count of any scope, marked as not following the filter. Named closures
//! always follow the filter.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Filters;
use crate::data::{CampCount, CampEventKind, CampScope, Dataset, DatePrecision, Pcode, Region};

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
    /// True when `open_at_end` counts what the filter selects: always without a
    /// filter, and under one when it is the selection's own count.
    pub follows_filter: bool,
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

/// The scopes whose counts are the selection's own: a governorate's when it alone
/// is selected, a region's when exactly its governorates are.
fn own_scopes(dataset: &Dataset, filters: &Filters) -> Vec<CampScope> {
    let Some(selected) = &filters.governorates else {
        return Vec::new();
    };
    let mut scopes: Vec<CampScope> = Vec::new();
    if let [only] = selected.iter().copied().collect::<Vec<_>>()[..] {
        scopes.push(CampScope::Governorate(only));
    }
    for (region, scope) in [
        (Region::Kri, CampScope::Kri),
        (Region::Federal, CampScope::Federal),
    ] {
        let members: BTreeSet<Pcode> = dataset.gazetteer.in_region(region).into_iter().collect();
        if !members.is_empty() && members == *selected {
            scopes.push(scope);
        }
    }
    scopes
}

/// The latest count in range among those a scope test admits, the widest scope
/// winning a tie.
fn latest_count(
    dataset: &Dataset,
    filters: &Filters,
    admit: impl Fn(CampScope) -> bool,
) -> Option<CampCount> {
    dataset
        .camp_counts
        .iter()
        .filter(|c| c.camps.is_some() && filters.contains(c.date) && admit(c.scope))
        .min_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then(scope_rank(a.scope).cmp(&scope_rank(b.scope)))
        })
        .cloned()
}

/// The camp headline.
#[must_use]
pub fn headline(dataset: &Dataset, filters: &Filters) -> CampHeadline {
    let own = own_scopes(dataset, filters);
    let (open_at_end, follows_filter) = match latest_count(dataset, filters, |s| own.contains(&s)) {
        Some(count) => (Some(count), true),
        // Another governorate's count never stands for the selection (or for Iraq).
        None => (
            latest_count(dataset, filters, |s| {
                !matches!(s, CampScope::Governorate(_))
            }),
            filters.is_national(),
        ),
    };
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
        follows_filter,
        closures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{CampDefinition, CampEvent, DatePrecision};
    use chrono::Datelike;

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
    fn a_filter_takes_its_own_count_where_one_exists_and_says_when_not() {
        let mut ds = Dataset::bundled().unwrap();
        ds.camp_counts.retain(|c| c.date.year() >= 2024);
        let kri = headline(&ds, &filters(2014, 2024, None));
        let c = kri.open_at_end.unwrap();
        assert_eq!((c.camps, c.scope), (Some(21), CampScope::Kri));
        assert!(kri.follows_filter);
        // Ninewa has no count of its own: the Kurdistan Region's, not following it.
        let ninewa = headline(&ds, &filters(2014, 2024, Some(&[15])));
        assert_eq!(ninewa.open_at_end.unwrap().scope, CampScope::Kri);
        assert!(!ninewa.follows_filter);
        // Dahuk has one: 15 IDP camps on 5 June 2024 (Shafaq News).
        let dahuk = headline(&ds, &filters(2014, 2024, Some(&[9])));
        let c = dahuk.open_at_end.unwrap();
        assert_eq!((c.camps, c.date), (Some(15), day(2024, 6, 5)));
        assert!(dahuk.follows_filter);
        // The Kurdistan Region selected: its own count.
        let region = headline(&ds, &filters(2014, 2024, Some(&[6, 9, 11])));
        assert_eq!(region.open_at_end.unwrap().camps, Some(21));
        assert!(region.follows_filter);
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
