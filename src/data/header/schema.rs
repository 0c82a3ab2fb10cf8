//! Table kinds and column names: the one place that knows what a column is called.
//!
//! Every other module names columns through the constants here. A user's file may
//! spell a column differently: [`column_matches`] (in `spelling`) recognises synonyms
//! (any case, spaces, underscores and accents folded; Arabic headers folded as the
//! gazetteer folds names) and HXL hashtags, matched on the hashtag plus the *set*
//! of attributes, in any order and case. A table's [`Shape`] (a plain table kind,
//! a DTM master list, or a format an agency publishes: FTS, DTM API, HDX HAPI, IDMC,
//! UNHCR) is recognised in `detect.rs`; [`Shape::format`] names the published format.

pub use super::spelling::{
    column_matches, fold_header, header_matches, is_hxl_row, is_known_header, parse_hxl,
    spelled_columns, tag_is_households, tag_matches,
};
pub use crate::domain::{Format, Shape, TableKind};

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
    /// An event that is one of the few drawn by default (`true`/`false`).
    pub const MILESTONE: &str = "milestone";
    /// A short label drawn beside an event's marker.
    pub const SHORT_TITLE: &str = "short_title";

    pub const PUBLISHER: &str = "publisher";
    pub const PUBLISHED: &str = "published";
    pub const URL: &str = "url";
    pub const NOTE: &str = "note";

    /// A governorate's name (user files); `pcode` holds codes.
    pub const GOVERNORATE: &str = "governorate";
    /// A location of a DTM master list (one row per location and round).
    pub const LOCATION: &str = "location";

    /// OCHA FTS export columns, as FTS writes them.
    pub const FTS_NAME: &str = "name";
    pub const FTS_CODE: &str = "code";
    pub const FTS_TYPE_ID: &str = "typeId";
    pub const FTS_TYPE_NAME: &str = "typeName";
    pub const FTS_REQUIREMENTS: &str = "requirements";
    pub const FTS_FUNDING: &str = "funding";
    pub const FTS_PERCENT_FUNDED: &str = "percentFunded";

    /// OCHA FTS incoming funding flows columns, as HDX and the FTS API write them
    /// (the flow's `date` is [`DATE`]).
    pub const FLOW_ID: &str = "id";
    pub const FLOW_AMOUNT_USD: &str = "amountUSD";
    pub const FLOW_BUDGET_YEAR: &str = "budgetYear";
    pub const FLOW_DESCRIPTION: &str = "description";
    pub const FLOW_TYPE: &str = "flowType";
    pub const FLOW_STATUS: &str = "status";
    pub const FLOW_SRC_ORGANIZATION: &str = "srcOrganization";
    pub const FLOW_DEST_ORGANIZATION: &str = "destOrganization";
    pub const FLOW_DEST_PLAN: &str = "destPlan";
    pub const FLOW_DEST_PLAN_CODE: &str = "destPlanCode";
    pub const FLOW_DEST_LOCATIONS: &str = "destLocations";
    /// A country's ISO 3166 code: FTS `countryCode`, DTM `admin0Pcode` and
    /// `Country Code`, HDX HAPI `location_code`, IDMC `ISO3`, UNHCR
    /// `Country of asylum (ISO)` (see `country.rs`).
    pub const COUNTRY_CODE: &str = "country_code";
    /// A country's name: DTM `admin0Name` and `Country`, UNHCR `Country of asylum`
    /// and `Country of asylum or residence` (never the country of origin).
    pub const COUNTRY_NAME: &str = "country_name";
    /// A district's (admin 2) P-code.
    pub const DISTRICT_CODE: &str = "district_code";
    /// The admin level of a row: 0 the country, 1 a governorate, 2 a district.
    pub const ADMIN_LEVEL: &str = "admin_level";
    /// The DTM operation a figure belongs to ("Iraq conflict").
    pub const OPERATION: &str = "operation";
    /// The DTM assessment a figure comes from (`BA` baseline, `SA` site assessment).
    pub const ASSESSMENT_TYPE: &str = "assessment_type";

    /// HDX HAPI columns, as HAPI writes them.
    pub const HAPI_PROVIDER_ADMIN1: &str = "provider_admin1_name";
    pub const HAPI_PERIOD_START: &str = "reference_period_start";
    pub const HAPI_PERIOD_END: &str = "reference_period_end";
    pub const HAPI_ERROR: &str = "error";

    /// IDMC columns, as IDMC's GIDD export writes them.
    pub const IDMC_CONFLICT_STOCK: &str = "Conflict Stock Displacement";
    pub const IDMC_CONFLICT_STOCK_RAW: &str = "Conflict Stock Displacement (Raw)";
    /// HDX's newer IDMC file: the unrounded conflict stock (under
    /// `#affected+idps+ind+total+conflict`).
    pub const IDMC_TOTAL_DISPLACEMENT: &str = "total_displacement";
    /// A column of IDMC's disaster event data, which the app does not read.
    pub const IDMC_EVENT: &str = "event_name";

    /// UNHCR's IDP column (Refugee Data Finder; older exports say
    /// "Internally displaced persons (IDPs)").
    pub const UNHCR_IDPS: &str = "IDPs of concern to UNHCR";
}

