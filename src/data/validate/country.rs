//! Countries, and which rows of a file are Iraq's.
//!
//! Files that hold several countries (OCHA FTS, the DTM API, HDX HAPI, IDMC and UNHCR
//! exports) contribute only Iraq's rows; the rows of other countries are counted and
//! reported as left out, with their countries ("1,596 rows of other countries left
//! out: HTI, SDN"). A row's country comes from the file's country column, a code
//! ([`col::COUNTRY_CODE`]) before a name ([`col::COUNTRY_NAME`]), else from the
//! country prefix of its admin-1 code ([`col::PCODE`]: `SD08` is Sudan's, `IQG01` and
//! `IRQ-G01` are Iraq's). A file that names no country is taken as Iraq's; its places
//! are then checked against the gazetteer as usual. A file with no Iraq row is refused
//! with one [`DataError::NotIraq`] naming what it holds, never with one "unknown
//! governorate" line per row. English names come from ISO 3166-1 (`rust_iso3166`); a
//! code it does not know (IDMC's `AB9` for Abyei, `XKX` for Kosovo) is named as written.

use std::collections::BTreeMap;

use crate::data::error::DataError;
use crate::data::parsed::LeftOut;
use crate::data::raw::RawTable;
use crate::data::schema::col;
use crate::domain::{Gazetteer, LookupError, fold};

/// Iraq's ISO 3166-1 alpha-3 code.
pub const IRAQ_ALPHA3: &str = crate::domain::IRAQ.alpha3;
/// Iraq's ISO 3166-1 alpha-2 code (and the prefix of OCHA's P-codes, `IQG01`).
pub const IRAQ_ALPHA2: &str = crate::domain::IRAQ.alpha2;
/// Iraq's name as files write it, folded (see [`fold`]).
const IRAQ_NAMES: &[&str] = &["iraq", "republic of iraq", "العراق", "جمهوريه العراق"];

/// A country other than Iraq, as a file names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Country {
    /// ISO 3166-1 alpha-3 when known, else the code as written (`AB9`).
    pub code: Option<String>,
    /// The ISO 3166-1 English short name, else the name as written.
    pub name: Option<String>,
}

impl Country {
    /// "Kenya (KEN)", or "KEN" or "Kenya" when only one is known.
    #[must_use]
    pub fn label(&self) -> String {
        match (&self.name, &self.code) {
            (Some(name), Some(code)) => format!("{name} ({code})"),
            (Some(name), None) => name.clone(),
            (None, Some(code)) => code.clone(),
            (None, None) => "an unnamed country".into(),
        }
    }

    /// The code when known, else the name: what lists of left-out rows show.
    #[must_use]
    pub fn short(&self) -> String {
        self.code
            .clone()
            .or_else(|| self.name.clone())
            .unwrap_or_default()
    }

    /// What rows of the same country share.
    fn key(&self) -> String {
        self.code
            .clone()
            .unwrap_or_else(|| fold(self.name.as_deref().unwrap_or_default()))
    }

    fn of_iso(iso: &rust_iso3166::CountryCode) -> Country {
        Country {
            code: Some(iso.alpha3.to_string()),
            name: Some(iso.name.to_string()),
        }
    }
}

/// The country a row is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowCountry {
    /// The row is Iraq's.
    Iraq,
    /// The row is another country's.
    Other(Country),
    /// The row names no country (an empty cell, or a value that is not a code).
    Unnamed,
}

/// Where a file says which country a row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryColumn {
    /// ISO 3166-1 codes, alpha-3 or alpha-2 (a name written there is read as a name).
    Code(usize),
    /// Country names.
    Name(usize),
    /// Admin-1 codes, whose prefix names the country (`IQG01`, `IRQ-G01`, `SD08`).
    AdminCode(usize),
}

impl CountryColumn {
    fn index(self) -> usize {
        match self {
            CountryColumn::Code(i) | CountryColumn::Name(i) | CountryColumn::AdminCode(i) => i,
        }
    }

