//! Governorate boundaries: the bundled geoBoundaries layer and a user's admin-1
//! boundary file (GeoJSON), each feature joined to a governorate.
//!
//! A feature is joined through the gazetteer by the first of its properties that
//! resolves: a P-code (`ADM1_PCODE`, `pcode`), an ISO 3166-2 code (`shapeISO`, `ISO`),
//! then a name (`ADM1_EN`, `shapeName`, `ADM1_AR`, `NAME_1`, `name`), keys in any case.
//! Every feature is accounted for: it is matched (its polygons drawn as its
//! governorate's) or listed in [`Boundaries::unmatched`] with a warning, never dropped
//! silently. A file none of whose features matches is refused, as is a malformed one
//! ([`BoundaryError`]); either way nothing loaded changes. Coordinates are WGS84
//! longitude/latitude, rings kept open (no closing repeat), holes kept.

mod read;

use std::path::Path;

use super::bundled;
use super::error::{DataError, Warning};
use super::load::{FileLoad, LoadContext, LoadOptions, Progress, file_name};
pub use crate::domain::BoundaryCounts;
use crate::domain::{Gazetteer, Pcode};

pub use read::{MAX_FEATURES, MAX_POSITIONS};

/// One polygon: an outer ring and its holes, each `[lon, lat]` positions, open.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Polygon {
    pub exterior: Vec<[f64; 2]>,
    pub holes: Vec<Vec<[f64; 2]>>,
}

/// One governorate's shape: every polygon of the features joined to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub pcode: Pcode,
    pub polygons: Vec<Polygon>,
    /// The names of the features drawn as it ("Ninawa").
    pub features: Vec<String>,
}

/// A boundary set: one [`Shape`] per governorate found, in P-code order.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundaries {
    /// The file's name ("your file: NAME" is credited) or the bundled file's.
    pub name: String,
    /// True for the bundled geoBoundaries layer.
    pub bundled: bool,
    pub shapes: Vec<Shape>,
    /// Features in the file.
    pub features: usize,
    /// Features joined to a governorate.
    pub matched: usize,
    /// The names of the features that match no governorate (not drawn).
    pub unmatched: Vec<String>,
    pub warnings: Vec<Warning>,
}

impl Boundaries {
    /// The line the map and its exports carry for these shapes.
    #[must_use]
    pub fn credit(&self) -> String {
        if self.bundled {
            bundled::BOUNDARIES_CREDIT.to_string()
        } else {
            format!("Boundaries: your file {}", file_name(Path::new(&self.name)))
        }
    }

    /// The shape of a governorate, if the set has it.
    #[must_use]
    pub fn shape(&self, pcode: Pcode) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.pcode == pcode)
    }
}

impl BoundaryCounts {
    /// The counts of a boundary set.
    #[must_use]
    pub fn of(b: &Boundaries) -> BoundaryCounts {
        BoundaryCounts {
            features: b.features,
            matched: b.matched,
            unmatched: b.unmatched.clone(),
        }
    }
}