impl TableKind {
    /// The columns a file of this kind must have.
    #[must_use]
    pub fn required(self) -> &'static [&'static str] {
        use col::{
            ALT_NAMES, CAMP, CATEGORY, DATE, DEFINITION, EVENT, FUNDING_USD, IDPS, INDIVIDUALS,
            ISO_3166_2, KIND, NAME_AR, NAME_EN, PCODE, PLAN_NAME, PRECISION, PUBLISHED, PUBLISHER,
            REGION, REQUIREMENTS_USD, SCOPE, SERIES, SOURCE_ID, TITLE, URL, YEAR,
        };
        match self {
            TableKind::Governorates => &[PCODE, ISO_3166_2, NAME_EN, NAME_AR, ALT_NAMES, REGION],
            TableKind::Sources => &[SOURCE_ID, PUBLISHER, TITLE, PUBLISHED, URL],
            TableKind::IdpsNational => &[DATE, SERIES, IDPS, PRECISION],
            TableKind::IdpsGovernorate => &[DATE, PCODE, INDIVIDUALS],
            TableKind::Camps => &[CAMP, PCODE, EVENT, DATE],
            TableKind::CampCounts => &[DATE, SCOPE, DEFINITION],
            TableKind::Funding => &[YEAR, PLAN_NAME, KIND, REQUIREMENTS_USD, FUNDING_USD],
            TableKind::Events => &[DATE, TITLE, CATEGORY],
            TableKind::FundingFlows => Shape::FtsFlows.required(),
        }
    }

    /// Columns read when present; a user's file may leave them out.
    #[must_use]
    pub fn optional(self) -> &'static [&'static str] {
        use col::{
            BASIS, CAMPS, COMPLETE, COVERAGE_REPORTED_PCT, DATE_PRECISION, DISTRICT, GOVERNORATE,
            HOUSEHOLDS, MILESTONE, NOTE, PANEL, PEOPLE, PEOPLE_UNIT, PLAN_CODE, POPULATION,
            POPULATION_UNIT, REPORTED_ON, REPORTED_SOURCE_ID, RETURNEES, ROUND, SHORT_TITLE,
            SOURCE_ID,
        };
        match self {
            TableKind::Governorates => &[],
            TableKind::Sources => &[NOTE],
            TableKind::IdpsNational => &[DATE_PRECISION, ROUND, RETURNEES, HOUSEHOLDS, SOURCE_ID],
            TableKind::IdpsGovernorate => &[GOVERNORATE, ROUND, BASIS, PANEL, COMPLETE, SOURCE_ID],
            TableKind::Camps => &[
                GOVERNORATE,
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
            TableKind::Events => &[DATE_PRECISION, MILESTONE, SHORT_TITLE, SOURCE_ID],
            TableKind::FundingFlows => Shape::FtsFlows.optional(),
        }
    }
}

