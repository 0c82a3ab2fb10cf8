//! The curated Iraq tables, compiled into the binary so it works anywhere, offline.

/// One bundled file: its name (as in `datasets/iraq/`) and contents.
pub struct BundledFile {
    pub name: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! bundled {
    ($($name:literal),+ $(,)?) => {
        &[$(BundledFile { name: $name, bytes: include_bytes!(concat!("../../datasets/iraq/", $name)) }),+]
    };
}

/// The gazetteer's table; part of the program even with `--no-bundled`.
pub const GOVERNORATES: BundledFile = BundledFile {
    name: "governorates.csv",
    bytes: include_bytes!("../../datasets/iraq/governorates.csv"),
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
