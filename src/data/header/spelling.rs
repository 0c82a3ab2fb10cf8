//! How files spell a column: the other spellings of each column name (folded: any
//! case, spaces, underscores and accents; Arabic headers folded as the gazetteer folds
//! names), the HXL hashtags each column may carry (the hashtag plus the exact *set* of
//! attributes, in any order and case), and the matching `detect` uses. The header
//! decides; a hashtag only names a column whose header is no known spelling, and a
//! `+hh` hashtag keeps a column from being individuals. `schema` re-exports the
//! public functions (`data::schema::column_matches`).

use super::schema::{Shape, col};

/// Other spellings of each column, written folded (lowercase words; see
/// [`fold_header`]). A column's own name always matches too.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        col::GOVERNORATE,
        &[
            "governorate",
            "governorate name",
            "governorate en",
            "governorate name en",
            "gov",
            "gov name",
            "adm1",
            "adm1 name",
            "adm1 en",
            "adm1 name en",
            "admin 1",
            "admin1",
            "admin 1 name",
            "admin1 name",
            "admin1name",
            "adm1name",
            "admin1name en",
            "province",
            "محافظه",
            "المحافظه",
            "اسم المحافظه",
        ],
    ),
    (
        col::PCODE,
        &[
            "p code",
            "adm1 pcode",
            "adm1pcode",
            "adm1 code",
            "admin1 pcode",
            "admin 1 pcode",
            "admin1pcode",
            "admin 1 p code",
            "admin1 code",
            "governorate pcode",
            "governorate p code",
            "governorate code",
            "gov pcode",
        ],
    ),
    (
        col::DATE,
        &[
            "reporting date",
            "report date",
            "reference date",
            "data date",
            "date of data collection",
            "collection date",
            "reportingdate",
            "التاريخ",
            "تاريخ",
        ],
    ),
    (
        col::ROUND,
        &[
            "dtm round",
            "round number",
            "roundnumber",
            "round no",
            "round id",
            "reporting round",
        ],
    ),
    (
        col::INDIVIDUALS,
        &[
            "idps",
            "idp",
            "idp individuals",
            "idps individuals",
            "idp ind",
            "number of idps",
            "total idps",
            "numpresentidpind",
            "النازحين",
            "عدد النازحين",
            "الافراد النازحين",
        ],
    ),
    (
        col::IDPS,
        &[
            "idp individuals",
            "idps individuals",
            "number of idps",
            "total idps",
            "النازحين",
        ],
    ),
    (
        col::HOUSEHOLDS,
        &[
            "families",
            "hh",
            "idp households",
            "idp families",
            "idps families",
            "idps households",
            "idp hh",
            "number of families",
            "number of households",
            "العوائل",
            "الاسر",
        ],
    ),
    (
        col::LOCATION,
        &[
            "location name",
            "location id",
            "location en",
            "location name en",
            "location name english",
            "location name arabic",
            "location name in english",
            "location name in arabic",
            "location name ar",
            "location code",
            "location pcode",
            "place id",
            "place name",
            "locality",
            "site",
            "site name",
            "village",
        ],
    ),
    (
        col::DISTRICT,
        &[
            "district name",
            "adm2",
            "adm2 name",
            "adm2 en",
            "admin 2",
            "admin2",
            "admin2 name",
            "admin2name",
            "qada",
            "قضاء",
            "القضاء",
        ],
    ),
    (col::SOURCE_ID, &["source id"]),
    (col::FTS_NAME, &["plan name", "appeal name", "plan"]),
    (col::FTS_CODE, &["plan code", "appeal code"]),
    (col::FTS_TYPE_ID, &["type id", "plan type id"]),
    (col::FTS_TYPE_NAME, &["type name", "plan type"]),
    (
        col::FTS_REQUIREMENTS,
        &["requirements usd", "required", "required usd"],
    ),
    (col::FTS_FUNDING, &["funding usd", "funded", "funded usd"]),
    (col::FTS_PERCENT_FUNDED, &["percent funded", "pct funded"]),
    (col::FLOW_ID, &["flow id", "fts flow id"]),
    (
        col::FLOW_AMOUNT_USD,
        &[
            "amount usd",
            "usd amount",
            "amount in usd",
            "amount us",
            "amount",
        ],
    ),
    (col::FLOW_BUDGET_YEAR, &["budget year", "year"]),
    (col::FLOW_DESCRIPTION, &["flow description"]),
    (col::FLOW_TYPE, &["flow type"]),
    (
        col::FLOW_STATUS,
        &["funding status", "flow status", "contribution status"],
    ),
    (
        col::FLOW_SRC_ORGANIZATION,
        &[
            "source organization",
            "source organisation",
            "source org",
            "src organisation",
            "donor",
        ],
    ),
    (
        col::FLOW_DEST_ORGANIZATION,
        &[
            "destination organization",
            "destination organisation",
            "destination org",
            "dest organisation",
            "recipient organization",
            "recipient organisation",
        ],
    ),
    (
        col::FLOW_DEST_PLAN,
        &[
            "destination plan",
            "dest plan name",
            "destination plan name",
        ],
    ),
    (
        col::FLOW_DEST_PLAN_CODE,
        &["destination plan code", "dest plan code"],
    ),
    (
        col::FLOW_DEST_LOCATIONS,
        &[
            "dest location",
            "destination location",
            "destination locations",
            "destination country",
            "destination countries",
            "destination location s",
        ],
    ),
    (
        col::COUNTRY_CODE,
        &[
            "countrycode",
            "country code",
            "country iso",
            "country iso3",
            "admin0pcode",
            "admin0 pcode",
            "adm0 pcode",
            "admin0 code",
            "location code",
            "iso3",
            "iso 3",
            "iso",
            "country of asylum iso",
            "country of asylum or residence iso",
            "coa iso",
        ],
    ),
    (
        col::COUNTRY_NAME,
        &[
            "country",
            "country name",
            "admin0name",
            "admin0 name",
            "adm0 name",
            "country of asylum",
            "country of asylum or residence",
            "country territory of asylum residence",
            "coa name",
        ],
    ),
    (
        col::DISTRICT_CODE,
        &[
            "admin2pcode",
            "admin2 pcode",
            "admin2 code",
            "adm2 pcode",
            "adm2 code",
            "district pcode",
            "district code",
        ],
    ),
    (col::ADMIN_LEVEL, &["adminlevel", "admin level"]),
    (col::OPERATION, &["operation name"]),
    (col::ASSESSMENT_TYPE, &["assessmenttype", "assessment"]),
    (
        col::IDMC_CONFLICT_STOCK,
        &["conflict stock", "total displacement rounded"],
    ),
    (col::IDMC_CONFLICT_STOCK_RAW, &["total displacement"]),
    (
        col::UNHCR_IDPS,
        &[
            "internally displaced persons idps",
            "internally displaced persons",
            "idps of concern",
        ],
    ),
];

