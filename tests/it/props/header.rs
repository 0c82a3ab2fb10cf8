//! The header detector: any first rows give a header inside them (with its data
//! rows after it) or a typed reason, and a header is found only in the rows the
//! rules allow (the first 10, or 20 for a published format).

use std::sync::OnceLock;

use displacement_dashboard::data::detect::{GridRow, PUBLISHED_HEADER_SEARCH_ROWS, find_header};
use displacement_dashboard::data::{Dataset, Gazetteer, Shape};
use proptest::prelude::*;

use super::config;
use super::mutate::HOSTILE;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Dataset::empty().expect("gazetteer").gazetteer)
}

fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = Shape::ALL
        .iter()
        .flat_map(|s| s.required().iter().chain(s.optional().iter()))
        .map(|s| (*s).to_string())
        .collect();
    words.extend(HOSTILE.iter().map(|s| (*s).to_string()));
    words.extend(
        [
            "#adm1+name",
            "#affected+idps+ind",
            "#date",
            "#affected+hh",
            "#adm1+code",
        ]
        .map(String::from),
    );
    words
}

fn rows() -> impl Strategy<Value = Vec<GridRow>> {
    let cell = prop_oneof![
        4 => prop::sample::select(vocabulary()).prop_map(Some),
        1 => any::<String>().prop_map(Some),
        2 => Just(None),
    ];
    let row = (1usize..4, prop::collection::vec(cell, 0..12));
    prop::collection::vec(row, 0..40).prop_map(|rows| {
        let mut line = 0;
        rows.into_iter()
            .map(|(gap, cells)| {
                line += gap;
                GridRow { line, cells }
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_first_rows_give_a_header_inside_them_or_a_reason(rows in rows()) {
        if let Ok(header) = find_header(&rows, gazetteer(), None) {
            prop_assert!(header.index < rows.len());
            prop_assert!(rows[header.index].line <= PUBLISHED_HEADER_SEARCH_ROWS);
            prop_assert!(header.data_start() <= rows.len());
            prop_assert!(!rows[header.index].is_blank());
            prop_assert_eq!(&header.names, &rows[header.index].names());
        }
    }
}
