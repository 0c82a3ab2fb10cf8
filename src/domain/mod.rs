//! The shared vocabulary: plain values every layer may import (place codes and the
//! gazetteer lookup, the validated rows and their token enums, sources, filters and
//! view choices, problems and warnings, the import vocabulary, text helpers and the
//! country). No I/O, no egui, no polars; nothing here imports another layer.

mod country;
mod filters;
mod import;
mod place;
mod problem;
mod records;
mod text;

pub use country::{Country, FundedBand, IRAQ};
pub use filters::{Choices, Filters, MapMeasure};
pub use import::{
    BoundaryCounts, ColumnMapping, DateTotal, Encoding, FileFormat, FileReport, FileTime, Format,
    FundingYearTotal, LogicalColumn, RememberedMappings, Shape, TableKind, header_key,
};
pub use place::{Gazetteer, Governorate, LookupError, Pcode, Region, Resolved};
pub use problem::{LeftOut, Problem, Warning, shown_value};
pub use records::*;
pub use text::{fold, thousands};