/// HXL hashtags of each column: the hashtag and its exact set of attributes.
const HXL: &[(&str, &str, &[&str])] = &[
    (col::GOVERNORATE, "#adm1", &["name"]),
    (col::GOVERNORATE, "#adm1", &[]),
    (col::PCODE, "#adm1", &["code"]),
    (col::DISTRICT, "#adm2", &["name"]),
    (col::DISTRICT, "#adm2", &["code"]),
    (col::LOCATION, "#loc", &["name"]),
    (col::LOCATION, "#loc", &["code"]),
    (col::LOCATION, "#loc", &[]),
    (col::DATE, "#date", &[]),
    (col::DATE, "#date", &["reported"]),
    (col::YEAR, "#date", &["year"]),
    (col::INDIVIDUALS, "#affected", &["idps", "ind"]),
    (col::INDIVIDUALS, "#affected", &["idps"]),
    (col::INDIVIDUALS, "#population", &["idps", "ind"]),
    (col::IDPS, "#affected", &["idps", "ind"]),
    (col::IDPS, "#affected", &["idps"]),
    (col::HOUSEHOLDS, "#affected", &["idps", "hh"]),
    (col::HOUSEHOLDS, "#affected", &["hh"]),
    (col::HOUSEHOLDS, "#population", &["idps", "hh"]),
    (col::FTS_NAME, "#activity", &["appeal", "name"]),
    (col::PLAN_NAME, "#activity", &["appeal", "name"]),
    (col::FTS_CODE, "#activity", &["appeal", "id", "external"]),
    (col::PLAN_CODE, "#activity", &["appeal", "id", "external"]),
    (col::FTS_TYPE_ID, "#activity", &["appeal", "type", "id"]),
    (col::FTS_TYPE_NAME, "#activity", &["appeal", "type", "name"]),
    (
        col::FTS_REQUIREMENTS,
        "#value",
        &["funding", "required", "usd"],
    ),
    (
        col::REQUIREMENTS_USD,
        "#value",
        &["funding", "required", "usd"],
    ),
    (col::FTS_FUNDING, "#value", &["funding", "total", "usd"]),
    (col::FUNDING_USD, "#value", &["funding", "total", "usd"]),
    (col::FTS_PERCENT_FUNDED, "#value", &["funding", "pct"]),
    // FTS flows as HDX tags them. `flowType` and `contributionType` share the tag
    // `#financial+contribution+type`, so it is left out here: their headers decide.
    (col::FLOW_AMOUNT_USD, "#value", &["funding", "total", "usd"]),
    (col::FLOW_ID, "#activity", &["id", "fts_internal"]),
    (col::FLOW_BUDGET_YEAR, "#date", &["year", "budget"]),
    (col::FLOW_DESCRIPTION, "#description", &["notes"]),
    (col::FLOW_STATUS, "#status", &["text"]),
    (col::FLOW_SRC_ORGANIZATION, "#org", &["name", "funder"]),
    (col::FLOW_DEST_ORGANIZATION, "#org", &["name", "impl"]),
    (col::FLOW_DEST_PLAN, "#activity", &["appeal", "name"]),
    (
        col::FLOW_DEST_PLAN_CODE,
        "#activity",
        &["appeal", "id", "external"],
    ),
    (
        col::FLOW_DEST_LOCATIONS,
        "#country",
        &["iso3", "impl", "list"],
    ),
    (col::COUNTRY_CODE, "#country", &["code"]),
    (col::COUNTRY_CODE, "#country", &["iso3"]),
    (col::COUNTRY_NAME, "#country", &["name"]),
    (col::DISTRICT_CODE, "#adm2", &["code"]),
    (col::ADMIN_LEVEL, "#adm", &["level"]),
    (col::OPERATION, "#operation", &["name"]),
    (col::ASSESSMENT_TYPE, "#assessment", &["type"]),
    (col::ROUND, "#round", &["code"]),
    (col::POPULATION, "#affected", &["idps"]),
    (col::HAPI_PROVIDER_ADMIN1, "#adm1", &["name", "provider"]),
    (col::HAPI_PERIOD_START, "#date", &["start"]),
    (col::HAPI_PERIOD_END, "#date", &["end"]),
    (col::HAPI_ERROR, "#meta", &["error"]),
    (
        col::IDMC_CONFLICT_STOCK,
        "#affected",
        &["idps", "ind", "stock", "conflict"],
    ),
    (
        col::IDMC_CONFLICT_STOCK,
        "#affected",
        &["idps", "ind", "total", "conflict"],
    ),
    (col::IDMC_EVENT, "#event", &["name"]),
];

