//! Validating per kind: typed cells, the app's own tables, and the published formats
//! (OCHA FTS, DTM API, HDX HAPI, IDMC, UNHCR), each country's rows and each admin
//! level kept apart; what reading gives ([`parsed::Parsed`]).

pub mod cells;
pub mod country;
pub mod dtm_api;
pub mod fts;
pub mod fts_flows;
pub mod hapi;
pub mod idmc;
pub mod levels;
pub mod parsed;
pub mod published;
pub mod tables;
pub mod unhcr;
