//! Turns a [`RawTable`] of text cells into validated records of one table kind: the
//! dispatcher over every shape (the readers of published formats live in their own
//! files) and the readers of the app's own table kinds.
//!
//! Every cell is checked (dates parse, counts are whole numbers of 0 or more, codes
//! are known, governorates resolve in the gazetteer), and every problem in the file is
//! collected, so the user fixes a file in one pass rather than one error at a time.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::data::cells::{
    Cells, mark_complete, one_of, parse_bool, parse_pct, parse_region, parse_round, parse_year,
};
use crate::data::error::DataError;
use crate::data::parsed::{Parsed, Table};
use crate::data::published::FormatRead;
use crate::data::raw::RawTable;
use crate::data::schema::{Shape, TableKind, col};
use crate::domain::{
    Basis, CampCount, CampDefinition, CampEvent, CampEventKind, CampScope, Event, EventCategory,
    FundingKind, FundingRow, GovernoratePoint, NationalPoint, NationalSeries, PeopleUnit,
    Precision, Source,
};
use crate::domain::{Gazetteer, Governorate, Pcode};

/// Validates every row of `raw` as its recognised shape (not master lists: see
/// `masterlist.rs`).
pub fn parse(raw: &RawTable, gazetteer: &Gazetteer) -> Result<Parsed, DataError> {
    let mut cells = Cells::new(raw, gazetteer);
    if matches!(
        raw.shape,
        Shape::Table(TableKind::IdpsGovernorate | TableKind::Camps)
    ) {
        crate::data::country::refuse_foreign_places(raw, gazetteer)?;
    }
    let plain = |table| FormatRead {
        table,
        also: Vec::new(),
        left_out: Vec::new(),
    };
    let read = match raw.shape {
        Shape::Table(kind) => plain(match kind {
            TableKind::Governorates => Table::Governorates(governorates(&mut cells)),
            TableKind::Sources => Table::Sources(sources(&mut cells)),
            TableKind::IdpsNational => Table::IdpsNational(idps_national(&mut cells)),
            TableKind::IdpsGovernorate => Table::IdpsGovernorate(idps_governorate(&mut cells)),
            TableKind::Camps => Table::Camps(camps(&mut cells)),
            TableKind::CampCounts => Table::CampCounts(camp_counts(&mut cells)),
            TableKind::Funding => Table::Funding(funding(&mut cells)),
            TableKind::Events => Table::Events(events(&mut cells)),
            // Not in `Shape::ALL`; a remembered mapping may name it: read as FTS flows.
            TableKind::FundingFlows => {
                Table::FundingFlows(crate::data::fts_flows::flows(&mut cells)?)
            }
        }),
        Shape::FtsExport => crate::data::fts::read(&mut cells)?,
        Shape::FtsFlows => plain(Table::FundingFlows(crate::data::fts_flows::flows(
            &mut cells,
        )?)),
        Shape::DtmApi => crate::data::dtm_api::read(&mut cells)?,
        Shape::HapiIdps => crate::data::hapi::read(&mut cells)?,
        Shape::Idmc => crate::data::idmc::read(&mut cells)?,
        Shape::UnhcrPopstats => crate::data::unhcr::read(&mut cells)?,
        Shape::DtmMasterList => {
            return Err(DataError::Malformed {
                file: raw.file.clone(),
                reason: "a master list is read by the master-list reader".into(),
            });
        }
    };
    if let (Some(first), n) = (raw.stray_rows.first(), raw.stray_rows.len()) {
        let place = raw
            .sheet
            .as_ref()
            .map(|s| format!("sheet \"{s}\", "))
            .unwrap_or_default();
        let rows = if n == 1 {
            format!("row {first} holds")
        } else {
            format!("{n} rows (the first: row {first}) hold")
        };
        cells.warnings.push(crate::data::error::Warning {
            file: raw.file.clone(),
            message: format!(
                "{place}{rows} values only right of the table's last column (\"{}\"); ignored",
                raw.header.last().cloned().unwrap_or_default()
            ),
        });
    }
    if cells.problems.is_empty() {
        Ok(Parsed {
            table: read.table,
            warnings: cells.warnings,
            shape: raw.shape,
            locations_aggregated: None,
            rows_read: raw.height(),
            left_out: {
                let mut left_out = read.left_out;
                left_out.append(&mut cells.left_out);
                left_out
            },
            also: read.also,
            dating: None,
            as_of: None,
        })
    } else {
        Err(DataError::from_problems(cells.problems))
    }
}

