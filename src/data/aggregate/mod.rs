//! Master lists and other aggregations: DTM location rows summed to governorates
//! (the one place polars is used), and the DTM rounds that date them.

pub mod masterlist;
pub mod rounds;
