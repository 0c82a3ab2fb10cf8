//! The validated rows of each table: plain Rust values, checked on the way in.
//!
//! Codes written in the files (`dtm`, `in_camp`, `hrp`...) become enums here, so a
//! typo can never travel further than the loader.

use chrono::NaiveDate;
use serde::Serialize;

use super::place::Pcode;

/// Declares an enum written in files as lowercase tokens.
macro_rules! token_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $token:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum $name { $($(#[$vmeta])* #[serde(rename = $token)] $variant),+ }

        impl $name {
            /// Every token, in declaration order.
            pub const TOKENS: &'static [&'static str] = &[$($token),+];

            /// Reads a token (any case).
            #[must_use]
            pub fn parse(text: &str) -> Option<Self> {
                $(if text.eq_ignore_ascii_case($token) { return Some(Self::$variant); })+
                None
            }

            /// The token as written in files.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $token),+ }
            }
        }
    };
}

token_enum!(
    /// How much of a date is known.
    DatePrecision { Day => "day", Month => "month", Year => "year" }
);

token_enum!(
    /// The national IDP series (DESIGN §4): different measures, never merged.
    NationalSeries {
        /// IOM DTM's current round totals, one point per round.
        Dtm => "dtm",
        /// DTM totals as printed at the time, where they differ from the revised ones.
        DtmPrinted => "dtm_printed",
        /// UNHCR's end-of-year IDP figure (equal to DTM's December round from 2017).
        UnhcrYearEnd => "unhcr_year_end",
        /// IDMC's conflict stock at the end of the year.
        IdmcStock => "idmc_stock",
        /// Rounded or second-hand figures.
        Secondary => "secondary",
        /// National totals of a user's DTM governorate table that covers all 18
        /// governorates on a date (DESIGN §7).
        DtmUser => "dtm_user",
    }
);

token_enum!(
    /// How exact a figure is.
    Precision { Exact => "exact", Rounded => "rounded", Derived => "derived", LowerBound => "lower_bound" }
);

token_enum!(
    /// What a governorate figure counts.
    Basis {
        /// People displaced in the governorate (where they are now).
        Displacement => "displacement",
        /// People displaced from the governorate.
        Origin => "origin",
        /// People in camps in the governorate (part of the displaced).
        InCamp => "in_camp",
        /// People who returned to the governorate.
        Returnees => "returnees",
    }
);

token_enum!(
    /// What happened to a camp.
    CampEventKind {
        Listed => "listed",
        Opened => "opened",
        /// A closure or merger announced, not (yet) done.
        Announced => "announced",
        Closed => "closed",
        Reclassified => "reclassified",
        Consolidated => "consolidated",
    }
);

impl CampEventKind {
    /// True for the events that end a camp as a formal camp.
    #[must_use]
    pub fn is_closure(self) -> bool {
        matches!(
            self,
            CampEventKind::Closed | CampEventKind::Reclassified | CampEventKind::Consolidated
        )
    }
}

token_enum!(
    /// The unit of a count of people; families are never converted to people.
    PeopleUnit { Individuals => "individuals", Families => "families" }
);

token_enum!(
    /// What a camp count counts.
    CampDefinition {
        FormalCamps => "formal_camps",
        FormalCampsInclSubcamps => "formal_camps_incl_subcamps",
        FormalSettlements => "formal_settlements",
        IdpCamps => "idp_camps",
    }
);

impl CampDefinition {
    /// The definition in words.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            CampDefinition::FormalCamps => "formal camps",
            CampDefinition::FormalCampsInclSubcamps => "formal camps incl. sub-camps",
            CampDefinition::FormalSettlements => "formal settlements",
            CampDefinition::IdpCamps => "IDP camps",
        }
    }

    /// The definition as a heading ("Formal camps").
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            CampDefinition::FormalCamps => "Formal camps",
            CampDefinition::FormalCampsInclSubcamps => "Formal camps incl. sub-camps",
            CampDefinition::FormalSettlements => "Formal settlements",
            CampDefinition::IdpCamps => "IDP camps",
        }
    }
}

/// The area a camp count covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CampScope {
    National,
    Federal,
    Kri,
    Governorate(Pcode),
}

