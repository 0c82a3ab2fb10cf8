//! The validated rows live in [`crate::domain`]; these names stay for the data layer.

pub use crate::domain::{
    Basis, CampCount, CampDefinition, CampEvent, CampEventKind, CampScope, DatePrecision, Event,
    EventCategory, FlowStatus, FlowType, FundingFlow, FundingKind, FundingRow, GovernoratePoint,
    NationalPoint, NationalSeries, PeopleUnit, Precision, Source,
};
