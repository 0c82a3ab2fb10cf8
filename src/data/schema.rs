//! Table kinds and column names: the one place that knows what a column is called.
//!
//! Every other module names columns through the constants here. A table kind is
//! recognised from its header by [`detect`], which matches column names
//! case-insensitively and tells which required columns are missing.

/// Column names of the bundled tables (DESIGN §4).
pub mod col {
    pub const PCODE: &str = "pcode";
    pub const ISO_3166_2: &str = "iso_3166_2";
    pub const NAME_EN: &str = "name_en";
    pub const NAME_AR: &str = "name_ar";
    pub const ALT_NAMES: &str = "alt_names";
    pub const REGION: &str = "region";

    pub const DATE: &str = "date";
    pub const DATE_PRECISION: &str = "date_precision";
    pub const ROUND: &str = "round";
    pub const SERIES: &str = "series";
    pub const IDPS: &str = "idps";
    pub const RETURNEES: &str = "returnees";
    pub const HOUSEHOLDS: &str = "households";
    pub const PRECISION: &str = "precision";
    pub const SOURCE_ID: &str = "source_id";

    pub const BASIS: &str = "basis";
    pub const INDIVIDUALS: &str = "individuals";
    pub const PANEL: &str = "panel";
    pub const COMPLETE: &str = "complete";

    pub const CAMP: &str = "camp";
    pub const DISTRICT: &str = "district";
    pub const EVENT: &str = "event";
    pub const POPULATION: &str = "population";
    pub const POPULATION_UNIT: &str = "population_unit";

    pub const SCOPE: &str = "scope";
    pub const DEFINITION: &str = "definition";
    pub const CAMPS: &str = "camps";
    pub const PEOPLE: &str = "people";
    pub const PEOPLE_UNIT: &str = "people_unit";

    pub const YEAR: &str = "year";
    pub const PLAN_CODE: &str = "plan_code";
    pub const PLAN_NAME: &str = "plan_name";
    pub const KIND: &str = "kind";
    pub const REQUIREMENTS_USD: &str = "requirements_usd";
    pub const FUNDING_USD: &str = "funding_usd";
    pub const COVERAGE_REPORTED_PCT: &str = "coverage_reported_pct";
    pub const REPORTED_ON: &str = "reported_on";
    pub const REPORTED_SOURCE_ID: &str = "reported_source_id";

    pub const TITLE: &str = "title";
    pub const CATEGORY: &str = "category";

    pub const PUBLISHER: &str = "publisher";
    pub const PUBLISHED: &str = "published";
    pub const URL: &str = "url";
    pub const NOTE: &str = "note";
}

/// The kinds of table the app reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKind {
    Governorates,
    Sources,
    IdpsNational,
    IdpsGovernorate,
    Camps,
    CampCounts,
    Funding,
    Events,
}

impl TableKind {
    /// Every kind, in detection order (ties go to the earlier one).
    pub const ALL: [TableKind; 8] = [
        TableKind::IdpsNational,
        TableKind::IdpsGovernorate,
        TableKind::Camps,
        TableKind::CampCounts,
        TableKind::Funding,
        TableKind::Events,
        TableKind::Sources,
        TableKind::Governorates,
    ];

