//! GeoJSON boundary files (issue 12's loader): arbitrary bytes, arbitrary JSON and
//! mutations of the bundled boundaries must give boundaries or a typed error, never
//! a panic, and boundaries only with at least one governorate joined.

use displacement_dashboard::data::Dataset;
use displacement_dashboard::data::boundaries;
use proptest::prelude::*;

use super::config;
use super::mutate::{byte_edit, edit_bytes};

const BUNDLED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/datasets/iraq/boundaries/geoBoundaries-IRQ-ADM1_simplified.geojson"
));

fn parse(bytes: &[u8]) {
    static DATASET: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    let ds = DATASET.get_or_init(|| Dataset::bundled().expect("bundled data"));
    match boundaries::parse("case.geojson", bytes, &ds.gazetteer) {
        Ok(b) => {
            let counts = boundaries::BoundaryCounts::of(&b);
            assert!(counts.matched >= 1, "{}", counts.describe());
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// A JSON value of bounded depth and size, with GeoJSON's keys likely.
fn json() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        any::<f64>().prop_map(|f| if f.is_finite() {
            f.to_string()
        } else {
            "1e999".into()
        }),
        "[A-Za-z\\- ]{0,12}".prop_map(|s| format!("\"{s}\"")),
        Just("\"Polygon\"".to_string()),
        Just("\"MultiPolygon\"".to_string()),
        Just("\"FeatureCollection\"".to_string()),
        Just("\"IQ-NI\"".to_string()),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("type"),
                        Just("features"),
                        Just("geometry"),
                        Just("coordinates"),
                        Just("properties"),
                        Just("shapeISO"),
                        Just("ADM1_PCODE"),
                        Just("shapeName"),
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|kv| {
                let fields: Vec<String> = kv
                    .into_iter()
                    .map(|(k, v)| format!("\"{k}\":{v}"))
                    .collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn arbitrary_bytes_are_boundaries_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        parse(&bytes);
    }

    #[test]
    fn arbitrary_json_is_boundaries_or_refused(text in json()) {
        parse(text.as_bytes());
    }

    #[test]
    fn mutated_bundled_boundaries_are_boundaries_or_refused(
        edits in prop::collection::vec(byte_edit(), 1..4)
    ) {
        parse(&edit_bytes(BUNDLED.to_vec(), &edits));
    }
}