    /// The country of one cell's text.
    #[must_use]
    pub fn classify(self, text: &str) -> RowCountry {
        match self {
            CountryColumn::Code(_) => of_code(text),
            CountryColumn::Name(_) => of_name(text),
            CountryColumn::AdminCode(_) => of_admin_code(text),
        }
    }
}

/// The columns of a file that name a row's country, in order of precedence: the
/// country code, the country name, the admin-1 code.
#[must_use]
pub fn country_columns(raw: &RawTable) -> Vec<CountryColumn> {
    let mut out = Vec::new();
    if let Some(i) = raw.column(col::COUNTRY_CODE) {
        out.push(CountryColumn::Code(i));
    }
    if let Some(i) = raw.column(col::COUNTRY_NAME) {
        out.push(CountryColumn::Name(i));
    }
    if let Some(i) = raw.column(col::PCODE) {
        out.push(CountryColumn::AdminCode(i));
    }
    out
}

/// The country of data row `row`: the first of `columns` whose cell names one.
#[must_use]
pub fn row_country(raw: &RawTable, columns: &[CountryColumn], row: usize) -> RowCountry {
    for column in columns {
        if let Some(text) = raw.cell(column.index(), row) {
            let found = column.classify(text);
            if found != RowCountry::Unnamed {
                return found;
            }
        }
    }
    RowCountry::Unnamed
}

/// The country of an ISO 3166-1 code (`IRQ`, `iq`, `KEN`); a cell that is not a
/// two- or three-character code is read as a name.
#[must_use]
pub fn of_code(text: &str) -> RowCountry {
    let code = text.trim().to_ascii_uppercase();
    if code.is_empty() {
        return RowCountry::Unnamed;
    }
    let is_code = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric());
    if !is_code {
        return of_name(text);
    }
    if code == IRAQ_ALPHA3 || code == IRAQ_ALPHA2 {
        return RowCountry::Iraq;
    }
    let iso = if code.len() == 3 {
        rust_iso3166::from_alpha3(&code)
    } else {
        rust_iso3166::from_alpha2(&code)
    };
    RowCountry::Other(iso.as_ref().map_or(
        Country {
            code: Some(code),
            name: None,
        },
        Country::of_iso,
    ))
}

/// The country of a name (`Iraq`, `العراق`, `Kenya`); an upper-case code written in a
/// name column is read as a code.
#[must_use]
pub fn of_name(text: &str) -> RowCountry {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return RowCountry::Unnamed;
    }
    if (2..=3).contains(&trimmed.len()) && trimmed.bytes().all(|b| b.is_ascii_uppercase()) {
        return of_code(trimmed);
    }
    let folded = fold(trimmed);
    if IRAQ_NAMES.contains(&folded.as_str()) {
        return RowCountry::Iraq;
    }
    let iso = rust_iso3166::ALL.iter().find(|c| fold(c.name) == folded);
    RowCountry::Other(iso.map_or_else(
        || Country {
            code: None,
            name: Some(trimmed.to_string()),
        },
        Country::of_iso,
    ))
}

