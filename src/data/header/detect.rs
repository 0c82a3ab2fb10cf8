//! Finding a table's header and shape from its first rows.
//!
//! The header is the first row, within the first [`HEADER_SEARCH_ROWS`] rows, that maps
//! to a known [`Shape`]; rows above it are title rows, skipped with a warning. A row of
//! HXL hashtags directly under the header is recognised: its hashtags help match the
//! columns, and it is never read as data. A column whose non-empty values all resolve
//! in the gazetteer is taken as the governorate column whatever its header. Row
//! numbers stay physical throughout: a [`GridRow`] carries the line the user sees.

pub use crate::data::layout::{Columns, Layout};
use crate::data::mapping::ColumnMapping;
use crate::data::schema::{
    Shape, col, column_matches, is_hxl_row, is_known_header, spelled_columns, tag_is_households,
};
use crate::domain::Gazetteer;

/// How many rows from the top may hold the header.
pub const HEADER_SEARCH_ROWS: usize = 10;

/// How many rows from the top may hold the header of a published multi-country
/// format (UNHCR's Refugee Data Finder writes about 14 lines of notes above its
/// header); plain tables keep [`HEADER_SEARCH_ROWS`].
pub const PUBLISHED_HEADER_SEARCH_ROWS: usize = 20;

/// How many rows under the header are looked at to find a governorate column by its values.
pub const SAMPLE_ROWS: usize = 200;

/// One row as read: its physical row number (CSV line or sheet row) and trimmed
/// cells, an empty cell being `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridRow {
    pub line: usize,
    pub cells: Vec<Option<String>>,
}