/// Why a boundary file was refused; every message names the file first.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BoundaryError {
    #[error("{file}: not a GeoJSON boundary file: not JSON ({reason})")]
    NotJson { file: String, reason: String },
    #[error("{file}: not a GeoJSON boundary file: {reason}")]
    NotGeoJson { file: String, reason: String },
    #[error(
        "{file}: expected a FeatureCollection of governorate polygons, found a lone {found} geometry (no properties to join by)"
    )]
    NotFeatures { file: String, found: &'static str },
    #[error("{file}: the FeatureCollection has no features; expected one per governorate")]
    NoFeatures { file: String },
    #[error(
        "{file}: expected at most {MAX_FEATURES} features (admin-1 areas), found {}",
        super::grouped(*.found as u64)
    )]
    TooManyFeatures { file: String, found: usize },
    #[error("{file}: expected at most {MAX_POSITIONS} positions in all; simplify the boundaries")]
    TooManyPositions { file: String },
    #[error("{file}: feature \"{feature}\": expected Polygon or MultiPolygon, found \"{found}\"")]
    Geometry {
        file: String,
        feature: String,
        found: &'static str,
    },
    #[error(
        "{file}: feature \"{feature}\": coordinates out of range: expected longitude -180 to 180 and latitude -90 to 90 (WGS84 lon/lat, not projected), found {found}"
    )]
    OutOfRange {
        file: String,
        feature: String,
        found: String,
    },
    #[error(
        "{file}: feature \"{feature}\": expected a polygon ring of at least 4 positions, found {found}"
    )]
    ShortRing {
        file: String,
        feature: String,
        found: usize,
    },
    #[error(
        "{file}: none of its {features} features matches a governorate of Iraq by P-code, ISO code or name (found {names})"
    )]
    NoneMatched {
        file: String,
        features: usize,
        names: String,
    },
}

/// The property keys tried for a join, in order: P-codes, ISO codes, names.
const JOIN_KEYS: &[&str] = &[
    "ADM1_PCODE",
    "admin1Pcode",
    "pcode",
    "shapeISO",
    "ISO",
    "iso_3166_2",
    "ISO_3166_2",
    "ADM1_EN",
    "shapeName",
    "NAME_1",
    "name_en",
    "name",
    "NAME",
    "ADM1_AR",
    "ADM1_REF",
];

/// Reads a boundary file's bytes and joins its features to governorates.
pub fn parse(name: &str, bytes: &[u8], gazetteer: &Gazetteer) -> Result<Boundaries, BoundaryError> {
    let raw = read::features(name, bytes)?;
    let features = raw.len();
    let mut shapes: Vec<Shape> = Vec::new();
    let mut unmatched = Vec::new();
    let mut warnings = Vec::new();
    let warn = |message: String| Warning {
        file: name.into(),
        message,
    };
    for f in raw {
        let feature = read::feature_name(&f.properties, f.number);
        let resolved = JOIN_KEYS
            .iter()
            .filter_map(|k| read::property(&f.properties, k))
            .find_map(|v| gazetteer.lookup(v).ok());
        let Some(resolved) = resolved else {
            warnings.push(warn(format!(
                "feature \"{feature}\" matches no governorate of Iraq (by P-code, ISO code or name); it is not drawn"
            )));
            unmatched.push(feature);
            continue;
        };
        if let Some(w) = resolved.warning {
            warnings.push(warn(format!("feature \"{feature}\": {w}")));
        }
        if let Some(shape) = shapes.iter_mut().find(|s| s.pcode == resolved.pcode) {
            warnings.push(warn(format!(
                "features \"{}\" and \"{feature}\" are both {} ({}); both are drawn as it",
                shape.features.join("\", \""),
                gazetteer.name(resolved.pcode),
                resolved.pcode
            )));
            shape.polygons.extend(f.polygons);
            shape.features.push(feature);
        } else {
            shapes.push(Shape {
                pcode: resolved.pcode,
                polygons: f.polygons,
                features: vec![feature],
            });
        }
    }
    if shapes.is_empty() {
        return Err(BoundaryError::NoneMatched {
            file: name.into(),
            features,
            names: list_names(&unmatched),
        });
    }
    if !overlaps_iraq(&shapes) {
        warnings.push(warn(
            "the shapes lie outside Iraq (longitude 38 to 49, latitude 29 to 38): are longitude and latitude swapped?".into(),
        ));
    }
    shapes.sort_by_key(|s| s.pcode);
    Ok(Boundaries {
        name: name.into(),
        bundled: false,
        matched: features - unmatched.len(),
        shapes,
        features,
        unmatched,
        warnings,
    })
}

fn list_names(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut out: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("\"{n}\""))
        .collect();
    if names.len() > SHOWN {
        out.push(format!("and {} more", names.len() - SHOWN));
    }
    out.join(", ")
}

