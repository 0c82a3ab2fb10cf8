//! What reading a file gives: its [`Table`] (one kind), what was left out and why,
//! and notes for the report. Shared by every reader, so none depends on another.

use crate::data::error::Warning;
use crate::data::schema::{Shape, TableKind};
use crate::domain::Governorate;
use crate::domain::{
    CampCount, CampEvent, Event, FundingFlow, FundingRow, GovernoratePoint, NationalPoint, Source,
};

/// The rows of one file, of one kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Table {
    Governorates(Vec<Governorate>),
    Sources(Vec<Source>),
    IdpsNational(Vec<NationalPoint>),
    IdpsGovernorate(Vec<GovernoratePoint>),
    Camps(Vec<CampEvent>),
    CampCounts(Vec<CampCount>),
    Funding(Vec<FundingRow>),
    Events(Vec<Event>),
    FundingFlows(Vec<FundingFlow>),
}

impl Table {
    /// The kind of this table.
    #[must_use]
    pub fn kind(&self) -> TableKind {
        match self {
            Table::Governorates(_) => TableKind::Governorates,
            Table::Sources(_) => TableKind::Sources,
            Table::IdpsNational(_) => TableKind::IdpsNational,
            Table::IdpsGovernorate(_) => TableKind::IdpsGovernorate,
            Table::Camps(_) => TableKind::Camps,
            Table::CampCounts(_) => TableKind::CampCounts,
            Table::Funding(_) => TableKind::Funding,
            Table::Events(_) => TableKind::Events,
            Table::FundingFlows(_) => TableKind::FundingFlows,
        }
    }

    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Table::Governorates(v) => v.len(),
            Table::Sources(v) => v.len(),
            Table::IdpsNational(v) => v.len(),
            Table::IdpsGovernorate(v) => v.len(),
            Table::Camps(v) => v.len(),
            Table::CampCounts(v) => v.len(),
            Table::Funding(v) => v.len(),
            Table::Events(v) => v.len(),
            Table::FundingFlows(v) => v.len(),
        }
    }

    /// The distinct source ids its rows point to (none for the gazetteer and sources).
    #[must_use]
    pub fn source_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = match self {
            Table::Governorates(_) | Table::Sources(_) => Vec::new(),
            Table::IdpsNational(v) => v.iter().map(|r| r.source_id.clone()).collect(),
            Table::IdpsGovernorate(v) => v.iter().map(|r| r.source_id.clone()).collect(),
            Table::Camps(v) => v.iter().map(|r| r.source_id.clone()).collect(),
            Table::CampCounts(v) => v.iter().map(|r| r.source_id.clone()).collect(),
            Table::Funding(v) => v
                .iter()
                .flat_map(|r| std::iter::once(&r.source_id).chain(&r.reported_source_id))
                .cloned()
                .collect(),
            Table::Events(v) => v.iter().map(|r| r.source_id.clone()).collect(),
            Table::FundingFlows(v) => v.iter().map(|r| r.source_id.clone()).collect(),
        };
        ids.sort();
        ids.dedup();
        ids
    }

    /// True when the table has no rows (never the case for a parsed file).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A parsed table and what was noticed while reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub table: Table,
    pub warnings: Vec<Warning>,
    /// What the file was recognised as.
    pub shape: Shape,
    /// For a DTM master list: how many location rows were summed into the table.
    pub locations_aggregated: Option<usize>,
    /// Data rows read from the file.
    pub rows_read: usize,
    /// Rows read and deliberately not kept (other countries, totals rows, older
    /// rounds, other admin levels...), counted by reason.
    pub left_out: Vec<LeftOut>,
    /// More tables from the same file (a DTM API export's national rows beside its
    /// governorate rows); each is added like the main one.
    pub also: Vec<Table>,
    /// How a master list without a date column was dated ("round 123 (30 Sep 2021,
    /// from the file name)").
    pub dating: Option<String>,
    /// A funding file's FTS snapshot date (`YYYY-MM-DD`), from its name or its
    /// modification date; the source's "published".
    pub as_of: Option<String>,
}

pub use crate::domain::LeftOut;
