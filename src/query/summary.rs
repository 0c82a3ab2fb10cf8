//! The headline figures as one serialisable object: `summary --json` (DESIGN §3).
//!
//! Field names are a contract: add freely, never rename. A block whose tables are
//! not loaded is `null`.

use serde::Serialize;

use super::{Filters, camps, currency, funding, idps, round1};
use crate::data::{Dataset, Pcode};

/// The whole summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub filters: FiltersOut,
    pub idps: Option<IdpsOut>,
    pub camps: Option<CampsOut>,
    pub funding: Option<FundingOut>,
    /// How current each series of the loaded data is (whatever the filters).
    pub data_as_of: DataAsOfOut,
}

/// The newest date of each series, and the line the status bar shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataAsOfOut {
    pub dtm_rounds_to: Option<String>,
    pub dtm_via_unhcr_to: Option<String>,
    pub camps_to: Option<String>,
    pub fts_as_of: Option<String>,
    pub text: String,
}

/// The filters the figures answer to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FiltersOut {
    /// Selected P-codes; empty with `scope` "national" when there is no filter.
    pub governorates: Vec<Pcode>,
    /// "national" (no filter), "governorates" or "none" (nothing selected).
    pub scope: &'static str,
    pub from: i32,
    pub to: i32,
}

/// One point of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointOut {
    pub date: String,
    pub value: u64,
    pub source_id: String,
    pub round: Option<u32>,
    /// `dtm` (DTM's own figure) or `dtm_via_unhcr` (DTM's figure as UNHCR
    /// republished it, after DTM's last round; never a round).
    pub basis: &'static str,
    /// "IOM DTM" or "IOM DTM figures as published by UNHCR".
    pub published_as: &'static str,
}

impl From<&idps::IdpPoint> for PointOut {
    fn from(p: &idps::IdpPoint) -> Self {
        PointOut {
            date: p.date.to_string(),
            value: p.value,
            source_id: p.source_id.clone(),
            round: p.round,
            basis: p.basis.as_str(),
            published_as: p.basis.words(),
        }
    }
}

/// Current IDPs + returnees.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SinceOut {
    pub date: Option<String>,
    /// `null` under a governorate filter (returnees are national only).
    pub value: Option<u64>,
    pub source_id: Option<String>,
    /// `national_only` when the filter has no breakdown and `national` is given.
    pub scope: Option<&'static str>,
    pub national: Option<PointOut>,
    /// A later, second-hand IDPs-plus-returnees figure, for comparison only.
    pub comparison: Option<SinceComparisonOut>,
}

/// A second-hand figure beside "displaced since 2014" (never the headline).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SinceComparisonOut {
    pub date: String,
    pub value: u64,
    pub idps: u64,
    pub returnees: u64,
    pub source_id: String,
}

/// IDP figures (IOM DTM).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IdpsOut {
    /// The series the figures come from.
    pub series: &'static str,
    pub latest: Option<PointOut>,
    pub first: Option<PointOut>,
    pub peak: Option<PointOut>,
    pub change_pct: Option<f64>,
    pub change_from_peak_pct: Option<f64>,
    /// `year_end_rounds` under a governorate filter.
    pub resolution: Option<&'static str>,
    /// With no national series loaded: how many governorates the figures sum.
    pub coverage: Option<CoverageOut>,
    pub displaced_since_2014: SinceOut,
    /// Dates in range where a user's file says something else than the bundled
    /// figure (which is the one used).
    pub differences_from_user_files: Vec<DifferenceOut>,
    /// DTM's last round in range (bundled, national figures only).
    pub last_round: Option<PointOut>,
    /// DTM's continuation after its last round, when it is in range.
    pub continuation: Option<ContinuationOut>,
}

/// The DTM-based continuation after DTM's last round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContinuationOut {
    /// The series of `idps_national.csv` it is read from (`unhcr_year_end`).
    pub series: &'static str,
    pub basis: &'static str,
    pub label: &'static str,
    /// Its points in range.
    pub points: Vec<PointOut>,
}

/// A user's figure beside the bundled one of the same date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DifferenceOut {
    pub date: String,
    pub user_value: u64,
    pub user_source_id: String,
    pub bundled_value: u64,
    pub bundled_source_id: String,
}

