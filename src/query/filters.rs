//! What the user has chosen to look at: governorates and a year range ([`Filters`]),
//! and how to look at it ([`Choices`]: the basis, the optional series, the events).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use crate::data::{Basis, Dataset, NationalSeries, Pcode};
use crate::map::MapMeasure;

/// Years used when no DTM series is loaded to set the bounds.
pub const FALLBACK_YEARS: (i32, i32) = (2014, 2024);

/// The view choices that change what the dashboard holds: [`crate::query::dashboard`]
/// computes one dashboard per filters and choices, so the screen and an export made
/// from it hold the same charts. Persisted by the app (as separate settings).
// Each bool is an independent on/off choice in the window.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Choices {
    /// The basis of the IDPs-by-governorate chart.
    pub basis: Basis,
    /// Draw UNHCR's and IDMC's series beside DTM's on IDPs over time.
    pub show_comparisons: bool,
    /// Draw the camps chart's counts of other definitions and scopes.
    pub camp_comparisons: bool,
    /// Draw the dated events as markers on the time charts.
    pub show_events: bool,
    /// Every event, not only the key ones (milestones).
    pub all_events: bool,
    /// What the map colours the governorates by.
    pub map_measure: MapMeasure,
    /// The map's date (`None`: the latest table in range).
    pub map_date: Option<NaiveDate>,
    /// The map draws the tile grid instead of the shapes.
    pub map_tiles: bool,
    /// The compare panel's two dates (`None`: the first, or the last, complete
    /// governorate table in range; a date without a table in range falls back to it).
    pub compare_from: Option<NaiveDate>,
    pub compare_to: Option<NaiveDate>,
    /// The compare panel offers partial tables too (marked, with their remainder).
    pub compare_partial: bool,
}

impl Default for Choices {
    /// What the window shows first and the command line exports: displacement basis,
    /// UNHCR and IDMC beside DTM, no other camp counts, the key events.
    fn default() -> Choices {
        Choices {
            basis: Basis::Displacement,
            show_comparisons: true,
            camp_comparisons: false,
            show_events: true,
            all_events: false,
            map_measure: MapMeasure::Displacement,
            map_date: None,
            map_tiles: false,
            compare_from: None,
            compare_to: None,
            compare_partial: false,
        }
    }
}

/// The active filters. `governorates: None` means all (national figures).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Filters {
    /// `None`: every governorate (no filter). `Some(empty)`: none selected.
    pub governorates: Option<BTreeSet<Pcode>>,
    /// First year, inclusive.
    pub from: i32,
    /// Last year, inclusive.
    pub to: i32,
}

impl Filters {
    /// No governorate filter, the full year range of the data.
    #[must_use]
    pub fn all(dataset: &Dataset) -> Filters {
        let (from, to) = year_bounds(dataset);
        Filters {
            governorates: None,
            from,
            to,
        }
    }

    /// Sets the selected governorates; selecting all of them is no filter.
    #[must_use]
    pub fn with_governorates(mut self, selected: BTreeSet<Pcode>, all: usize) -> Filters {
        self.governorates = (selected.len() < all).then_some(selected);
        self
    }

    /// True when a date falls in the year range.
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.contains_year(date.year())
    }

    /// True when a year falls in the range.
    #[must_use]
    pub fn contains_year(&self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
    }

    /// True when a governorate passes the filter.
    #[must_use]
    pub fn selects(&self, pcode: Pcode) -> bool {
        self.governorates
            .as_ref()
            .is_none_or(|s| s.contains(&pcode))
    }

    /// True when a governorate is ticked in the filter panel.
    #[must_use]
    pub fn is_selected(&self, pcode: Pcode) -> bool {
        self.selects(pcode)
    }

    /// Ticks or unticks a governorate; `all` is every governorate of the gazetteer.
    pub fn toggle(&mut self, pcode: Pcode, all: &[Pcode]) {
        let mut set: BTreeSet<Pcode> = self
            .governorates
            .clone()
            .unwrap_or_else(|| all.iter().copied().collect());
        if !set.remove(&pcode) {
            set.insert(pcode);
        }
        self.governorates = (set.len() < all.len()).then_some(set);
    }

    /// Ticks (or unticks) every governorate of a group, leaving the others as they are.
    pub fn set_group(&mut self, group: &[Pcode], on: bool, all: &[Pcode]) {
        let mut set: BTreeSet<Pcode> = self
            .governorates
            .clone()
            .unwrap_or_else(|| all.iter().copied().collect());
        for p in group {
            if on {
                set.insert(*p);
            } else {
                set.remove(p);
            }
        }
        self.governorates = (set.len() < all.len()).then_some(set);
    }

    /// Toggles one governorate in the filter as a click on the map does: with no
    /// filter it selects only that one (where [`Filters::toggle`], the filter panel's
    /// tick box, would select every other one); removing the last one, or adding
    /// the last missing one, is no filter again (`all`: how many governorates there
    /// are).
    pub fn toggle_on_map(&mut self, pcode: Pcode, all: usize) {
        let Some(set) = &mut self.governorates else {
            self.only(pcode);
            return;
        };
        if !set.remove(&pcode) {
            set.insert(pcode);
        }
        if set.is_empty() || set.len() >= all {
            self.governorates = None;
        }
    }

    /// Selects only this governorate.
    pub fn only(&mut self, pcode: Pcode) {
        self.governorates = Some([pcode].into());
    }

    /// True when no governorate filter is active.
    #[must_use]
    pub fn is_national(&self) -> bool {
        self.governorates.is_none()
    }
}

