//! What a loaded file became, in numbers and in one sentence: the data panel's
//! entry, `check`'s line and `check --json`'s report (DESIGN §3: the field names
//! never change).

pub use crate::domain::{DateTotal, FileFormat, FileReport, FundingYearTotal};

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::data::parsed::{Parsed, Table};
use crate::data::schema::Shape;
use crate::domain::Pcode;
use crate::domain::{Basis, NationalSeries};

impl FileReport {
    /// The report of a parsed file.
    #[must_use]
    pub fn new(
        name: &str,
        format: FileFormat,
        header_row: usize,
        hxl: bool,
        parsed: &Parsed,
    ) -> FileReport {
        let left: usize = parsed.left_out.iter().map(|l| l.rows).sum();
        let tables: Vec<&Table> = std::iter::once(&parsed.table).chain(&parsed.also).collect();
        FileReport {
            name: name.into(),
            format,
            shape: parsed.shape,
            kind: parsed.table.kind(),
            header_row,
            hxl,
            rows: parsed.table.len(),
            rows_read: parsed.rows_read,
            date_range: date_range(&parsed.table),
            governorates: governorates(&parsed.table),
            locations_aggregated: parsed.locations_aggregated,
            warnings: parsed.warnings.clone(),
            read_as: parsed.shape.format(),
            encoding: None,
            country: Some("IRQ".into()),
            rows_kept: parsed.rows_read.saturating_sub(left),
            left_out: parsed.left_out.clone(),
            tables: tables.iter().map(|t| t.kind()).collect(),
            dating: parsed.dating.clone(),
            as_of: None,
            totals: date_totals(&tables),
            funding_years: funding_years(&tables),
        }
    }

    /// What the file became, in one line: "ok, IDPs-by-governorate table with 18
    /// rows, from a DTM master list of 3,166 location rows, 2019-04-30; round 109 (30
    /// Apr 2019, by its total): 18 governorates, 1,665,108 IDPs; 1 totals row left
    /// out, equal to the sum of the rows".
    #[must_use]
    pub fn describe(&self) -> String {
        let from = match self.shape {
            Shape::DtmMasterList => format!(
                ", from a DTM master list of {} location rows",
                crate::data::grouped(self.locations_aggregated.unwrap_or(0) as u64)
            ),
            Shape::FtsExport => ", from an OCHA FTS export".into(),
            Shape::FtsFlows => ", from OCHA FTS incoming funding flows".into(),
            Shape::DtmApi => ", from an IOM DTM API export".into(),
            Shape::HapiIdps => ", from an HDX HAPI IDPs file".into(),
            Shape::Idmc => ", from IDMC displacement data".into(),
            Shape::UnhcrPopstats => ", from UNHCR population statistics".into(),
            Shape::Table(_) => String::new(),
        };
        let dates = match self.date_range {
            Some((a, b)) if a == b => format!(", {a}"),
            Some((a, b)) => format!(", {a} to {b}"),
            None => String::new(),
        };
        let mut out = format!(
            "ok, {} with {} rows{from}{dates}",
            self.kind.label(),
            self.rows
        );
        let shown = if self.totals.len() <= 3 {
            &self.totals[..]
        } else {
            &self.totals[self.totals.len() - 1..]
        };
        for (i, t) in shown.iter().enumerate() {
            let when = match (&self.dating, i) {
                (Some(d), 0) if self.totals.len() == 1 => d.clone(),
                _ if self.totals.len() > 3 => format!("latest, {}", t.date),
                _ => match t.round {
                    Some(r) => format!("{} (round {r})", t.date),
                    None => t.date.to_string(),
                },
            };
            let places = if t.governorates == 0 {
                "national".to_string()
            } else {
                format!("{} governorates", t.governorates)
            };
            let _ = write!(
                out,
                "; {when}: {places}, {} IDPs",
                crate::data::grouped(t.individuals)
            );
        }
        for l in &self.left_out {
            out.push_str("; ");
            out.push_str(&l.detail);
        }
        out
    }
}

