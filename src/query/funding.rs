//! Appeal coverage: funded ÷ required for Iraq's own appeals, as FTS reports it.
//!
//! Coverage counts the kinds `hrp` and `flash` only; the regional refugee plan,
//! funding outside appeals and `other` rows are shown elsewhere, never in coverage.
//! The figure OCHA published at the time is kept beside FTS's, never merged into it.
//! Funding flows from the user's FTS flows files ([`flow_totals`]) are another
//! measure, per file, year and status: they never count in coverage. In years with
//! no Iraq appeal, the funding reported outside any appeal and Iraq's part of the
//! regional refugee plan are shown beside "no appeal" ([`beside_appeals`]), each
//! labelled for what it is, outside coverage.

use std::collections::BTreeMap;

use super::Filters;
use super::filters::year_bounds;
use crate::data::{Dataset, FlowStatus, FlowType, FundingKind};

/// One year of Iraq's appeals.
#[derive(Debug, Clone, PartialEq)]
pub struct FundingYear {
    pub year: i32,
    pub requirements_usd: u64,
    pub funding_usd: u64,
    /// Funded ÷ required, 0–100 (`None` when nothing was required).
    pub coverage_pct: Option<f64>,
    /// What OCHA published at the time for this year, 0–100.
    pub coverage_reported_pct: Option<f64>,
    pub reported_on: Option<String>,
    /// Plan codes (or names) of the appeals summed.
    pub plans: Vec<String>,
    /// Plan names of the appeals summed, in the same order.
    pub plan_names: Vec<String>,
    /// Kinds of the appeals summed, in the same order.
    pub kinds: Vec<FundingKind>,
    /// Who published `coverage_reported_pct` (OCHA's publication, not FTS).
    pub reported_source_id: Option<String>,
    pub source_ids: Vec<String>,
}

/// Coverage over the selected years.
#[derive(Debug, Clone, PartialEq)]
pub struct FundingHeadline {
    /// Years in range with an Iraq appeal, in order.
    pub years: Vec<FundingYear>,
    /// Years in range (within the data's span) with no Iraq appeal.
    pub no_appeal_years: Vec<i32>,
    /// Funded ÷ required over all appeal years in range, 0–100.
    pub coverage_pct: Option<f64>,
    /// The date of the FTS snapshot the figures come from.
    pub fts_as_of: Option<String>,
}

/// Per-year totals of Iraq's appeals in range.
#[must_use]
pub fn appeal_years(dataset: &Dataset, filters: &Filters) -> Vec<FundingYear> {
    let mut years: BTreeMap<i32, FundingYear> = BTreeMap::new();
    for row in &dataset.funding {
        if !row.kind.is_iraq_appeal() || !filters.contains_year(row.year) {
            continue;
        }
        let y = years.entry(row.year).or_insert_with(|| FundingYear {
            year: row.year,
            requirements_usd: 0,
            funding_usd: 0,
            coverage_pct: None,
            coverage_reported_pct: None,
            reported_on: None,
            plans: Vec::new(),
            plan_names: Vec::new(),
            kinds: Vec::new(),
            reported_source_id: None,
            source_ids: Vec::new(),
        });
        y.requirements_usd += row.requirements_usd.unwrap_or(0);
        y.funding_usd += row.funding_usd.unwrap_or(0);
        if row.coverage_reported_pct.is_some() {
            y.coverage_reported_pct = row.coverage_reported_pct;
            y.reported_on.clone_from(&row.reported_on);
            y.reported_source_id = Some(
                row.reported_source_id
                    .clone()
                    .unwrap_or_else(|| row.source_id.clone()),
            );
        }
        y.plans.push(
            row.plan_code
                .clone()
                .unwrap_or_else(|| row.plan_name.clone()),
        );
        y.plan_names.push(row.plan_name.clone());
        y.kinds.push(row.kind);
        if !y.source_ids.contains(&row.source_id) {
            y.source_ids.push(row.source_id.clone());
        }
    }
    years
        .into_values()
        .map(|mut y| {
            y.coverage_pct = coverage(y.funding_usd, y.requirements_usd);
            y
        })
        .collect()
}

/// The flows of one user file in one year with one status, summed: one stacked
/// bar segment of the funding chart and one row of its CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowTotal {
    pub year: i32,
    pub status: FlowStatus,
    pub amount_usd: u64,
    /// How many flows were summed.
    pub flows: usize,
    /// Amount and number of flows of each flow type (`None`: not given), in type order.
    pub by_type: Vec<(Option<FlowType>, u64, usize)>,
    /// Destination plan codes the flows name, each once, in order.
    pub plan_codes: Vec<String>,
    /// The file the flows come from (`file:NAME`).
    pub source_id: String,
}

