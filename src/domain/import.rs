//! The import vocabulary: what a file was recognised as ([`Shape`], [`TableKind`],
//! [`Format`]), how it was read ([`FileFormat`], [`Encoding`]), what it held
//! ([`FileReport`]; a boundary file's [`BoundaryCounts`]), the user's column mappings ([`ColumnMapping`],
//! [`RememberedMappings`]) and the round or date given for an undated file
//! ([`FileTime`]). Plain values; the column lists of each shape and the reading stay
//! in `data/`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::place::Pcode;
use super::problem::{LeftOut, Warning};
use super::text::fold;

/// The kinds of table the app reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    Governorates,
    Sources,
    IdpsNational,
    IdpsGovernorate,
    Camps,
    CampCounts,
    Funding,
    Events,
    /// OCHA FTS incoming funding flows to Iraq (a user's file; nothing bundled).
    FundingFlows,
}

impl TableKind {
    /// Every kind of plain table, in detection order (ties go to the earlier one).
    /// Funding flows are read only from FTS's own layout ([`Shape::FtsFlows`]).
    pub const ALL: [TableKind; 8] = [
        TableKind::IdpsNational,
        TableKind::IdpsGovernorate,
        TableKind::Camps,
        TableKind::CampCounts,
        TableKind::Funding,
        TableKind::Events,
        TableKind::Sources,
        TableKind::Governorates,
    ];

    /// The token `check --json` writes (`idps_governorate`).
    #[must_use]
    pub fn token(self) -> &'static str {
        match self {
            TableKind::Governorates => "governorates",
            TableKind::Sources => "sources",
            TableKind::IdpsNational => "idps_national",
            TableKind::IdpsGovernorate => "idps_governorate",
            TableKind::Camps => "camps",
            TableKind::CampCounts => "camp_counts",
            TableKind::Funding => "funding",
            TableKind::Events => "events",
            TableKind::FundingFlows => "funding_flows",
        }
    }

    /// A name for messages ("national IDP table").
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            TableKind::Governorates => "governorates table",
            TableKind::Sources => "sources table",
            TableKind::IdpsNational => "national IDP table",
            TableKind::IdpsGovernorate => "IDPs-by-governorate table",
            TableKind::Camps => "camp events table",
            TableKind::CampCounts => "camp counts table",
            TableKind::Funding => "funding table",
            TableKind::Events => "events table",
            TableKind::FundingFlows => "funding flows table",
        }
    }
}

/// How a file's columns are laid out: a plain table of one kind, or a format that
/// the loader maps onto one (a DTM master list onto IDPs by governorate, an FTS
/// export onto funding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// A table in the app's own format (DESIGN §4), columns by any known spelling.
    Table(TableKind),
    /// IOM DTM master list: one row per location and round, aggregated to governorates.
    DtmMasterList,
    /// OCHA FTS requirements and funding export, mapped to the funding table.
    FtsExport,
    /// OCHA FTS incoming funding flows (one row per flow), mapped to the funding
    /// flows table: Iraq's flows kept, other countries' counted and left out.
    FtsFlows,
    /// IOM DTM API export (HDX "Global IOM DTM data for admin levels 0-2"): admin-1
    /// rows become the governorate table, admin-0 rows a national series.
    DtmApi,
    /// HDX HAPI "Affected people: IDPs", read like the DTM API export.
    HapiIdps,
    /// IDMC displacement data: the conflict stock per country and year.
    Idmc,
    /// UNHCR population statistics (Refugee Data Finder): IDPs per country and year.
    UnhcrPopstats,
}

impl Shape {
    /// Every shape, in detection order (the first whose required columns are all
    /// present wins): the published multi-country formats first (a DTM API export's
    /// `admin1Name` would otherwise make it a plain governorate table), a master list
    /// before the governorate table it becomes, our own funding table before an FTS
    /// export. An FTS flows file (`amountUSD`, `destLocations`, `status`) and an FTS
    /// requirements export (`year`, `name`, `requirements`, `funding`) share no
    /// required column, so neither is ever taken for the other whatever the order.
    pub const ALL: [Shape; 15] = [
        Shape::HapiIdps,
        Shape::DtmApi,
        Shape::Idmc,
        Shape::UnhcrPopstats,
        Shape::Table(TableKind::IdpsNational),
        Shape::DtmMasterList,
        Shape::Table(TableKind::IdpsGovernorate),
        Shape::Table(TableKind::Camps),
        Shape::Table(TableKind::CampCounts),
        Shape::Table(TableKind::Funding),
        Shape::FtsExport,
        Shape::FtsFlows,
        Shape::Table(TableKind::Events),
        Shape::Table(TableKind::Sources),
        Shape::Table(TableKind::Governorates),
    ];

