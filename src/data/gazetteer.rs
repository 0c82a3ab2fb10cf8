//! The gazetteer lives in [`crate::domain`]; these names stay for the data layer.

pub use crate::domain::{Gazetteer, Governorate, LookupError, Pcode, Region, Resolved, fold};
