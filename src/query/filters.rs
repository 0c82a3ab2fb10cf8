//! What the user has chosen to look at: governorates and a year range ([`Filters`]),
//! and how to look at it ([`Choices`]: the basis, the optional series, the events).

use chrono::Datelike;

use crate::data::{Dataset, NationalSeries};

/// Years used when no DTM series is loaded to set the bounds.
pub const FALLBACK_YEARS: (i32, i32) = (2014, 2024);

pub use crate::domain::{Choices, Filters};

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
    use std::collections::BTreeSet;

    use super::*;
    use crate::domain::Pcode;

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