/// Flows reported to FTS in the user's files, summed per file (in loading order),
/// year and status (paid, commitment, pledge), for the years in range. The
/// governorate filter does not apply: flows are national figures.
#[must_use]
pub fn flow_totals(dataset: &Dataset, filters: &Filters) -> Vec<FlowTotal> {
    let mut files: Vec<&str> = Vec::new();
    let mut totals: BTreeMap<(usize, i32, FlowStatus), FlowTotal> = BTreeMap::new();
    for flow in &dataset.funding_flows {
        if !filters.contains_year(flow.year) {
            continue;
        }
        let file = files
            .iter()
            .position(|f| *f == flow.source_id)
            .unwrap_or_else(|| {
                files.push(&flow.source_id);
                files.len() - 1
            });
        let t = totals
            .entry((file, flow.year, flow.status))
            .or_insert_with(|| FlowTotal {
                year: flow.year,
                status: flow.status,
                amount_usd: 0,
                flows: 0,
                by_type: Vec::new(),
                plan_codes: Vec::new(),
                source_id: flow.source_id.clone(),
            });
        t.amount_usd += flow.amount_usd;
        t.flows += 1;
        match t.by_type.iter_mut().find(|(k, _, _)| *k == flow.flow_type) {
            Some((_, usd, n)) => {
                *usd += flow.amount_usd;
                *n += 1;
            }
            None => t.by_type.push((flow.flow_type, flow.amount_usd, 1)),
        }
        if let Some(code) = &flow.destination_plan_code
            && !t.plan_codes.contains(code)
        {
            t.plan_codes.push(code.clone());
        }
    }
    totals
        .into_values()
        .map(|mut t| {
            t.by_type.sort_by_key(|(k, _, _)| *k);
            t
        })
        .collect()
}

/// The files whose flows are in `totals`, in order.
#[must_use]
pub fn flow_files(totals: &[FlowTotal]) -> Vec<&str> {
    let mut files: Vec<&str> = Vec::new();
    for t in totals {
        if !files.contains(&t.source_id.as_str()) {
            files.push(&t.source_id);
        }
    }
    files
}

/// The label of a flows series, the same in the legend, the table view and the CSV:
/// "Paid (flows reported to FTS)", and with several flows files loaded
/// "Paid (flows reported to FTS, NAME)".
#[must_use]
pub fn flow_label(status: FlowStatus, source_id: &str, several_files: bool) -> String {
    let file = source_id.strip_prefix("file:").unwrap_or(source_id);
    if several_files {
        format!("{} (flows reported to FTS, {file})", status.title())
    } else {
        format!("{} (flows reported to FTS)", status.title())
    }
}

/// What FTS reports for Iraq in one year with no Iraq appeal: funding outside any
/// appeal, and Iraq's part of the regional refugee plan. Neither is appeal coverage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BesideAppeals {
    pub year: i32,
    /// Humanitarian funding reported to FTS for Iraq outside any appeal.
    pub outside_appeal_usd: Option<u64>,
    /// Iraq's part of the regional refugee plan (3RP): required and funded.
    pub regional_required_usd: Option<u64>,
    pub regional_funded_usd: Option<u64>,
    /// Plan codes of the regional plan rows (e.g. RSYR23).
    pub regional_plans: Vec<String>,
    pub source_ids: Vec<String>,
}

impl BesideAppeals {
    /// Total humanitarian funding to Iraq reported to FTS that year: the outside-appeal
    /// figure plus the regional plan's Iraq funding, each counted once.
    #[must_use]
    pub fn total_usd(&self) -> u64 {
        self.outside_appeal_usd.unwrap_or(0) + self.regional_funded_usd.unwrap_or(0)
    }
}

