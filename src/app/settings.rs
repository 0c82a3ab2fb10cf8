//! The user's choices that persist between runs (never the data).
//!
//! Every field has a default (`serde(default)`), so a settings file from an older
//! version, or a corrupt one, falls back to defaults instead of failing start-up.

use serde::{Deserialize, Serialize};

use crate::domain::{Basis, Pcode};
use crate::domain::{Choices, Filters};

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
    /// What the map colours the governorates by.
    pub map_measure: crate::domain::MapMeasure,
    /// The briefing sheet carries the briefing paragraph (the export dialog's choice).
    pub sheet_text: bool,
    /// The compare panel's dates (`None`: its defaults) and whether it offers
    /// partial tables.
    pub compare_from: Option<chrono::NaiveDate>,
    pub compare_to: Option<chrono::NaiveDate>,
    pub compare_partial: bool,
    /// Recently opened files (paths only, never contents), newest first.
    pub recent: Vec<String>,
    /// Column mappings the user assigned, by file header.
    pub mappings: crate::domain::RememberedMappings,
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
            map_measure: crate::domain::MapMeasure::Displacement,
            sheet_text: false,
            compare_from: None,
            compare_to: None,
            compare_partial: false,
            recent: Vec::new(),
            mappings: crate::domain::RememberedMappings::default(),
        }
    }
}

/// The name eframe keeps the settings under (`run_native`'s app name), and so the
/// folder of its `app.ron` ([`eframe::storage_dir`]).
pub const APP_NAME: &str = "displacement-dashboard";

/// The settings file eframe reads at start, if the platform has a place for it.
#[must_use]
pub fn settings_file() -> Option<std::path::PathBuf> {
    eframe::storage_dir(APP_NAME).map(|dir| dir.join("app.ron"))
}

