//! What the user has chosen to look at: governorates and a year range ([`Filters`]),
//! and how to look at it ([`Choices`]: the basis, the optional series, the events,
//! the map's measure, date and tiles; [`MapMeasure`]).
//! `query::filters` adds `Filters::all`, which reads the year range from a dataset.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::place::Pcode;
use super::records::Basis;

/// The view choices that change what the dashboard holds: `query::dashboard`
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
    /// The briefing sheet carries the briefing paragraph under its cards.
    pub sheet_text: bool,
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
            sheet_text: false,
            compare_from: None,
            compare_to: None,
            compare_partial: false,
        }
    }
}

/// What the map colours the governorates by (a view choice; the map module re-exports
/// it beside the `MapSpec` it shapes).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum MapMeasure {
    /// IDPs by governorate of displacement (where they are now).
    #[default]
    Displacement,
    /// IDPs by governorate of origin (where they fled from), where published.
    Origin,
    /// IDPs in camps, where known.
    InCamp,
    /// Change in IDPs by governorate of displacement since the first date in range.
    Change,
    /// Change in IDPs by governorate of displacement between the compare panel's
    /// two dates (issue 13).
    Compared,
}

impl MapMeasure {
    /// Every measure, in the order the selector lists them.
    pub const ALL: [MapMeasure; 5] = [
        MapMeasure::Displacement,
        MapMeasure::Origin,
        MapMeasure::InCamp,
        MapMeasure::Change,
        MapMeasure::Compared,
    ];

    /// The selector's label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            MapMeasure::Displacement => "Where IDPs are (displacement)",
            MapMeasure::Origin => "Where IDPs fled from (origin)",
            MapMeasure::InCamp => "IDPs in camps",
            MapMeasure::Change => "Change since the first date",
            MapMeasure::Compared => "Change between the compared dates",
        }
    }

    /// A change between two dates (diverging classes), not a count on one date.
    #[must_use]
    pub fn is_change(self) -> bool {
        matches!(self, MapMeasure::Change | MapMeasure::Compared)
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