/// A header folded for comparison: lowercase words, accents and punctuation gone,
/// Arabic folded as the gazetteer folds names (`typeId` → `typeid`,
/// `IDP_Individuals` → `idp individuals`, `المحافظة` → `المحافظه`).
#[must_use]
pub fn fold_header(text: &str) -> String {
    crate::domain::fold(text)
}

/// An HXL hashtag split into its tag and attribute set, lowercased
/// (`#affected +IND+idps` → `("#affected", {"idps", "ind"})`).
#[must_use]
pub fn parse_hxl(text: &str) -> Option<(String, std::collections::BTreeSet<String>)> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if !compact.starts_with('#') || compact.len() < 2 {
        return None;
    }
    let mut parts = compact.split('+');
    let tag = parts.next()?.to_string();
    let attributes = parts.filter(|a| !a.is_empty()).map(String::from).collect();
    Some((tag, attributes))
}

/// The columns an HXL hashtag stands for (empty when it is not one we read).
fn hxl_columns(text: &str) -> Vec<&'static str> {
    let Some((tag, attributes)) = parse_hxl(text) else {
        return Vec::new();
    };
    HXL.iter()
        .filter(|(_, t, attrs)| {
            *t == tag
                && attrs.len() == attributes.len()
                && attrs.iter().all(|a| attributes.contains(*a))
        })
        .map(|(c, _, _)| *c)
        .collect()
}

