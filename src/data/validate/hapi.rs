//! HDX HAPI "Affected people: IDPs", the country file and the global file: DTM's
//! figures with HAPI's names and codes (`location_code`, `admin_level`, `admin1_code`
//! as OCHA's `IQG02`, `reference_period_start`/`_end` as `2010-11-30 00:00:00+00:00`).
//! The global file adds `dataset_hdx_id`, `resource_hdx_id`, `warning` and `error`.
//!
//! Read like a DTM API export (see `dtm_api.rs` and `published.rs`): Iraq's rows only;
//! admin 0 the national series, admin 1 the governorate table, admin 2 left out;
//! each operation its own source; the figure's date is the end of its reference
//! period. A row HAPI marks with an `error` ("Duplicate row") is left out
//! (`hapi_error`); HAPI's `warning` (a P-code it corrected) is only information. A
//! governorate comes from `admin1_code`, else `admin1_name`, else the provider's own
//! spelling.

use std::collections::BTreeSet;

use crate::data::cells::Cells;
use crate::data::country::{rows_word, split_by_country};
use crate::data::dtm_api::tables;
use crate::data::error::DataError;
use crate::data::levels::{Spec, assemble, level_rows};
use crate::data::parsed::LeftOut;
use crate::data::published::{FormatRead, note_left_out};
use crate::data::schema::col;

/// Where a HAPI file keeps its columns.
const SPEC: Spec = Spec {
    date: col::HAPI_PERIOD_END,
    value: col::POPULATION,
    places: &[col::PCODE, col::GOVERNORATE, col::HAPI_PROVIDER_ADMIN1],
};

/// Reads Iraq's rows of a HAPI IDPs file.
pub(in crate::data) fn read(c: &mut Cells) -> Result<FormatRead, DataError> {
    let (rows, mut left_out) = split_by_country(c.raw)?;
    let error_column = c.index(col::HAPI_ERROR);
    let (mut flagged, mut errors) = (0, BTreeSet::new());
    let mut clean = Vec::new();
    for row in rows {
        if let Some(error) = error_column.and_then(|i| c.raw.cell(i, row)) {
            flagged += 1;
            errors.insert(error.to_string());
        } else {
            clean.push(row);
        }
    }
    let (figures, empty) = level_rows(c, clean, SPEC);
    if flagged > 0 {
        let errors: Vec<String> = errors.into_iter().collect();
        left_out.push(LeftOut {
            reason: "hapi_error",
            rows: flagged,
            detail: format!(
                "{} that HDX HAPI marks with an error left out ({})",
                rows_word(flagged),
                errors.join("; ")
            ),
        });
    }
    left_out.extend(empty);
    let (governorates, national, more) = assemble(c, figures, SPEC);
    left_out.extend(more);
    note_left_out(c, &left_out);
    Ok(tables(governorates, national, left_out))
}

#[cfg(test)]
mod tests {
    use crate::data::{Dataset, Parsed, Shape, Table};

    /// Made-up figures in HAPI's global layout (not real data), with its BOM.
    const HEADER: &str = "\u{feff}location_code,has_hrp,in_gho,provider_admin1_name,provider_admin2_name,admin1_code,admin1_name,admin2_code,admin2_name,admin_level,operation,assessment_type,population,reporting_round,reference_period_start,reference_period_end,dataset_hdx_id,resource_hdx_id,warning,error\r\n#country+code,#meta+has_hrp,#meta+in_gho,#adm1+name+provider,#adm2+name+provider,#adm1+code,#adm1+name,#adm2+code,#adm2+name,#adm+level,#operation+name,#assessment+type,#affected+idps,#round+code,#date+start,#date+end,#meta+dataset_id,#meta+resource_id,#meta+warning,#meta+error\r\n";

    fn parse(rows: &str) -> Result<Parsed, String> {
        let text = format!("{HEADER}{rows}");
        Dataset::empty()
            .unwrap()
            .parse_bytes("hapi_made_up.csv", text.as_bytes())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn hapi_rows_become_governorates_and_a_national_series() {
        let p = parse(concat!(
            "IRQ,Y,Y,,,,,,,0,Iraq conflict,BA,1000,5,2014-08-31 00:00:00+00:00,2014-08-31 00:00:00+00:00,d,r,,\r\n",
            "IRQ,Y,Y,Al-Basrah,,IQG02,Basrah,,,1,Iraq conflict,BA,400,5,2014-08-31 00:00:00+00:00,2014-08-31 00:00:00+00:00,d,r,,\r\n",
            "IRQ,Y,Y,Al-Sulaymaniyah,,,,,,1,Iraq conflict,BA,600,5,2014-08-31 00:00:00+00:00,2014-08-31 00:00:00+00:00,d,r,Pcode unknown IRQ-G06,\r\n",
            "IRQ,Y,Y,Al-Basrah,,IQG02,Basrah,,,1,Iraq conflict,BA,400,5,2014-08-31 00:00:00+00:00,2014-08-31 00:00:00+00:00,d,r,,Duplicate row\r\n",
            "SDN,Y,Y,Khartoum,,SD01,Khartoum,,,1,Sudan conflict,BA,99999,5,2014-08-31 00:00:00+00:00,2014-08-31 00:00:00+00:00,d,r,,\r\n",
        ))
        .unwrap();
        assert_eq!(p.shape, Shape::HapiIdps);
        let Table::IdpsGovernorate(govs) = &p.table else {
            panic!("{:?}", p.table.kind());
        };
        let values: Vec<(String, u64)> = govs
            .iter()
            .map(|g| (g.pcode.to_string(), g.individuals))
            .collect();
        assert_eq!(
            values,
            [("IQG02".to_string(), 400), ("IQG06".to_string(), 600)]
        );
        assert_eq!(govs[0].date.to_string(), "2014-08-31");
        let [Table::IdpsNational(national)] = p.also.as_slice() else {
            panic!("{:?}", p.also);
        };
        assert_eq!(national[0].idps, 1000);
        let reasons: Vec<(&str, usize)> = p.left_out.iter().map(|l| (l.reason, l.rows)).collect();
        assert_eq!(reasons, [("other_country", 1), ("hapi_error", 1)]);
        assert_eq!(
            p.left_out[1].detail,
            "1 row that HDX HAPI marks with an error left out (Duplicate row)"
        );
    }
}
