//! IOM DTM API exports, as HDX publishes them ("Global IOM DTM data for admin levels
//! 0-2", and the per-country files): one row per operation, date, round and admin
//! area, `admin0Pcode` naming the country.
//!
//! Only Iraq's rows are read (see `country.rs`). Admin-0 rows become a national
//! series of the user (`dtm_user`), admin-1 rows the IDPs-by-governorate table
//! (basis displacement), and admin-2 rows are left out: levels are never added
//! together (see `published.rs`). Each operation is its own source ("your file:
//! NAME, operation Iraq conflict"). The main table is the governorate table when the
//! file has admin-1 rows (the national rows come beside it), else the national one.
//! Dates are read as DTM writes them (`2014-04-01T00:00:00`), P-codes as `IRQ-G02`,
//! names as DTM spells them (`Al-Basrah`).

use crate::data::cells::Cells;
use crate::data::country::split_by_country;
use crate::data::error::DataError;
use crate::data::levels::{Spec, assemble, level_rows};
use crate::data::parsed::Table;
use crate::data::published::{FormatRead, note_left_out};
use crate::data::schema::col;

/// Where a DTM API export keeps its columns.
const SPEC: Spec = Spec {
    date: col::DATE,
    value: col::INDIVIDUALS,
    places: &[col::PCODE, col::GOVERNORATE],
};

/// Reads Iraq's rows of a DTM API export.
pub(in crate::data) fn read(c: &mut Cells) -> Result<FormatRead, DataError> {
    let (rows, mut left_out) = split_by_country(c.raw)?;
    let (figures, empty) = level_rows(c, rows, SPEC);
    left_out.extend(empty);
    let (governorates, national, more) = assemble(c, figures, SPEC);
    left_out.extend(more);
    note_left_out(c, &left_out);
    Ok(tables(governorates, national, left_out))
}

