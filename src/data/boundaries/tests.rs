use super::*;
use crate::data::Dataset;

fn gazetteer() -> Gazetteer {
    Dataset::empty().unwrap().gazetteer
}

fn p(n: u8) -> Pcode {
    Pcode::new(n).unwrap()
}

/// A closed square ring of side 1 with its lower-left corner at (lon, lat).
fn square(lon: f64, lat: f64, side: f64) -> String {
    format!(
        "[[{lon},{lat}],[{},{lat}],[{},{}],[{lon},{}],[{lon},{lat}]]",
        lon + side,
        lon + side,
        lat + side,
        lat + side
    )
}

fn feature(properties: &str, geometry: &str) -> String {
    format!(r#"{{"type":"Feature","properties":{{{properties}}},"geometry":{geometry}}}"#)
}

fn collection(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

fn polygon(rings: &[String]) -> String {
    format!(
        r#"{{"type":"Polygon","coordinates":[{}]}}"#,
        rings.join(",")
    )
}

/// Made up: Ninewa by P-code (with a hole), Dahuk by ISO code, Erbil by an OCHA
/// English name, Basrah by Arabic name as a `MultiPolygon`, and one unknown place.
fn made_up() -> String {
    collection(&[
        feature(
            r#""ADM1_PCODE":"IQG15","ADM1_EN":"Ninewa""#,
            &polygon(&[square(41.0, 35.0, 2.0), square(41.5, 35.5, 0.5)]),
        ),
        feature(
            r#""shapeISO":"IQ-DA""#,
            &polygon(&[square(43.0, 36.8, 1.0)]),
        ),
        feature(r#""ADM1_EN":"Arbil""#, &polygon(&[square(44.0, 36.0, 1.0)])),
        feature(
            r#""ADM1_AR":"البصرة""#,
            &format!(
                r#"{{"type":"MultiPolygon","coordinates":[[{}],[{}]]}}"#,
                square(47.0, 30.0, 1.0),
                square(48.2, 29.6, 0.3)
            ),
        ),
        feature(
            r#""shapeName":"Atlantis""#,
            &polygon(&[square(10.0, 10.0, 1.0)]),
        ),
    ])
}

#[test]
fn all_18_bundled_features_join_by_iso_code() {
    let b = bundled(&gazetteer()).unwrap();
    assert_eq!(b.features, 18);
    assert_eq!(b.matched, 18);
    assert!(b.unmatched.is_empty());
    assert!(b.warnings.is_empty(), "{:?}", b.warnings);
    let pcodes: Vec<Pcode> = b.shapes.iter().map(|s| s.pcode).collect();
    assert_eq!(pcodes, (1..=18).map(p).collect::<Vec<_>>());
    assert_eq!(b.shape(p(15)).unwrap().features, ["Ninawa"]);
    assert_eq!(b.credit(), bundled::BOUNDARIES_CREDIT);
}

#[test]
fn a_made_up_file_joins_by_pcode_iso_and_names_and_reports_the_unknown_one() {
    let b = parse("made_up.geojson", made_up().as_bytes(), &gazetteer()).unwrap();
    assert_eq!((b.features, b.matched), (5, 4));
    assert_eq!(b.unmatched, ["Atlantis"]);
    assert_eq!(
        b.warnings[0].to_string(),
        "made_up.geojson: feature \"Atlantis\" matches no governorate of Iraq (by P-code, ISO code or name); it is not drawn"
    );
    let pcodes: Vec<Pcode> = b.shapes.iter().map(|s| s.pcode).collect();
    assert_eq!(pcodes, [p(2), p(9), p(11), p(15)]);
    let ninewa = b.shape(p(15)).unwrap();
    assert_eq!(ninewa.polygons.len(), 1);
    assert_eq!(ninewa.polygons[0].holes.len(), 1);
    // Rings are kept open: the closing repeat is dropped.
    assert_eq!(ninewa.polygons[0].exterior.len(), 4);
    assert_eq!(ninewa.polygons[0].holes[0][0], [41.5, 35.5]);
    assert_eq!(b.shape(p(2)).unwrap().polygons.len(), 2);
    assert_eq!(b.credit(), "Boundaries: your file made_up.geojson");
    let counts = BoundaryCounts::of(&b);
    assert_eq!(
        counts.describe(),
        "boundary file (GeoJSON): 5 features, 4 joined to a governorate, 1 matching none"
    );
}

#[test]
fn halabja_is_drawn_as_sulaymaniyah_with_a_warning() {
    let text = collection(&[
        feature(
            r#""ADM1_EN":"Sulaymaniyah""#,
            &polygon(&[square(45.0, 35.0, 1.0)]),
        ),
        feature(
            r#""ADM1_EN":"Halabja""#,
            &polygon(&[square(46.0, 35.0, 0.5)]),
        ),
    ]);
    let b = parse("h.geojson", text.as_bytes(), &gazetteer()).unwrap();
    assert_eq!(b.shapes.len(), 1);
    assert_eq!(b.shapes[0].polygons.len(), 2);
    assert_eq!(b.matched, 2);
    assert!(
        b.warnings
            .iter()
            .any(|w| w.message.contains("Sulaymaniyah"))
    );
}

fn error(text: &str) -> String {
    parse("bad.geojson", text.as_bytes(), &gazetteer())
        .unwrap_err()
        .to_string()
}

#[test]
fn malformed_files_are_refused_with_what_was_expected_and_found() {
    assert!(
        error("IQG15,Ninewa\n").starts_with("bad.geojson: not a GeoJSON boundary file: not JSON ("),
        "{}",
        error("IQG15,Ninewa\n")
    );
    assert!(error(r#"{"type":"Feature""#).contains("not JSON"));
    assert_eq!(
        error(&collection(&[feature(
            r#""ADM1_EN":"Ninewa""#,
            r#"{"type":"Point","coordinates":[43.1,36.3]}"#
        )])),
        "bad.geojson: feature \"Ninewa\": expected Polygon or MultiPolygon, found \"Point\""
    );
    assert_eq!(
        error(&collection(&[feature(r#""ADM1_EN":"Ninewa""#, "null")])),
        "bad.geojson: feature \"Ninewa\": expected Polygon or MultiPolygon, found \"no geometry\""
    );
    assert_eq!(
        error(&collection(&[])),
        "bad.geojson: the FeatureCollection has no features; expected one per governorate"
    );
    assert_eq!(
        error(&collection(&[feature(
            r#""ADM1_EN":"Ninewa""#,
            &polygon(&[square(4_800_000.0, 4_300_000.0, 1000.0)])
        )])),
        "bad.geojson: feature \"Ninewa\": coordinates out of range: expected longitude -180 to 180 and latitude -90 to 90 (WGS84 lon/lat, not projected), found [4800000, 4300000]"
    );
    assert_eq!(
        error(&collection(&[feature(
            r#""ADM1_EN":"Ninewa""#,
            r#"{"type":"Polygon","coordinates":[[[41,35],[42,35],[41,35]]]}"#
        )])),
        "bad.geojson: feature \"Ninewa\": expected a polygon ring of at least 4 positions, found 3"
    );
    let many: Vec<String> = (0..1001)
        .map(|_| {
            feature(
                r#""ADM1_EN":"Ninewa""#,
                &polygon(&[square(41.0, 35.0, 1.0)]),
            )
        })
        .collect();
    assert_eq!(
        error(&collection(&many)),
        "bad.geojson: expected at most 1000 features (admin-1 areas), found 1,001"
    );
    assert_eq!(
        error(r#"{"type":"Polygon","coordinates":[[[41,35],[42,35],[42,36],[41,35]]]}"#),
        "bad.geojson: expected a FeatureCollection of governorate polygons, found a lone Polygon geometry (no properties to join by)"
    );
    assert!(error(r#"{"type":"Topology","objects":{}}"#).contains("TopoJSON"));
    assert!(error("[1, 2]").starts_with("bad.geojson: not a GeoJSON boundary file: "));
}

#[test]
fn a_file_whose_features_match_nothing_is_refused() {
    assert_eq!(
        error(&collection(&[feature(
            r#""shapeName":"Atlantis""#,
            &polygon(&[square(44.0, 33.0, 1.0)])
        )])),
        "bad.geojson: none of its 1 features matches a governorate of Iraq by P-code, ISO code or name (found \"Atlantis\")"
    );
}

#[test]
fn boundary_files_are_told_by_extension_or_content() {
    assert!(is_boundary_file(Some("geojson"), b"junk"));
    assert!(is_boundary_file(
        Some("json"),
        br#" {"type": "FeatureCollection", "features": []}"#
    ));
    assert!(!is_boundary_file(Some("json"), br#"{"results": []}"#));
    assert!(!is_boundary_file(Some("csv"), br#"{"type":"Feature"}"#));
}

#[test]
fn a_users_file_loads_through_load_any_and_replaces_the_bundled_shapes() {
    let dir = std::env::temp_dir().join(format!("dd-boundaries-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("made_up.geojson");
    std::fs::write(&path, made_up()).unwrap();
    let mut ds = Dataset::empty().unwrap();
    assert!(ds.map_boundaries().unwrap().bundled);
    let loaded = load_any(
        &ds.load_context(),
        &path,
        &LoadOptions::default(),
        &Progress::none(),
    )
    .unwrap();
    let Loaded::Boundaries(load) = loaded else {
        panic!("expected boundaries");
    };
    assert_eq!(load.counts.unmatched, ["Atlantis"]);
    ds.set_boundaries(load);
    let b = ds.map_boundaries().unwrap();
    assert!(!b.bundled);
    assert_eq!(b.shapes.len(), 4);
    assert_eq!(ds.warnings.len(), 1);
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"type":"FeatureCollection","features":[]}"#).unwrap();
    let e = load_any(
        &ds.load_context(),
        &bad,
        &LoadOptions::default(),
        &Progress::none(),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        DataError::Boundaries(BoundaryError::NoFeatures { .. })
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}
