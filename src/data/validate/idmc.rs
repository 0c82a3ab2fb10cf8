//! IDMC displacement data (GIDD exports and HDX's "Internally displaced persons -
//! IDPs"): one row per country and year, `ISO3` naming the country.
//!
//! Iraq's conflict stock of each year becomes the `idmc_stock` comparison series of
//! the national table, dated 31 December with year precision, as the bundled rows
//! are, with the file as its source ("your file: NAME"). The figure is IDMC's
//! published one (`Conflict Stock Displacement`, rounded), else its unrounded
//! `(Raw)` figure; HDX's newer file names the unrounded figure `total_displacement`
//! under `#affected+idps+ind+total+conflict`. A year with no conflict stock is a gap,
//! never 0. Disaster event data (`event_name`) is refused: it is not a stock of IDPs.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::data::cells::{Cells, file_source_id, parse_year};
use crate::data::country::{rows_word, split_by_country};
use crate::data::error::DataError;
use crate::data::parsed::{LeftOut, Table};
use crate::data::published::{Count, FormatRead, count_cell, note_left_out};
use crate::data::schema::{col, fold_header};
use crate::domain::{DatePrecision, NationalPoint, NationalSeries, Precision};

/// Reads Iraq's conflict stock per year.
pub(in crate::data) fn read(c: &mut Cells) -> Result<FormatRead, DataError> {
    if c.index(col::IDMC_EVENT).is_some() {
        return Err(DataError::Unsupported {
            file: c.raw.file.clone(),
            what:
                "IDMC's disaster event data (this app reads IDMC's conflict stock of IDPs per year)"
                    .into(),
        });
    }
    let (rows, mut left_out) = split_by_country(c.raw)?;
    // HDX's newer file puts the unrounded figure under the stock's hashtag.
    let stock_is_raw = c
        .index(col::IDMC_CONFLICT_STOCK)
        .and_then(|i| c.raw.header.get(i))
        .is_some_and(|h| fold_header(h) == fold_header(col::IDMC_TOTAL_DISPLACEMENT));
    let source_id = file_source_id(&c.raw.file);
    let mut points: Vec<NationalPoint> = Vec::new();
    let mut years = BTreeSet::new();
    let (mut empty, mut empty_years, mut duplicate) = (0, Vec::new(), 0);
    for row in rows {
        let year = c.required(row, col::YEAR, "a year such as 2022", parse_year);
        let stock = count_cell(c, row, col::IDMC_CONFLICT_STOCK);
        let raw = count_cell(c, row, col::IDMC_CONFLICT_STOCK_RAW);
        let (Some(year), Ok(stock), Ok(raw)) = (year, stock, raw) else {
            continue;
        };
        let (idps, precision) = match (stock, raw) {
            (Count::Value(v), _) if stock_is_raw => (v, Precision::Exact),
            (Count::Value(v), _) => (v, Precision::Rounded),
            (_, Count::Value(v)) => (v, Precision::Exact),
            _ => {
                empty += 1;
                empty_years.push(year.to_string());
                continue;
            }
        };
        if !years.insert(year) {
            duplicate += 1;
            continue;
        }
        let Some(date) = NaiveDate::from_ymd_opt(year, 12, 31) else {
            continue;
        };
        points.push(NationalPoint {
            date,
            date_precision: DatePrecision::Year,
            round: None,
            series: NationalSeries::IdmcStock,
            idps,
            returnees: None,
            households: None,
            precision,
            source_id: source_id.clone(),
        });
    }
    if empty > 0 {
        left_out.push(LeftOut {
            reason: "no_value",
            rows: empty,
            detail: format!(
                "{} with no conflict stock figure left out ({})",
                rows_word(empty),
                empty_years.join(", ")
            ),
        });
    }
    if duplicate > 0 {
        left_out.push(LeftOut {
            reason: "duplicate",
            rows: duplicate,
            detail: format!(
                "{} repeating an earlier row's year left out",
                rows_word(duplicate)
            ),
        });
    }
    note_left_out(c, &left_out);
    points.sort_by_key(|p| p.date);
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
            .parse_bytes("idmc_made_up.csv", text.as_bytes())
            .map_err(|e| e.to_string())
    }

    fn stock(p: &Parsed) -> Vec<(String, u64, Precision)> {
        let Table::IdpsNational(points) = &p.table else {
            panic!("{:?}", p.table.kind());
        };
        assert!(points.iter().all(|p| p.series == NationalSeries::IdmcStock));
        points
            .iter()
            .map(|p| (p.date.to_string(), p.idps, p.precision))
            .collect()
    }

    #[test]
    fn the_gidd_export_gives_iraqs_rounded_stock_at_the_end_of_each_year() {
        // Made-up figures in the GIDD export layout (not real data).
        let p = parse(concat!(
            "ISO3,Name,Year,Conflict Stock Displacement,Conflict Stock Displacement (Raw),Conflict Internal Displacements,Conflict Internal Displacements (Raw)\n",
            "IRQ,Iraq,2014,3300000,3276123,2200000,2176764\n",
            "IRQ,Iraq,2015,,3290310,,\n",
            "IRQ,Iraq,2008,,,,\n",
            "SYR,Syria,2014,7600000,7600000,1100000,1100000\n",
        ))
        .unwrap();
        assert_eq!(p.shape, Shape::Idmc);
        assert_eq!(
            stock(&p),
            [
                ("2014-12-31".into(), 3_300_000, Precision::Rounded),
                ("2015-12-31".into(), 3_290_310, Precision::Exact),
            ]
        );
        let reasons: Vec<(&str, usize)> = p.left_out.iter().map(|l| (l.reason, l.rows)).collect();
        assert_eq!(reasons, [("other_country", 1), ("no_value", 1)]);
        assert_eq!(
            p.left_out[1].detail,
            "1 row with no conflict stock figure left out (2008)"
        );
    }

    #[test]
    fn hdx_files_are_read_by_their_hashtags() {
        // Made-up figures in HDX's older and newer layouts (not real data).
        let older = parse(concat!(
            "ISO3,Name,Year,Conflict Stock Displacement,Conflict New Displacements,Disaster New Displacements\n",
            "#country+code,#country+name,#date+year,#affected+idps+ind+stock+conflict,#affected+idps+ind+newdisp+conflict,#affected+idps+ind+newdisp+disaster\n",
            "AB9,Abyei Area,2014,20000,,\n",
            "IRQ,Iraq,2013,2100000,12000,\n",
        ))
        .unwrap();
        assert_eq!(
            stock(&older),
            [("2013-12-31".into(), 2_100_000, Precision::Rounded)]
        );
        assert_eq!(
            older.left_out[0].detail,
            "1 row of another country left out: AB9"
        );
        let newer = parse(concat!(
            "iso3,country_name,year,new_displacement,new_displacement_rounded,total_displacement,total_displacement_rounded\n",
            "#country+code,#country+name,#date+year,#affected+idps+ind+new+conflict,,#affected+idps+ind+total+conflict,\n",
            "IRQ,Iraq,2015,1113546,1114000,3290310,3290000\n",
        ))
        .unwrap();
        // Header names decide over hashtags (issue 8): `total_displacement_rounded`
        // is the published rounded stock, kept as the bundled IDMC rows are.
        assert_eq!(
            stock(&newer),
            [("2015-12-31".into(), 3_290_000, Precision::Rounded)]
        );
    }

    #[test]
    fn disaster_event_data_and_other_countries_are_refused() {
        let e = parse(concat!(
            "ISO3,Name,Year,Conflict Stock Displacement\n",
            "KEN,Kenya,2014,309200\n",
            "SOM,Somalia,2014,1107000\n",
        ))
        .unwrap_err();
        assert_eq!(
            e,
            "idmc_made_up.csv: holds rows of Kenya (KEN) and Somalia (SOM) only; this app's data is Iraq's"
        );
        let events = parse(concat!(
            "iso3,country_name,year,event_name,total_displacement,total_displacement_rounded\n",
            "IRQ,Iraq,2019,Floods,100,100\n",
        ))
        .unwrap_err();
        assert!(events.contains("disaster event data"), "{events}");
    }
}
