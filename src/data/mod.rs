//! The data layer: reads files, checks them, and holds what is loaded.
//!
//! This is the only code that reads files and knows column names. A file becomes
//! part of a [`Dataset`] only after its schema and every value are checked; otherwise
//! the caller gets a [`DataError`] naming file, row, column, what was expected and what
//! was found, and the dataset is left exactly as it was.

mod aggregate;
pub mod boundaries;
mod header;
pub mod load;
mod read;
mod validate;

// The pipeline's modules by their old paths (`data::csv`, `data::schema`, ...).
pub use aggregate::{masterlist, rounds};
pub use header::{detect, layout, mapping, raw, schema};
pub use load::{bundled, error, report};
pub use read::{csv, progress, xlsx};
pub use validate::{
    cells, country, dtm_api, fts, fts_flows, hapi, idmc, levels, parsed, published, tables, unhcr,
};

/// The gazetteer's names by their old path (`data::gazetteer::Pcode`); they live in
/// [`crate::domain`].
pub mod gazetteer {
    pub use crate::domain::{Gazetteer, Governorate, LookupError, Pcode, Region, Resolved, fold};
}

/// The validated rows by their old path (`data::records::Source`); they live in
/// [`crate::domain`].
pub mod records {
    pub use crate::domain::{
        Basis, CampCount, CampDefinition, CampEvent, CampEventKind, CampScope, DatePrecision,
        Event, EventCategory, FlowStatus, FlowType, FundingFlow, FundingKind, FundingRow,
        GovernoratePoint, NationalPoint, NationalSeries, PeopleUnit, Precision, Source,
    };
}

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub use crate::domain::{
    Basis, CampCount, CampDefinition, CampEvent, CampEventKind, CampScope, DatePrecision, Event,
    EventCategory, FlowStatus, FlowType, FundingFlow, FundingKind, FundingRow, GovernoratePoint,
    NationalPoint, NationalSeries, PeopleUnit, Precision, Source,
};
pub use crate::domain::{Gazetteer, Governorate, LookupError, Pcode, Region};
pub use error::{DataError, Problem, Warning};
pub use load::{
    FileFormat, FileLoad, FileReport, LoadContext, LoadOptions, Preview, Progress, load_path,
    preview,
};
pub use mapping::{ColumnMapping, LogicalColumn, RememberedMappings, logical_columns};
pub use parsed::{LeftOut, Parsed, Table};
pub use schema::{Shape, TableKind};

/// A file that was loaded, for the status bar and the data panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedFile {
    pub name: String,
    pub kind: TableKind,
    pub rows: usize,
    pub bundled: bool,
}

/// Everything loaded: validated rows of each table, the gazetteer and the warnings.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub gazetteer: Gazetteer,
    pub sources: Vec<Source>,
    pub idps_national: Vec<NationalPoint>,
    pub idps_governorate: Vec<GovernoratePoint>,
    pub camps: Vec<CampEvent>,
    pub camp_counts: Vec<CampCount>,
    pub funding: Vec<FundingRow>,
    pub events: Vec<Event>,
    /// Funding flows to Iraq from the user's FTS flows files (never bundled; never
    /// part of appeal coverage).
    pub funding_flows: Vec<FundingFlow>,
    pub files: Vec<LoadedFile>,
    pub warnings: Vec<Warning>,
    /// Source ids of rows that came from the user's files (never bundled ones).
    pub user_sources: BTreeSet<String>,
    /// Each DTM round's date and total, from the bundled series: part of the program
    /// like the gazetteer, for master lists that name only a round (or nothing).
    pub rounds: rounds::Rounds,
    /// The user's boundary file for the map, while loaded (the bundled ones otherwise).
    pub boundaries: Option<boundaries::Boundaries>,
}

impl Dataset {
    /// The gazetteer alone, no tables (`--no-bundled`).
    pub fn empty() -> Result<Dataset, DataError> {
        let parsed = Dataset::default()
            .parse_bytes(bundled::GOVERNORATES.name, bundled::GOVERNORATES.bytes)?;
        let Table::Governorates(list) = parsed.table else {
            return Err(DataError::Malformed {
                file: bundled::GOVERNORATES.name.into(),
                reason: "the bundled gazetteer is not a governorates table".into(),
            });
        };
        let mut dataset = Dataset {
            gazetteer: Gazetteer::new(list),
            ..Dataset::default()
        };
        dataset.rounds = dataset.bundled_rounds()?;
        Ok(dataset)
    }