/// The country in the prefix of an admin code: `IRQ-G01` and `IQG01` (DTM's and
/// OCHA's P-codes), `IQ-NI` (ISO 3166-2), `SD08`. A value that is not a code (a
/// governorate's name, `Al-Basrah`) names no country; nor does a code in lower case
/// unless it is Iraq's (a foreign country is only ever named by a clear code).
#[must_use]
pub fn of_admin_code(text: &str) -> RowCountry {
    let trimmed = text.trim();
    let code = trimmed.to_ascii_uppercase();
    let letters: String = code.chars().take_while(char::is_ascii_alphabetic).collect();
    let after = &code[letters.len()..];
    let dashed = after.starts_with('-');
    let rest = after.strip_prefix('-').unwrap_or(after);
    let is_code = (2..=3).contains(&letters.len())
        && !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_alphanumeric())
        && (rest.bytes().any(|b| b.is_ascii_digit()) || (dashed && rest.len() <= 3));
    if !is_code {
        return RowCountry::Unnamed;
    }
    let iraq = letters == IRAQ_ALPHA3
        || (letters.len() == 3
            && letters.starts_with(IRAQ_ALPHA2)
            && rust_iso3166::from_alpha3(&letters).is_none())
        || letters == IRAQ_ALPHA2;
    if iraq {
        return RowCountry::Iraq;
    }
    if trimmed != code {
        return RowCountry::Unnamed;
    }
    let iso = if letters.len() == 3 {
        rust_iso3166::from_alpha3(&letters).or_else(|| rust_iso3166::from_alpha2(&letters[..2]))
    } else {
        rust_iso3166::from_alpha2(&letters)
    };
    iso.map_or(RowCountry::Unnamed, |iso| {
        RowCountry::Other(Country::of_iso(&iso))
    })
}

/// The rows of other countries a reader skipped, by country, for its report.
#[derive(Debug, Clone, Default)]
pub struct Others(BTreeMap<String, (Country, usize)>);

impl Others {
    /// Counts `rows` rows of `country`.
    pub fn add(&mut self, country: Country, rows: usize) {
        self.0.entry(country.short()).or_insert((country, 0)).1 += rows;
    }

    /// True when no row of another country was seen.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// "12 rows of other countries left out: KEN, SDN" (`other_country`).
    #[must_use]
    pub fn left_out(&self) -> Option<LeftOut> {
        if self.0.is_empty() {
            return None;
        }
        let rows: usize = self.0.values().map(|(_, n)| n).sum();
        let codes: Vec<String> = self.0.values().map(|(c, _)| c.short()).collect();
        Some(LeftOut {
            reason: "other_country",
            rows,
            detail: format!(
                "{} of {} left out: {}",
                rows_word(rows),
                if codes.len() == 1 {
                    "another country"
                } else {
                    "other countries"
                },
                list(&codes)
            ),
        })
    }

    /// The one refusal of a file with no Iraq row.
    #[must_use]
    pub fn refusal(&self, file: &str) -> DataError {
        let countries: Vec<Country> = self.0.values().map(|(c, _)| c.clone()).collect();
        DataError::NotIraq {
            file: file.into(),
            what: holds(&countries),
        }
    }
}

/// Which data rows of `raw` are Iraq's: the rows to read, and the rows left out.
///
/// A file whose rows name no country is taken whole. Rows of other countries are left
/// out (`other_country`); in a file that names several countries, rows that name
/// none are left out too (`no_country`), since nothing says they are Iraq's. A file
/// with no Iraq row and rows of other countries is refused with one message.
pub fn split_by_country(raw: &RawTable) -> Result<(Vec<usize>, Vec<LeftOut>), DataError> {
    let columns = country_columns(raw);
    let all: Vec<usize> = (0..raw.height()).collect();
    if columns.is_empty() {
        return Ok((all, Vec::new()));
    }
    let mut iraq = Vec::new();
    let mut unnamed = 0;
    let mut others: BTreeMap<String, (Country, usize)> = BTreeMap::new();
    for &row in &all {
        match row_country(raw, &columns, row) {
            RowCountry::Iraq => iraq.push(row),
            RowCountry::Unnamed => unnamed += 1,
            RowCountry::Other(c) => others.entry(c.key()).or_insert((c, 0)).1 += 1,
        }
    }
    if others.is_empty() {
        return Ok((all, Vec::new()));
    }
    let countries: Vec<Country> = others.values().map(|(c, _)| c.clone()).collect();
    if iraq.is_empty() {
        return Err(DataError::NotIraq {
            file: raw.file.clone(),
            what: holds(&countries),
        });
    }
    let rows: usize = others.values().map(|(_, n)| n).sum();
    let mut left_out = vec![LeftOut {
        reason: "other_country",
        rows,
        detail: format!(
            "{} of {} left out: {}",
            rows_word(rows),
            if countries.len() == 1 {
                "another country"
            } else {
                "other countries"
            },
            list(&countries.iter().map(Country::short).collect::<Vec<_>>())
        ),
    }];
    if unnamed > 0 {
        left_out.push(LeftOut {
            reason: "no_country",
            rows: unnamed,
            detail: format!(
                "{} that {} no country left out (the file holds several countries)",
                rows_word(unnamed),
                if unnamed == 1 { "names" } else { "name" }
            ),
        });
    }
    Ok((iraq, left_out))
}

