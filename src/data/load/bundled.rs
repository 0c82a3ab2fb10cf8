//! The curated Iraq tables, compiled into the binary so it works anywhere, offline.

/// One bundled file: its name (as in `datasets/iraq/`) and contents.
pub struct BundledFile {
    pub name: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! bundled {
    ($($name:literal),+ $(,)?) => {
        &[$(BundledFile { name: $name, bytes: include_bytes!(concat!("../../../datasets/iraq/", $name)) }),+]
    };
}

/// The gazetteer's table; part of the program even with `--no-bundled`.
pub const GOVERNORATES: BundledFile = BundledFile {
    name: "governorates.csv",
    bytes: include_bytes!("../../../datasets/iraq/governorates.csv"),
};

/// The data tables, sources first so every later row's source resolves.
pub const TABLES: &[BundledFile] = bundled!(
    "sources.csv",
    "idps_national.csv",
    "idps_governorate.csv",
    "camps.csv",
    "camp_counts.csv",
    "funding.csv",
    "events.csv",
);

/// The map's default boundaries: geoBoundaries' simplified Iraq admin-1 layer (18
/// governorates, CC0; provenance in `datasets/iraq/boundaries/SOURCE_AND_LICENSE.md`).
pub const BOUNDARIES: BundledFile = BundledFile {
    name: "geoBoundaries-IRQ-ADM1_simplified.geojson",
    bytes: include_bytes!(
        "../../../datasets/iraq/boundaries/geoBoundaries-IRQ-ADM1_simplified.geojson"
    ),
};

/// The credit the map and its exports carry for [`BOUNDARIES`].
pub const BOUNDARIES_CREDIT: &str =
    "Boundaries: geoBoundaries (Runfola et al. 2020), CC0; not an official boundary";

/// The row of `sources.csv` that describes [`BOUNDARIES`].
pub const BOUNDARIES_SOURCE_ID: &str = "geo_geoboundaries_irq_adm1";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_boundaries_are_sourced() {
        let ds = crate::data::Dataset::bundled().unwrap();
        let source = ds.source(BOUNDARIES_SOURCE_ID).unwrap();
        assert!(source.publisher.starts_with("geoBoundaries"));
        assert!(BOUNDARIES.bytes.starts_with(b"{"));
        assert_eq!(BOUNDARIES.bytes.len(), 148_896);
    }
}