impl CampScope {
    /// Tokens accepted besides a governorate P-code.
    pub const TOKENS: &'static [&'static str] = &["national", "federal", "kri"];

    /// Reads `national`, `federal`, `kri` or a P-code.
    #[must_use]
    pub fn parse(text: &str) -> Option<CampScope> {
        match text.to_ascii_lowercase().as_str() {
            "national" => Some(CampScope::National),
            "federal" => Some(CampScope::Federal),
            "kri" => Some(CampScope::Kri),
            _ => Pcode::parse(text).map(CampScope::Governorate),
        }
    }

    /// The token as written in files.
    #[must_use]
    pub fn token(self) -> String {
        match self {
            CampScope::National => "national".into(),
            CampScope::Federal => "federal".into(),
            CampScope::Kri => "kri".into(),
            CampScope::Governorate(p) => p.to_string(),
        }
    }
}

impl Serialize for CampScope {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.token())
    }
}

token_enum!(
    /// The kind of a funding row (DESIGN §7: from FTS's plan type, never the plan name).
    FundingKind {
        /// A humanitarian or strategic response plan, or a consolidated appeal.
        Hrp => "hrp",
        Flash => "flash",
        /// The Iraq part of the Syria regional refugee plan.
        RegionalRefugee => "regional_refugee",
        /// Funding to Iraq outside any appeal.
        OutsideAppeal => "outside_appeal",
        Other => "other",
    }
);

impl FundingKind {
    /// True for Iraq's own appeals, the ones appeal coverage counts.
    #[must_use]
    pub fn is_iraq_appeal(self) -> bool {
        matches!(self, FundingKind::Hrp | FundingKind::Flash)
    }
}

token_enum!(
    /// What an FTS flow is: money paid, committed (a contract or binding agreement),
    /// or pledged (a non-binding announcement).
    FlowStatus {
        Paid => "paid",
        Commitment => "commitment",
        Pledge => "pledge",
    }
);

impl FlowStatus {
    /// Every status, in the order they are stacked (paid at the bottom).
    pub const ALL: [FlowStatus; 3] = [FlowStatus::Paid, FlowStatus::Commitment, FlowStatus::Pledge];

    /// The status as a heading: "Paid", "Commitments", "Pledges".
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            FlowStatus::Paid => "Paid",
            FlowStatus::Commitment => "Commitments",
            FlowStatus::Pledge => "Pledges",
        }
    }
}

token_enum!(
    /// FTS's flow type: an ordinary flow, one parked until its recipient is known, or
    /// one passed through an intermediary (FTS shows all three; the app keeps all).
    FlowType {
        Standard => "standard",
        Parked => "parked",
        PassThrough => "pass_through",
    }
);

impl FlowType {
    /// Reads FTS's spelling in any case and spacing ("Standard", "Parked", "Pass
    /// through", "pass-through", `PassThrough`, `pass_through`).
    #[must_use]
    pub fn read(text: &str) -> Option<FlowType> {
        let key: String = super::text::fold(text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        match key.as_str() {
            "standard" => Some(FlowType::Standard),
            "parked" => Some(FlowType::Parked),
            "passthrough" => Some(FlowType::PassThrough),
            _ => None,
        }
    }

    /// The type as FTS writes it: "Standard", "Parked", "Pass through".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            FlowType::Standard => "Standard",
            FlowType::Parked => "Parked",
            FlowType::PassThrough => "Pass through",
        }
    }
}

token_enum!(
    /// The category of a dated event.
    EventCategory {
        Policy => "policy",
        Security => "security",
        Camps => "camps",
        Methodology => "methodology",
        Humanitarian => "humanitarian",
    }
);

/// A source every figure points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    /// As published: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub published: String,
    pub url: String,
    pub note: Option<String>,
}

/// One national figure on one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalPoint {
    pub date: NaiveDate,
    pub date_precision: DatePrecision,
    pub round: Option<u32>,
    pub series: NationalSeries,
    pub idps: u64,
    pub returnees: Option<u64>,
    pub households: Option<u64>,
    pub precision: Precision,
    pub source_id: String,
}

/// One governorate figure on one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GovernoratePoint {
    pub date: NaiveDate,
    pub round: Option<u32>,
    pub pcode: Pcode,
    pub basis: Basis,
    pub individuals: u64,
    /// The part of a source this figure comes from; parts of one figure are summed.
    pub panel: Option<String>,
    /// The table this row belongs to covers every governorate.
    pub complete: bool,
    pub source_id: String,
}

