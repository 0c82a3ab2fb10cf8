//! What the map shows, as plain data: `query::map` builds a [`MapSpec`] from the
//! dataset and the filters; `ui::map` and `export::map` draw only it.
//!
//! Every governorate of the gazetteer has a [`MapValue`], with or without a figure:
//! one without is drawn in the distinct "no data" class, never as zero. Colours are
//! plain RGB: a sequential colour-blind-safe scale (`ColorBrewer` `YlGnBu`) for counts,
//! a diverging one (`PuOr`) centred on zero for change.

use chrono::NaiveDate;

use crate::domain::Pcode;
use crate::model::thousands;

/// The sequential scale, light to dark (`ColorBrewer` `YlGnBu`, 5 classes).
pub const SEQUENTIAL: [[u8; 3]; 5] = [
    [0xFF, 0xFF, 0xCC],
    [0xA1, 0xDA, 0xB4],
    [0x41, 0xB6, 0xC4],
    [0x2C, 0x7F, 0xB8],
    [0x25, 0x34, 0x94],
];

/// The diverging scale, fall (orange) to rise (purple) (`ColorBrewer` `PuOr`, 6
/// classes: three below zero, three above).
pub const DIVERGING: [[u8; 3]; 6] = [
    [0xB3, 0x58, 0x06],
    [0xF1, 0xA3, 0x40],
    [0xFE, 0xE0, 0xB6],
    [0xD8, 0xDA, 0xEB],
    [0x99, 0x8E, 0xC3],
    [0x54, 0x27, 0x88],
];

/// The "no data" fill: a mid grey no class of either scale uses.
pub const NO_DATA: [u8; 3] = [0xC8, 0xC8, 0xC8];

pub use crate::domain::MapMeasure;

/// What the map is asked for: the measure and a date (`None`: the latest in range).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MapRequest {
    pub measure: MapMeasure,
    pub date: Option<NaiveDate>,
    /// The compare panel's two dates, the base and the date of
    /// [`MapMeasure::Compared`].
    pub compare: Option<(NaiveDate, NaiveDate)>,
}

/// One class of the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct MapClass {
    /// "5,000 to 20,000", "No data".
    pub label: String,
    pub colour: [u8; 3],
    /// Values `from <= v < to` (the last class includes `to`).
    pub from: i64,
    pub to: i64,
}

/// One governorate on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapValue {
    pub pcode: Pcode,
    pub name_en: String,
    pub name_ar: String,
    /// The tile's short name.
    pub short: String,
    /// The figure (a signed change for [`MapMeasure::Change`]), `None` where none is
    /// published for the date.
    pub value: Option<i64>,
    /// Index into [`MapSpec::classes`]; `None` is the "no data" class.
    pub class: Option<usize>,
    pub date: Option<NaiveDate>,
    /// Who published the figure, as the source line names them.
    pub source: Option<String>,
    /// The same measure at the first date in range, and the change since it.
    pub first: Option<(NaiveDate, u64)>,
    pub change: Option<i64>,
    pub change_pct: Option<f64>,
    /// Ticked in the governorate filter (outlined on the map).
    pub selected: bool,
}

/// Everything the map draws.
#[derive(Debug, Clone, PartialEq)]
pub struct MapSpec {
    pub title: String,
    /// The filters: "Ninewa, Dahuk · 2017–2025".
    pub subtitle: String,
    pub measure: MapMeasure,
    /// The date drawn (`None` when no table is in range).
    pub date: Option<NaiveDate>,
    /// The dates with a table of this measure in range, oldest first.
    pub dates: Vec<NaiveDate>,
    /// The first date in range (the base of "change since").
    pub first_date: Option<NaiveDate>,
    /// One per governorate of the gazetteer, in P-code order.
    pub values: Vec<MapValue>,
    pub classes: Vec<MapClass>,
    pub no_data: MapClass,
    /// The legend's unit ("IDPs (people)", "change in IDPs (people)").
    pub unit: String,
    /// "Source: International Organization for Migration (IOM), …".
    pub source_line: String,
    /// "Boundaries: geoBoundaries (Runfola et al. 2020), CC0; not an official boundary".
    pub boundary_credit: String,
    /// Caveats shown under the map (a partial table; UNHCR's republication).
    pub notes: Vec<String>,
    /// Shown instead of the map's colours when nothing is in range.
    pub empty: Option<String>,
    /// The compare panel's dates, when set: [`MapMeasure::Compared`] is offered.
    pub compared: Option<(NaiveDate, NaiveDate)>,
}

impl MapSpec {
    /// The value of a governorate.
    #[must_use]
    pub fn value(&self, pcode: Pcode) -> Option<&MapValue> {
        self.values.iter().find(|v| v.pcode == pcode)
    }

    /// The fill of a governorate: its class's colour, or the "no data" grey.
    #[must_use]
    pub fn fill(&self, pcode: Pcode) -> [u8; 3] {
        self.value(pcode)
            .and_then(|v| v.class)
            .and_then(|c| self.classes.get(c))
            .map_or(self.no_data.colour, |c| c.colour)
    }
}

/// A value as the map writes it: `198,287`, `+36,155` (change), `−354,127`, or
/// "no data".
#[must_use]
pub fn value_text(measure: MapMeasure, value: Option<i64>) -> String {
    match value {
        None => "no data".into(),
        Some(v) if measure.is_change() && v > 0 => format!("+{}", thousands(v as u64)),
        Some(v) if v < 0 => format!("\u{2212}{}", thousands(v.unsigned_abs())),
        Some(v) => thousands(v as u64),
    }
}

/// "+36,155 (+22.3%) since 1 Dec 2014", the hover's and table's change line.
#[must_use]
pub fn change_text(v: &MapValue) -> Option<String> {
    let change = v.change?;
    let (first, _) = v.first?;
    let pct = v
        .change_pct
        .map(|p| format!(" ({})", crate::model::signed_pct(p)))
        .unwrap_or_default();
    Some(format!(
        "{}{pct} since {}",
        value_text(MapMeasure::Change, Some(change)),
        crate::model::long_date(first)
    ))
}
