//! The map of the governorates, without egui: projected and triangulated shapes
//! ([`Geometry`], built once per boundary set), the tile layout ([`tiles::TILES`]),
//! hit-testing, and what the map shows ([`MapSpec`], built by `query::map`). Drawn by
//! `ui::map` on screen and `export::map` in SVG.

pub mod geometry;
pub mod spec;
pub mod tiles;

pub use geometry::{Geometry, MapPoint, Region, Transform, project};
pub use spec::{MapClass, MapMeasure, MapRequest, MapSpec, MapValue};