/// `{"governorates": N, "of": 18}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageOut {
    pub governorates: usize,
    pub of: usize,
}

/// Camp figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CampsOut {
    pub open_at_end: Option<u64>,
    pub open_at_end_date: Option<String>,
    pub open_at_end_definition: Option<&'static str>,
    pub open_at_end_scope: Option<String>,
    /// False when, under a governorate filter, the count is of a wider area (there
    /// is no count of the selection's own).
    pub open_at_end_follows_filter: bool,
    pub people_at_end: Option<u64>,
    pub people_unit: Option<&'static str>,
    pub source_id: Option<String>,
    /// Named camps with a closed, reclassified or consolidated event in range.
    pub closures_in_range: usize,
    pub closures: Vec<String>,
}

/// One appeal year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FundingYearOut {
    pub year: i32,
    pub requirements_usd: u64,
    pub funding_usd: u64,
    pub coverage_pct: Option<f64>,
    pub coverage_reported_pct: Option<f64>,
    pub reported_on: Option<String>,
}

/// Funding figures (OCHA FTS).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FundingOut {
    pub years: Vec<FundingYearOut>,
    pub coverage_pct: Option<f64>,
    pub fts_as_of: Option<String>,
    pub no_appeal_years: Vec<i32>,
    /// For years with no Iraq appeal: what FTS reports outside any appeal and for
    /// Iraq's part of the regional refugee plan. Never part of `coverage_pct`.
    pub beside_appeals: Vec<BesideAppealsOut>,
}

/// One year of [`funding::BesideAppeals`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BesideAppealsOut {
    pub year: i32,
    pub outside_appeal_usd: Option<u64>,
    pub regional_refugee_requirements_usd: Option<u64>,
    pub regional_refugee_funding_usd: Option<u64>,
    /// The outside-appeal figure plus the regional plan's Iraq funding.
    pub total_humanitarian_usd: u64,
    pub source_ids: Vec<String>,
}

/// Builds the summary for the filters.
#[must_use]
pub fn summary(dataset: &Dataset, filters: &Filters) -> Summary {
    let filters_out = FiltersOut {
        governorates: filters
            .governorates
            .as_ref()
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default(),
        scope: match &filters.governorates {
            None => "national",
            Some(s) if s.is_empty() => "none",
            Some(_) => "governorates",
        },
        from: filters.from,
        to: filters.to,
    };
    let has_idps = !dataset.idps_national.is_empty() || !dataset.idps_governorate.is_empty();
    let has_camps = !dataset.camps.is_empty() || !dataset.camp_counts.is_empty();
    Summary {
        filters: filters_out,
        idps: has_idps.then(|| idps_out(dataset, filters)),
        camps: has_camps.then(|| camps_out(dataset, filters)),
        funding: (!dataset.funding.is_empty()).then(|| funding_out(dataset, filters)),
        data_as_of: data_as_of(dataset),
    }
}

fn data_as_of(dataset: &Dataset) -> DataAsOfOut {
    let c = currency::currency(dataset);
    DataAsOfOut {
        dtm_rounds_to: c.dtm_rounds_to.map(|d| d.to_string()),
        dtm_via_unhcr_to: c.dtm_via_unhcr_to.map(|d| d.to_string()),
        camps_to: c.camps_to.map(|(d, _)| d.to_string()),
        fts_as_of: c.fts_as_of.clone(),
        text: c.text(),
    }
}

