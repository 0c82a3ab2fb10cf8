//! OCHA FTS exports (requirements and funding by plan and year) onto the funding table.
//!
//! A global FTS file holds every country's plans: only Iraq's rows (`countryCode`)
//! are read, the others counted as left out, and a file of another country is
//! refused (see `country.rs`). The kind of a row comes from FTS's plan type
//! (`typeId`, else `typeName`), never from words in the plan's name (DESIGN §7):
//! humanitarian (needs and) response plans, strategic response plans and
//! consolidated (inter-agency) appeals are `hrp`; flash appeals `flash`; the regional
//! refugee plan `regional_refugee`; an untyped "Not specified" row is funding outside
//! appeals; anything else is `other`, with a warning. A row without requirements is
//! funding outside appeals, never 0% coverage. FTS's `percentFunded` is checked
//! against funding ÷ requirements but never stored as the coverage OCHA reported.

use crate::data::cells::{Cells, parse_year};
use crate::data::country::split_by_country;
use crate::data::error::DataError;
use crate::data::parsed::Table;
use crate::data::published::{FormatRead, note_left_out};
use crate::data::schema::{col, fold_header};
use crate::domain::{FundingKind, FundingRow};

const USD: &str = "a whole number of US dollars, 0 or more";
const SIGNED_USD: &str = "a whole number of US dollars";
const PCT: &str = "a percentage";

/// The kind of an FTS plan from its type id, type name and (only for untyped rows)
/// its name; `None` when the type is not one the app knows.
#[must_use]
pub fn kind_of(type_id: Option<&str>, type_name: Option<&str>, name: &str) -> Option<FundingKind> {
    match type_id.map(str::trim).filter(|t| !t.is_empty()) {
        Some("4" | "2070" | "2071" | "110" | "2170") => return Some(FundingKind::Hrp),
        Some("5") => return Some(FundingKind::Flash),
        Some("111") => return Some(FundingKind::RegionalRefugee),
        Some(_) => return None,
        None => {}
    }
    match type_name.map(fold_header).as_deref() {
        Some(
            "humanitarian response plan"
            | "humanitarian needs and response plan"
            | "strategic response plan"
            | "consolidated appeal"
            | "consolidated appeals process"
            | "consolidated inter agency appeal",
        ) => Some(FundingKind::Hrp),
        Some("flash appeal") => Some(FundingKind::Flash),
        Some("regional response plan") => Some(FundingKind::RegionalRefugee),
        Some("") | None if fold_header(name) == "not specified" => Some(FundingKind::OutsideAppeal),
        _ => None,
    }
}

fn parse_signed(text: &str) -> Option<i64> {
    text.parse().ok()
}

fn parse_float(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|p| p.is_finite())
}

/// Reads Iraq's rows of an FTS export.
pub(in crate::data) fn read(c: &mut Cells) -> Result<FormatRead, DataError> {
    let (rows, left_out) = split_by_country(c.raw)?;
    note_left_out(c, &left_out);
    Ok(FormatRead {
        table: Table::Funding(funding(c, &rows)),
        also: Vec::new(),
        left_out,
    })
}

