//! The numbers behind each panel as CSV cells (DESIGN §7): fixed columns per panel,
//! values as they are written (dates ISO, percentages 0–100 with one decimal, none
//! when whole), the source in words. The rows are the ones the chart draws
//! ([`crate::query::rows`]), so a CSV holds exactly the chart's figures for the same
//! filters. Writing them (byte-order mark, quoting, CRLF) is [`crate::export`]'s.

use std::fmt::Write as _;

use crate::data::{CampScope, Dataset, FlowStatus, FundingKind};
use crate::model::CsvTable;
use crate::query::charts::{self, user_file_name};
use crate::query::funding::{self, BesideAppeals, FlowTotal, FundingYear};
use crate::query::round1;
use crate::query::rows::{CampMeasure, CampRow, IdpRow};

/// Columns of the IDP and governorate tables.
pub const IDP_COLUMNS: [&str; 9] = [
    "date",
    "date_precision",
    "series",
    "round",
    "pcode",
    "governorate",
    "basis",
    "value",
    "source",
];

/// Columns of the camps table.
pub const CAMP_COLUMNS: [&str; 12] = [
    "date",
    "date_precision",
    "measure",
    "definition",
    "scope",
    "camp",
    "event",
    "pcode",
    "governorate",
    "value",
    "unit",
    "source",
];

/// Columns of the funding table.
pub const FUNDING_COLUMNS: [&str; 10] = [
    "year",
    "plan_code",
    "plan_name",
    "kind",
    "requirements_usd",
    "funding_usd",
    "coverage_pct",
    "coverage_reported_pct",
    "reported_on",
    "source",
];

