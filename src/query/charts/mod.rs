//! Plot-ready charts built from the dataset and the filters, one file per chart.
//!
//! Every chart carries its title, unit, a subtitle saying what the figures cover,
//! a source line naming the publishers of the series drawn, the event markers in
//! range, and the message to show when nothing is in range. Figures with no
//! governorate breakdown say so (`national_only`) and ignore the governorate filter.

mod camps;
mod colours;
pub mod compare;
mod funding;
mod governorates;
mod idps;

pub use camps::{camp_people, camp_people_with_rows, camps_open, camps_open_with_rows};
pub use colours::{GovernorateColours, governorate_colours};
pub use funding::{
    OUTSIDE_APPEAL, REGIONAL_FUNDED, REGIONAL_REQUIRED, coverage, flow_note, funding,
};
pub use governorates::{basis_title, governorates, governorates_with_rows};
pub use idps::{idps_over_time, idps_with_rows};

use chrono::Datelike;

use super::filters::year_bounds;
use super::{Filters, cards};
use crate::data::Dataset;
use crate::model::{AfterData, Marker, Series, date_as_known, day_number};

/// Credit line IOM's terms ask for on every DTM figure.
pub const DTM_CREDIT: &str =
    "International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)";

/// The dated events in range, as markers: the events table's milestones are the key
/// events drawn by default, each with its short title (its title when it has none).
#[must_use]
pub fn markers(dataset: &Dataset, filters: &Filters) -> Vec<Marker> {
    let mut events: Vec<&crate::data::Event> = dataset
        .events
        .iter()
        .filter(|e| filters.contains(e.date))
        .collect();
    events.sort_by_key(|e| e.date);
    events
        .into_iter()
        .map(|e| Marker {
            x: day_number(e.date),
            label: format!(
                "{} \u{b7} {}",
                date_as_known(e.date, e.date_precision),
                e.title
            ),
            short_label: e.short_title.clone().unwrap_or_else(|| e.title.clone()),
            key: e.milestone,
            category: e.category.as_str().to_string(),
            source_id: e.source_id.clone(),
        })
        .collect()
}

/// The events after the data's last year ([`year_bounds`]), for the "after the
/// data" strip (DESIGN §7), when the range reaches that year; otherwise none (the
/// range ends before the data does, and later events are simply out of range).
#[must_use]
pub fn after_data(dataset: &Dataset, filters: &Filters) -> Vec<AfterData> {
    let (_, last_year) = year_bounds(dataset);
    if filters.to < last_year {
        return Vec::new();
    }
    let mut events: Vec<&crate::data::Event> = dataset
        .events
        .iter()
        .filter(|e| e.date.year() > last_year.max(filters.to))
        .collect();
    events.sort_by_key(|e| e.date);
    events
        .into_iter()
        .map(|e| AfterData {
            date: date_as_known(e.date, e.date_precision),
            title: e.title.clone(),
            short_title: e.short_title.clone().unwrap_or_else(|| e.title.clone()),
            key: e.milestone,
            source_id: e.source_id.clone(),
        })
        .collect()
}

/// "Source: A; B" naming the publishers of these source ids once each, in order.
/// Any IOM or DTM publication is credited as IOM's terms ask.
#[must_use]
pub fn source_line<'a>(dataset: &Dataset, ids: impl IntoIterator<Item = &'a str>) -> String {
    let mut names: Vec<String> = Vec::new();
    for id in ids {
        let name = match dataset.source(id) {
            // A user's file is named as such: "your file: NAME".
            _ if id.starts_with("file:") => user_file_name(id),
            Some(s) if s.publisher.contains("IOM") || s.publisher.contains("DTM") => {
                DTM_CREDIT.to_string()
            }
            Some(s) => publisher_name(&s.publisher),
            None => continue,
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if names.is_empty() {
        String::new()
    } else {
        format!("Source: {}", names.join("; "))
    }
}

/// "your file: NAME" for the source id `file:NAME` of a user's file.
#[must_use]
pub fn user_file_name(id: &str) -> String {
    format!("your file: {}", id.strip_prefix("file:").unwrap_or(id))
}

/// The source line of every point the series draw.
#[must_use]
pub fn series_source_line(dataset: &Dataset, series: &[Series]) -> String {
    source_line(
        dataset,
        series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.source_id.as_str())),
    )
}

/// A publisher without the "(via `ReliefWeb`)" style notes of where it was read.
#[must_use]
pub fn publisher_name(publisher: &str) -> String {
    publisher
        .split(" (")
        .next()
        .unwrap_or(publisher)
        .trim()
        .to_string()
}