/// The national figure of each date of the file's IDP tables.
fn date_totals(tables: &[&Table]) -> Vec<DateTotal> {
    let mut by_date: BTreeMap<(NaiveDate, &'static str), DateTotal> = BTreeMap::new();
    for table in tables {
        if let Table::IdpsGovernorate(rows) = table {
            let mut places: BTreeMap<(NaiveDate, &'static str), BTreeSet<Pcode>> = BTreeMap::new();
            for r in rows.iter().filter(|r| r.basis == Basis::Displacement) {
                let series = if r.source_id.starts_with("file:") {
                    "user_file"
                } else {
                    "dtm"
                };
                let t = by_date.entry((r.date, series)).or_insert(DateTotal {
                    date: r.date,
                    round: r.round,
                    series,
                    governorates: 0,
                    individuals: 0,
                });
                t.individuals = t.individuals.saturating_add(r.individuals);
                places.entry((r.date, series)).or_default().insert(r.pcode);
            }
            for (key, set) in places {
                if let Some(t) = by_date.get_mut(&key) {
                    t.governorates = set.len();
                    if set.len() == 18 && t.series == "user_file" {
                        t.series = NationalSeries::DtmUser.as_str();
                    }
                }
            }
        }
    }
    // A national row replaces the sum of the governorates of its date.
    for table in tables {
        if let Table::IdpsNational(rows) = table {
            for r in rows {
                let governorates = by_date
                    .iter()
                    .filter(|((d, _), _)| *d == r.date)
                    .map(|(_, t)| t.governorates)
                    .max()
                    .unwrap_or(0);
                by_date.retain(|(d, _), _| *d != r.date);
                by_date.insert(
                    (r.date, r.series.as_str()),
                    DateTotal {
                        date: r.date,
                        round: r.round,
                        series: r.series.as_str(),
                        governorates,
                        individuals: r.idps,
                    },
                );
            }
        }
    }
    by_date.into_values().collect()
}

/// Requirements and funding of Iraq's own appeals per year.
fn funding_years(tables: &[&Table]) -> Vec<FundingYearTotal> {
    let mut years: BTreeMap<i32, FundingYearTotal> = BTreeMap::new();
    for table in tables {
        if let Table::Funding(rows) = table {
            for r in rows.iter().filter(|r| r.kind.is_iraq_appeal()) {
                let y = years.entry(r.year).or_insert(FundingYearTotal {
                    year: r.year,
                    requirements_usd: 0,
                    funding_usd: 0,
                });
                y.requirements_usd += r.requirements_usd.unwrap_or(0);
                y.funding_usd += r.funding_usd.unwrap_or(0);
            }
        }
    }
    years.into_values().collect()
}

fn date_range(table: &Table) -> Option<(NaiveDate, NaiveDate)> {
    let dates: Vec<NaiveDate> = match table {
        Table::Governorates(_) | Table::Sources(_) => Vec::new(),
        Table::IdpsNational(v) => v.iter().map(|r| r.date).collect(),
        Table::IdpsGovernorate(v) => v.iter().map(|r| r.date).collect(),
        Table::Camps(v) => v.iter().map(|r| r.date).collect(),
        Table::CampCounts(v) => v.iter().map(|r| r.date).collect(),
        Table::Events(v) => v.iter().map(|r| r.date).collect(),
        Table::FundingFlows(v) => return crate::data::fts_flows::date_range(v),
        Table::Funding(v) => {
            let lo = v.iter().map(|r| r.year).min();
            let hi = v.iter().map(|r| r.year).max();
            return match (lo, hi) {
                (Some(lo), Some(hi)) => Some((
                    NaiveDate::from_ymd_opt(lo, 1, 1)?,
                    NaiveDate::from_ymd_opt(hi, 12, 31)?,
                )),
                _ => None,
            };
        }
    };
    Some((*dates.iter().min()?, *dates.iter().max()?))
}

fn governorates(table: &Table) -> Vec<Pcode> {
    let set: BTreeSet<Pcode> = match table {
        Table::IdpsGovernorate(v) => v.iter().map(|r| r.pcode).collect(),
        Table::Camps(v) => v.iter().map(|r| r.pcode).collect(),
        Table::Governorates(v) => v.iter().map(|g| g.pcode).collect(),
        _ => BTreeSet::new(),
    };
    set.into_iter().collect()
}
