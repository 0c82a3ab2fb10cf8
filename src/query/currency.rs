//! How current the loaded data is, series by series: one line for the status bar,
//! the plain `summary`, the Data window and the exports ("DTM rounds to Apr 2024 ·
//! DTM-based (UNHCR) to end 2025 · camps to Jan 2026 · FTS as of 18 Apr 2026").
//!
//! It describes the whole dataset, not the filters: the newest date of each series,
//! as precisely as that date is known. A series that is not loaded is left out.

use chrono::{Datelike, NaiveDate};

use super::idps;
use crate::data::{Dataset, DatePrecision, NationalSeries};
use crate::model::long_date;

/// The newest date of each series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency {
    /// DTM's last round (bundled `dtm`).
    pub dtm_rounds_to: Option<NaiveDate>,
    /// The last year-end of DTM's continuation as UNHCR publishes it.
    pub dtm_via_unhcr_to: Option<NaiveDate>,
    /// The newest national figure of a user's DTM table (`dtm_user`).
    pub user_dtm_to: Option<NaiveDate>,
    /// The newest camp count, and how precisely its date is known.
    pub camps_to: Option<(NaiveDate, DatePrecision)>,
    /// The newest FTS copy any funding row was read from (`YYYY-MM-DD` as published).
    pub fts_as_of: Option<String>,
}

/// How current each series of the dataset is.
#[must_use]
pub fn currency(dataset: &Dataset) -> Currency {
    let user_dtm_to = dataset
        .idps_national
        .iter()
        .filter(|p| p.series == NationalSeries::DtmUser)
        .map(|p| p.date)
        .max();
    let camps_to = dataset
        .camp_counts
        .iter()
        .max_by_key(|c| c.date)
        .map(|c| (c.date, c.date_precision));
    let fts_as_of = dataset
        .funding
        .iter()
        .filter_map(|r| dataset.source(&r.source_id))
        .map(|s| s.published.clone())
        .filter(|p| !p.is_empty())
        .max();
    Currency {
        dtm_rounds_to: idps::last_dtm_round(dataset),
        dtm_via_unhcr_to: idps::continuation_dates(dataset).into_iter().max(),
        user_dtm_to,
        camps_to,
        fts_as_of,
    }
}

/// "Apr 2024", or "2026" for a date known only by its year.
fn month_or_year(date: NaiveDate, precision: DatePrecision) -> String {
    match precision {
        DatePrecision::Year => date.year().to_string(),
        DatePrecision::Day | DatePrecision::Month => date.format("%b %Y").to_string(),
    }
}

/// "end 2025" for 31 December, else the date.
fn year_end_or_date(date: NaiveDate) -> String {
    if date.month() == 12 && date.day() == 31 {
        format!("end {}", date.year())
    } else {
        long_date(date)
    }
}

/// "18 Apr 2026" for an ISO date, else the text as published ("2026-02").
fn published_date(published: &str) -> String {
    NaiveDate::parse_from_str(published, "%Y-%m-%d").map_or_else(|_| published.into(), long_date)
}

impl Currency {
    /// The parts of the line, in order.
    #[must_use]
    pub fn parts(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(d) = self.dtm_rounds_to {
            parts.push(format!(
                "DTM rounds to {}",
                month_or_year(d, DatePrecision::Month)
            ));
        }
        if let Some(d) = self.dtm_via_unhcr_to {
            parts.push(format!("DTM-based (UNHCR) to {}", year_end_or_date(d)));
        }
        if let Some(d) = self.user_dtm_to {
            parts.push(format!("your DTM files to {}", long_date(d)));
        }
        if let Some((d, precision)) = self.camps_to {
            parts.push(format!("camps to {}", month_or_year(d, precision)));
        }
        if let Some(d) = &self.fts_as_of {
            parts.push(format!("FTS as of {}", published_date(d)));
        }
        parts
    }

    /// The line: "DTM rounds to Apr 2024 · DTM-based (UNHCR) to end 2025 · camps to
    /// Jan 2026 · FTS as of 18 Apr 2026"; empty when nothing is loaded.
    #[must_use]
    pub fn text(&self) -> String {
        self.parts().join(" \u{b7} ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_data_says_how_current_each_series_is() {
        let ds = Dataset::bundled().unwrap();
        let c = currency(&ds);
        assert_eq!(c.dtm_rounds_to, NaiveDate::from_ymd_opt(2024, 4, 30));
        assert_eq!(c.dtm_via_unhcr_to, NaiveDate::from_ymd_opt(2025, 12, 31));
        assert_eq!(c.fts_as_of.as_deref(), Some("2026-04-18"));
        assert_eq!(
            c.text(),
            "DTM rounds to Apr 2024 \u{b7} DTM-based (UNHCR) to end 2025 \u{b7} camps to Jan 2026 \u{b7} FTS as of 18 Apr 2026"
        );
    }

    #[test]
    fn nothing_loaded_says_nothing() {
        assert_eq!(currency(&Dataset::default()).text(), "");
        assert_eq!(published_date("2026-02"), "2026-02");
        assert_eq!(
            month_or_year(
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                DatePrecision::Year
            ),
            "2026"
        );
    }
}
