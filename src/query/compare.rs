//! Two dates compared (issue 13): the change by governorate between two governorate
//! tables of one basis, sorted by change, with the national change, for the compare
//! panel, its CSV and `export --table compare`.
//!
//! Only dates with a table are comparable; a complete table (every governorate) is
//! offered by default, a partial one only when asked for, and then its unnamed
//! remainder (the national figure less the governorates it names) is its own row.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::Filters;
use super::idps::{FigureBasis, GovernorateTable, governorate_tables};
use crate::data::{Basis, Dataset, Pcode};

/// A date that has a governorate table of the basis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparableDate {
    pub date: NaiveDate,
    /// The table covers every governorate.
    pub complete: bool,
    /// DTM's own table, or UNHCR's reproduction of it.
    pub basis: FigureBasis,
    /// The table's source.
    pub source_id: String,
}

/// One governorate's change (or the national one, with no P-code).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow {
    pub pcode: Option<Pcode>,
    pub governorate: String,
    pub from_date: NaiveDate,
    pub from_value: Option<u64>,
    pub to_date: NaiveDate,
    pub to_value: Option<u64>,
    /// `to − from`; `None` when either is unknown.
    pub change: Option<i64>,
    /// The change as a percentage of `from`, one decimal; `None` from zero.
    pub change_pct: Option<f64>,
    /// The two tables' source ids, "from; to" (one when the same).
    pub source: String,
}

/// The comparison of two dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub basis: Basis,
    pub from: ComparableDate,
    pub to: ComparableDate,
    /// The governorates passing the filter, largest fall first, then rises; unknown
    /// changes last.
    pub rows: Vec<ChangeRow>,
    /// The unnamed remainder of a partial table ("Other / not published").
    pub remainder: Option<ChangeRow>,
    /// Every governorate's sum: the national change (whatever the filter).
    pub national: ChangeRow,
}

/// Why two dates cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("no governorate table on {date} ({basis}); tables exist for: {known}")]
    NoTable {
        date: NaiveDate,
        basis: &'static str,
        known: String,
    },
    #[error("the dates are the same ({0}): choose two different dates")]
    SameDate(NaiveDate),
}

/// The dates with a table of the basis in the filters' years, oldest first; partial
/// tables only when `with_partial`.
#[must_use]
pub fn comparable_dates(
    dataset: &Dataset,
    filters: &Filters,
    basis: Basis,
    with_partial: bool,
) -> Vec<ComparableDate> {
    governorate_tables(dataset, filters, basis, !with_partial)
        .iter()
        .map(|(date, t)| ComparableDate::of(*date, t))
        .collect()
}

impl ComparableDate {
    fn of(date: NaiveDate, t: &GovernorateTable) -> ComparableDate {
        ComparableDate {
            date,
            complete: t.complete,
            basis: t.basis,
            source_id: t.source_id.clone(),
        }
    }
}