impl Shape {
    /// Columns that must be present. `pcode` is also satisfied by a governorate
    /// name column; a master list needs `date` or `round` as well (see `detect.rs`).
    #[must_use]
    pub fn required(self) -> &'static [&'static str] {
        use col::{
            ADMIN_LEVEL, COUNTRY_CODE, COUNTRY_NAME, DATE, FLOW_AMOUNT_USD, FLOW_DEST_LOCATIONS,
            FLOW_STATUS, FTS_FUNDING, FTS_NAME, FTS_REQUIREMENTS, HAPI_PERIOD_END,
            IDMC_CONFLICT_STOCK, INDIVIDUALS, LOCATION, OPERATION, PCODE, POPULATION, ROUND,
            UNHCR_IDPS, YEAR,
        };
        match self {
            Shape::Table(kind) => kind.required(),
            Shape::DtmMasterList => &[PCODE, INDIVIDUALS, LOCATION],
            Shape::FtsExport => &[YEAR, FTS_NAME, FTS_REQUIREMENTS, FTS_FUNDING],
            Shape::FtsFlows => &[FLOW_AMOUNT_USD, FLOW_DEST_LOCATIONS, FLOW_STATUS],
            Shape::DtmApi => &[OPERATION, COUNTRY_CODE, INDIVIDUALS, DATE, ROUND],
            Shape::HapiIdps => &[COUNTRY_CODE, ADMIN_LEVEL, POPULATION, HAPI_PERIOD_END],
            Shape::Idmc => &[COUNTRY_CODE, YEAR, IDMC_CONFLICT_STOCK],
            Shape::UnhcrPopstats => &[YEAR, COUNTRY_NAME, UNHCR_IDPS],
        }
    }

    /// Columns read when present.
    #[must_use]
    pub fn optional(self) -> &'static [&'static str] {
        use col::{
            ADMIN_LEVEL, ASSESSMENT_TYPE, COUNTRY_CODE, COUNTRY_NAME, DATE, DISTRICT,
            DISTRICT_CODE, FLOW_BUDGET_YEAR, FLOW_DESCRIPTION, FLOW_DEST_ORGANIZATION,
            FLOW_DEST_PLAN, FLOW_DEST_PLAN_CODE, FLOW_ID, FLOW_SRC_ORGANIZATION, FLOW_TYPE,
            FTS_CODE, FTS_PERCENT_FUNDED, FTS_TYPE_ID, FTS_TYPE_NAME, GOVERNORATE, HAPI_ERROR,
            HAPI_PERIOD_START, HAPI_PROVIDER_ADMIN1, HOUSEHOLDS, IDMC_CONFLICT_STOCK_RAW,
            IDMC_EVENT, OPERATION, PCODE, ROUND, SOURCE_ID,
        };
        match self {
            Shape::Table(kind) => kind.optional(),
            Shape::DtmMasterList => &[
                GOVERNORATE,
                DATE,
                ROUND,
                HOUSEHOLDS,
                DISTRICT,
                COUNTRY_CODE,
                COUNTRY_NAME,
            ],
            Shape::FtsExport => &[
                FTS_CODE,
                FTS_TYPE_ID,
                FTS_TYPE_NAME,
                FTS_PERCENT_FUNDED,
                SOURCE_ID,
                COUNTRY_CODE,
            ],
            // No `source_id`: a flows file is always its own source ("your file: NAME").
            Shape::FtsFlows => &[
                FLOW_ID,
                FLOW_BUDGET_YEAR,
                DATE,
                FLOW_TYPE,
                FLOW_DESCRIPTION,
                FLOW_SRC_ORGANIZATION,
                FLOW_DEST_ORGANIZATION,
                FLOW_DEST_PLAN,
                FLOW_DEST_PLAN_CODE,
            ],
            Shape::DtmApi => &[
                COUNTRY_NAME,
                GOVERNORATE,
                PCODE,
                DISTRICT,
                DISTRICT_CODE,
                ADMIN_LEVEL,
                ASSESSMENT_TYPE,
            ],
            Shape::HapiIdps => &[
                HAPI_PERIOD_START,
                OPERATION,
                ROUND,
                ASSESSMENT_TYPE,
                PCODE,
                GOVERNORATE,
                HAPI_PROVIDER_ADMIN1,
                DISTRICT,
                DISTRICT_CODE,
                HAPI_ERROR,
            ],
            Shape::Idmc => &[COUNTRY_NAME, IDMC_CONFLICT_STOCK_RAW, IDMC_EVENT],
            Shape::UnhcrPopstats => &[COUNTRY_CODE],
        }
    }

    /// True when rows name a governorate (by `pcode` or `governorate`).
    #[must_use]
    pub fn has_governorate(self) -> bool {
        self.required().contains(&col::PCODE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_has_a_label_and_maps_to_a_table() {
        assert_eq!(Shape::DtmMasterList.kind(), TableKind::IdpsGovernorate);
        assert_eq!(Shape::FtsExport.kind(), TableKind::Funding);
        assert!(Shape::DtmMasterList.has_governorate());
        assert!(!Shape::FtsExport.has_governorate());
        assert_eq!(Shape::DtmApi.kind(), TableKind::IdpsGovernorate);
        assert_eq!(Shape::Idmc.kind(), TableKind::IdpsNational);
        assert_eq!(Shape::FtsExport.format(), Format::FtsRequirements);
        assert_eq!(Shape::UnhcrPopstats.format().as_str(), "unhcr_popstats");
        for shape in Shape::ALL {
            assert!(!shape.label().is_empty());
        }
    }
}