impl GridRow {
    /// True when every cell is empty.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Option::is_none)
    }

    /// True when the first `width` cells (the header's columns) are empty.
    #[must_use]
    pub fn is_blank_within(&self, width: usize) -> bool {
        self.cells.iter().take(width).all(Option::is_none)
    }

    /// The cells as header names (an empty cell is an empty name), line breaks and
    /// runs of spaces written as one space (`Location name\nin English`), as
    /// messages name them.
    #[must_use]
    pub fn names(&self) -> Vec<String> {
        self.cells
            .iter()
            .map(|c| {
                c.as_deref()
                    .unwrap_or_default()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }
}

/// The outcome of matching one header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detection {
    /// Every required column of this shape is present.
    Found(Layout),
    /// This shape fits best, but these required columns are missing.
    Missing(Shape, Vec<&'static str>),
    /// No shape fits.
    Unknown,
}

/// Matches a header (with the HXL row under it, if any) against every shape.
/// `sample` holds data rows, used to find a governorate column by its values.
#[must_use]
pub fn detect(
    header: &[String],
    hxl: Option<&[String]>,
    sample: &[GridRow],
    gazetteer: &Gazetteer,
) -> Detection {
    let mut best: Option<(Shape, usize, Vec<&'static str>)> = None;
    // What each cell is a spelling of, folded once for all shapes.
    let spelled: Vec<Vec<&'static str>> = header.iter().map(|h| spelled_columns(h)).collect();
    for shape in Shape::ALL {
        let (layout, missing) = place(shape, header, &spelled, hxl, sample, gazetteer);
        if missing.is_empty() {
            return Detection::Found(layout);
        }
        let required = shape.required().len();
        let hits = required.saturating_sub(missing.len());
        // A near miss counts only when most of its columns are there.
        if hits * 2 > required && best.as_ref().is_none_or(|(_, h, _)| hits > *h) {
            best = Some((shape, hits, missing));
        }
    }
    match best {
        Some((shape, _, missing)) => Detection::Missing(shape, missing),
        None => Detection::Unknown,
    }
}

/// Places the columns of one shape; returns the layout and the missing required columns.
fn place(
    shape: Shape,
    header: &[String],
    spelled: &[Vec<&'static str>],
    hxl: Option<&[String]>,
    sample: &[GridRow],
    gazetteer: &Gazetteer,
) -> (Layout, Vec<&'static str>) {
    let mut columns = Columns::default();
    let tag = |i: usize| hxl.and_then(|h| h.get(i)).map(String::as_str);
    let names: Vec<&'static str> = shape
        .required()
        .iter()
        .chain(shape.optional())
        .copied()
        .collect();
    // Header names first; then a hashtag names a column whose header is unknown
    // (a partial or misaligned HXL row never overrides a recognised header).
    for &name in &names {
        let found = (0..header.len())
            .find(|&i| !columns.uses(i) && spelled[i].contains(&name))
            .filter(|&i| !(tag(i).is_some_and(tag_is_households) && is_count_of_people(name)));
        if let Some(i) = found {
            columns.insert(name, i);
        }
    }
    for &name in &names {
        if columns.has(name) {
            continue;
        }
        let found = (0..header.len()).find(|&i| {
            // Cheap tests first: most files have no hashtag row at all.
            !columns.uses(i)
                && tag(i).is_some_and(|t| column_matches(name, &header[i], Some(t)))
                && !is_known_header(&header[i])
                // A column named like a governorate counts people from there.
                && gazetteer.lookup(&header[i]).is_err()
        });
        if let Some(i) = found {
            columns.insert(name, i);
        }
    }
    let mut governorate_by_values = None;
    if shape.has_governorate() && !columns.has(col::PCODE) && !columns.has(col::GOVERNORATE) {
        governorate_by_values =
            (0..header.len()).find(|&i| !columns.uses(i) && all_resolve(sample, i, gazetteer));
        if let Some(i) = governorate_by_values {
            columns.insert(col::GOVERNORATE, i);
        }
    }
    let missing: Vec<&'static str> = shape
        .required()
        .iter()
        .copied()
        .filter(|&name| {
            let by_name = name == col::PCODE && columns.has(col::GOVERNORATE);
            !(columns.has(name) || by_name)
        })
        .collect();
    let layout = Layout {
        shape,
        columns,
        governorate_by_values,
    };
    (layout, missing)
}

/// True for the published multi-country formats, whose header may sit lower.
fn is_published(shape: Shape) -> bool {
    matches!(
        shape,
        Shape::UnhcrPopstats
            | Shape::Idmc
            | Shape::DtmApi
            | Shape::HapiIdps
            | Shape::FtsExport
            | Shape::FtsFlows
    )
}

/// True for the columns that count people (never a `+hh` column).
fn is_count_of_people(name: &str) -> bool {
    name == col::INDIVIDUALS || name == col::IDPS
}

/// True when column `i` has at least one value in `sample` and all of them resolve.
fn all_resolve(sample: &[GridRow], i: usize, gazetteer: &Gazetteer) -> bool {
    let mut any = false;
    for row in sample {
        if let Some(Some(text)) = row.cells.get(i) {
            if gazetteer.lookup(text).is_err() {
                return false;
            }
            any = true;
        }
    }
    any
}

/// The header found in a file's first rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Index of the header row in the rows given.
    pub index: usize,
    /// Column names as written.
    pub names: Vec<String>,
    /// An HXL hashtag row follows the header (it is not data).
    pub hxl: bool,
    pub layout: Layout,
}

impl Header {
    /// Index of the first data row in the rows given.
    #[must_use]
    pub fn data_start(&self) -> usize {
        self.index + 1 + usize::from(self.hxl)
    }
}

/// Why no header was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderError {
    /// No row at all.
    Empty,
    /// A header row, and nothing under it.
    HeaderOnly,
    /// A row that nearly fits a shape: these required columns are missing.
    Missing {
        line: usize,
        shape: Shape,
        missing: Vec<&'static str>,
    },
    /// No row fits; `names` is the first non-blank row.
    Unknown { names: Vec<String> },
    /// A column the user's mapping names is not in the file.
    MappedColumnAbsent { column: String, header: String },
}

/// Finds the header among the first rows of a file (`rows` holds at least the first
/// [`HEADER_SEARCH_ROWS`] rows and some rows under them). With a `mapping`, the header is
/// the first row holding every header the mapping names.
pub fn find_header(
    rows: &[GridRow],
    gazetteer: &Gazetteer,
    mapping: Option<&ColumnMapping>,
) -> Result<Header, HeaderError> {
    let candidates: Vec<usize> = (0..rows.len())
        .take_while(|&i| rows[i].line <= PUBLISHED_HEADER_SEARCH_ROWS)
        .filter(|&i| !rows[i].is_blank())
        .collect();
    let Some(&first) = candidates.first() else {
        return Err(HeaderError::Empty);
    };
    let mut near_miss = None;
    for &i in &candidates {
        let names = rows[i].names();
        let hxl_row = rows
            .get(i + 1)
            .filter(|r| is_hxl_row(&r.cells))
            .map(GridRow::names);
        let data_start = i + 1 + usize::from(hxl_row.is_some());
        let sample_end = rows.len().min(data_start + SAMPLE_ROWS);
        let sample = rows.get(data_start..sample_end).unwrap_or(&[]);
        let detection = match mapping {
            Some(m) => match m.layout(&names) {
                Ok(layout) => Detection::Found(layout),
                Err(_) => Detection::Unknown,
            },
            None => detect(&names, hxl_row.as_deref(), sample, gazetteer),
        };
        let deep = rows[i].line > HEADER_SEARCH_ROWS;
        match detection {
            Detection::Found(layout) if deep && !is_published(layout.shape) => {}
            Detection::Found(layout) => {
                let header = Header {
                    index: i,
                    names,
                    hxl: hxl_row.is_some(),
                    layout,
                };
                if rows[header.data_start()..].iter().all(GridRow::is_blank) {
                    return Err(HeaderError::HeaderOnly);
                }
                return Ok(header);
            }
            Detection::Missing(shape, missing) if near_miss.is_none() && !deep => {
                near_miss = Some(HeaderError::Missing {
                    line: rows[i].line,
                    shape,
                    missing,
                });
            }
            Detection::Missing(..) | Detection::Unknown => {}
        }
    }
    if let Some(m) = mapping {
        let names = rows[first].names();
        if let Err(column) = m.layout(&names) {
            return Err(HeaderError::MappedColumnAbsent {
                header: m.columns.get(&column).cloned().unwrap_or_default(),
                column,
            });
        }
    }
    if let Some(miss) = near_miss {
        return Err(miss);
    }
    if rows.iter().filter(|r| !r.is_blank()).count() == 1 {
        return Err(HeaderError::HeaderOnly);
    }
    Err(HeaderError::Unknown {
        names: rows[first].names(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::schema::TableKind;
    use crate::domain::{Governorate, Pcode, Region};

    fn gaz() -> Gazetteer {
        let g = |n: u8, en: &str, ar: &str| Governorate {
            pcode: Pcode::new(n).unwrap(),
            iso_3166_2: format!("IQ-{n}"),
            name_en: en.into(),
            name_ar: ar.into(),
            alt_names: Vec::new(),
            region: Region::Federal,
        };
        Gazetteer::new(vec![g(9, "Dahuk", "دهوك"), g(15, "Ninewa", "نينوى")])
    }

    fn rows(lines: &[&str]) -> Vec<GridRow> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| GridRow {
                line: i + 1,
                cells: l
                    .split(',')
                    .map(|c| (!c.is_empty()).then(|| c.to_string()))
                    .collect(),
            })
            .collect()
    }

    fn header(lines: &[&str]) -> Result<Header, HeaderError> {
        find_header(&rows(lines), &gaz(), None)
    }

    #[test]
    fn the_header_may_sit_under_title_rows() {
        let h = header(&[
            "IDPs by governorate (made up)",
            "",
            "Governorate,Date,IDPs",
            "Ninewa,2024-04-30,5",
        ])
        .unwrap();
        assert_eq!(h.index, 2);
        assert_eq!(h.layout.shape, Shape::Table(TableKind::IdpsGovernorate));
        assert_eq!(h.layout.columns.get(col::GOVERNORATE), Some(0));
        assert_eq!(h.layout.columns.get(col::INDIVIDUALS), Some(2));
        assert_eq!(h.data_start(), 3);
    }

    #[test]
    fn an_hxl_row_is_recognised_and_helps_matching() {
        let h = header(&[
            "Gov,When,People,Fam",
            "#adm1+name,#date,#affected+idps+ind,#affected+idps+hh",
            "Ninewa,2024-04-30,5,1",
        ])
        .unwrap();
        assert!(h.hxl);
        assert_eq!(h.data_start(), 2);
        assert_eq!(h.layout.columns.get(col::INDIVIDUALS), Some(2));
    }

    #[test]
    fn a_published_format_may_have_up_to_twenty_rows_of_notes_above_its_header() {
        let mut lines = vec!["note"; 14];
        lines.extend([
            "Year,Country of origin,Country of asylum,IDPs of concern to UNHCR",
            "2019,Iraq,Iraq,1400001",
        ]);
        let h = header(&lines).unwrap();
        assert_eq!(h.layout.shape, Shape::UnhcrPopstats);
        assert_eq!(h.index, 14);
    }

    #[test]
    fn the_header_must_be_within_the_first_ten_rows() {
        let mut lines = vec!["title"; 10];
        lines.extend(["Governorate,Date,IDPs", "Ninewa,2024-04-30,5"]);
        assert!(matches!(header(&lines), Err(HeaderError::Unknown { .. })));
    }

    #[test]
    fn a_governorate_column_is_found_by_its_values() {
        let h = header(&[
            "Place,Date,IDPs",
            "Ninewa,2024-04-30,5",
            "دهوك,2024-04-30,7",
        ])
        .unwrap();
        assert_eq!(h.layout.governorate_by_values, Some(0));
        let unknown = header(&[
            "Place,Date,IDPs",
            "Ninewa,2024-04-30,5",
            "Paris,2024-04-30,7",
        ]);
        assert!(matches!(
            unknown,
            Err(HeaderError::Missing { line: 1, ref missing, .. }) if missing == &[col::PCODE]
        ));
    }

    #[test]
    fn a_master_list_needs_a_location_and_may_lack_a_date_and_round() {
        let h = header(&[
            "Governorate,District,Location,Households,Individuals,Round",
            "Ninewa,Mosul,Village A,2,10,132",
        ])
        .unwrap();
        assert_eq!(h.layout.shape, Shape::DtmMasterList);
        // Real DTM lists carry no date and no round column: the round is in the
        // file name or a sheet name.
        let no_time = header(&["Governorate,Location,Individuals", "Ninewa,A,1"]).unwrap();
        assert_eq!(no_time.layout.shape, Shape::DtmMasterList);
        assert!(!no_time.layout.columns.has(col::DATE));
    }

    #[test]
    fn origin_columns_named_like_governorates_are_never_the_governorate_column() {
        // Header cells with line breaks and trailing spaces, a partial HXL row with
        // stray tabs, and one column per governorate of origin.
        let header_row = GridRow {
            line: 1,
            cells: [
                "Place id",
                "Governorate",
                "District",
                "Location name\nin English",
                "Families ",
                "Individuals",
                "Dahuk",
                "Ninewa",
            ]
            .iter()
            .map(|c| Some((*c).to_string()))
            .collect(),
        };
        let hxl_row = GridRow {
            line: 2,
            cells: vec![
                None,
                Some("#adm1+name".into()),
                None,
                Some("#loc+name".into()),
                None,
                Some("#affected+displaced+all".into()),
                Some("#adm1+code".into()),
                None,
            ],
        };
        let data = GridRow {
            line: 3,
            cells: ["1", "Ninewa", "Mosul", "A", "2", "10", "4", "6"]
                .iter()
                .map(|c| Some((*c).to_string()))
                .collect(),
        };
        let h = find_header(&[header_row, hxl_row, data], &gaz(), None).unwrap();
        assert_eq!(h.layout.shape, Shape::DtmMasterList);
        assert!(h.hxl);
        assert_eq!(h.layout.columns.get(col::GOVERNORATE), Some(1));
        assert_eq!(h.layout.columns.get(col::LOCATION), Some(0));
        assert_eq!(h.layout.columns.get(col::HOUSEHOLDS), Some(4));
        assert_eq!(h.layout.columns.get(col::INDIVIDUALS), Some(5));
        assert_eq!(h.layout.columns.get(col::PCODE), None);
    }

    #[test]
    fn fts_exports_and_plain_funding_tables_are_told_apart() {
        let fts = header(&[
            "countryCode,id,name,code,typeId,typeName,startDate,endDate,year,requirements,funding,percentFunded",
            "IRQ,1,Plan,P,4,Humanitarian response plan,,,2022,10,5,50",
        ])
        .unwrap();
        assert_eq!(fts.layout.shape, Shape::FtsExport);
        let plain = header(&[
            "year,plan_name,kind,requirements_usd,funding_usd",
            "2022,Plan,hrp,10,5",
        ])
        .unwrap();
        assert_eq!(plain.layout.shape, Shape::Table(TableKind::Funding));
    }

    #[test]
    fn empty_and_header_only_are_named() {
        assert_eq!(header(&[]), Err(HeaderError::Empty));
        assert_eq!(header(&["", ""]), Err(HeaderError::Empty));
        assert_eq!(
            header(&["Governorate,Date,IDPs"]),
            Err(HeaderError::HeaderOnly)
        );
        assert_eq!(
            header(&["Governorate,Date,IDPs", "#adm1+name,#date,#affected+idps"]),
            Err(HeaderError::HeaderOnly)
        );
    }
}