fn governorates(c: &mut Cells) -> Vec<Governorate> {
    let mut out = Vec::new();
    for row in c.rows() {
        let pcode = c.required(row, col::PCODE, "a P-code IQG01 to IQG18", Pcode::parse);
        let iso = c.text(row, col::ISO_3166_2);
        let name_en = c.text(row, col::NAME_EN);
        let name_ar = c.text(row, col::NAME_AR);
        let alt = c.opt_text(row, col::ALT_NAMES).unwrap_or_default();
        let region = c.token(row, col::REGION, &["federal", "kri"], parse_region);
        if let (Some(pcode), Some(iso_3166_2), Some(name_en), Some(name_ar), Some(region)) =
            (pcode, iso, name_en, name_ar, region)
        {
            let alt_names = alt
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            out.push(Governorate {
                pcode,
                iso_3166_2,
                name_en,
                name_ar,
                alt_names,
                region,
            });
        }
    }
    out
}

fn sources(c: &mut Cells) -> Vec<Source> {
    let mut out = Vec::new();
    for row in c.rows() {
        let id = c.text(row, col::SOURCE_ID);
        let publisher = c.text(row, col::PUBLISHER);
        let title = c.text(row, col::TITLE);
        let date_published = c.text(row, col::PUBLISHED);
        let url = c.text(row, col::URL);
        let note = c.opt_text(row, col::NOTE);
        if let (Some(id), Some(publisher), Some(title), Some(on), Some(url)) =
            (id, publisher, title, date_published, url)
        {
            out.push(Source {
                id,
                publisher,
                title,
                published: on,
                url,
                note,
            });
        }
    }
    out
}

fn idps_national(c: &mut Cells) -> Vec<NationalPoint> {
    let mut out = Vec::new();
    for row in c.rows() {
        let date = c.date(row, col::DATE);
        let date_precision = c.precision(row);
        let round = c.optional(row, col::ROUND, "a DTM round number", parse_round);
        let series = c.token(
            row,
            col::SERIES,
            NationalSeries::TOKENS,
            NationalSeries::parse,
        );
        let idps = c.count(row, col::IDPS);
        let returnees = c.opt_count(row, col::RETURNEES);
        let households = c.opt_count(row, col::HOUSEHOLDS);
        let precision = c.token(row, col::PRECISION, Precision::TOKENS, Precision::parse);
        let source_id = c.source(row);
        if let (
            Some(date),
            Ok(date_precision),
            Ok(round),
            Some(series),
            Some(idps),
            Ok(returnees),
            Ok(households),
            Some(precision),
            Some(source_id),
        ) = (
            date,
            date_precision,
            round,
            series,
            idps,
            returnees,
            households,
            precision,
            source_id,
        ) {
            out.push(NationalPoint {
                date,
                date_precision,
                round,
                series,
                idps,
                returnees,
                households,
                precision,
                source_id,
            });
        }
    }
    out
}

fn idps_governorate(c: &mut Cells) -> Vec<GovernoratePoint> {
    let mut out = Vec::new();
    let mut seen: HashMap<(NaiveDate, Pcode, Basis, String, Option<String>), usize> =
        HashMap::new();
    for row in c.rows() {
        let date = c.date(row, col::DATE);
        let round = c.optional(row, col::ROUND, "a DTM round number", parse_round);
        let pcode = c.governorate(row);
        let basis = c
            .optional(row, col::BASIS, &one_of(Basis::TOKENS), Basis::parse)
            .map(|b| b.unwrap_or(Basis::Displacement));
        let individuals = c.count(row, col::INDIVIDUALS);
        let panel = c.opt_text(row, col::PANEL);
        let complete = c.optional(row, col::COMPLETE, "true or false", parse_bool);
        let source_id = c.source(row);
        let (
            Some(date),
            Ok(round),
            Some(pcode),
            Ok(basis),
            Some(individuals),
            Ok(complete),
            Some(source_id),
        ) = (date, round, pcode, basis, individuals, complete, source_id)
        else {
            continue;
        };
        let key = (date, pcode, basis, source_id.clone(), panel.clone());
        if let Some(&first) = seen.get(&key) {
            duplicate(c, row, first, pcode);
            continue;
        }
        seen.insert(key, row);
        out.push(GovernoratePoint {
            date,
            round,
            pcode,
            basis,
            individuals,
            panel,
            complete: complete.unwrap_or(false),
            source_id,
        });
    }
    if c.index(col::COMPLETE).is_none() {
        mark_complete(&mut out, c.gazetteer().governorates().len());
    }
    out
}