/// Compares the tables of two dates (in any years: the dates are explicit), the
/// governorates passing the filter row by row, the national change beside them.
pub fn compare(
    dataset: &Dataset,
    filters: &Filters,
    basis: Basis,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Comparison, CompareError> {
    if from == to {
        return Err(CompareError::SameDate(from));
    }
    let every_year = Filters {
        governorates: None,
        from: from.min(to).year(),
        to: from.max(to).year(),
    };
    let tables = governorate_tables(dataset, &every_year, basis, false);
    let table = |date: NaiveDate| {
        tables.get(&date).ok_or_else(|| CompareError::NoTable {
            date,
            basis: basis.as_str(),
            known: tables
                .keys()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        })
    };
    let (a, b) = (table(from)?, table(to)?);
    let source = if a.source_id == b.source_id {
        a.source_id.clone()
    } else {
        format!("{}; {}", a.source_id, b.source_id)
    };
    let row = |pcode: Option<Pcode>, name: String, x: Option<u64>, y: Option<u64>| {
        let change = x.zip(y).map(|(x, y)| y.cast_signed() - x.cast_signed());
        let change_pct = x
            .zip(change)
            .and_then(|(x, c)| (x > 0).then(|| (c as f64 / x as f64 * 1000.0).round() / 10.0));
        ChangeRow {
            pcode,
            governorate: name,
            from_date: from,
            from_value: x,
            to_date: to,
            to_value: y,
            change,
            change_pct,
            source: source.clone(),
        }
    };
    let mut rows: Vec<ChangeRow> = dataset
        .gazetteer
        .governorates()
        .iter()
        .filter(|g| filters.selects(g.pcode))
        .map(|g| {
            row(
                Some(g.pcode),
                g.name_en.clone(),
                a.values.get(&g.pcode).copied(),
                b.values.get(&g.pcode).copied(),
            )
        })
        .collect();
    rows.sort_by(|x, y| match (x.change, y.change) {
        (Some(p), Some(q)) => p.cmp(&q).then_with(|| x.governorate.cmp(&y.governorate)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => x.governorate.cmp(&y.governorate),
    });
    let total = |t: &GovernorateTable| t.values.values().sum::<u64>();
    let national_of = |t: &GovernorateTable, d: NaiveDate| {
        national_total(dataset, d).or_else(|| t.complete.then(|| total(t)))
    };
    let (na, nb) = (national_of(a, from), national_of(b, to));
    let partial = !a.complete || !b.complete;
    let remainder = partial.then(|| {
        let rest = |t: &GovernorateTable, n: Option<u64>| {
            if t.complete {
                Some(0)
            } else {
                n.map(|n| n.saturating_sub(total(t)))
            }
        };
        row(
            None,
            "Other / not published".into(),
            rest(a, na),
            rest(b, nb),
        )
    });
    Ok(Comparison {
        basis,
        from: ComparableDate::of(from, a),
        to: ComparableDate::of(to, b),
        rows,
        remainder,
        national: row(None, "Iraq".into(), na, nb),
    })
}

/// The columns of the comparison's CSV (`export --table compare`).
pub const CSV_COLUMNS: [&str; 9] = [
    "pcode",
    "governorate",
    "from_date",
    "from_value",
    "to_date",
    "to_value",
    "change",
    "change_pct",
    "source",
];

impl Comparison {
    /// The CSV rows, in [`CSV_COLUMNS`]: the governorates in order, the remainder of
    /// a partial table, then Iraq (no P-code). Plain numbers; empty where unknown;
    /// sources named "Publisher, title (published)", two joined by "; ".
    #[must_use]
    pub fn csv_rows(&self, dataset: &Dataset) -> Vec<Vec<String>> {
        let name = |id: &str| super::csv_rows::source_name(dataset, id);
        let opt = |v: Option<String>| v.unwrap_or_default();
        self.rows
            .iter()
            .chain(&self.remainder)
            .chain(std::iter::once(&self.national))
            .map(|r| {
                vec![
                    opt(r.pcode.map(|p| p.to_string())),
                    r.governorate.clone(),
                    r.from_date.to_string(),
                    opt(r.from_value.map(|v| v.to_string())),
                    r.to_date.to_string(),
                    opt(r.to_value.map(|v| v.to_string())),
                    opt(r.change.map(|v| v.to_string())),
                    opt(r.change_pct.map(|v| format!("{v:.1}"))),
                    r.source
                        .split("; ")
                        .map(name)
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
            .collect()
    }
}

/// The national DTM-based figure of a date (a DTM round or UNHCR's year-end
/// reproduction of DTM), when the dataset has one.
fn national_total(dataset: &Dataset, date: NaiveDate) -> Option<u64> {
    use crate::data::NationalSeries;
    let by_date: BTreeMap<NaiveDate, u64> = dataset
        .idps_national
        .iter()
        .filter(|p| matches!(p.series, NationalSeries::Dtm | NationalSeries::UnhcrYearEnd))
        .map(|p| (p.date, p.idps))
        .collect();
    by_date.get(&date).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filters() -> Filters {
        Filters {
            governorates: None,
            from: 2014,
            to: 2025,
        }
    }

    #[test]
    fn end_2017_against_end_2025_by_governorate_and_nationally() {
        let ds = Dataset::bundled().unwrap();
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let c = compare(
            &ds,
            &filters(),
            Basis::Displacement,
            d(2017, 12, 31),
            d(2025, 12, 31),
        )
        .unwrap();
        assert_eq!(c.rows.len(), 18);
        assert!(c.remainder.is_none(), "two complete tables");
        let ninewa = c.rows.iter().find(|r| r.governorate == "Ninewa").unwrap();
        assert_eq!(
            (ninewa.from_value, ninewa.to_value),
            (Some(807_324), Some(198_287))
        );
        assert_eq!(ninewa.change, Some(198_287 - 807_324));
        assert_eq!(ninewa.change_pct, Some(-75.4));
        // Largest fall first.
        assert_eq!(c.rows[0].governorate, "Ninewa");
        assert!(c.rows.windows(2).all(|w| w[0].change <= w[1].change));
        assert_eq!(c.national.to_value, Some(997_334));
        assert!(!c.to.complete || c.to.basis == FigureBasis::DtmViaUnhcr);
        let csv = c.csv_rows(&ds);
        assert_eq!(csv.len(), 19, "18 governorates and Iraq");
        assert_eq!(
            csv[0][..8],
            [
                "IQG15",
                "Ninewa",
                "2017-12-31",
                "807324",
                "2025-12-31",
                "198287",
                "-609037",
                "-75.4"
            ]
        );
        assert!(csv[0][8].contains("; UNHCR"), "{}", csv[0][8]);
        assert_eq!(csv[18][..2], ["", "Iraq"]);
        assert_eq!(csv[18][5], "997334");
    }

    #[test]
    fn a_date_without_a_table_or_the_same_date_twice_says_so() {
        let ds = Dataset::bundled().unwrap();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let e = compare(
            &ds,
            &filters(),
            Basis::Displacement,
            d(2017, 12, 30),
            d(2025, 12, 31),
        )
        .unwrap_err();
        assert!(
            e.to_string().starts_with(
                "no governorate table on 2017-12-30 (displacement); tables exist for: "
            ),
            "{e}"
        );
        assert!(e.to_string().contains("2017-12-31"), "{e}");
        let same = compare(
            &ds,
            &filters(),
            Basis::Displacement,
            d(2025, 12, 31),
            d(2025, 12, 31),
        )
        .unwrap_err();
        assert_eq!(same, CompareError::SameDate(d(2025, 12, 31)));
    }

    #[test]
    fn complete_dates_are_offered_and_partial_ones_only_on_request() {
        let ds = Dataset::bundled().unwrap();
        let complete = comparable_dates(&ds, &filters(), Basis::Origin, false);
        let all = comparable_dates(&ds, &filters(), Basis::Origin, true);
        assert!(complete.iter().all(|d| d.complete));
        assert!(all.len() > complete.len(), "origin tables are partial");
        let displacement = comparable_dates(&ds, &filters(), Basis::Displacement, false);
        let last = displacement.last().unwrap();
        assert_eq!(last.date, NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        assert_eq!(last.basis, FigureBasis::DtmViaUnhcr);
    }
}
