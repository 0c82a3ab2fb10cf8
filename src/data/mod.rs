//! The data layer: reads files, checks them, and holds what is loaded.
//!
//! This is the only code that reads files and knows column names. A file becomes
//! part of a [`Dataset`] only after its schema and every value are checked; otherwise
//! the caller gets a [`DataError`] naming file, row, column, what was expected and what
//! was found, and the dataset is left exactly as it was.

pub mod bundled;
pub mod error;
pub mod gazetteer;
pub mod raw;
pub mod records;
pub mod schema;
pub mod tables;

use std::path::Path;

pub use error::{DataError, Problem, Warning};
pub use gazetteer::{Gazetteer, Governorate, LookupError, Pcode, Region};
pub use records::*;
pub use schema::TableKind;
pub use tables::{Parsed, Table};

use raw::RawTable;

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
    pub files: Vec<LoadedFile>,
    pub warnings: Vec<Warning>,
}

impl Dataset {
    /// The gazetteer alone, no tables (`--no-bundled`).
    pub fn empty() -> Result<Dataset, DataError> {
        let raw = RawTable::from_csv(bundled::GOVERNORATES.name, bundled::GOVERNORATES.bytes)?;
        let parsed = tables::parse(&raw, &Gazetteer::default())?;
        let Table::Governorates(list) = parsed.table else {
            return Err(DataError::Malformed {
                file: bundled::GOVERNORATES.name.into(),
                reason: "the bundled gazetteer is not a governorates table".into(),
            });
        };
        Ok(Dataset {
            gazetteer: Gazetteer::new(list),
            ..Dataset::default()
        })
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

    /// Reads and checks CSV bytes against this dataset's gazetteer, without adding them.
    pub fn parse_bytes(&self, name: &str, bytes: &[u8]) -> Result<Parsed, DataError> {
        let raw = RawTable::from_csv(name, bytes)?;
        tables::parse(&raw, &self.gazetteer)
    }

    /// Reads and checks a file, without adding it.
    pub fn read_file(&self, path: &Path) -> Result<Parsed, DataError> {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let open_error = |reason: String| DataError::Open {
            path: path.display().to_string(),
            reason,
        };
        if path.is_dir() {
            return Err(open_error("it is a folder, not a file".into()));
        }
        let bytes = std::fs::read(path).map_err(|e| open_error(e.to_string()))?;
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        if let Some(ext @ ("xlsx" | "xls" | "xlsm" | "ods")) = extension.as_deref() {
            return Err(DataError::Unsupported {
                file: name,
                what: format!("reading .{ext} workbooks (save the sheet as CSV for now)"),
            });
        }
        self.parse_bytes(&name, &bytes)
    }

    /// Adds a checked table. Rows are appended; nothing already loaded changes.
    pub fn add(&mut self, name: &str, parsed: Parsed, bundled: bool) {
        let Parsed { table, warnings } = parsed;
        self.warnings.extend(warnings);
        self.files.push(LoadedFile {
            name: name.into(),
            kind: table.kind(),
            rows: table.len(),
            bundled,
        });
        let source_ids = table.source_ids();
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
        }
        let file_source = tables::file_source_id(name);
        for id in source_ids {
            if id == file_source {
                if self.source(&id).is_none() {
                    self.sources.push(Source {
                        id,
                        publisher: "your file".into(),
                        title: name.into(),
                        published: String::new(),
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