    /// The table the file's rows become.
    #[must_use]
    pub fn kind(self) -> TableKind {
        match self {
            Shape::Table(kind) => kind,
            Shape::DtmMasterList | Shape::DtmApi | Shape::HapiIdps => TableKind::IdpsGovernorate,
            Shape::FtsExport => TableKind::Funding,
            Shape::FtsFlows => TableKind::FundingFlows,
            Shape::Idmc | Shape::UnhcrPopstats => TableKind::IdpsNational,
        }
    }

    /// The published format this shape is (`check --json`'s `format`).
    #[must_use]
    pub fn format(self) -> Format {
        match self {
            Shape::Table(_) => Format::Table,
            Shape::DtmMasterList => Format::DtmMasterList,
            Shape::FtsExport => Format::FtsRequirements,
            Shape::FtsFlows => Format::FtsFlows,
            Shape::DtmApi => Format::DtmApi,
            Shape::HapiIdps => Format::HapiIdps,
            Shape::Idmc => Format::Idmc,
            Shape::UnhcrPopstats => Format::UnhcrPopstats,
        }
    }

    /// A name for messages and the data panel.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Shape::Table(kind) => kind.label(),
            Shape::DtmMasterList => "DTM master list (locations, aggregated to governorates)",
            Shape::FtsExport => "OCHA FTS export (funding table)",
            Shape::FtsFlows => "OCHA FTS incoming funding flows (funding flows table)",
            Shape::DtmApi => "IOM DTM API export (IDPs by governorate and national)",
            Shape::HapiIdps => "HDX HAPI IDPs (IDPs by governorate and national)",
            Shape::Idmc => "IDMC displacement data (conflict stock per year)",
            Shape::UnhcrPopstats => "UNHCR population statistics (IDPs per year)",
        }
    }
}

/// The published format a file was read as (`check --json`'s `format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// A table in the app's own layout (DESIGN §4), or a user's table like it.
    Table,
    /// An IOM DTM master list (one row per location).
    DtmMasterList,
    /// An IOM DTM API export (HDX "Global IOM DTM data for admin levels 0-2").
    DtmApi,
    /// HDX HAPI "Affected people: IDPs".
    HapiIdps,
    /// OCHA FTS requirements and funding by plan.
    FtsRequirements,
    /// OCHA FTS incoming funding flows.
    FtsFlows,
    /// IDMC displacement data.
    Idmc,
    /// UNHCR population statistics (Refugee Data Finder).
    UnhcrPopstats,
}

impl Format {
    /// The token `check --json` writes.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::DtmMasterList => "dtm_master_list",
            Format::DtmApi => "dtm_api",
            Format::HapiIdps => "hapi_idps",
            Format::FtsRequirements => "fts_requirements",
            Format::FtsFlows => "fts_flows",
            Format::Idmc => "idmc",
            Format::UnhcrPopstats => "unhcr_popstats",
        }
    }
}

/// The character encoding a CSV file was decoded from (`check --json`'s `encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Excel's "CSV" on a Windows machine set to an Arabic locale.
    Windows1256,
    /// Excel's "CSV" on a Windows machine set to a Western locale.
    Windows1252,
}

impl Encoding {
    /// The WHATWG label (`utf-8`, `windows-1256`...).
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1256 => "windows-1256",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// How the file was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileFormat {
    Csv { separator: char },
    Workbook { sheet: String, sheets: Vec<String> },
}