/// One dated event of one named camp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampEvent {
    pub camp: String,
    pub pcode: Pcode,
    pub district: Option<String>,
    pub event: CampEventKind,
    pub date: NaiveDate,
    pub date_precision: DatePrecision,
    pub population: Option<u64>,
    pub population_unit: Option<PeopleUnit>,
    pub source_id: String,
}

/// A count of camps and of people in them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampCount {
    pub date: NaiveDate,
    pub date_precision: DatePrecision,
    pub scope: CampScope,
    pub definition: CampDefinition,
    pub camps: Option<u64>,
    pub people: Option<u64>,
    pub people_unit: Option<PeopleUnit>,
    pub source_id: String,
}

/// One appeal (or funding outside appeals) in one year, as FTS reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct FundingRow {
    pub year: i32,
    pub plan_code: Option<String>,
    pub plan_name: String,
    pub kind: FundingKind,
    pub requirements_usd: Option<u64>,
    pub funding_usd: Option<u64>,
    /// What OCHA published at the time for this year's appeal (0–100).
    pub coverage_reported_pct: Option<f64>,
    pub reported_on: Option<String>,
    /// The source of `coverage_reported_pct` (the FTS figures cite `source_id`).
    pub reported_source_id: Option<String>,
    pub source_id: String,
}

/// One funding flow to Iraq reported to OCHA FTS, from a user's file. Flows are a
/// different measure from appeal funding and never count in appeal coverage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundingFlow {
    /// FTS's flow id, when the file gives one.
    pub flow_id: Option<String>,
    /// The flow's date, when the file gives one.
    pub date: Option<NaiveDate>,
    /// The year the flow counts in: its budget year, else the year of its date.
    pub year: i32,
    pub amount_usd: u64,
    pub status: FlowStatus,
    pub flow_type: Option<FlowType>,
    pub description: Option<String>,
    pub source_organization: Option<String>,
    pub destination_organization: Option<String>,
    pub destination_plan: Option<String>,
    pub destination_plan_code: Option<String>,
    pub source_id: String,
}

/// A dated policy, security or methodology event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub date: NaiveDate,
    pub date_precision: DatePrecision,
    pub title: String,
    pub category: EventCategory,
    /// One of the few key events drawn by default (`milestone` column; false when
    /// absent).
    pub milestone: bool,
    /// A short label for the marker (`short_title` column), if given.
    pub short_title: Option<String>,
    pub source_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_ignore_case() {
        for t in Basis::TOKENS {
            assert_eq!(Basis::parse(t).map(Basis::as_str), Some(*t));
        }
        assert_eq!(NationalSeries::parse("DTM"), Some(NationalSeries::Dtm));
        assert_eq!(FundingKind::parse("hrp "), None);
    }

    #[test]
    fn flow_types_read_as_fts_writes_them() {
        assert_eq!(FlowType::read("Pass through"), Some(FlowType::PassThrough));
        assert_eq!(FlowType::read("pass-through"), Some(FlowType::PassThrough));
        assert_eq!(FlowType::read("Standard"), Some(FlowType::Standard));
        assert_eq!(FlowType::read("PARKED"), Some(FlowType::Parked));
        assert_eq!(FlowType::read("PassThrough"), Some(FlowType::PassThrough));
        assert_eq!(FlowType::read("Pass"), None);
        assert_eq!(
            FlowStatus::parse("Commitment"),
            Some(FlowStatus::Commitment)
        );
    }

    #[test]
    fn scope_reads_regions_and_pcodes() {
        assert_eq!(CampScope::parse("KRI"), Some(CampScope::Kri));
        assert_eq!(
            CampScope::parse("IQG09").map(CampScope::token),
            Some("IQG09".to_string())
        );
        assert_eq!(CampScope::parse("Dahuk"), None);
    }

    #[test]
    fn only_closed_reclassified_and_consolidated_are_closures() {
        let closures: Vec<_> = CampEventKind::TOKENS
            .iter()
            .filter_map(|t| CampEventKind::parse(t))
            .filter(|k| k.is_closure())
            .collect();
        assert_eq!(
            closures,
            [
                CampEventKind::Closed,
                CampEventKind::Reclassified,
                CampEventKind::Consolidated
            ]
        );
    }
}
