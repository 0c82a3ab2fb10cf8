//! Reading a GeoJSON boundary file into checked features, with the `geojson` crate.
//!
//! A boundary file is a `FeatureCollection` (or a single `Feature`) whose geometries
//! are `Polygon`s or `MultiPolygon`s in WGS84 longitude/latitude. Everything is
//! checked before anything is kept: the text is JSON, it is GeoJSON, it has between 1
//! and [`MAX_FEATURES`] features, every geometry is a polygon, every ring has at least
//! 4 positions, every position lies within −180…180 longitude and −90…90 latitude,
//! and the file holds at most [`MAX_POSITIONS`] positions in all. The first problem
//! found is the error; nothing is half-read.

use std::str::FromStr;

use geojson::{Feature, GeoJson, GeometryValue, JsonObject, JsonValue, PolygonType};

use super::{BoundaryError, Polygon};

/// The most features a boundary file may hold (Iraq has 18 governorates; an admin-2
/// or admin-3 file has a few hundred).
pub const MAX_FEATURES: usize = 1_000;

/// The most positions a boundary file may hold in all (the bundled file has 3,304).
pub const MAX_POSITIONS: usize = 2_000_000;

/// One feature of the file: its properties and its polygons.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFeature {
    /// 1-based position in the file, for messages.
    pub number: usize,
    pub properties: JsonObject,
    pub polygons: Vec<Polygon>,
}

/// The property keys that may name a feature, in the order a name is taken from.
pub const NAME_KEYS: &[&str] = &[
    "ADM1_EN",
    "shapeName",
    "NAME_1",
    "name_en",
    "name",
    "NAME",
    "ADM1_AR",
    "ADM1_PCODE",
    "shapeISO",
    "ISO",
];

/// The feature's name for messages: its first name-like property, else "feature N".
#[must_use]
pub fn feature_name(properties: &JsonObject, number: usize) -> String {
    NAME_KEYS
        .iter()
        .find_map(|key| property(properties, key))
        .map_or_else(|| format!("feature {number}"), str::to_string)
}

/// A text property by key, in any case; numbers are not names.
#[must_use]
pub fn property<'a>(properties: &'a JsonObject, key: &str) -> Option<&'a str> {
    properties
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .and_then(|(_, v)| v.as_str())
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Reads and checks every feature of a boundary file.
pub fn features(file: &str, bytes: &[u8]) -> Result<Vec<RawFeature>, BoundaryError> {
    let text =
        std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(|e| {
            BoundaryError::NotJson {
                file: file.into(),
                reason: format!("the file is not UTF-8 text ({e})"),
            }
        })?;
    let geojson = GeoJson::from_str(text).map_err(|e| geojson_error(file, text, &e))?;
    let features: Vec<Feature> = match geojson {
        GeoJson::FeatureCollection(c) => c.features,
        GeoJson::Feature(f) => vec![f],
        GeoJson::Geometry(g) => {
            return Err(BoundaryError::NotFeatures {
                file: file.into(),
                found: g.value.type_name(),
            });
        }
    };
    if features.is_empty() {
        return Err(BoundaryError::NoFeatures { file: file.into() });
    }
    if features.len() > MAX_FEATURES {
        return Err(BoundaryError::TooManyFeatures {
            file: file.into(),
            found: features.len(),
        });
    }
    let mut positions = 0usize;
    let mut out = Vec::with_capacity(features.len());
    for (i, feature) in features.into_iter().enumerate() {
        let number = i + 1;
        let properties = feature.properties.unwrap_or_default();
        let name = || feature_name(&properties, number);
        let polygons: Vec<&PolygonType> = match feature.geometry.as_ref().map(|g| &g.value) {
            Some(GeometryValue::Polygon { coordinates }) => vec![coordinates],
            Some(GeometryValue::MultiPolygon { coordinates }) => coordinates.iter().collect(),
            other => {
                return Err(BoundaryError::Geometry {
                    file: file.into(),
                    feature: name(),
                    found: other.map_or("no geometry", GeometryValue::type_name),
                });
            }
        };
        let mut checked = Vec::with_capacity(polygons.len());
        for rings in polygons {
            let mut ring_list = Vec::with_capacity(rings.len());
            for ring in rings {
                positions = positions.saturating_add(ring.len());
                if positions > MAX_POSITIONS {
                    return Err(BoundaryError::TooManyPositions { file: file.into() });
                }
                ring_list.push(check_ring(file, &name, ring)?);
            }
            let mut ring_list = ring_list.into_iter();
            let Some(exterior) = ring_list.next() else {
                return Err(BoundaryError::ShortRing {
                    file: file.into(),
                    feature: name(),
                    found: 0,
                });
            };
            checked.push(Polygon {
                exterior,
                holes: ring_list.collect(),
            });
        }
        if checked.is_empty() {
            return Err(BoundaryError::ShortRing {
                file: file.into(),
                feature: name(),
                found: 0,
            });
        }
        out.push(RawFeature {
            number,
            properties,
            polygons: checked,
        });
    }
    Ok(out)
}

/// A ring's positions as `[lon, lat]`, checked, without the closing repeat.
fn check_ring(
    file: &str,
    name: &dyn Fn() -> String,
    ring: &[geojson::Position],
) -> Result<Vec<[f64; 2]>, BoundaryError> {
    if ring.len() < 4 {
        return Err(BoundaryError::ShortRing {
            file: file.into(),
            feature: name(),
            found: ring.len(),
        });
    }
    let mut points = Vec::with_capacity(ring.len());
    for position in ring {
        let (lon, lat) = match position.as_slice() {
            [lon, lat, ..] => (*lon, *lat),
            _ => (f64::NAN, f64::NAN),
        };
        let in_range = (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat);
        if !in_range {
            return Err(BoundaryError::OutOfRange {
                file: file.into(),
                feature: name(),
                found: format!("[{lon}, {lat}]"),
            });
        }
        points.push([lon, lat]);
    }
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    Ok(points)
}

/// The error for text the `geojson` crate refused: not JSON at all, or JSON that is
/// not GeoJSON.
fn geojson_error(file: &str, text: &str, e: &geojson::Error) -> BoundaryError {
    if let Err(json) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        return BoundaryError::NotJson {
            file: file.into(),
            reason: json.to_string(),
        };
    }
    // Name the geometry type the crate does not know, where that is the trouble.
    if let Ok(JsonValue::Object(o)) = serde_json::from_str::<JsonValue>(text)
        && o.get("type").and_then(JsonValue::as_str) == Some("Topology")
    {
        return BoundaryError::NotGeoJson {
            file: file.into(),
            reason: "it is TopoJSON; convert it to GeoJSON (e.g. with mapshaper)".into(),
        };
    }
    BoundaryError::NotGeoJson {
        file: file.into(),
        reason: e.to_string(),
    }
}
