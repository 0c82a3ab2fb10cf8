//! CSV and text tables: mutations of every made-up fixture and bundled table,
//! arbitrary bytes under every extension, random tables under known headers, and
//! re-encodings that must read the same rows.

use std::sync::OnceLock;

use proptest::prelude::*;

use super::mutate::{self, HOSTILE, Recode};
use super::{config, fixtures, load_bytes, well_formed};

/// The CSV seeds: every made-up fixture and every bundled table.
fn seeds() -> &'static [(String, Vec<u8>)] {
    static SEEDS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut seeds = fixtures(&["csv"]);
        let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/iraq");
        for entry in std::fs::read_dir(bundled).expect("datasets/iraq") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "csv") {
                let name = path.file_name().expect("name").to_string_lossy().into();
                seeds.push((name, std::fs::read(&path).expect("bundled table")));
            }
        }
        assert!(seeds.len() >= 30, "{} seeds", seeds.len());
        seeds
    })
}

/// Extensions a file may arrive under (and none).
const EXTENSIONS: &[Option<&str>] = &[
    Some("csv"),
    Some("txt"),
    Some("tsv"),
    None,
    Some("xlsx"),
    Some("xls"),
    Some("ods"),
    Some("xlsb"),
];

/// Header names of every shape, and some that are near misses.
fn header_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = displacement_dashboard::data::Shape::ALL
        .iter()
        .flat_map(|s| s.required().iter().chain(s.optional().iter()).copied())
        .collect();
    names.extend([
        "Governorate",
        "IDPs",
        "IDP Individuals",
        "adm1_name",
        "ADM1_EN",
        "محافظة",
        "التاريخ",
        "النازحين",
        "Location",
        "Families",
        "#adm1+name",
        "#affected+idps+ind",
        "#date",
    ]);
    names.sort_unstable();
    names.dedup();
    names
}

fn random_table() -> impl Strategy<Value = String> {
    let names = header_names();
    let header = prop::collection::vec(prop::sample::select(names), 1..8);
    let cell = prop_oneof![
        3 => prop::sample::select(HOSTILE),
        1 => Just("2024-04-30"),
        1 => Just("IQG15"),
        1 => Just("1200"),
    ];
    let rows = prop::collection::vec(prop::collection::vec(cell, 0..9), 0..12);
    (header, rows, prop::sample::select(vec![",", ";", "\t"])).prop_map(|(h, rows, sep)| {
        let mut out = h.join(sep);
        for r in rows {
            out.push('\n');
            out.push_str(&r.join(sep));
        }
        out
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn mutated_csv_files_load_or_are_refused(
        seed in 0usize..1000,
        m in mutate::mutation(),
        ext in prop::sample::select(vec![Some("csv"), Some("csv"), Some("csv"), Some("txt"), None, Some("xlsx")]),
    ) {
        let (_, bytes) = &seeds()[seed % seeds().len()];
        let case = mutate::mutate_csv(bytes, &m);
        well_formed(&load_bytes(ext, &case));
    }

    #[test]
    fn arbitrary_bytes_load_or_are_refused(
        ext in prop::sample::select(EXTENSIONS),
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        well_formed(&load_bytes(ext, &bytes));
    }

    #[test]
    fn arbitrary_text_loads_or_is_refused(text in any::<String>(), recode in mutate::recode()) {
        well_formed(&load_bytes(Some("csv"), &mutate::encode(&text, recode)));
    }

    #[test]
    fn random_tables_under_known_headers_load_or_are_refused(
        text in random_table(),
        recode in mutate::recode(),
    ) {
        let outcome = load_bytes(Some("csv"), &mutate::encode(&text, recode));
        well_formed(&outcome);
        if let Ok(load) = outcome {
            // No more rows than the text has lines under the header.
            prop_assert!(load.report.rows <= text.lines().count());
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// A file that loads reads the same rows from CRLF, a BOM or UTF-16.
    #[test]
    fn line_ends_and_unicode_encodings_read_the_same_rows(
        seed in 0usize..1000,
        recode in prop::sample::select(vec![Recode::Crlf, Recode::Bom, Recode::Utf16Le, Recode::Utf16Be]),
    ) {
        let (name, bytes) = &seeds()[seed % seeds().len()];
        let Ok(text) = std::str::from_utf8(bytes) else { return Ok(()) };
        // Already CRLF or with a BOM: the plain text is the reference.
        let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
        let Ok(plain) = load_bytes(Some("csv"), text.as_bytes()) else { return Ok(()) };
        let recoded = load_bytes(Some("csv"), &mutate::encode(&text, recode));
        let recoded = recoded.map_err(|e| e.to_string());
        prop_assert!(recoded.is_ok(), "{name} {recode:?}: {recoded:?}");
        let recoded = recoded.expect("checked");
        prop_assert_eq!(recoded.report.rows, plain.report.rows, "{} {:?}", name, recode);
        prop_assert_eq!(recoded.report.kind, plain.report.kind);
        prop_assert_eq!(recoded.report.header_row, plain.report.header_row);
    }
}