/// A row with the same key as `first`. An empty `basis` is read as displacement, so
/// when either row's basis is empty that cell is blamed; otherwise the governorate,
/// in the column the file names it by.
fn duplicate(c: &mut Cells, row: usize, first: usize, pcode: Pcode) {
    let first_line = c.raw.line(first);
    let empty_basis = |r: usize| {
        c.index(col::BASIS)
            .is_some_and(|i| c.raw.cell(i, r).is_none())
    };
    if empty_basis(row) || empty_basis(first) {
        let (empty, found) = if empty_basis(row) {
            ("this row's".to_string(), String::new())
        } else {
            let i = c.index(col::BASIS);
            let text = i.and_then(|i| c.raw.cell(i, row)).unwrap_or_default();
            (format!("row {first_line}'s"), text.to_string())
        };
        let expected = format!(
            "a basis ({}): {empty} empty basis is read as displacement, and row {first_line} \
             has the same date, governorate, source and panel",
            Basis::TOKENS.join(", ")
        );
        c.problem(row, col::BASIS, &expected, &found);
        return;
    }
    let column = if c.index(col::PCODE).is_some() {
        col::PCODE
    } else {
        col::GOVERNORATE
    };
    let found = c
        .index(column)
        .and_then(|i| c.raw.cell(i, row))
        .map_or_else(|| pcode.to_string(), str::to_string);
    let expected = format!(
        "one row per date, governorate, basis, source and panel (row {first_line} has the same)"
    );
    c.problem(row, column, &expected, &found);
}

fn camps(c: &mut Cells) -> Vec<CampEvent> {
    let mut out = Vec::new();
    for row in c.rows() {
        let camp = c.text(row, col::CAMP);
        let pcode = c.governorate(row);
        let district = c.opt_text(row, col::DISTRICT);
        let event = c.token(row, col::EVENT, CampEventKind::TOKENS, CampEventKind::parse);
        let date = c.date(row, col::DATE);
        let date_precision = c.precision(row);
        let population = c.opt_count(row, col::POPULATION);
        let unit = c.optional(
            row,
            col::POPULATION_UNIT,
            &one_of(PeopleUnit::TOKENS),
            PeopleUnit::parse,
        );
        let source_id = c.source(row);
        if let (
            Some(camp),
            Some(pcode),
            Some(event),
            Some(date),
            Ok(date_precision),
            Ok(population),
            Ok(population_unit),
            Some(source_id),
        ) = (
            camp,
            pcode,
            event,
            date,
            date_precision,
            population,
            unit,
            source_id,
        ) {
            if population.is_some() && population_unit.is_none() {
                c.problem(row, col::POPULATION_UNIT, &one_of(PeopleUnit::TOKENS), "");
                continue;
            }
            out.push(CampEvent {
                camp,
                pcode,
                district,
                event,
                date,
                date_precision,
                population,
                population_unit,
                source_id,
            });
        }
    }
    out
}

fn camp_counts(c: &mut Cells) -> Vec<CampCount> {
    let mut out = Vec::new();
    let scope_expected = format!(
        "{} or a governorate P-code IQGnn",
        one_of(CampScope::TOKENS)
    );
    for row in c.rows() {
        let date = c.date(row, col::DATE);
        let date_precision = c.precision(row);
        let scope = c.required(row, col::SCOPE, &scope_expected, CampScope::parse);
        let definition = c.token(
            row,
            col::DEFINITION,
            CampDefinition::TOKENS,
            CampDefinition::parse,
        );
        let camps = c.opt_count(row, col::CAMPS);
        let people = c.opt_count(row, col::PEOPLE);
        let unit = c.optional(
            row,
            col::PEOPLE_UNIT,
            &one_of(PeopleUnit::TOKENS),
            PeopleUnit::parse,
        );
        let source_id = c.source(row);
        if let (
            Some(date),
            Ok(date_precision),
            Some(scope),
            Some(definition),
            Ok(camps),
            Ok(people),
            Ok(people_unit),
            Some(source_id),
        ) = (
            date,
            date_precision,
            scope,
            definition,
            camps,
            people,
            unit,
            source_id,
        ) {
            if people.is_some() && people_unit.is_none() {
                c.problem(row, col::PEOPLE_UNIT, &one_of(PeopleUnit::TOKENS), "");
                continue;
            }
            out.push(CampCount {
                date,
                date_precision,
                scope,
                definition,
                camps,
                people,
                people_unit,
                source_id,
            });
        }
    }
    out
}