/// What the figures cover: "Ninewa · 2017–2024", or for national-only figures
/// "Iraq, national figures (governorate filter Ninewa not applicable) · 2017–2024".
#[must_use]
pub fn subtitle(dataset: &Dataset, filters: &Filters, national_only: bool) -> String {
    let years = cards::years(filters);
    match (&filters.governorates, national_only) {
        (Some(_), true) => format!(
            "Iraq, national figures (governorate filter {} not applicable) \u{b7} {years}",
            cards::place(dataset, filters)
        ),
        (None, true) => format!("Iraq, national figures \u{b7} {years}"),
        _ => format!("{} \u{b7} {years}", cards::place(dataset, filters)),
    }
}

/// The message for a chart with nothing in range.
#[must_use]
pub fn empty_message(filters: &Filters, what: &str) -> String {
    match &filters.governorates {
        Some(s) if s.is_empty() => "No governorate selected".into(),
        _ => format!("No {what} in {}", cards::years(filters)),
    }
}

pub use crate::model::mid_year;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Source;

    fn source(id: &str, publisher: &str) -> Source {
        Source {
            id: id.into(),
            publisher: publisher.into(),
            title: "t".into(),
            published: "2024".into(),
            url: "https://example.org".into(),
            note: None,
        }
    }

    #[test]
    fn source_line_credits_dtm_and_names_each_publisher_once() {
        let mut ds = Dataset::default();
        ds.sources.extend([
            source("a", "IOM DTM (via ReliefWeb)"),
            source("b", "IOM DTM"),
            source("c", "UNHCR (via ReliefWeb)"),
        ]);
        assert_eq!(
            source_line(&ds, ["a", "b", "c", "missing"]),
            format!("Source: {DTM_CREDIT}; UNHCR")
        );
        assert_eq!(source_line(&ds, []), "");
    }

    #[test]
    fn the_key_events_are_the_bundled_milestones_with_short_labels() {
        let ds = Dataset::bundled().unwrap();
        let all = Filters {
            governorates: None,
            from: 2014,
            to: 2025,
        };
        let markers = markers(&ds, &all);
        let key: Vec<(String, &str)> = markers
            .iter()
            .filter(|m| m.key)
            .map(|m| {
                let date = crate::model::date_of_day_number(m.x).unwrap().to_string();
                (date, m.short_label.as_str())
            })
            .collect();
        let expected = [
            ("2014-06-09", "Mosul falls"),
            ("2017-07-10", "Mosul retaken"),
            ("2020-10-14", "Federal camp closures"),
            ("2021-05-01", "al-Hol returns begin"),
            ("2021-12-09", "Coalition: advise, assist"),
            ("2024-09-17", "UNITAD ends"),
            ("2025-12-31", "UNAMI ends"),
        ];
        let expected: Vec<(String, &str)> = expected
            .iter()
            .map(|(d, l)| ((*d).to_string(), *l))
            .collect();
        assert_eq!(key, expected);
        assert!(
            markers.len() > 20,
            "the other events stay, behind the toggle"
        );
        assert!(markers.windows(2).all(|w| w[0].x <= w[1].x));
        // An event with no short title is labelled with its title; the key says the
        // date as precisely as it is known.
        let camps = markers
            .iter()
            .find(|m| m.short_label == "Camp closures in Ninewa and Salah al-Din")
            .unwrap();
        assert_eq!(
            camps.label,
            "Aug 2019 \u{b7} Camp closures in Ninewa and Salah al-Din"
        );
        assert!(!camps.key);
        assert_eq!(camps.category, "camps");
        assert!(ds.source(&camps.source_id).is_some());
    }

    #[test]
    fn subtitles_say_when_the_filter_does_not_apply() {
        let ds = Dataset::empty().unwrap();
        let f = Filters {
            governorates: Some([crate::data::Pcode::new(15).unwrap()].into()),
            from: 2017,
            to: 2024,
        };
        assert_eq!(
            subtitle(&ds, &f, true),
            "Iraq, national figures (governorate filter Ninewa not applicable) \u{b7} 2017\u{2013}2024"
        );
        assert_eq!(subtitle(&ds, &f, false), "Ninewa \u{b7} 2017\u{2013}2024");
    }

    #[test]
    fn empty_messages_name_the_range_or_the_empty_selection() {
        let mut f = Filters {
            governorates: None,
            from: 2019,
            to: 2020,
        };
        assert_eq!(
            empty_message(&f, "camp counts"),
            "No camp counts in 2019\u{2013}2020"
        );
        f.governorates = Some(std::collections::BTreeSet::new());
        assert_eq!(empty_message(&f, "camp counts"), "No governorate selected");
    }
}