/// For each year in range with no Iraq appeal (within the data's span, up to the
/// dashboard's last year), the funding outside appeals and the regional refugee plan's Iraq part. Years with
/// neither are left out.
#[must_use]
pub fn beside_appeals(dataset: &Dataset, filters: &Filters) -> Vec<BesideAppeals> {
    let no_appeal = headline_years_without_appeal(dataset, filters);
    let mut out: BTreeMap<i32, BesideAppeals> = BTreeMap::new();
    for row in &dataset.funding {
        if !no_appeal.contains(&row.year) {
            continue;
        }
        let y = out.entry(row.year).or_insert_with(|| BesideAppeals {
            year: row.year,
            outside_appeal_usd: None,
            regional_required_usd: None,
            regional_funded_usd: None,
            regional_plans: Vec::new(),
            source_ids: Vec::new(),
        });
        match row.kind {
            FundingKind::OutsideAppeal => {
                *y.outside_appeal_usd.get_or_insert(0) += row.funding_usd.unwrap_or(0);
            }
            FundingKind::RegionalRefugee => {
                if let Some(r) = row.requirements_usd {
                    *y.regional_required_usd.get_or_insert(0) += r;
                }
                if let Some(f) = row.funding_usd {
                    *y.regional_funded_usd.get_or_insert(0) += f;
                }
                y.regional_plans.push(
                    row.plan_code
                        .clone()
                        .unwrap_or_else(|| row.plan_name.clone()),
                );
            }
            _ => continue,
        }
        if !y.source_ids.contains(&row.source_id) {
            y.source_ids.push(row.source_id.clone());
        }
    }
    out.into_values()
        .filter(|y| y.outside_appeal_usd.is_some() || y.regional_funded_usd.is_some())
        .collect()
}

/// The years of [`FundingHeadline::no_appeal_years`] up to the data's last year
/// ([`year_bounds`]); FTS's later years are partial (2026) or forward commitments.
fn headline_years_without_appeal(dataset: &Dataset, filters: &Filters) -> Vec<i32> {
    let (_, last_year) = year_bounds(dataset);
    headline(dataset, filters)
        .no_appeal_years
        .into_iter()
        .filter(|y| *y <= last_year)
        .collect()
}

/// Funded ÷ required in percent, `None` when nothing was required.
#[must_use]
pub fn coverage(funding_usd: u64, requirements_usd: u64) -> Option<f64> {
    (requirements_usd > 0).then(|| funding_usd as f64 / requirements_usd as f64 * 100.0)
}