/// True when a file's header text (a spelling or a hashtag used as the header)
/// stands for the column `name`.
#[must_use]
pub fn header_matches(name: &str, header: &str) -> bool {
    if header.trim_start().starts_with('#') {
        let columns = hxl_columns(header);
        if !columns.is_empty() {
            return columns.contains(&name);
        }
    }
    let folded = fold_header(header);
    if folded.is_empty() {
        return false;
    }
    folded == fold_header(name)
        || SYNONYMS
            .iter()
            .any(|(column, spellings)| *column == name && spellings.contains(&folded.as_str()))
}

/// Every column name that [`header_matches`] accepts for `header`, found with one
/// fold of the header: detection asks this once per header cell instead of folding
/// each cell again for every column of every shape (a row of 10,000 columns took
/// 20 s in a debug build).
#[must_use]
pub fn spelled_columns(header: &str) -> Vec<&'static str> {
    if header.trim_start().starts_with('#') {
        let columns = hxl_columns(header);
        if !columns.is_empty() {
            return columns;
        }
    }
    let folded = fold_header(header);
    if folded.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<&'static str> = FOLDED_NAMES
        .iter()
        .filter(|(_, f)| *f == folded)
        .map(|(name, _)| *name)
        .chain(
            SYNONYMS
                .iter()
                .filter(|(_, spellings)| spellings.contains(&folded.as_str()))
                .map(|(column, _)| *column),
        )
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Every column name of every shape and of the synonyms table, with its fold.
static FOLDED_NAMES: std::sync::LazyLock<Vec<(&'static str, String)>> =
    std::sync::LazyLock::new(|| {
        let mut names: Vec<&'static str> = Shape::ALL
            .iter()
            .flat_map(|s| s.required().iter().chain(s.optional()))
            .copied()
            .chain(SYNONYMS.iter().map(|(column, _)| *column))
            .collect();
        names.sort_unstable();
        names.dedup();
        names.into_iter().map(|n| (n, fold_header(n))).collect()
    });

/// True when an HXL hashtag (from the row under the header) stands for `name`.
#[must_use]
pub fn tag_matches(name: &str, tag: &str) -> bool {
    hxl_columns(tag).contains(&name)
}

/// True when a hashtag marks households (`+hh`): such a column is never a count
/// of individuals, whatever its header says.
#[must_use]
pub fn tag_is_households(tag: &str) -> bool {
    parse_hxl(tag).is_some_and(|(_, attributes)| attributes.contains("hh"))
}

/// True when a file's column (its header text, and the HXL hashtag under it if the
/// file has a hashtag row) stands for the column `name`. The header decides; the
/// hashtag only names a column whose header is not a known spelling of `name` or of
/// any other column, and a `+hh` hashtag keeps a column from being individuals.
#[must_use]
pub fn column_matches(name: &str, header: &str, hxl: Option<&str>) -> bool {
    let households = hxl.is_some_and(tag_is_households);
    if households && (name == col::INDIVIDUALS || name == col::IDPS) {
        return false;
    }
    if header_matches(name, header) {
        return true;
    }
    match hxl {
        Some(tag) if !is_known_header(header) => tag_matches(name, tag),
        _ => false,
    }
}

/// True when a header is a spelling of some column the app reads.
#[must_use]
pub fn is_known_header(header: &str) -> bool {
    let folded = fold_header(header);
    !folded.is_empty()
        && SYNONYMS.iter().any(|(column, spellings)| {
            fold_header(column) == folded || spellings.contains(&folded.as_str())
        })
}

/// True when a row looks like an HXL hashtag row: every non-empty cell a hashtag.
/// A cell written without its `#` (`affected+idps`, as one DTM API export has it)
/// counts too, as long as most cells have theirs.
#[must_use]
pub fn is_hxl_row(cells: &[Option<String>]) -> bool {
    let (mut tagged, mut bare) = (0, 0);
    for cell in cells.iter().flatten() {
        let cell = cell.trim();
        if cell.starts_with('#') {
            tagged += 1;
        } else if is_bare_hashtag(cell) {
            bare += 1;
        } else {
            return false;
        }
    }
    tagged > 0 && tagged > bare
}

/// `affected+idps`: a hashtag that lost its `#` (letters, digits and `_` in
/// `+`-joined parts, at least two parts).
fn is_bare_hashtag(cell: &str) -> bool {
    cell.starts_with(|c: char| c.is_ascii_alphabetic())
        && cell.contains('+')
        && cell
            .split('+')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_matches_its_own_name_in_any_case() {
        for shape in Shape::ALL {
            for name in shape.required().iter().chain(shape.optional()) {
                assert!(column_matches(name, name, None), "{name}");
                assert!(column_matches(name, &name.to_uppercase(), None), "{name}");
            }
        }
    }

    #[test]
    fn synonyms_cover_common_spellings() {
        let cases: &[(&str, &str)] = &[
            (col::GOVERNORATE, "Governorate"),
            (col::GOVERNORATE, "adm1_name"),
            (col::GOVERNORATE, "ADM1_EN"),
            (col::GOVERNORATE, "Admin 1"),
            (col::GOVERNORATE, "محافظة"),
            (col::GOVERNORATE, "المحافظة"),
            (col::PCODE, "adm1_pcode"),
            (col::PCODE, "ADM1_PCODE"),
            (col::INDIVIDUALS, "IDPs"),
            (col::INDIVIDUALS, "IDP Individuals"),
            (col::INDIVIDUALS, "النازحين"),
            (col::IDPS, "IDP individuals"),
            (col::HOUSEHOLDS, "Families"),
            (col::HOUSEHOLDS, "Households"),
            (col::HOUSEHOLDS, "IDP HH"),
            (col::DATE, "Date"),
            (col::DATE, "التاريخ"),
            (col::ROUND, "Round"),
            (col::ROUND, "DTM round"),
            (col::FTS_TYPE_ID, "typeId"),
            (col::FTS_TYPE_NAME, "typename"),
            (col::FTS_PERCENT_FUNDED, "percentFunded"),
            (col::REQUIREMENTS_USD, "Requirements (USD)"),
            (col::LOCATION, "Location Name (English)"),
            (col::LOCATION, "Place ID"),
        ];
        for (name, header) in cases {
            assert!(column_matches(name, header, None), "{header} → {name}");
        }
        assert!(!column_matches(col::INDIVIDUALS, "Families", None));
        // The one-fold index agrees with header_matches for every column and header.
        let names: Vec<&str> = Shape::ALL
            .iter()
            .flat_map(|s| s.required().iter().chain(s.optional()))
            .copied()
            .collect();
        let headers = SYNONYMS
            .iter()
            .flat_map(|(c, spellings)| std::iter::once(*c).chain(spellings.iter().copied()))
            .chain([
                "#adm1+name",
                "#affected+idps+ind",
                "# date",
                "Families",
                "",
                "x",
            ]);
        for header in headers {
            let spelled = spelled_columns(header);
            for name in &names {
                assert_eq!(
                    spelled.contains(name),
                    header_matches(name, header),
                    "{header} / {name}"
                );
            }
        }
        assert!(!column_matches(col::GOVERNORATE, "adm1_pcode", None));
        assert!(!column_matches(col::PCODE, "Governorate", None));
    }

    #[test]
    fn hxl_matches_the_hashtag_and_the_set_of_attributes() {
        assert!(column_matches(
            col::INDIVIDUALS,
            "x",
            Some("#affected+idps+ind")
        ));
        assert!(column_matches(
            col::INDIVIDUALS,
            "x",
            Some("#Affected +IND +idps")
        ));
        assert!(column_matches(
            col::HOUSEHOLDS,
            "x",
            Some("#affected+hh+idps")
        ));
        assert!(!column_matches(
            col::INDIVIDUALS,
            "x",
            Some("#affected+idps+hh")
        ));
        // An extra attribute (females only) is another column.
        assert!(!column_matches(
            col::INDIVIDUALS,
            "x",
            Some("#affected+idps+ind+f")
        ));
        assert!(column_matches(col::GOVERNORATE, "x", Some("#adm1+name")));
        assert!(column_matches(col::PCODE, "x", Some("#adm1+code")));
        assert!(!column_matches(col::GOVERNORATE, "x", Some("#adm1+code")));
        assert!(column_matches(col::DATE, "x", Some("#date")));
        let required = "#value+funding+required+usd";
        let total = "#value+usd+total+funding";
        assert!(column_matches(col::FTS_REQUIREMENTS, "x", Some(required)));
        assert!(!column_matches(col::FTS_FUNDING, "x", Some(required)));
        assert!(column_matches(col::FTS_FUNDING, "x", Some(total)));
        assert!(!column_matches(col::FTS_REQUIREMENTS, "x", Some(total)));
    }

    #[test]
    fn the_header_decides_and_a_hashtag_fills_in_unknown_headers() {
        // A households hashtag keeps a column from being individuals.
        assert!(!column_matches(
            col::INDIVIDUALS,
            "IDPs",
            Some("#affected+hh")
        ));
        // DTM round 123 tags its Individuals column #affected+displaced+all, and
        // misaligned rows tag the wrong columns: a known header wins.
        assert!(column_matches(
            col::INDIVIDUALS,
            "Individuals",
            Some("#affected+displaced+all")
        ));
        assert!(!column_matches(
            col::PCODE,
            "Governorate",
            Some("#adm1+code")
        ));
        assert!(column_matches(
            col::GOVERNORATE,
            "Governorate",
            Some("#adm1+code")
        ));
        // An unknown header takes its hashtag's meaning; tabs inside tags are ignored.
        assert!(column_matches(
            col::PCODE,
            "StateCode",
            Some("#adm1+code\t")
        ));
        assert!(column_matches(col::INDIVIDUALS, "IDPs", Some("#meta+id")));
        // A hashtag used as the header itself.
        assert!(column_matches(col::DATE, "#date", None));
    }

    #[test]
    fn hxl_rows_are_rows_of_hashtags() {
        let row = |cells: &[&str]| -> Vec<Option<String>> {
            cells
                .iter()
                .map(|c| (!c.is_empty()).then(|| (*c).to_string()))
                .collect()
        };
        assert!(is_hxl_row(&row(&["#adm1+name", "", "#date"])));
        assert!(!is_hxl_row(&row(&["#adm1+name", "Ninewa"])));
        assert!(!is_hxl_row(&row(&["", ""])));
        // One hashtag without its '#', as a DTM API export writes numPresentIdpInd.
        assert!(is_hxl_row(&row(&[
            "#country+code",
            "#adm1+code",
            "affected+idps"
        ])));
        assert!(!is_hxl_row(&row(&["affected+idps", "#date"])));
        assert!(!is_hxl_row(&row(&["#adm1+name", "a + b"])));
    }

    #[test]
    fn published_country_columns_are_recognised() {
        let code = [
            "countryCode",
            "admin0Pcode",
            "location_code",
            "ISO3",
            "Country of asylum (ISO)",
            "Country Code",
        ];
        for header in code {
            assert!(column_matches(col::COUNTRY_CODE, header, None), "{header}");
        }
        let name = [
            "admin0Name",
            "Country",
            "Country of asylum",
            "Country of asylum or residence",
            "Country / territory of asylum/residence",
        ];
        for header in name {
            assert!(column_matches(col::COUNTRY_NAME, header, None), "{header}");
        }
        // The country of origin is never the country a row is about.
        assert!(!column_matches(
            col::COUNTRY_NAME,
            "Country of origin",
            None
        ));
        assert!(!column_matches(
            col::COUNTRY_CODE,
            "Country of origin (ISO)",
            None
        ));
        assert!(column_matches(
            col::COUNTRY_CODE,
            "x",
            Some("#country+code")
        ));
        assert!(column_matches(
            col::COUNTRY_NAME,
            "x",
            Some("#country+name")
        ));
    }

    #[test]
    fn dtm_api_and_idmc_headers_are_recognised() {
        assert!(column_matches(col::INDIVIDUALS, "numPresentIdpInd", None));
        assert!(column_matches(col::DATE, "reportingDate", None));
        assert!(column_matches(col::ROUND, "roundNumber", None));
        assert!(column_matches(col::ROUND, "reporting_round", None));
        assert!(column_matches(col::ADMIN_LEVEL, "adminLevel", None));
        assert!(column_matches(col::DISTRICT_CODE, "admin2Pcode", None));
        assert!(column_matches(col::DISTRICT, "admin2Name", None));
        assert!(column_matches(
            col::IDMC_CONFLICT_STOCK,
            "x",
            Some("#affected+idps+ind+stock+conflict")
        ));
        assert!(!column_matches(
            col::IDMC_CONFLICT_STOCK,
            "Conflict Stock Displacement (Raw)",
            None
        ));
        assert!(column_matches(
            col::UNHCR_IDPS,
            "Internally displaced persons (IDPs)",
            None
        ));
        // HAPI's provider name is not the governorate column.
        assert!(!column_matches(
            col::GOVERNORATE,
            "x",
            Some("#adm1+name+provider")
        ));
        assert!(!column_matches(
            col::GOVERNORATE,
            "provider_admin1_name",
            None
        ));
    }
}