/// "Publisher, title (published)" of a source id (empty parts left out), or the id.
pub(super) fn source_name(dataset: &Dataset, id: &str) -> String {
    if id.starts_with("file:") {
        return user_file_name(id);
    }
    let Some(s) = dataset.source(id) else {
        return id.to_string();
    };
    let mut name = [s.publisher.as_str(), s.title.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if !s.published.is_empty() {
        let _ = write!(name, " ({})", s.published);
    }
    name
}

/// A percentage as the app shows it: one decimal, none when whole ("63", "90.4").
fn pct(p: f64) -> String {
    let r = round1(p);
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// The IDP or governorate table.
#[must_use]
pub fn idp_csv(dataset: &Dataset, rows: &[IdpRow]) -> CsvTable {
    table(
        IDP_COLUMNS,
        rows.iter().map(|r| {
            [
                r.date.to_string(),
                r.date_precision.as_str().to_string(),
                r.series.to_string(),
                r.round.map(|n| n.to_string()).unwrap_or_default(),
                r.pcodes
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(";"),
                r.governorate.clone(),
                r.basis.as_str().to_string(),
                r.value.to_string(),
                source_name(dataset, &r.source_id),
            ]
        }),
    )
}

/// The camps table.
#[must_use]
pub fn camp_csv(dataset: &Dataset, rows: &[CampRow]) -> CsvTable {
    table(
        CAMP_COLUMNS,
        rows.iter().map(|r| {
            let unit = match r.measure {
                CampMeasure::CampsOpen => "camps",
                CampMeasure::PeopleInCamps => "individuals",
                CampMeasure::Closure => "",
            };
            [
                r.date.to_string(),
                r.date_precision.as_str().to_string(),
                r.measure.as_str().to_string(),
                r.definition
                    .map(|d| d.as_str().to_string())
                    .unwrap_or_default(),
                r.scope.map(CampScope::token).unwrap_or_default(),
                r.camp.clone(),
                r.event.map(|e| e.as_str().to_string()).unwrap_or_default(),
                r.pcode.map(|p| p.to_string()).unwrap_or_default(),
                r.pcode
                    .map(|p| dataset.gazetteer.name(p))
                    .unwrap_or_default(),
                r.value.map(|v| v.to_string()).unwrap_or_default(),
                unit.to_string(),
                source_name(dataset, &r.source_id),
            ]
        }),
    )
}

/// The `kind` of a flows row: `fts_flows_paid`, `fts_flows_commitment`,
/// `fts_flows_pledge`.
#[must_use]
pub fn flow_kind(status: FlowStatus) -> &'static str {
    match status {
        FlowStatus::Paid => "fts_flows_paid",
        FlowStatus::Commitment => "fts_flows_commitment",
        FlowStatus::Pledge => "fts_flows_pledge",
    }
}

/// The funding table: one row per year of Iraq's appeals, as the charts draw them
/// (a year with two appeals lists both, separated by "; "), then one row per
/// stacked flows bar (file, year and status) with its amount as `funding_usd`, no
/// requirements and no coverage, `kind` saying which flows (`fts_flows_paid`…),
/// `plan_name` the legend's label and `plan_code` the plans the flows name. Years
/// with no Iraq appeal add, after the appeal rows, one row for the funding outside
/// any appeal (`kind` `outside_appeal`) and one for Iraq's part of the regional
/// refugee plan (`regional_refugee`), as the chart draws them: `plan_name` the
/// legend's label, no coverage (neither is an appeal of Iraq's).
#[must_use]
pub fn funding_csv(
    dataset: &Dataset,
    years: &[FundingYear],
    beside: &[BesideAppeals],
    flows: &[FlowTotal],
) -> CsvTable {
    let beside_rows = beside.iter().flat_map(|y| {
        let source = y
            .source_ids
            .iter()
            .map(|id| source_name(dataset, id))
            .collect::<Vec<_>>()
            .join("; ");
        let outside = y.outside_appeal_usd.map(|usd| {
            [
                y.year.to_string(),
                String::new(),
                charts::OUTSIDE_APPEAL.to_string(),
                FundingKind::OutsideAppeal.as_str().to_string(),
                String::new(),
                usd.to_string(),
                String::new(),
                String::new(),
                String::new(),
                source.clone(),
            ]
        });
        let regional =
            (y.regional_required_usd.is_some() || y.regional_funded_usd.is_some()).then(|| {
                [
                    y.year.to_string(),
                    y.regional_plans.join("; "),
                    "Regional refugee plan, Iraq part (not appeal coverage)".to_string(),
                    FundingKind::RegionalRefugee.as_str().to_string(),
                    y.regional_required_usd
                        .map(|u| u.to_string())
                        .unwrap_or_default(),
                    y.regional_funded_usd
                        .map(|u| u.to_string())
                        .unwrap_or_default(),
                    String::new(),
                    String::new(),
                    String::new(),
                    source.clone(),
                ]
            });
        outside.into_iter().chain(regional)
    });
    let several = funding::flow_files(flows).len() > 1;
    let flow_rows = flows.iter().map(|t| {
        [
            t.year.to_string(),
            t.plan_codes.join("; "),
            funding::flow_label(t.status, &t.source_id, several),
            flow_kind(t.status).to_string(),
            String::new(),
            t.amount_usd.to_string(),
            String::new(),
            String::new(),
            String::new(),
            source_name(dataset, &t.source_id),
        ]
    });
    table(
        FUNDING_COLUMNS,
        years
            .iter()
            .map(|y| {
                let mut sources: Vec<String> = Vec::new();
                for id in y.source_ids.iter().chain(&y.reported_source_id) {
                    let name = source_name(dataset, id);
                    if !sources.contains(&name) {
                        sources.push(name);
                    }
                }
                [
                    y.year.to_string(),
                    y.plans.join("; "),
                    y.plan_names.join("; "),
                    y.kinds
                        .iter()
                        .map(|k| k.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    y.requirements_usd.to_string(),
                    y.funding_usd.to_string(),
                    y.coverage_pct.map(pct).unwrap_or_default(),
                    y.coverage_reported_pct.map(pct).unwrap_or_default(),
                    y.reported_on.clone().unwrap_or_default(),
                    sources.join("; "),
                ]
            })
            .chain(beside_rows)
            .chain(flow_rows),
    )
}

/// A table of fixed columns.
fn table<const N: usize>(
    columns: [&'static str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> CsvTable {
    CsvTable {
        columns: columns.to_vec(),
        rows: rows.map(|r| r.to_vec()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_read_as_shown() {
        assert_eq!(pct(63.0), "63");
        assert_eq!(pct(90.381), "90.4");
        assert_eq!(pct(99.96), "100");
    }
}
