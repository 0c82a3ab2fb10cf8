//! The rows behind each exportable chart: every figure a chart draws, with what its
//! CSV export says about it (DESIGN §7 "Exported tables").
//!
//! One source of truth: the chart builders in [`super::charts`] push a point and its
//! row in the same step (`*_with_rows`), so a chart and its table always hold the same
//! figures — one row per point drawn, the same value — for the same filters. Rows keep
//! the typed values (dates, codes, P-codes); turning them into text is the exporter's
//! job.

use chrono::NaiveDate;

use crate::data::{
    Basis, CampDefinition, CampEventKind, CampScope, Dataset, DatePrecision, NationalSeries, Pcode,
};
use crate::model::ChartSpec;

/// A chart and the rows of the figures it draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Charted<R> {
    pub spec: ChartSpec,
    pub rows: Vec<R>,
}

/// One IDP figure drawn by the IDP or governorate chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdpRow {
    pub date: NaiveDate,
    pub date_precision: DatePrecision,
    /// `dtm`, `unhcr_year_end`, `idmc_stock`…; for governorate tables `dtm` when DTM
    /// published them, `unhcr_year_end` for UNHCR's reproduction of DTM's tables,
    /// `user_file` for a loaded file, `secondary` otherwise.
    pub series: &'static str,
    pub round: Option<u32>,
    /// The governorates summed (empty for national figures and remainders).
    pub pcodes: Vec<Pcode>,
    /// "Iraq", "Ninewa", "Dahuk, Ninewa", "Other governorates", "Other / not published".
    pub governorate: String,
    pub basis: Basis,
    pub value: u64,
    pub source_id: String,
    /// The label of the chart series that draws this figure.
    pub legend: String,
}

/// What a camps row counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampMeasure {
    /// Camps open on a date.
    CampsOpen,
    /// People (individuals) in camps on a date.
    PeopleInCamps,
    /// A named camp closed, reclassified or consolidated.
    Closure,
}

impl CampMeasure {
    /// The token written in CSV.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            CampMeasure::CampsOpen => "camps_open",
            CampMeasure::PeopleInCamps => "people_in_camps",
            CampMeasure::Closure => "closure",
        }
    }
}

/// One figure drawn by the camps charts (camps open, people in camps, closures).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampRow {
    pub date: NaiveDate,
    pub date_precision: DatePrecision,
    pub measure: CampMeasure,
    /// The count's definition (counts only).
    pub definition: Option<CampDefinition>,
    /// The count's scope (counts only).
    pub scope: Option<CampScope>,
    /// The camp's name (closures only).
    pub camp: String,
    /// What happened to the camp (closures only).
    pub event: Option<CampEventKind>,
    /// The camp's governorate (closures only).
    pub pcode: Option<Pcode>,
    /// The count (camps or individuals); `None` for a closure, which is an event.
    pub value: Option<u64>,
    pub source_id: String,
    /// The label of the chart series that draws this figure.
    pub legend: String,
}

/// True when figures of this source came from the user's files.
#[must_use]
pub fn is_user_source(dataset: &Dataset, source_id: &str) -> bool {
    source_id.starts_with("file:") || dataset.user_sources.contains(source_id)
}

/// The series token of a national DTM figure: `dtm_user` when it comes from the
/// user's complete table, `dtm` otherwise.
#[must_use]
pub fn national_series(dataset: &Dataset, source_id: &str) -> &'static str {
    if is_user_source(dataset, source_id) {
        NationalSeries::DtmUser.as_str()
    } else {
        NationalSeries::Dtm.as_str()
    }
}

/// The series token of a governorate table's source: `dtm` for IOM DTM's own tables,
/// `unhcr_year_end` for UNHCR's reproduction of them (the end-2024 and end-2025
/// tables), `user_file` for a loaded file, `secondary` for second-hand tables.
#[must_use]
pub fn table_series(dataset: &Dataset, source_id: &str) -> &'static str {
    if is_user_source(dataset, source_id) {
        return "user_file";
    }
    if crate::query::idps::table_basis(dataset, source_id)
        == crate::query::idps::FigureBasis::DtmViaUnhcr
    {
        return NationalSeries::UnhcrYearEnd.as_str();
    }
    match dataset.source(source_id) {
        Some(s) if s.publisher.contains("IOM") || s.publisher.contains("DTM") => {
            NationalSeries::Dtm.as_str()
        }
        _ => "secondary",
    }
}

/// How precisely a DTM date is known: that of the national DTM point of the same date,
/// or a day when there is none.
#[must_use]
pub fn dtm_date_precision(dataset: &Dataset, date: NaiveDate) -> DatePrecision {
    dataset
        .idps_national
        .iter()
        .find(|p| p.series == NationalSeries::Dtm && p.date == date)
        .map_or(DatePrecision::Day, |p| p.date_precision)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_series_names_dtm_files_and_others() {
        let ds = Dataset::bundled().unwrap();
        assert_eq!(table_series(&ds, "dtm_api_admin1"), "dtm");
        assert_eq!(table_series(&ds, "file:mine.csv"), "user_file");
        assert_eq!(table_series(&ds, "no-such-source"), "secondary");
        assert_eq!(
            table_series(&ds, "c_unhcr_rdf_demog_2025"),
            "unhcr_year_end"
        );
        assert_eq!(national_series(&ds, "dtm_api_admin0"), "dtm");
        assert_eq!(national_series(&ds, "file:mine.csv"), "dtm_user");
    }

    #[test]
    fn dtm_dates_take_the_national_precision() {
        let ds = Dataset::bundled().unwrap();
        let april_2014 = NaiveDate::from_ymd_opt(2014, 4, 1).unwrap();
        assert_eq!(dtm_date_precision(&ds, april_2014), DatePrecision::Month);
        let none = NaiveDate::from_ymd_opt(1999, 1, 1).unwrap();
        assert_eq!(dtm_date_precision(&ds, none), DatePrecision::Day);
    }
}