/// The year range's bounds: those of the DTM national series and its DTM-based
/// continuation after the last round (DESIGN §7: 2014–2025 bundled), a user's
/// `dtm_user` points included; with no national series, those of the governorate
/// tables (a user's partial master list with `--no-bundled`).
#[must_use]
pub fn year_bounds(dataset: &Dataset) -> (i32, i32) {
    let mut years: Vec<i32> = dataset
        .idps_national
        .iter()
        .filter(|p| matches!(p.series, NationalSeries::Dtm | NationalSeries::DtmUser))
        .map(|p| p.date.year())
        .chain(
            super::idps::continuation_dates(dataset)
                .into_iter()
                .map(|d| d.year()),
        )
        .collect();
    if years.is_empty() {
        years = dataset
            .idps_governorate
            .iter()
            .map(|p| p.date.year())
            .collect();
    }
    match (years.iter().min(), years.iter().max()) {
        (Some(lo), Some(hi)) => (*lo, *hi),
        _ => FALLBACK_YEARS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pc(n: u8) -> Pcode {
        Pcode::new(n).unwrap()
    }

    #[test]
    fn a_click_on_the_map_selects_one_then_toggles_and_clearing_is_no_filter() {
        let mut f = Filters {
            governorates: None,
            from: 2014,
            to: 2025,
        };
        f.toggle_on_map(pc(15), 18);
        assert_eq!(f.governorates, Some([pc(15)].into()));
        f.toggle_on_map(pc(8), 18);
        assert_eq!(f.governorates, Some([pc(8), pc(15)].into()));
        f.toggle_on_map(pc(15), 18);
        assert_eq!(f.governorates, Some([pc(8)].into()));
        f.toggle_on_map(pc(8), 18);
        assert_eq!(f.governorates, None);
        let mut two = Filters {
            governorates: Some([pc(1)].into()),
            ..f
        };
        two.toggle_on_map(pc(2), 2);
        assert_eq!(two.governorates, None, "every governorate is no filter");
    }

    #[test]
    fn selecting_everything_is_no_filter() {
        let f = Filters {
            governorates: None,
            from: 2014,
            to: 2024,
        };
        let all: BTreeSet<Pcode> = (1..=18).map(pc).collect();
        assert!(f.clone().with_governorates(all, 18).is_national());
        let one = f.with_governorates([pc(15)].into(), 18);
        assert!(one.selects(pc(15)) && !one.selects(pc(9)));
    }

    #[test]
    fn toggling_and_groups_keep_all_as_no_filter() {
        let all: Vec<Pcode> = (1..=18).map(pc).collect();
        let mut f = Filters {
            governorates: None,
            from: 2014,
            to: 2024,
        };
        f.toggle(pc(15), &all);
        assert_eq!(f.governorates.as_ref().map(BTreeSet::len), Some(17));
        f.toggle(pc(15), &all);
        assert!(f.is_national());
        let kri = [pc(6), pc(9), pc(11)];
        f.set_group(&all, false, &all);
        f.set_group(&kri, true, &all);
        assert_eq!(f.governorates, Some(kri.into_iter().collect()));
        f.only(pc(15));
        assert_eq!(f.governorates, Some([pc(15)].into()));
    }

    #[test]
    fn none_selected_selects_nothing() {
        let f = Filters {
            governorates: Some(BTreeSet::new()),
            from: 2014,
            to: 2024,
        };
        assert!(!f.selects(pc(1)) && !f.is_national());
    }

    #[test]
    fn year_range_is_inclusive() {
        let f = Filters {
            governorates: None,
            from: 2017,
            to: 2020,
        };
        assert!(f.contains_year(2017) && f.contains_year(2020));
        assert!(!f.contains_year(2016) && !f.contains_year(2021));
    }

    #[test]
    fn bounds_fall_back_without_a_dtm_series() {
        assert_eq!(year_bounds(&Dataset::default()), FALLBACK_YEARS);
    }

    #[test]
    fn bundled_bounds_run_to_the_last_year_of_dtms_continuation() {
        // DTM's rounds end in April 2024; UNHCR's republication of its figures
        // continues to the end of 2025. IDMC's 2009 and the 2026 press figure stay
        // outside.
        let ds = Dataset::bundled().unwrap();
        assert_eq!(year_bounds(&ds), (2014, 2025));
        assert_eq!(Filters::all(&ds).to, 2025);
    }
}