    /// The rounds of the bundled DTM national series.
    fn bundled_rounds(&self) -> Result<rounds::Rounds, DataError> {
        let Some(file) = bundled::TABLES
            .iter()
            .find(|f| f.name == "idps_national.csv")
        else {
            return Ok(rounds::Rounds::default());
        };
        let parsed = self.parse_bytes(file.name, file.bytes)?;
        let Table::IdpsNational(points) = parsed.table else {
            return Ok(rounds::Rounds::default());
        };
        Ok(rounds::Rounds::new(
            points
                .iter()
                .filter(|p| p.series == NationalSeries::Dtm)
                .filter_map(|p| {
                    Some(rounds::Round {
                        round: p.round?,
                        date: p.date,
                        idps: p.idps,
                    })
                })
                .collect(),
        ))
    }

    /// The gazetteer and every bundled table.
    pub fn bundled() -> Result<Dataset, DataError> {
        let mut dataset = Dataset::empty()?;
        for file in bundled::TABLES {
            let parsed = dataset.parse_bytes(file.name, file.bytes)?;
            dataset.add(file.name, parsed, true);
        }
        Ok(dataset)
    }

    /// What loading a file needs from this dataset (owned, for a worker thread).
    #[must_use]
    pub fn load_context(&self) -> LoadContext {
        LoadContext {
            gazetteer: self.gazetteer.clone(),
            rounds: self.rounds.clone(),
        }
    }

    /// Reads and checks CSV bytes against this dataset's gazetteer, without adding them.
    pub fn parse_bytes(&self, name: &str, bytes: &[u8]) -> Result<Parsed, DataError> {
        load::load_bytes(
            &self.load_context(),
            name,
            Some("csv"),
            bytes,
            &LoadOptions::default(),
            &Progress::none(),
        )
        .map(|l| l.parsed)
    }

    /// Reads and checks a file (CSV or workbook), without adding it.
    pub fn read_file(&self, path: &Path) -> Result<Parsed, DataError> {
        self.read_file_with(path, &LoadOptions::default())
    }

    /// Reads and checks a file with the user's choices for it, without adding it.
    pub fn read_file_with(&self, path: &Path, options: &LoadOptions) -> Result<Parsed, DataError> {
        load_path(&self.load_context(), path, options, &Progress::none()).map(|l| l.parsed)
    }

    /// Adds a checked file: its table and the tables beside it (`Parsed::also`, a DTM
    /// API export's national rows). Rows are appended; nothing already loaded
    /// changes. A user's DTM governorate table that covers all 18 governorates on a
    /// date also adds a national point of the series `dtm_user` (DESIGN §7), its own
    /// series, unless the file gives its own national figure for that date; where a
    /// user's national figure differs from the bundled DTM figure of that date, a
    /// warning says so.
    pub fn add(&mut self, name: &str, parsed: Parsed, bundled: bool) {
        let Parsed {
            table,
            warnings,
            also,
            as_of,
            ..
        } = parsed;
        self.warnings.extend(warnings);
        let own_national: BTreeSet<(chrono::NaiveDate, String)> = std::iter::once(&table)
            .chain(&also)
            .filter_map(|t| match t {
                Table::IdpsNational(rows) => Some(rows),
                _ => None,
            })
            .flatten()
            .filter(|p| p.series == NationalSeries::DtmUser)
            .map(|p| (p.date, p.source_id.clone()))
            .collect();
        for table in std::iter::once(table).chain(also) {
            self.add_table(name, table, bundled, &own_national, as_of.as_deref());
        }
    }