fn idps_out(dataset: &Dataset, filters: &Filters) -> IdpsOut {
    let h = idps::headline(dataset, filters);
    let since = &h.displaced_since_2014;
    let comparison = since.comparison.as_ref().map(|c| SinceComparisonOut {
        date: c.date.to_string(),
        value: c.total(),
        idps: c.idps,
        returnees: c.returnees,
        source_id: c.source_id.clone(),
    });
    let displaced_since_2014 = match (&since.point, &since.national) {
        (Some(p), _) => SinceOut {
            date: Some(p.date.to_string()),
            value: Some(p.value),
            source_id: Some(p.source_id.clone()),
            scope: None,
            national: None,
            comparison,
        },
        (None, national) => SinceOut {
            date: None,
            value: None,
            source_id: None,
            scope: national.as_ref().map(|_| "national_only"),
            national: national.as_ref().map(PointOut::from),
            comparison,
        },
    };
    let national = filters.is_national();
    let continuation = idps::continuation(dataset, filters);
    let continuation = (national && !continuation.is_empty()).then(|| ContinuationOut {
        series: crate::data::NationalSeries::UnhcrYearEnd.as_str(),
        basis: idps::FigureBasis::DtmViaUnhcr.as_str(),
        label: idps::DTM_VIA_UNHCR,
        points: continuation.iter().map(PointOut::from).collect(),
    });
    let last_round = if national {
        idps::national_series(dataset, filters)
            .last()
            .map(PointOut::from)
    } else {
        None
    };
    IdpsOut {
        series: "dtm",
        latest: h.latest.as_ref().map(PointOut::from),
        first: h.first.as_ref().map(PointOut::from),
        peak: h.peak.as_ref().map(PointOut::from),
        change_pct: h.change_pct.map(round1),
        change_from_peak_pct: h.change_from_peak_pct.map(round1),
        resolution: match h.resolution {
            idps::Resolution::EveryRound => None,
            idps::Resolution::YearEndRounds => Some("year_end_rounds"),
        },
        coverage: h.coverage.map(|c| CoverageOut {
            governorates: c.governorates,
            of: c.of,
        }),
        displaced_since_2014,
        differences_from_user_files: h
            .differences
            .iter()
            .map(|d| DifferenceOut {
                date: d.user.date.to_string(),
                user_value: d.user.value,
                user_source_id: d.user.source_id.clone(),
                bundled_value: d.bundled.value,
                bundled_source_id: d.bundled.source_id.clone(),
            })
            .collect(),
        last_round,
        continuation,
    }
}

fn camps_out(dataset: &Dataset, filters: &Filters) -> CampsOut {
    let h = camps::headline(dataset, filters);
    let c = h.open_at_end.as_ref();
    CampsOut {
        open_at_end: c.and_then(|c| c.camps),
        open_at_end_date: c.map(|c| c.date.to_string()),
        open_at_end_definition: c.map(|c| c.definition.as_str()),
        open_at_end_scope: c.map(|c| c.scope.token()),
        open_at_end_follows_filter: h.follows_filter,
        people_at_end: c.and_then(|c| c.people),
        people_unit: c
            .and_then(|c| c.people_unit)
            .map(crate::data::PeopleUnit::as_str),
        source_id: c.map(|c| c.source_id.clone()),
        closures_in_range: h.closures.len(),
        closures: h.closures.iter().map(|c| c.camp.clone()).collect(),
    }
}

fn funding_out(dataset: &Dataset, filters: &Filters) -> FundingOut {
    let h = funding::headline(dataset, filters);
    FundingOut {
        years: h
            .years
            .iter()
            .map(|y| FundingYearOut {
                year: y.year,
                requirements_usd: y.requirements_usd,
                funding_usd: y.funding_usd,
                coverage_pct: y.coverage_pct.map(round1),
                coverage_reported_pct: y.coverage_reported_pct,
                reported_on: y.reported_on.clone(),
            })
            .collect(),
        coverage_pct: h.coverage_pct.map(round1),
        fts_as_of: h.fts_as_of,
        no_appeal_years: h.no_appeal_years,
        beside_appeals: funding::beside_appeals(dataset, filters)
            .into_iter()
            .map(|y| BesideAppealsOut {
                total_humanitarian_usd: y.total_usd(),
                year: y.year,
                outside_appeal_usd: y.outside_appeal_usd,
                regional_refugee_requirements_usd: y.regional_required_usd,
                regional_refugee_funding_usd: y.regional_funded_usd,
                source_ids: y.source_ids,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_of_tables_not_loaded_are_null() {
        let f = Filters {
            governorates: None,
            from: 2014,
            to: 2024,
        };
        let s = summary(&Dataset::default(), &f);
        assert_eq!((s.idps, s.camps, s.funding), (None, None, None));
        assert_eq!(s.filters.scope, "national");
        let json = serde_json::to_value(summary(&Dataset::default(), &f)).unwrap();
        assert!(json["idps"].is_null() && json["funding"].is_null());
    }
}