/// The funding headline for the filters (the governorate filter does not apply).
#[must_use]
pub fn headline(dataset: &Dataset, filters: &Filters) -> FundingHeadline {
    let years = appeal_years(dataset, filters);
    let required: u64 = years.iter().map(|y| y.requirements_usd).sum();
    let funded: u64 = years.iter().map(|y| y.funding_usd).sum();
    let data_years = dataset.funding.iter().map(|r| r.year);
    let no_appeal_years = match (data_years.clone().min(), data_years.max()) {
        (Some(lo), Some(hi)) => (filters.from.max(lo)..=filters.to.min(hi))
            .filter(|y| years.iter().all(|f| f.year != *y))
            .collect(),
        _ => Vec::new(),
    };
    // The date of the FTS copy the coverage comes from: the newest copy an Iraq appeal
    // row in range was read from. The bundled appeal rows are February 2026's copy,
    // the years after the last appeal April's, so "as of" must follow the figure it
    // dates; with no appeal in range, the newest copy of any row in range.
    let as_of = |appeals_only: bool| {
        dataset
            .funding
            .iter()
            .filter(|r| filters.contains_year(r.year))
            .filter(|r| !appeals_only || r.kind.is_iraq_appeal())
            .filter_map(|r| dataset.source(&r.source_id))
            .map(|s| s.published.clone())
            .max()
    };
    let fts_as_of = as_of(true).or_else(|| as_of(false));
    FundingHeadline {
        coverage_pct: coverage(funded, required),
        years,
        no_appeal_years,
        fts_as_of,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{FundingFlow, FundingRow, Source};

    fn row(year: i32, kind: FundingKind, req: Option<u64>, fund: u64) -> FundingRow {
        FundingRow {
            year,
            plan_code: Some(format!("P{year}")),
            plan_name: "plan".into(),
            kind,
            requirements_usd: req,
            funding_usd: Some(fund),
            coverage_reported_pct: None,
            reported_on: None,
            reported_source_id: None,
            source_id: "fts".into(),
        }
    }

    fn filters(from: i32, to: i32) -> Filters {
        Filters {
            governorates: None,
            from,
            to,
        }
    }

    #[test]
    fn empty_data_has_no_coverage() {
        let h = headline(&Dataset::default(), &filters(2014, 2024));
        assert_eq!(h.coverage_pct, None);
        assert!(h.years.is_empty() && h.no_appeal_years.is_empty());
    }

    #[test]
    fn only_iraq_appeals_count_and_years_add_up() {
        let mut ds = Dataset::default();
        ds.funding.extend([
            row(2016, FundingKind::Hrp, Some(800), 600),
            row(2016, FundingKind::Flash, Some(200), 200),
            row(2016, FundingKind::RegionalRefugee, Some(1000), 10),
            row(2016, FundingKind::OutsideAppeal, None, 500),
            row(2017, FundingKind::Hrp, Some(1000), 500),
            row(2018, FundingKind::OutsideAppeal, None, 7),
        ]);
        ds.sources.push(Source {
            id: "fts".into(),
            publisher: "OCHA".into(),
            title: "FTS".into(),
            published: "2026-02-20".into(),
            url: String::new(),
            note: None,
        });
        let h = headline(&ds, &filters(2014, 2024));
        assert_eq!(h.years.len(), 2);
        assert_eq!(h.years[0].coverage_pct, Some(80.0));
        assert_eq!(h.years[0].requirements_usd, 1000);
        assert_eq!(h.coverage_pct, Some(65.0));
        assert_eq!(h.no_appeal_years, [2018]);
        assert_eq!(h.fts_as_of.as_deref(), Some("2026-02-20"));
        let one = headline(&ds, &filters(2017, 2017));
        assert_eq!(one.coverage_pct, Some(50.0));
    }

    #[test]
    fn coverage_is_dated_by_the_fts_copy_its_appeal_rows_come_from() {
        let ds = Dataset::bundled().unwrap();
        // 2014–2025: the appeals (to 2022) are February 2026's copy; only the years
        // after them come from April's.
        assert_eq!(
            headline(&ds, &filters(2014, 2025)).fts_as_of.as_deref(),
            Some("2026-02-20")
        );
        // No appeal in 2023–2025: the newest copy of what is there.
        assert_eq!(
            headline(&ds, &filters(2023, 2025)).fts_as_of.as_deref(),
            Some("2026-04-18")
        );
    }

    fn flow(
        year: i32,
        status: FlowStatus,
        kind: Option<FlowType>,
        usd: u64,
        file: &str,
    ) -> FundingFlow {
        FundingFlow {
            flow_id: None,
            date: None,
            year,
            amount_usd: usd,
            status,
            flow_type: kind,
            description: None,
            source_organization: None,
            destination_organization: None,
            destination_plan: None,
            destination_plan_code: Some(format!("HIRQ{}", year % 100)),
            source_id: format!("file:{file}"),
        }
    }

    #[test]
    fn flows_sum_per_file_year_and_status_and_never_count_in_coverage() {
        let mut ds = Dataset::default();
        ds.funding
            .push(row(2022, FundingKind::Hrp, Some(1000), 500));
        ds.funding_flows.extend([
            flow(2022, FlowStatus::Pledge, None, 7, "a.csv"),
            flow(
                2022,
                FlowStatus::Paid,
                Some(FlowType::Standard),
                100,
                "a.csv",
            ),
            flow(2022, FlowStatus::Paid, Some(FlowType::Parked), 20, "a.csv"),
            flow(2022, FlowStatus::Paid, Some(FlowType::Standard), 3, "a.csv"),
            flow(
                2021,
                FlowStatus::Commitment,
                Some(FlowType::PassThrough),
                50,
                "a.csv",
            ),
            flow(2022, FlowStatus::Paid, None, 1, "b.csv"),
            flow(2030, FlowStatus::Paid, None, 1, "a.csv"),
        ]);
        let t = flow_totals(&ds, &filters(2014, 2024));
        let summary: Vec<(&str, i32, FlowStatus, u64, usize)> = t
            .iter()
            .map(|t| {
                (
                    t.source_id.as_str(),
                    t.year,
                    t.status,
                    t.amount_usd,
                    t.flows,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("file:a.csv", 2021, FlowStatus::Commitment, 50, 1),
                ("file:a.csv", 2022, FlowStatus::Paid, 123, 3),
                ("file:a.csv", 2022, FlowStatus::Pledge, 7, 1),
                ("file:b.csv", 2022, FlowStatus::Paid, 1, 1),
            ]
        );
        assert_eq!(
            t[1].by_type,
            [
                (Some(FlowType::Standard), 103, 2),
                (Some(FlowType::Parked), 20, 1)
            ]
        );
        assert_eq!(t[1].plan_codes, ["HIRQ22"]);
        assert_eq!(flow_files(&t), ["file:a.csv", "file:b.csv"]);
        assert_eq!(headline(&ds, &filters(2014, 2024)).coverage_pct, Some(50.0));
        assert!(flow_totals(&ds, &filters(2023, 2024)).is_empty());
        assert_eq!(
            flow_label(FlowStatus::Commitment, "file:a.csv", false),
            "Commitments (flows reported to FTS)"
        );
        assert_eq!(
            flow_label(FlowStatus::Paid, "file:a.csv", true),
            "Paid (flows reported to FTS, a.csv)"
        );
    }

    #[test]
    fn zero_requirements_is_no_coverage_not_infinity() {
        assert_eq!(coverage(5, 0), None);
        assert_eq!(coverage(0, 5), Some(0.0));
    }
}