/// True when any position lies in Iraq's bounding box.
fn overlaps_iraq(shapes: &[Shape]) -> bool {
    shapes
        .iter()
        .flat_map(|s| &s.polygons)
        .flat_map(|p| &p.exterior)
        .any(|[lon, lat]| (38.0..=49.0).contains(lon) && (29.0..=38.0).contains(lat))
}

/// The bundled geoBoundaries layer, joined by ISO code (all 18 join; a test says so).
pub fn bundled(gazetteer: &Gazetteer) -> Result<Boundaries, BoundaryError> {
    let mut b = parse(
        bundled::BOUNDARIES.name,
        bundled::BOUNDARIES.bytes,
        gazetteer,
    )?;
    b.bundled = true;
    Ok(b)
}

/// True when a file is a boundary file: named `.geojson`, or JSON (`.json` or no
/// extension) that opens as a GeoJSON `FeatureCollection` or `Feature`.
#[must_use]
pub fn is_boundary_file(extension: Option<&str>, bytes: &[u8]) -> bool {
    match extension {
        Some("geojson") => true,
        Some("json") | None => {
            let head = &bytes[..bytes.len().min(4096)];
            let text = String::from_utf8_lossy(head);
            text.trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{')
                && (text.contains("\"FeatureCollection\"") || text.contains("\"Feature\""))
        }
        Some(_) => false,
    }
}

/// A checked boundary file, ready for [`super::Dataset::set_boundaries`].
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryLoad {
    pub boundaries: Boundaries,
    pub counts: BoundaryCounts,
}

/// What loading a path gave: a table (through [`super::load_path`]) or boundaries.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Table(Box<FileLoad>),
    Boundaries(BoundaryLoad),
}

/// Loads any file the app reads: a boundary file (see [`is_boundary_file`]) as
/// boundaries, anything else through the table loader. The one call the CLI's
/// `--data`, `check` and the app's loader make.
pub fn load_any(
    ctx: &LoadContext,
    path: &Path,
    options: &LoadOptions,
    progress: &Progress,
) -> Result<Loaded, DataError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if matches!(extension.as_deref(), Some("geojson" | "json")) {
        let bytes = super::load::read(path)?;
        if is_boundary_file(extension.as_deref(), &bytes) {
            let boundaries = parse(&path.display().to_string(), &bytes, &ctx.gazetteer)?;
            let counts = BoundaryCounts::of(&boundaries);
            return Ok(Loaded::Boundaries(BoundaryLoad { boundaries, counts }));
        }
    }
    super::load_path(ctx, path, options, progress).map(|l| Loaded::Table(Box::new(l)))
}

impl super::Dataset {
    /// Uses a user's boundary file for the map (replacing an earlier one); its
    /// warnings (unmatched features) join the dataset's.
    pub fn set_boundaries(&mut self, load: BoundaryLoad) {
        self.warnings
            .extend(load.boundaries.warnings.iter().cloned());
        self.boundaries = Some(load.boundaries);
    }

    /// Adds what [`load_any`] read: a table through [`super::Dataset::add`], a
    /// boundary file through [`super::Dataset::set_boundaries`].
    pub fn add_loaded(&mut self, name: &str, loaded: Loaded) {
        match loaded {
            Loaded::Table(l) => self.add(name, l.parsed, false),
            Loaded::Boundaries(b) => self.set_boundaries(b),
        }
    }

    /// The boundaries the map draws: the user's while loaded, else the bundled ones.
    pub fn map_boundaries(&self) -> Result<std::borrow::Cow<'_, Boundaries>, BoundaryError> {
        match &self.boundaries {
            Some(b) => Ok(std::borrow::Cow::Borrowed(b)),
            None => bundled(&self.gazetteer).map(std::borrow::Cow::Owned),
        }
    }
}

#[cfg(test)]
mod tests;