/// Refuses, with one message, a governorate table none of whose places is Iraq's:
/// three or more distinct places, none known to the gazetteer ("Khartoum",
/// "Kassala", "Gedaref"), or every admin-1 code of another country ("SD08"). A table
/// with any Iraqi place, or with one or two unknown names (misspellings, which the
/// per-row checks answer with suggestions), is left to the per-row checks.
pub fn refuse_foreign_places(raw: &RawTable, gazetteer: &Gazetteer) -> Result<(), DataError> {
    split_by_country(raw)?;
    if gazetteer.governorates().is_empty() {
        return Ok(());
    }
    let mut places: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for name in [col::PCODE, col::GOVERNORATE] {
        let Some(i) = raw.column(name) else {
            continue;
        };
        for row in 0..raw.height() {
            let Some(text) = raw.cell(i, row) else {
                continue;
            };
            if !seen.insert(text) {
                continue;
            }
            match gazetteer.lookup(text) {
                Err(LookupError::Unknown { .. }) => places.push(text.to_string()),
                // An Iraqi place, or an old Iraqi P-code: checked per row.
                Ok(_) | Err(LookupError::OldScheme { .. }) => return Ok(()),
            }
        }
    }
    if places.len() < 3 {
        return Ok(());
    }
    let shown: Vec<String> = places.iter().take(3).map(|p| format!("\"{p}\"")).collect();
    let more = if places.len() > 3 { ", \u{2026}" } else { "" };
    Err(DataError::NotIraq {
        file: raw.file.clone(),
        what: format!(
            "holds no Iraqi governorate (its places are {}{more})",
            shown.join(", ")
        ),
    })
}

