//! Tests of the map export: they build the specs they draw with the query layer.

use super::*;
use crate::data::Dataset;
use crate::map::{MapMeasure, MapRequest};
use crate::query::Filters;

fn page(geometry: &Geometry, filters: impl FnOnce(&mut Filters)) -> String {
    let ds = Dataset::bundled().unwrap();
    let mut f = Filters::all(&ds);
    filters(&mut f);
    let spec = crate::query::map::map(&ds, &f, &MapRequest::default());
    let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    map_page(&spec, geometry, (1200.0, 800.0), day)
}

fn bundled_geometry() -> Geometry {
    let ds = Dataset::empty().unwrap();
    Geometry::new(&ds.map_boundaries().unwrap())
}

#[test]
fn the_exported_map_has_18_governorate_paths_a_legend_and_both_credits() {
    let svg = page(&bundled_geometry(), |f| {
        f.only(crate::data::Pcode::new(15).unwrap());
    });
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let paths: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path") && n.attribute("class") == Some("governorate"))
        .collect();
    assert_eq!(paths.len(), 18);
    let ninewa = paths
        .iter()
        .find(|p| p.attribute("data-pcode") == Some("IQG15"))
        .unwrap();
    assert_eq!(ninewa.attribute("data-name"), Some("Ninewa"));
    let selected: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("selected"))
        .collect();
    assert_eq!(selected.len(), 1);
    assert_eq!(selected[0].attribute("data-pcode"), Some("IQG15"));
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect();
    let has = |s: &str| texts.iter().any(|t| t.contains(s));
    assert!(has("IDPs by governorate of displacement, 31 Dec 2025"));
    assert!(has("No data"));
    assert!(has("31 Dec 2025"));
    assert!(has("Ninewa \u{b7} 2014\u{2013}2025"), "{texts:?}");
    assert!(has(
        "Boundaries: geoBoundaries (Runfola et al. 2020), CC0; not an official boundary"
    ));
    assert!(has(
        "International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)"
    ));
}

#[test]
fn the_tile_map_has_18_tiles_with_names_and_values() {
    let svg = page(&Geometry::tiles(), |_| {});
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let tiles = doc
        .descendants()
        .filter(|n| n.has_tag_name("path") && n.attribute("class") == Some("governorate"))
        .count();
    assert_eq!(tiles, 18);
    let values: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("tile-value"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect();
    assert_eq!(values.len(), 18);
    assert!(values.contains(&"198,287".to_string()), "{values:?}");
}

#[test]
fn values_are_written_with_signs_for_change() {
    use crate::map::spec::value_text;
    assert_eq!(
        value_text(MapMeasure::Displacement, Some(198_287)),
        "198,287"
    );
    assert_eq!(value_text(MapMeasure::Change, Some(36_155)), "+36,155");
    assert_eq!(
        value_text(MapMeasure::Change, Some(-354_127)),
        "\u{2212}354,127"
    );
    assert_eq!(value_text(MapMeasure::Origin, None), "no data");
}