    /// A name for messages ("national IDP table").
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            TableKind::Governorates => "governorates table",
            TableKind::Sources => "sources table",
            TableKind::IdpsNational => "national IDP table",
            TableKind::IdpsGovernorate => "IDPs-by-governorate table",
            TableKind::Camps => "camp events table",
            TableKind::CampCounts => "camp counts table",
            TableKind::Funding => "funding table",
            TableKind::Events => "events table",
        }
    }

    /// The columns a file of this kind must have.
    #[must_use]
    pub fn required(self) -> &'static [&'static str] {
        use col::{
            ALT_NAMES, BASIS, CAMP, CATEGORY, DATE, DEFINITION, EVENT, FUNDING_USD, IDPS,
            INDIVIDUALS, ISO_3166_2, KIND, NAME_AR, NAME_EN, PCODE, PLAN_NAME, PRECISION,
            PUBLISHED, PUBLISHER, REGION, REQUIREMENTS_USD, SCOPE, SERIES, SOURCE_ID, TITLE, URL,
            YEAR,
        };
        match self {
            TableKind::Governorates => &[PCODE, ISO_3166_2, NAME_EN, NAME_AR, ALT_NAMES, REGION],
            TableKind::Sources => &[SOURCE_ID, PUBLISHER, TITLE, PUBLISHED, URL],
            TableKind::IdpsNational => &[DATE, SERIES, IDPS, PRECISION],
            TableKind::IdpsGovernorate => &[DATE, PCODE, BASIS, INDIVIDUALS],
            TableKind::Camps => &[CAMP, PCODE, EVENT, DATE],
            TableKind::CampCounts => &[DATE, SCOPE, DEFINITION],
            TableKind::Funding => &[YEAR, PLAN_NAME, KIND, REQUIREMENTS_USD, FUNDING_USD],
            TableKind::Events => &[DATE, TITLE, CATEGORY],
        }
    }

    /// Columns read when present; a user's file may leave them out.
    #[must_use]
    pub fn optional(self) -> &'static [&'static str] {
        use col::{
            CAMPS, COMPLETE, COVERAGE_REPORTED_PCT, DATE_PRECISION, DISTRICT, HOUSEHOLDS, NOTE,
            PANEL, PEOPLE, PEOPLE_UNIT, PLAN_CODE, POPULATION, POPULATION_UNIT, REPORTED_ON,
            REPORTED_SOURCE_ID, RETURNEES, ROUND, SOURCE_ID,
        };
        match self {
            TableKind::Governorates => &[],
            TableKind::Sources => &[NOTE],
            TableKind::IdpsNational => &[DATE_PRECISION, ROUND, RETURNEES, HOUSEHOLDS, SOURCE_ID],
            TableKind::IdpsGovernorate => &[ROUND, PANEL, COMPLETE, SOURCE_ID],
            TableKind::Camps => &[
                DISTRICT,
                DATE_PRECISION,
                POPULATION,
                POPULATION_UNIT,
                SOURCE_ID,
            ],
            TableKind::CampCounts => &[DATE_PRECISION, CAMPS, PEOPLE, PEOPLE_UNIT, SOURCE_ID],
            TableKind::Funding => &[
                PLAN_CODE,
                COVERAGE_REPORTED_PCT,
                REPORTED_ON,
                REPORTED_SOURCE_ID,
                SOURCE_ID,
            ],
            TableKind::Events => &[DATE_PRECISION, SOURCE_ID],
        }
    }
}

/// The outcome of matching a header against the known kinds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detection {
    /// Every required column of this kind is present.
    Found(TableKind),
    /// This kind fits best, but these required columns are missing.
    Missing(TableKind, Vec<&'static str>),
    /// No kind fits.
    Unknown,
}

/// Recognises the table kind from a header (names compared case-insensitively,
/// surrounding whitespace ignored).
#[must_use]
pub fn detect(header: &[String]) -> Detection {
    let present = |name: &str| header.iter().any(|h| h.trim().eq_ignore_ascii_case(name));
    let mut best: Option<(TableKind, usize, Vec<&'static str>)> = None;
    for kind in TableKind::ALL {
        let required = kind.required();
        let missing: Vec<&'static str> = required.iter().copied().filter(|c| !present(c)).collect();
        let hits = required.len() - missing.len();
        if missing.is_empty() {
            return Detection::Found(kind);
        }
        // A near miss counts only when most of its columns are there.
        if hits * 2 > required.len() && best.as_ref().is_none_or(|(_, h, _)| hits > *h) {
            best = Some((kind, hits, missing));
        }
    }
    match best {
        Some((kind, _, missing)) => Detection::Missing(kind, missing),
        None => Detection::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cols: &[&str]) -> Vec<String> {
        cols.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn detects_each_kind_from_its_required_columns() {
        for kind in TableKind::ALL {
            assert_eq!(
                detect(&header(kind.required())),
                Detection::Found(kind),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn detection_ignores_case_and_spaces() {
        let h = header(&[" Date", "SERIES", "Idps ", "precision"]);
        assert_eq!(detect(&h), Detection::Found(TableKind::IdpsNational));
    }

    #[test]
    fn a_near_miss_names_the_missing_column() {
        let h = header(&["date", "series", "precision", "source_id"]);
        assert_eq!(
            detect(&h),
            Detection::Missing(TableKind::IdpsNational, vec![col::IDPS])
        );
    }

    #[test]
    fn an_unrelated_header_is_unknown() {
        assert_eq!(detect(&header(&["a", "b", "c"])), Detection::Unknown);
        assert_eq!(detect(&[]), Detection::Unknown);
    }
}