    /// Adds one table of a file (see [`Dataset::add`]).
    fn add_table(
        &mut self,
        name: &str,
        table: Table,
        bundled: bool,
        own_national: &BTreeSet<(chrono::NaiveDate, String)>,
        as_of: Option<&str>,
    ) {
        self.files.push(LoadedFile {
            name: name.into(),
            kind: table.kind(),
            rows: table.len(),
            bundled,
        });
        let source_ids = table.source_ids();
        if !bundled {
            self.user_sources.extend(source_ids.iter().cloned());
            match &table {
                Table::IdpsGovernorate(rows) => self.add_user_national(name, rows, own_national),
                Table::IdpsNational(rows) => self.warn_replaced(
                    name,
                    rows.iter().filter(|p| p.series == NationalSeries::DtmUser),
                    ("your file", ""),
                ),
                _ => {}
            }
        }
        match table {
            Table::Governorates(_) => self.warnings.push(Warning {
                file: name.into(),
                message: "a governorates table is built into the program; this one was checked but not used".into(),
            }),
            Table::Sources(rows) => {
                for s in rows {
                    if self.source(&s.id).is_some() {
                        self.warnings.push(Warning {
                            file: name.into(),
                            message: format!("source \"{}\" is already defined; the first definition is kept", s.id),
                        });
                    } else {
                        self.sources.push(s);
                    }
                }
            }
            Table::IdpsNational(rows) => self.idps_national.extend(rows),
            Table::IdpsGovernorate(rows) => self.idps_governorate.extend(rows),
            Table::Camps(rows) => self.camps.extend(rows),
            Table::CampCounts(rows) => self.camp_counts.extend(rows),
            Table::Funding(rows) => self.funding.extend(rows),
            Table::Events(rows) => self.events.extend(rows),
            Table::FundingFlows(rows) => self.funding_flows.extend(rows),
        }
        let file_source = cells::file_source_id(name);
        for id in source_ids {
            // "file:NAME", or "file:NAME, operation X" for one DTM operation of it.
            let of_this_file = id == file_source || id.starts_with(&format!("{file_source}, "));
            if of_this_file {
                if self.source(&id).is_none() {
                    let title = id.strip_prefix("file:").unwrap_or(name).to_string();
                    self.sources.push(Source {
                        id,
                        publisher: "your file".into(),
                        title,
                        published: as_of.unwrap_or_default().into(),
                        url: String::new(),
                        note: None,
                    });
                }
            } else if self.source(&id).is_none() {
                self.warnings.push(Warning {
                    file: name.into(),
                    message: format!("source \"{id}\" is not in any loaded sources table"),
                });
            }
        }
    }

    /// Warns, for each user national point, about the bundled DTM figure of the same
    /// date that it differs from.
    fn warn_replaced<'p>(
        &mut self,
        name: &str,
        points: impl Iterator<Item = &'p NationalPoint>,
        (what, detail): (&str, &str),
    ) {
        for point in points {
            // A user's figure never replaces the bundled one (DESIGN §7): it is its
            // own series, and a difference on a date both have is said here.
            if let Some(bundled) = self.idps_national.iter().find(|p| {
                p.series == NationalSeries::Dtm && p.date == point.date && p.idps != point.idps
            }) {
                self.warnings.push(Warning {
                    file: name.into(),
                    message: format!(
                        "{}: {what} says {} IDPs{detail}; IOM DTM published {} (source \"{}\"). The DTM figure is kept; your file's is shown beside it as its own series",
                        point.date,
                        grouped(point.idps),
                        grouped(bundled.idps),
                        bundled.source_id
                    ),
                });
            }
        }
    }

    /// National points of the series `dtm_user` from a user's complete tables, except
    /// on the dates the file gives its own national figure.
    fn add_user_national(
        &mut self,
        name: &str,
        rows: &[GovernoratePoint],
        own_national: &BTreeSet<(chrono::NaiveDate, String)>,
    ) {
        let mut totals: BTreeMap<(chrono::NaiveDate, String), (u64, Option<u32>)> = BTreeMap::new();
        for r in rows
            .iter()
            .filter(|r| r.complete && r.basis == Basis::Displacement)
        {
            let t = totals
                .entry((r.date, r.source_id.clone()))
                .or_insert((0, r.round));
            t.0 = t.0.saturating_add(r.individuals);
        }
        let points: Vec<NationalPoint> = totals
            .into_iter()
            .filter(|(key, _)| !own_national.contains(key))
            .map(|((date, source_id), (idps, round))| NationalPoint {
                date,
                date_precision: DatePrecision::Day,
                round,
                series: NationalSeries::DtmUser,
                idps,
                returnees: None,
                households: None,
                precision: Precision::Derived,
                source_id,
            })
            .collect();
        self.warn_replaced(name, points.iter(), ("your file", " (all 18 governorates)"));
        self.idps_national.extend(points);
    }

    /// The source with this id.
    #[must_use]
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Total rows of data tables loaded.
    #[must_use]
    pub fn total_rows(&self) -> usize {
        self.files.iter().map(|f| f.rows).sum()
    }
}

/// A count with thousands separators (1,098,913): [`crate::domain::thousands`].
pub use crate::domain::thousands as grouped;
