//! `check` on boundary files (issue 12): text and `--json` reports, exit codes.

use super::CommonArgs;
use super::check::run;

fn square(pcode: &str, name: &str, lon: f64) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"ADM1_PCODE":"{pcode}","ADM1_EN":"{name}"}},"geometry":{{"type":"Polygon","coordinates":[[[{lon},33],[{},33],[{},34],[{lon},34],[{lon},33]]]}}}}"#,
        lon + 1.0,
        lon + 1.0
    )
}

fn write(dir: &std::path::Path, name: &str, features: &[String]) -> std::path::PathBuf {
    let path = dir.join(name);
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    );
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn check_reports_features_matched_and_unmatched() {
    let dir = std::env::temp_dir().join(format!("dd-check-geo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = write(
        &dir,
        "cod.geojson",
        &[
            square("IQG15", "Ninewa", 42.0),
            square("IQG01", "Anbar", 40.0),
            square("XX99", "Atlantis", 44.0),
        ],
    );
    let common = CommonArgs {
        no_bundled: true,
        ..CommonArgs::default()
    };
    let text = run(&common, std::slice::from_ref(&good), false).unwrap();
    assert_eq!(text.code, 0);
    assert!(
        text.stdout.ends_with(
            "cod.geojson: boundary file (GeoJSON): 3 features, 2 joined to a governorate, 1 matching none\n"
        ),
        "{}",
        text.stdout
    );
    assert_eq!(text.warnings.len(), 1);
    assert!(text.warnings[0].contains("\"Atlantis\" matches no governorate"));

    let json = run(&common, std::slice::from_ref(&good), true).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let report = &v["files"][0];
    assert_eq!(report["ok"], true);
    assert_eq!(report["kind"], "boundaries");
    assert_eq!(report["features"], 3);
    assert_eq!(report["matched"], 2);
    assert_eq!(report["unmatched"], serde_json::json!(["Atlantis"]));

    // None matching is a refusal (exit 1); so is a malformed file.
    let none = write(&dir, "none.geojson", &[square("XX99", "Atlantis", 44.0)]);
    let point = dir.join("point.geojson");
    std::fs::write(
        &point,
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ADM1_EN":"Ninewa"},"geometry":{"type":"Point","coordinates":[43,36]}}]}"#,
    )
    .unwrap();
    let refused = run(&common, &[none, point], true).unwrap();
    assert_eq!(refused.code, 1);
    assert!(refused.warnings[1].ends_with(
        "point.geojson: feature \"Ninewa\": expected Polygon or MultiPolygon, found \"Point\""
    ));
    let v: serde_json::Value = serde_json::from_str(&refused.stdout).unwrap();
    assert_eq!(v["files"][0]["ok"], false);
    assert!(v["files"][0].get("features").is_none());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_boundary_file_given_as_data_replaces_the_bundled_shapes() {
    let dir = std::env::temp_dir().join(format!("dd-data-geo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = write(&dir, "cod.geojson", &[square("IQG15", "Ninewa", 42.0)]);
    let common = CommonArgs {
        no_bundled: true,
        data: vec![path],
        ..CommonArgs::default()
    };
    let loaded = super::load(&common, &[]).unwrap();
    let b = loaded.dataset.map_boundaries().unwrap();
    assert!(!b.bundled);
    assert_eq!(b.shapes.len(), 1);
    assert_eq!(b.credit(), "Boundaries: your file cod.geojson");
    std::fs::remove_dir_all(&dir).unwrap();
}