/// The governorate table first when there is one, the national rows beside it.
pub(in crate::data) fn tables(
    governorates: Vec<crate::domain::GovernoratePoint>,
    national: Vec<crate::domain::NationalPoint>,
    left_out: Vec<crate::data::parsed::LeftOut>,
) -> FormatRead {
    if governorates.is_empty() {
        FormatRead {
            table: Table::IdpsNational(national),
            also: Vec::new(),
            left_out,
        }
    } else {
        let also = if national.is_empty() {
            Vec::new()
        } else {
            vec![Table::IdpsNational(national)]
        };
        FormatRead {
            table: Table::IdpsGovernorate(governorates),
            also,
            left_out,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::data::{Dataset, NationalSeries, Parsed, Shape, Table};

    /// Made-up figures in the DTM API layout (not real data).
    const HEADER: &str = "id,operation,admin0Name,admin0Pcode,admin1Name,admin1Pcode,admin2Name,admin2Pcode,numPresentIdpInd,reportingDate,yearReportingDate,monthReportingDate,roundNumber,assessmentType\r\n#id+code,#operation+name,#country+name,#country+code,#adm1+name,#adm1+code,#adm2+name,#adm2+code,#affected+idps,#date+reported,#date+year+reported,#date+month+reported,#round+code,#assessment+type\r\n";

    fn parse(rows: &str) -> Result<Parsed, String> {
        let text = format!("{HEADER}{rows}");
        Dataset::empty()
            .unwrap()
            .parse_bytes("dtm_api_made_up.csv", text.as_bytes())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn admin_one_rows_are_governorates_and_admin_zero_rows_the_national_series() {
        let p = parse(concat!(
            "1,Iraq conflict,Iraq,IRQ,,,,,900,2014-04-01T00:00:00,2014,4,1,BA\r\n",
            "2,Iraq conflict,Iraq,IRQ,Al-Basrah,IRQ-G02,,,300,2014-04-01T00:00:00,2014,4,1,BA\r\n",
            "3,Iraq conflict,Iraq,IRQ,Al-Qadissiya,IRQ-G05,,,600,2014-04-01T00:00:00,2014,4,1,BA\r\n",
            "4,Iraq conflict,Iraq,IRQ,Al-Basrah,IRQ-G02,Al-Zubair,IRQ-D010,100,2014-04-01T00:00:00,2014,4,1,BA\r\n",
            "5,Haiti Earthquake,Haiti,HTI,,,,,5000,2014-04-01T00:00:00,2014,4,1,SA\r\n",
        ))
        .unwrap();
        assert_eq!(p.shape, Shape::DtmApi);
        let Table::IdpsGovernorate(govs) = &p.table else {
            panic!("{:?}", p.table.kind());
        };
        let values: Vec<(String, u64)> = govs
            .iter()
            .map(|g| (g.pcode.to_string(), g.individuals))
            .collect();
        assert_eq!(
            values,
            [("IQG02".to_string(), 300), ("IQG05".to_string(), 600)]
        );
        assert_eq!(
            govs[0].source_id,
            "file:dtm_api_made_up.csv, operation Iraq conflict"
        );
        let [Table::IdpsNational(national)] = p.also.as_slice() else {
            panic!("{:?}", p.also);
        };
        assert_eq!(national.len(), 1);
        assert_eq!(national[0].idps, 900);
        assert_eq!(national[0].series, NationalSeries::DtmUser);
        let reasons: Vec<(&str, usize)> = p.left_out.iter().map(|l| (l.reason, l.rows)).collect();
        assert_eq!(reasons, [("other_country", 1), ("other_admin_level", 1)]);
        assert_eq!(
            p.left_out[0].detail,
            "1 row of another country left out: HTI"
        );
    }

    #[test]
    fn a_round_without_governorate_rows_sums_its_districts_and_says_so() {
        let p = parse(concat!(
            "1,Iraq conflict,Iraq,IRQ,Ninewa,IRQ-G15,Mosul,IRQ-D001,70,2015-01-31T00:00:00,2015,1,9,BA\r\n",
            "2,Iraq conflict,Iraq,IRQ,Ninewa,IRQ-G15,Sinjar,IRQ-D002,30,2015-01-31T00:00:00,2015,1,9,BA\r\n",
            "3,Iraq conflict,Iraq,IRQ,Duhok,IRQ-G09,Zakho,IRQ-D003,5,2015-01-31T00:00:00,2015,1,9,BA\r\n",
        ))
        .unwrap();
        let Table::IdpsGovernorate(govs) = &p.table else {
            panic!("{:?}", p.table.kind());
        };
        let values: Vec<(String, u64)> = govs
            .iter()
            .map(|g| (g.pcode.to_string(), g.individuals))
            .collect();
        assert_eq!(
            values,
            [("IQG09".to_string(), 5), ("IQG15".to_string(), 100)]
        );
        assert!(p.left_out.is_empty(), "{:?}", p.left_out);
        assert!(
            p.warnings.iter().any(|w| w.message
                == "round 9 of 2015-01-31 (operation Iraq conflict) has no governorate rows: its 3 district rows were summed to 2 governorates"),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn only_the_latest_round_of_a_date_is_kept_and_duplicates_never_add() {
        let p = parse(concat!(
            "1,Iraq conflict,Iraq,IRQ,,,,,800,2016-03-31T00:00:00,2016,3,41,BA\r\n",
            "2,Iraq conflict,Iraq,IRQ,,,,,850,2016-03-31T00:00:00,2016,3,42,BA\r\n",
            "3,Iraq conflict,Iraq,IRQ,,,,,850,2016-03-31T00:00:00,2016,3,42,BA\r\n",
        ))
        .unwrap();
        let Table::IdpsNational(national) = &p.table else {
            panic!("{:?}", p.table.kind());
        };
        assert_eq!(national.len(), 1);
        assert_eq!((national[0].round, national[0].idps), (Some(42), 850));
        let reasons: Vec<(&str, usize)> = p.left_out.iter().map(|l| (l.reason, l.rows)).collect();
        assert_eq!(reasons, [("older_round", 1), ("duplicate", 1)]);
    }

    #[test]
    fn an_empty_count_is_a_gap_never_zero() {
        let p = parse(concat!(
            "1,Iraq conflict,Iraq,IRQ,,,,,,2016-03-31T00:00:00,2016,3,42,BA\r\n",
            "2,Iraq conflict,Iraq,IRQ,Ninewa,IRQ-G15,,,70,2016-03-31T00:00:00,2016,3,42,BA\r\n",
        ))
        .unwrap();
        assert!(p.also.is_empty(), "{:?}", p.also);
        let reasons: Vec<(&str, usize)> = p.left_out.iter().map(|l| (l.reason, l.rows)).collect();
        assert_eq!(reasons, [("no_value", 1)]);
        assert_eq!(p.left_out[0].detail, "1 row with no IDP figure left out");
    }

    #[test]
    fn a_file_of_another_country_is_refused_with_one_message() {
        let e = parse(
            "1,Afghanistan conflict,Afghanistan,AFG,,,,,10,2024-01-31T00:00:00,2024,1,3,BA\r\n",
        )
        .unwrap_err();
        assert_eq!(
            e,
            "dtm_api_made_up.csv: holds Afghanistan (AFG) rows only; this app's data is Iraq's"
        );
    }

    #[test]
    fn a_bad_governorate_is_named_with_its_row_and_column() {
        let e = parse(
            "1,Iraq conflict,Iraq,IRQ,Atlantis,IRQ-G99,,,10,2024-01-31T00:00:00,2024,1,3,BA\r\n",
        )
        .unwrap_err();
        assert!(
            e.starts_with("dtm_api_made_up.csv: row 3, column \"admin1Pcode\": expected a known governorate name or P-code"),
            "{e}"
        );
    }
}