/// Reads these rows of an FTS export.
fn funding(c: &mut Cells, rows: &[usize]) -> Vec<FundingRow> {
    let mut out = Vec::new();
    for &row in rows {
        let year = c.required(row, col::YEAR, "a year such as 2022", parse_year);
        let name = c.text(row, col::FTS_NAME);
        let code = c.opt_text(row, col::FTS_CODE);
        let type_id = c.opt_text(row, col::FTS_TYPE_ID);
        let type_name = c.opt_text(row, col::FTS_TYPE_NAME);
        let requirements = c.optional(row, col::FTS_REQUIREMENTS, USD, parse_signed);
        let funding = c.optional(row, col::FTS_FUNDING, SIGNED_USD, parse_signed);
        let percent = c.optional(row, col::FTS_PERCENT_FUNDED, PCT, parse_float);
        let source_id = c.source(row);
        let (Some(year), Some(name), Ok(requirements), Ok(funding), Ok(percent), Some(source_id)) =
            (year, name, requirements, funding, percent, source_id)
        else {
            continue;
        };
        if let Some(r) = requirements.filter(|r| *r < 0) {
            c.problem(row, col::FTS_REQUIREMENTS, USD, &r.to_string());
            continue;
        }
        let typed = kind_of(type_id.as_deref(), type_name.as_deref(), &name);
        let kind = match (typed, requirements) {
            (Some(FundingKind::OutsideAppeal) | None, None) => FundingKind::OutsideAppeal,
            (Some(kind), None) => {
                c.warn(
                    row,
                    &format!(
                        "\"{name}\" ({}) has no requirements; its funding counts as outside appeals",
                        kind.as_str()
                    ),
                );
                FundingKind::OutsideAppeal
            }
            (Some(kind), Some(_)) => kind,
            (None, Some(_)) => {
                c.warn(
                    row,
                    &format!(
                        "plan type \"{}\" (typeId {}) of \"{name}\" is not one the app knows; shown as \"other\", outside coverage",
                        type_name.as_deref().unwrap_or(""),
                        type_id.as_deref().unwrap_or("empty")
                    ),
                );
                FundingKind::Other
            }
        };
        let funding_usd = match funding {
            Some(f) if f < 0 && kind == FundingKind::OutsideAppeal => {
                c.warn(
                    row,
                    &format!(
                        "negative funding outside appeals ({f} USD, a correction) is left out of the totals"
                    ),
                );
                None
            }
            Some(f) if f < 0 => {
                c.problem(row, col::FTS_FUNDING, USD, &f.to_string());
                continue;
            }
            other => other.map(i64::unsigned_abs),
        };
        let requirements_usd = requirements.map(i64::unsigned_abs);
        if let Some(p) = percent {
            if p > 100.0 {
                c.warn(
                    row,
                    &format!("FTS publishes {p}% funded for \"{name}\", above 100%"),
                );
            }
            if let (Some(r), Some(f)) = (requirements_usd.filter(|r| *r > 0), funding_usd) {
                let computed = f as f64 / r as f64 * 100.0;
                if (computed - p).abs() > 1.0 {
                    c.warn(
                        row,
                        &format!(
                            "FTS's percentFunded ({p}) differs from funding \u{f7} requirements ({computed:.1}%) by more than 1 point"
                        ),
                    );
                }
            }
        }
        out.push(FundingRow {
            year,
            plan_code: code,
            plan_name: name,
            kind,
            requirements_usd,
            funding_usd,
            coverage_reported_pct: None,
            reported_on: None,
            reported_source_id: None,
            source_id,
        });
    }
    forward_commitments(c, &out);
    out
}

/// Says which years come after the latest year with an appeal (forward commitments).
fn forward_commitments(c: &mut Cells, rows: &[FundingRow]) {
    let Some(latest) = rows
        .iter()
        .filter(|r| r.requirements_usd.is_some())
        .map(|r| r.year)
        .max()
    else {
        return;
    };
    let later: Vec<i32> = rows
        .iter()
        .map(|r| r.year)
        .filter(|y| *y > latest)
        .collect();
    if let (Some(lo), Some(hi)) = (later.iter().min(), later.iter().max()) {
        let span = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}\u{2013}{hi}")
        };
        c.warnings.push(crate::data::error::Warning {
            file: c.raw.file.clone(),
            message: format!(
                "funding for {span}, after the latest appeal year ({latest}), is forward commitments"
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_plan_type_never_the_name() {
        let k = |id: Option<&str>, name: Option<&str>, plan: &str| kind_of(id, name, plan);
        assert_eq!(k(Some("4"), None, "x"), Some(FundingKind::Hrp));
        assert_eq!(k(Some("2071"), None, "x"), Some(FundingKind::Hrp));
        assert_eq!(k(Some("110"), None, "x"), Some(FundingKind::Hrp));
        assert_eq!(k(Some("2070"), None, "x"), Some(FundingKind::Hrp));
        assert_eq!(k(Some("2170"), None, "x"), Some(FundingKind::Hrp));
        assert_eq!(
            k(None, Some("Humanitarian needs and response plan"), "x"),
            Some(FundingKind::Hrp)
        );
        assert_eq!(
            k(None, Some("Consolidated inter-agency appeal"), "x"),
            Some(FundingKind::Hrp)
        );
        assert_eq!(k(Some("5"), None, "x"), Some(FundingKind::Flash));
        // Its name contains "response plan", its type says regional.
        assert_eq!(
            k(
                Some("111"),
                Some("Regional response plan"),
                "Regional Refugee and Resilience Plan"
            ),
            Some(FundingKind::RegionalRefugee)
        );
        assert_eq!(
            k(None, None, "Not specified"),
            Some(FundingKind::OutsideAppeal)
        );
        assert_eq!(
            k(Some(""), Some(""), "not  specified"),
            Some(FundingKind::OutsideAppeal)
        );
        assert_eq!(k(None, Some("Flash appeal"), "x"), Some(FundingKind::Flash));
        assert_eq!(
            k(None, Some("Humanitarian response plan"), "x"),
            Some(FundingKind::Hrp)
        );
        assert_eq!(
            k(Some("9"), Some("Other"), "Iraq Humanitarian Response Plan"),
            None
        );
        assert_eq!(k(None, None, "Iraq Humanitarian Response Plan"), None);
    }
}