/// "Afghanistan (AFG) rows", "rows of Kenya (KEN) and Somalia (SOM)".
pub(in crate::data) fn holds(countries: &[Country]) -> String {
    const NAMED: usize = 6;
    let labels: Vec<String> = countries.iter().map(Country::label).collect();
    match labels.as_slice() {
        [one] => format!("holds {one} rows only"),
        _ if labels.len() <= NAMED => format!("holds rows of {} only", and_list(&labels)),
        _ => {
            let codes: Vec<String> = countries.iter().map(Country::short).collect();
            format!(
                "holds rows of {} countries ({} and {} more) only",
                countries.len(),
                codes[..5].join(", "),
                codes.len() - 5
            )
        }
    }
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Codes for a left-out detail, at most 12 ("AFG, HTI, … and 30 more").
fn list(items: &[String]) -> String {
    const SHOWN: usize = 12;
    if items.len() <= SHOWN {
        items.join(", ")
    } else {
        format!(
            "{} and {} more",
            items[..SHOWN].join(", "),
            items.len() - SHOWN
        )
    }
}

/// "1 row", "1,596 rows".
#[must_use]
pub fn rows_word(n: usize) -> String {
    if n == 1 {
        "1 row".into()
    } else {
        format!("{} rows", grouped(n))
    }
}

/// A count with thousands separators (1,596).
#[must_use]
pub fn grouped(n: usize) -> String {
    crate::data::grouped(n as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::detect::{Columns, GridRow, Header, Layout};
    use crate::data::schema::Shape;

    fn kenya() -> Country {
        Country {
            code: Some("KEN".into()),
            name: Some("Kenya".into()),
        }
    }

    /// A table of one country column named `name`, with these cells.
    fn table(name: &'static str, cells: &[&str]) -> RawTable {
        let mut columns = Columns::default();
        columns.insert(name, 0);
        let header = Header {
            index: 0,
            names: vec!["country".into(), "value".into()],
            hxl: false,
            layout: Layout {
                shape: Shape::FtsExport,
                columns,
                governorate_by_values: None,
            },
        };
        let mut raw = RawTable::new("made_up.csv", None, &header, None);
        for (i, c) in cells.iter().enumerate() {
            raw.push(GridRow {
                line: i + 2,
                cells: vec![(!c.is_empty()).then(|| (*c).to_string()), Some("1".into())],
            });
        }
        raw
    }

    #[test]
    fn codes_of_every_kind_are_told_apart() {
        let cases: &[(&str, RowCountry)] = &[
            ("IRQ", RowCountry::Iraq),
            ("iq", RowCountry::Iraq),
            (" Iraq ", RowCountry::Iraq),
            ("KEN", RowCountry::Other(kenya())),
            ("KE", RowCountry::Other(kenya())),
            ("Kenya", RowCountry::Other(kenya())),
            ("", RowCountry::Unnamed),
        ];
        for (text, expected) in cases {
            assert_eq!(&of_code(text), expected, "{text}");
        }
        assert_eq!(
            of_code("AB9"),
            RowCountry::Other(Country {
                code: Some("AB9".into()),
                name: None
            })
        );
        assert_eq!(of_name("العراق"), RowCountry::Iraq);
        assert_eq!(of_name("IRQ"), RowCountry::Iraq);
        assert_eq!(
            of_name("Syrian Arab Rep."),
            RowCountry::Other(Country {
                code: None,
                name: Some("Syrian Arab Rep.".into())
            })
        );
    }

    #[test]
    fn admin_codes_name_their_country_and_names_do_not() {
        assert_eq!(of_admin_code("IQG01"), RowCountry::Iraq);
        assert_eq!(of_admin_code("IRQ-G01"), RowCountry::Iraq);
        assert_eq!(of_admin_code("IQ-NI"), RowCountry::Iraq);
        assert_eq!(of_admin_code("iqg15"), RowCountry::Iraq);
        let RowCountry::Other(sudan) = of_admin_code("SD08") else {
            panic!("SD08 is Sudan's");
        };
        assert_eq!(sudan.label(), "Sudan (SDN)");
        assert_eq!(of_admin_code("Ninewa"), RowCountry::Unnamed);
        assert_eq!(of_admin_code("Al-Basrah"), RowCountry::Unnamed);
        assert_eq!(of_admin_code(""), RowCountry::Unnamed);
        assert_eq!(of_admin_code("XX01"), RowCountry::Unnamed);
        assert_eq!(of_admin_code("Al-Ain"), RowCountry::Unnamed);
        assert_eq!(of_admin_code("sd08"), RowCountry::Unnamed);
        assert_eq!(of_admin_code("IQ-G15"), RowCountry::Iraq);
    }

    #[test]
    fn iraq_rows_are_kept_and_the_others_counted_with_their_codes() {
        let raw = table(col::COUNTRY_CODE, &["HTI", "IRQ", "SDN", "HTI", "IRQ", ""]);
        let (rows, left_out) = split_by_country(&raw).unwrap();
        assert_eq!(rows, [1, 4]);
        assert_eq!(
            left_out,
            [
                LeftOut {
                    reason: "other_country",
                    rows: 3,
                    detail: "3 rows of other countries left out: HTI, SDN".into(),
                },
                LeftOut {
                    reason: "no_country",
                    rows: 1,
                    detail:
                        "1 row that names no country left out (the file holds several countries)"
                            .into(),
                },
            ]
        );
    }

    #[test]
    fn a_file_that_names_only_iraq_or_no_country_is_kept_whole() {
        let raw = table(col::COUNTRY_CODE, &["IRQ", "", "IRQ"]);
        assert_eq!(split_by_country(&raw).unwrap(), (vec![0, 1, 2], vec![]));
        let raw = table(col::COUNTRY_NAME, &["", ""]);
        assert_eq!(split_by_country(&raw).unwrap(), (vec![0, 1], vec![]));
    }

    #[test]
    fn a_file_without_iraq_is_refused_with_one_message_naming_what_it_holds() {
        let refused = |cells: &[&str]| {
            split_by_country(&table(col::COUNTRY_CODE, cells))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            refused(&["AFG", "AFG"]),
            "made_up.csv: holds Afghanistan (AFG) rows only; this app's data is Iraq's"
        );
        assert_eq!(
            refused(&["SOM", "KEN", "SOM"]),
            "made_up.csv: holds rows of Kenya (KEN) and Somalia (SOM) only; this app's data is Iraq's"
        );
        assert_eq!(
            refused(&["AFG", "HTI", "KEN", "SDN", "SOM", "TCD", "YEM"]),
            "made_up.csv: holds rows of 7 countries (AFG, HTI, KEN, SDN, SOM and 2 more) only; this app's data is Iraq's"
        );
        let sudan = split_by_country(&table(col::PCODE, &["SD08", "SD09"])).unwrap_err();
        assert_eq!(
            sudan.to_string(),
            "made_up.csv: holds Sudan (SDN) rows only; this app's data is Iraq's"
        );
    }

    #[test]
    fn a_governorate_table_of_foreign_places_is_refused_once() {
        let parse = |text: &str| {
            crate::data::Dataset::empty()
                .unwrap()
                .parse_bytes("made_up.csv", text.as_bytes())
                .map(|_| ())
                .map_err(|e| e.to_string())
        };
        let names = "date,governorate,individuals\n2024-04-30,Khartoum,1\n2024-04-30,Kassala,2\n2024-04-30,Khartoum,3\n2024-04-30,Gedaref,4\n2024-04-30,Sennar,5\n";
        assert_eq!(
            parse(names),
            Err("made_up.csv: holds no Iraqi governorate (its places are \"Khartoum\", \"Kassala\", \"Gedaref\", \u{2026}); this app's data is Iraq's".into())
        );
        // One or two unknown names are misspellings, answered row by row.
        let typo = "date,governorate,individuals\n2024-04-30,Ninevah2,1\n";
        assert!(parse(typo).unwrap_err().contains("did you mean Ninewa"));
        let codes = "date,pcode,individuals\n2024-04-30,SD08,1\n2024-04-30,SD09,2\n";
        assert_eq!(
            parse(codes),
            Err("made_up.csv: holds Sudan (SDN) rows only; this app's data is Iraq's".into())
        );
        // One Iraqi place: the others are checked row by row.
        let mixed = "date,governorate,individuals\n2024-04-30,Ninewa,1\n2024-04-30,Khartoum,2\n";
        let e = parse(mixed).unwrap_err();
        assert!(e.contains("row 3, column \"governorate\""), "{e}");
    }

    #[test]
    fn long_lists_are_cut_and_counts_grouped() {
        let items: Vec<String> = (0..15).map(|i| format!("C{i:02}")).collect();
        assert_eq!(
            list(&items),
            "C00, C01, C02, C03, C04, C05, C06, C07, C08, C09, C10, C11 and 3 more"
        );
        assert_eq!(rows_word(1_596), "1,596 rows");
        assert_eq!(grouped(1_000_000), "1,000,000");
        assert_eq!(
            and_list(&["A".into(), "B".into(), "C".into()]),
            "A, B and C"
        );
    }
}