/// What a loaded file holds, for the data panel and `check`.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    /// The name used in messages and as the source ("your file: NAME").
    pub name: String,
    pub format: FileFormat,
    /// What the header was recognised as.
    pub shape: Shape,
    /// The table the rows became.
    pub kind: TableKind,
    /// Physical row of the header (rows above it were skipped).
    pub header_row: usize,
    /// An HXL hashtag row was under the header.
    pub hxl: bool,
    /// Rows in the resulting table.
    pub rows: usize,
    /// Data rows read from the file.
    pub rows_read: usize,
    /// First and last date of the rows (a funding table: 1 Jan of its first year to
    /// 31 Dec of its last).
    pub date_range: Option<(NaiveDate, NaiveDate)>,
    /// Governorates the rows name.
    pub governorates: Vec<Pcode>,
    /// A DTM master list: the location rows summed into the table.
    pub locations_aggregated: Option<usize>,
    pub warnings: Vec<Warning>,
    /// The published format the file was read as.
    pub read_as: Format,
    /// A CSV's character encoding (`None` for a workbook).
    pub encoding: Option<Encoding>,
    /// ISO3 of the country whose rows were kept (always Iraq's).
    pub country: Option<String>,
    /// Data rows kept: read minus left out.
    pub rows_kept: usize,
    /// Rows read and not kept, by reason.
    pub left_out: Vec<LeftOut>,
    /// The kinds of every table the file became, the main one first.
    pub tables: Vec<TableKind>,
    /// How an undated master list was dated ("round 123 (30 Sep 2021, from the file name)").
    pub dating: Option<String>,
    /// A funding file's FTS snapshot date, and where it came from.
    pub as_of: Option<(NaiveDate, &'static str)>,
    /// IDP tables: each date's national figure and how many governorates it has.
    pub totals: Vec<DateTotal>,
    /// Funding tables: Iraq's own appeals per year.
    pub funding_years: Vec<FundingYearTotal>,
}

/// One date of an IDP table: its national figure (a national row where the file has
/// one, else the sum of the governorates present) and how many governorates it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateTotal {
    pub date: NaiveDate,
    pub round: Option<u32>,
    pub series: &'static str,
    pub governorates: usize,
    pub individuals: u64,
}

/// Iraq's own appeals (response plans and flash appeals) in one year of a funding file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundingYearTotal {
    pub year: i32,
    pub requirements_usd: u64,
    pub funding_usd: u64,
}

/// What `check` and `check --json` say of a boundary file (`kind: "boundaries"`),
/// and what the Data window lists: its features, how many joined a governorate, the
/// names of those that joined none (`data::boundaries` builds it:
/// `BoundaryCounts::of`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoundaryCounts {
    pub features: usize,
    pub matched: usize,
    pub unmatched: Vec<String>,
}

impl BoundaryCounts {
    /// `check`'s sentence.
    #[must_use]
    pub fn describe(&self) -> String {
        format!(
            "boundary file (GeoJSON): {} features, {} joined to a governorate{}",
            self.features,
            self.matched,
            if self.unmatched.is_empty() {
                String::new()
            } else {
                format!(", {} matching none", self.unmatched.len())
            }
        )
    }
}

/// One column a shape reads, for the mapping dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogicalColumn {
    /// The column's name (a `schema::col` constant).
    pub name: &'static str,
    /// The file must have it (`pcode` is also satisfied by `governorate`).
    pub required: bool,
}

/// Which header holds each logical column, for one shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub shape: Shape,
    /// Logical column name → header as written in the file.
    pub columns: BTreeMap<String, String>,
}

/// The key a mapping is remembered under: the header's names, folded, in order.
#[must_use]
pub fn header_key(header: &[String]) -> String {
    header.iter().map(|h| fold(h)).collect::<Vec<_>>().join("|")
}

/// Mappings the user made, remembered by header (persist this; it holds no data).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RememberedMappings {
    pub by_header: BTreeMap<String, ColumnMapping>,
}

impl RememberedMappings {
    /// Remembers a mapping for files with this header.
    pub fn remember(&mut self, header: &[String], mapping: ColumnMapping) {
        self.by_header.insert(header_key(header), mapping);
    }

    /// The mapping remembered for this header.
    #[must_use]
    pub fn find(&self, header: &[String]) -> Option<&ColumnMapping> {
        self.by_header.get(&header_key(header))
    }
}

/// The round or date a user gave for one file (`--file-round`, `--file-date`, or the
/// app's dialog), for master lists that carry neither.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileTime {
    pub round: Option<u32>,
    pub date: Option<NaiveDate>,
}

impl FileTime {
    /// True when neither is given.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.round.is_none() && self.date.is_none()
    }
}
