//! UNHCR population statistics exports (Refugee Data Finder, and the older popstats
//! files): one row per year, country of asylum or residence and origin.
//!
//! The rows whose country of asylum or residence is Iraq are read (`Country of
//! asylum (ISO)` before `Country of asylum` or `Country of asylum or residence`; the
//! country of origin never decides). Iraq's IDPs of each year (`IDPs of concern to
//! UNHCR`, older files `Internally displaced persons (IDPs)`) become the
//! `unhcr_year_end` comparison series, dated 31 December with year precision, with
//! the file as its source. `*` is a figure UNHCR does not publish, never 0: a year
//! that has only `*` gets no point, and a year that sums published figures beside a
//! `*` is marked a lower bound. Empty cells and `-` are no figure. Iraq's rows
//! without an IDP figure (refugees from elsewhere, asylum-seekers) are counted as
//! left out.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::data::cells::{Cells, file_source_id, parse_year};
use crate::data::country::{grouped, rows_word, split_by_country};
use crate::data::error::{DataError, Warning};
use crate::data::parsed::{LeftOut, Table};
use crate::data::published::{Count, FormatRead, count_cell, note_left_out};
use crate::data::schema::col;
use crate::domain::{DatePrecision, NationalPoint, NationalSeries, Precision};

/// What one year's rows say.
#[derive(Debug, Default)]
struct Year {
    idps: u64,
    published: usize,
    masked: usize,
}

/// Reads Iraq's IDPs per year.
pub(in crate::data) fn read(c: &mut Cells) -> Result<FormatRead, DataError> {
    let (rows, mut left_out) = split_by_country(c.raw)?;
    let mut years: BTreeMap<i32, Year> = BTreeMap::new();
    let (mut no_figure, mut masked) = (0, 0);
    for row in rows {
        let year = c.required(row, col::YEAR, "a year such as 2022", parse_year);
        let idps = count_cell(c, row, col::UNHCR_IDPS);
        let (Some(year), Ok(idps)) = (year, idps) else {
            continue;
        };
        let y = years.entry(year).or_default();
        match idps {
            Count::Value(v) => {
                y.idps = y.idps.saturating_add(v);
                y.published += 1;
            }
            Count::Masked => {
                y.masked += 1;
                masked += 1;
            }
            Count::Missing => no_figure += 1,
        }
    }
    let source_id = file_source_id(&c.raw.file);
    let mut points = Vec::new();
    for (year, y) in &years {
        let Some(date) = NaiveDate::from_ymd_opt(*year, 12, 31) else {
            continue;
        };
        if y.published == 0 {
            if y.masked > 0 {
                c.warnings.push(Warning {
                    file: c.raw.file.clone(),
                    message: format!(
                        "{year}: Iraq's IDP figure is not published (*); the year has no point"
                    ),
                });
            }
            continue;
        }
        let precision = if y.masked > 0 {
            c.warnings.push(Warning {
                file: c.raw.file.clone(),
                message: format!(
                    "{year}: {} not published (*) beside the published {}; the figure is a lower bound",
                    if y.masked == 1 { "1 figure is".to_string() } else { format!("{} figures are", y.masked) },
                    grouped(usize::try_from(y.idps).unwrap_or(usize::MAX))
                ),
            });
            Precision::LowerBound
        } else {
            Precision::Exact
        };
        points.push(NationalPoint {
            date,
            date_precision: DatePrecision::Year,
            round: None,
            series: NationalSeries::UnhcrYearEnd,
            idps: y.idps,
            returnees: None,
            households: None,
            precision,
            source_id: source_id.clone(),
        });
    }
    if masked > 0 {
        left_out.push(LeftOut {
            reason: "not_published",
            rows: masked,
            detail: format!(
                "{} of Iraq whose IDP figure is not published (*) left out",
                rows_word(masked)
            ),
        });
    }
    if no_figure > 0 {
        left_out.push(LeftOut {
            reason: "no_value",
            rows: no_figure,
            detail: format!(
                "{} of Iraq with no IDP figure (other populations) left out",
                rows_word(no_figure)
            ),
        });
    }
    note_left_out(c, &left_out);
    Ok(FormatRead {
        table: Table::IdpsNational(points),
        also: Vec::new(),
        left_out,
    })
}