/// The settings to start with, and what to say once when they could not be used.
///
/// Never fails: a missing file is a first start (defaults, nothing said); our entry
/// unreadable (damaged, or written by a newer version with values this one does not
/// know) gives the defaults and a notice; so does a settings `file` that eframe
/// could not read at all (truncated or corrupt: eframe then holds no entry, not even
/// its own `window` and `egui` ones). Fields this version lacks are ignored and
/// fields it adds take their defaults (`serde(default)`): no notice for either.
#[must_use]
pub fn load(
    storage: Option<&dyn eframe::Storage>,
    file: Option<&std::path::Path>,
) -> (Settings, Option<String>) {
    const NOTICE: &str =
        "Saved settings could not be read (damaged, or from a newer version): using the defaults";
    let Some(storage) = storage else {
        return (Settings::default(), None);
    };
    if storage.get_string(STORAGE_KEY).is_some() {
        return match eframe::get_value::<Settings>(storage, STORAGE_KEY) {
            Some(settings) => (settings, None),
            None => (Settings::default(), Some(NOTICE.into())),
        };
    }
    let eframe_read_it = ["window", "egui"]
        .iter()
        .any(|k| storage.get_string(k).is_some());
    let unreadable_file = file
        .and_then(|f| std::fs::metadata(f).ok())
        .is_some_and(|m| m.len() > 0);
    if unreadable_file && !eframe_read_it {
        return (Settings::default(), Some(NOTICE.into()));
    }
    (Settings::default(), None)
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
            map_measure: self.map_measure,
            map_date: None,
            map_tiles: false,
            sheet_text: self.sheet_text,
            compare_from: self.compare_from,
            compare_to: self.compare_to,
            compare_partial: self.compare_partial,
        }
    }

    /// Records the view choices.
    pub fn record_choices(&mut self, choices: &Choices) {
        self.basis = choices.basis.as_str().into();
        self.show_comparisons = choices.show_comparisons;
        self.show_camp_comparisons = choices.camp_comparisons;
        self.show_events = choices.show_events;
        self.all_events = choices.all_events;
        self.map_measure = choices.map_measure;
        self.sheet_text = choices.sheet_text;
        self.compare_from = choices.compare_from;
        self.compare_to = choices.compare_to;
        self.compare_partial = choices.compare_partial;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::Storage as _;

    #[test]
    fn old_or_partial_settings_fall_back_to_defaults() {
        let s: Settings = serde_json::from_str(r#"{"theme":"dark","unknown_field":1}"#).unwrap();
        assert_eq!(s.theme, ThemeChoice::Dark);
        assert!(s.show_events);
        assert!(serde_json::from_str::<Settings>("not json").is_err());
    }

    /// An in-memory eframe storage.
    #[derive(Default)]
    struct Memory(std::collections::HashMap<String, String>);

    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.into(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    fn stored(value: &str) -> Memory {
        let mut m = Memory::default();
        m.set_string(STORAGE_KEY, value.into());
        m
    }

    #[test]
    fn saved_settings_load_and_a_first_start_says_nothing() {
        let mut saved = Settings {
            theme: ThemeChoice::Dark,
            ..Settings::default()
        };
        saved.recent.push("/tmp/made-up.csv".into());
        let mut m = Memory::default();
        eframe::set_value(&mut m, STORAGE_KEY, &saved);
        assert_eq!(load(Some(&m), None), (saved, None));
        assert_eq!(
            load(Some(&Memory::default()), None),
            (Settings::default(), None)
        );
        assert_eq!(load(None, None), (Settings::default(), None));
    }

    #[test]
    fn corrupt_truncated_or_future_settings_fall_back_to_defaults_and_say_so() {
        let mut m = Memory::default();
        eframe::set_value(&mut m, STORAGE_KEY, &Settings::default());
        let whole = m.get_string(STORAGE_KEY).expect("saved");
        let cases = [
            ("corrupt", "\u{0}\u{1}not ron at all{{{".to_string()),
            ("truncated", whole[..whole.len() / 2].to_string()),
            // A newer version that made `theme` an object and added a variant.
            (
                "future",
                whole.replace("theme:system", "theme:custom(accent:\"teal\")"),
            ),
            (
                "future",
                whole.replace("from:None", "from:Some(\"2014-01\")"),
            ),
        ];
        for (what, value) in cases {
            assert_ne!(value, whole, "{what}");
            let (settings, notice) = load(Some(&stored(&value)), None);
            assert_eq!(settings, Settings::default(), "{what}: {value}");
            assert!(
                notice
                    .as_deref()
                    .is_some_and(|n| n.starts_with("Saved settings could not be read")),
                "{what}"
            );
        }
        // Fields a newer version added are ignored, not a reason to drop the rest.
        let extra = whole.replacen('(', "(layout_v9:(columns:3),", 1);
        let (settings, notice) = load(Some(&stored(&extra)), None);
        assert_eq!((settings, notice), (Settings::default(), None), "{extra}");
    }

    #[test]
    fn a_settings_file_eframe_could_not_read_at_all_is_said_once() {
        let dir = std::env::temp_dir().join(format!("dd-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("app.ron");
        // eframe read nothing from a truncated file: no entries at all.
        std::fs::write(&file, "{\"displacement-dashboard-settings\": \"(theme:Da").unwrap();
        let (settings, notice) = load(Some(&Memory::default()), Some(&file));
        assert_eq!(settings, Settings::default());
        assert!(notice.is_some());
        // A file eframe did read (its own window entry is there) is no problem.
        let mut m = Memory::default();
        m.set_string("window", "()".into());
        assert_eq!(load(Some(&m), Some(&file)), (Settings::default(), None));
        // No file, or an empty one: a first start.
        std::fs::write(&file, "").unwrap();
        assert_eq!(load(Some(&Memory::default()), Some(&file)).1, None);
        assert_eq!(
            load(Some(&Memory::default()), Some(&dir.join("none.ron"))).1,
            None
        );
        std::fs::remove_dir_all(&dir).unwrap();
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
            map_measure: crate::domain::MapMeasure::Change,
            map_date: None,
            map_tiles: false,
            sheet_text: true,
            compare_from: chrono::NaiveDate::from_ymd_opt(2017, 12, 31),
            compare_to: chrono::NaiveDate::from_ymd_opt(2025, 12, 31),
            compare_partial: true,
        };
        s.record_choices(&c);
        assert_eq!(s.basis, "in_camp");
        assert_eq!(s.choices(), c);
    }

    #[test]
    fn the_compare_dates_are_saved_as_iso_dates_and_default_when_absent() {
        let s = Settings {
            compare_from: chrono::NaiveDate::from_ymd_opt(2017, 12, 31),
            ..Settings::default()
        };
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""compare_from":"2017-12-31""#), "{json}");
        assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), s);
        // Settings saved before the compare panel existed.
        let old: Settings = serde_json::from_str(r#"{"basis":"origin"}"#).unwrap();
        assert_eq!((old.compare_from, old.compare_to), (None, None));
        assert!(!old.compare_partial);
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
