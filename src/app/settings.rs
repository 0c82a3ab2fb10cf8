//! The user's choices that persist between runs (never the data).
//!
//! Every field has a default (`serde(default)`), so a settings file from an older
//! version, or a corrupt one, falls back to defaults instead of failing start-up.

use serde::{Deserialize, Serialize};

use crate::data::{Basis, Pcode};
use crate::query::{Choices, Filters};

/// The key under which settings are stored.
pub const STORAGE_KEY: &str = "displacement-dashboard-settings";

pub use crate::ui::theme::ThemeChoice;

/// What is saved.
// Each bool is an independent on/off choice in the window, saved as plain JSON.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Selected P-codes; `None` means every governorate.
    pub governorates: Option<Vec<String>>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub theme: ThemeChoice,
    pub show_events: bool,
    /// Every event on the time charts, not only the key ones (milestones).
    pub all_events: bool,
    pub show_comparisons: bool,
    /// The camps chart's comparison counts (other definitions and scopes).
    pub show_camp_comparisons: bool,
    /// `displacement`, `origin` or `in_camp`.
    pub basis: String,
    /// Recently opened files (paths only, never contents), newest first.
    pub recent: Vec<String>,
    /// Column mappings the user assigned, by file header.
    pub mappings: crate::data::RememberedMappings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            governorates: None,
            from: None,
            to: None,
            theme: ThemeChoice::System,
            show_events: true,
            all_events: false,
            show_comparisons: true,
            show_camp_comparisons: false,
            basis: Basis::Displacement.as_str().into(),
            recent: Vec::new(),
            mappings: crate::data::RememberedMappings::default(),
        }
    }
}

impl Settings {
    /// Applies saved filters to `filters`, within the data's `bounds`; unknown codes
    /// and years outside the data are dropped.
    pub fn apply_filters(&self, filters: &mut Filters, bounds: (i32, i32), all: usize) {
        if let Some(codes) = &self.governorates {
            let set: std::collections::BTreeSet<Pcode> =
                codes.iter().filter_map(|c| Pcode::parse(c)).collect();
            // Codes that were all unreadable are no choice at all: keep every governorate.
            if codes.is_empty() || !set.is_empty() {
                *filters = filters.clone().with_governorates(set, all);
            }
        }
        let clamp = |y: i32| y.clamp(bounds.0, bounds.1);
        if let Some(from) = self.from {
            filters.from = clamp(from);
        }
        if let Some(to) = self.to {
            filters.to = clamp(to);
        }
        if filters.from > filters.to {
            (filters.from, filters.to) = bounds;
        }
    }

    /// Records the current filters.
    pub fn record_filters(&mut self, filters: &Filters) {
        self.governorates = filters
            .governorates
            .as_ref()
            .map(|s| s.iter().map(ToString::to_string).collect());
        self.from = Some(filters.from);
        self.to = Some(filters.to);
    }

    /// The saved basis, or displacement.
    #[must_use]
    pub fn basis(&self) -> Basis {
        Basis::parse(&self.basis).unwrap_or(Basis::Displacement)
    }

    /// The saved view choices.
    #[must_use]
    pub fn choices(&self) -> Choices {
        Choices {
            basis: self.basis(),
            show_comparisons: self.show_comparisons,
            camp_comparisons: self.show_camp_comparisons,
            show_events: self.show_events,
            all_events: self.all_events,
        }
    }

    /// Records the view choices.
    pub fn record_choices(&mut self, choices: &Choices) {
        self.basis = choices.basis.as_str().into();
        self.show_comparisons = choices.show_comparisons;
        self.show_camp_comparisons = choices.camp_comparisons;
        self.show_events = choices.show_events;
        self.all_events = choices.all_events;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_or_partial_settings_fall_back_to_defaults() {
        let s: Settings = serde_json::from_str(r#"{"theme":"dark","unknown_field":1}"#).unwrap();
        assert_eq!(s.theme, ThemeChoice::Dark);
        assert!(s.show_events);
        assert!(serde_json::from_str::<Settings>("not json").is_err());
    }

    #[test]
    fn choices_round_trip_through_the_saved_fields() {
        let mut s = Settings::default();
        assert_eq!(s.choices(), Choices::default());
        let c = Choices {
            basis: Basis::InCamp,
            show_comparisons: false,
            camp_comparisons: true,
            show_events: false,
            all_events: true,
        };
        s.record_choices(&c);
        assert_eq!(s.basis, "in_camp");
        assert_eq!(s.choices(), c);
    }

    #[test]
    fn filters_round_trip_and_bad_values_are_dropped() {
        let mut s = Settings::default();
        let f = Filters {
            governorates: Some([Pcode::new(15).unwrap()].into()),
            from: 2017,
            to: 2020,
        };
        s.record_filters(&f);
        let mut g = Filters {
            governorates: None,
            from: 2014,
            to: 2024,
        };
        s.apply_filters(&mut g, (2014, 2024), 18);
        assert_eq!(g, f);
        s.governorates = Some(vec!["IQG99".into(), "junk".into()]);
        s.from = Some(1990);
        s.to = Some(2100);
        s.apply_filters(&mut g, (2014, 2024), 18);
        assert_eq!((g.from, g.to), (2014, 2024));
        assert_eq!(
            g.governorates, f.governorates,
            "unreadable codes change nothing"
        );
        s.governorates = Some(Vec::new());
        s.apply_filters(&mut g, (2014, 2024), 18);
        assert_eq!(
            g.governorates,
            Some(std::collections::BTreeSet::default()),
            "none selected stays none"
        );
    }
}