fn funding(c: &mut Cells) -> Vec<FundingRow> {
    let mut out = Vec::new();
    for row in c.rows() {
        let year = c.required(row, col::YEAR, "a year such as 2022", parse_year);
        let plan_code = c.opt_text(row, col::PLAN_CODE);
        let plan_name = c.text(row, col::PLAN_NAME);
        let kind = c.token(row, col::KIND, FundingKind::TOKENS, FundingKind::parse);
        let requirements = c.opt_count(row, col::REQUIREMENTS_USD);
        let funding = c.opt_count(row, col::FUNDING_USD);
        let reported = c.optional(
            row,
            col::COVERAGE_REPORTED_PCT,
            "a percentage, 0 or more",
            parse_pct,
        );
        let reported_on = c.opt_text(row, col::REPORTED_ON);
        let reported_source_id = c.opt_text(row, col::REPORTED_SOURCE_ID);
        let source_id = c.source(row);
        if let (
            Some(year),
            Some(plan_name),
            Some(kind),
            Ok(requirements_usd),
            Ok(funding_usd),
            Ok(coverage_reported_pct),
            Some(source_id),
        ) = (
            year,
            plan_name,
            kind,
            requirements,
            funding,
            reported,
            source_id,
        ) {
            out.push(FundingRow {
                year,
                plan_code,
                plan_name,
                kind,
                requirements_usd,
                funding_usd,
                coverage_reported_pct,
                reported_on,
                reported_source_id,
                source_id,
            });
        }
    }
    out
}

fn events(c: &mut Cells) -> Vec<Event> {
    let mut out = Vec::new();
    for row in c.rows() {
        let date = c.date(row, col::DATE);
        let date_precision = c.precision(row);
        let title = c.text(row, col::TITLE);
        let category = c.token(
            row,
            col::CATEGORY,
            EventCategory::TOKENS,
            EventCategory::parse,
        );
        let milestone = c.optional(row, col::MILESTONE, "true or false", parse_bool);
        let short_title = c.opt_text(row, col::SHORT_TITLE);
        let source_id = c.source(row);
        if let (
            Some(date),
            Ok(date_precision),
            Some(title),
            Some(category),
            Ok(milestone),
            Some(source_id),
        ) = (date, date_precision, title, category, milestone, source_id)
        {
            out.push(Event {
                date,
                date_precision,
                title,
                category,
                milestone: milestone.unwrap_or(false),
                short_title,
                source_id,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_read_their_optional_milestone_and_short_title() {
        let ds = crate::data::Dataset::empty().unwrap();
        let events = |text: &str| match ds.parse_bytes("events.csv", text.as_bytes()) {
            Ok(Parsed {
                table: Table::Events(rows),
                ..
            }) => Ok(rows),
            Ok(other) => panic!("not events: {:?}", other.table.kind()),
            Err(e) => Err(e.to_string()),
        };
        let plain = events("date,title,category\n2024-09-01,UNITAD mandate ends,policy\n").unwrap();
        assert_eq!(
            (plain[0].milestone, plain[0].short_title.as_deref()),
            (false, None)
        );
        let marked = events(
            "date,title,category,milestone,short_title,source_id\n\
             2024-09-01,UNITAD mandate ends,policy,true,UNITAD ends,s\n\
             2024-09-02,Other,policy,,,s\n",
        )
        .unwrap();
        assert_eq!(
            (marked[0].milestone, marked[0].short_title.as_deref()),
            (true, Some("UNITAD ends"))
        );
        assert_eq!(
            (marked[1].milestone, marked[1].short_title.as_deref()),
            (false, None)
        );
        let bad = events("date,title,category,milestone\n2024-09-01,UNITAD,policy,maybe\n");
        let message = bad.unwrap_err();
        assert!(
            message.contains("column \"milestone\": expected true or false, found \"maybe\""),
            "{message}"
        );
    }
}