#[cfg(test)]
mod tests {
    use crate::data::{Dataset, NationalSeries, Parsed, Precision, Shape, Table};

    fn parse(text: &str) -> Result<Parsed, String> {
        Dataset::empty()
            .unwrap()
            .parse_bytes("unhcr_made_up.csv", text.as_bytes())
            .map_err(|e| e.to_string())
    }

    fn idps(p: &Parsed) -> Vec<(String, u64, Precision)> {
        let Table::IdpsNational(points) = &p.table else {
            panic!("{:?}", p.table.kind());
        };
        assert!(
            points
                .iter()
                .all(|p| p.series == NationalSeries::UnhcrYearEnd)
        );
        points
            .iter()
            .map(|p| (p.date.to_string(), p.idps, p.precision))
            .collect()
    }

    #[test]
    fn the_refugee_data_finder_layout_gives_iraqs_idps_per_year() {
        // Made-up figures in the Refugee Data Finder layout (not real data).
        let p = parse(concat!(
            "Made-up extract for tests\n",
            "\n",
            "Year,Country of origin,Country of origin (ISO),Country of asylum,Country of asylum (ISO),Refugees under UNHCR's mandate,Asylum-seekers,IDPs of concern to UNHCR,Returned IDPss\n",
            "2021,Iraq,IRQ,Iraq,IRQ,0,0,1186556,500\n",
            "2021,Syrian Arab Rep.,SYR,Iraq,IRQ,250000,100,,\n",
            "2021,Iraq,IRQ,Türkiye,TUR,5000,20000,,\n",
            "2022,Iraq,IRQ,Iraq,IRQ,0,0,1168619,400\n",
            "2022,Iran (Islamic Rep. of),IRN,Iraq,IRQ,8000,*,*,\n",
            "2023,Iraq,IRQ,Iraq,IRQ,0,0,*,\n",
        ))
        .unwrap();
        assert_eq!(p.shape, Shape::UnhcrPopstats);
        assert_eq!(
            idps(&p),
            [
                ("2021-12-31".into(), 1_186_556, Precision::Exact),
                ("2022-12-31".into(), 1_168_619, Precision::LowerBound),
            ]
        );
        let reasons: Vec<(&str, usize)> = p.left_out.iter().map(|l| (l.reason, l.rows)).collect();
        assert_eq!(
            reasons,
            [("other_country", 1), ("not_published", 2), ("no_value", 1)]
        );
        assert_eq!(
            p.left_out[0].detail,
            "1 row of another country left out: TUR"
        );
        let messages: Vec<&str> = p.warnings.iter().map(|w| w.message.as_str()).collect();
        assert!(
            messages
                .contains(&"2023: Iraq's IDP figure is not published (*); the year has no point"),
            "{messages:?}"
        );
    }

    #[test]
    fn the_older_popstats_layout_is_read_by_its_names() {
        // Made-up figures in the older popstats layout (not real data).
        let p = parse(concat!(
            "Year,\"Country / territory of asylum/residence\",Origin,\"Refugees (incl. refugee-like situations)\",\"Internally displaced persons (IDPs)\",Returned IDPs\n",
            "2016,Iraq,Iraq,0,\"3,604,285\",\n",
            "2016,Jordan,Iraq,60000,,\n",
        ))
        .unwrap();
        assert_eq!(
            idps(&p),
            [("2016-12-31".into(), 3_604_285, Precision::Exact)]
        );
    }

    #[test]
    fn a_file_without_iraq_as_country_of_asylum_is_refused() {
        let e = parse(concat!(
            "Year,Country of origin,Country of asylum,IDPs of concern to UNHCR\n",
            "2022,Iraq,Jordan,\n",
        ))
        .unwrap_err();
        assert_eq!(
            e,
            "unhcr_made_up.csv: holds Jordan (JOR) rows only; this app's data is Iraq's"
        );
    }
}
