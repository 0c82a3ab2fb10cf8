//! [`CompareSpec`]: two dates compared (issue 13), as the compare panel draws it and
//! the export renders it: one diverging bar per governorate, sorted by change, each
//! with its absolute and percentage change, the national change above them, the
//! dates that can be picked, the scale's ticks, the source line and the caveats.
//!
//! Contract: every text is final (the screen and the export write the same words);
//! a change that cannot be computed (a governorate a partial table leaves out) has
//! no bar and says so, never a zero.

use chrono::NaiveDate;

use crate::domain::Pcode;

/// A date that can be picked: it has a governorate table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareDate {
    pub date: NaiveDate,
    /// "31 Dec 2017", "30 Nov 2017 (partial)".
    pub label: String,
    /// The table covers every governorate.
    pub complete: bool,
}

/// One bar: a governorate's change, or the unnamed remainder of a partial table.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareBar {
    /// `None` for the remainder ("Other / not published").
    pub pcode: Option<Pcode>,
    pub name: String,
    /// The Arabic name (empty for the remainder), drawn as its own label.
    pub name_ar: String,
    pub from_value: Option<u64>,
    pub to_value: Option<u64>,
    /// `to − from`; `None` (no bar) when either is unknown.
    pub change: Option<i64>,
    /// Of `from`, 0–100 scale, one decimal.
    pub change_pct: Option<f64>,
    /// "−609,037 (−75.4%)", or why there is no bar ("no figure on 30 Nov 2017").
    pub label: String,
    /// The hover's lines after the names: both values with their dates, the change,
    /// the source.
    pub detail: Vec<String>,
    pub colour: [u8; 3],
}

/// Everything the compare panel draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CompareSpec {
    /// "Change in IDPs by governorate, 31 Dec 2017 to 31 Dec 2025".
    pub title: String,
    /// The filters: "Ninewa · 2014–2025".
    pub subtitle: String,
    /// The dates offered in range, oldest first (partial ones only when asked for).
    pub dates: Vec<CompareDate>,
    /// Partial tables are offered (the panel's switch).
    pub with_partial: bool,
    pub from: Option<CompareDate>,
    pub to: Option<CompareDate>,
    /// "Iraq: −1,607,612 (−61.7%), from 2,604,946 (1 Dec 2014) to 997,334 (31 Dec 2025)".
    pub national: String,
    /// The governorates passing the filter, largest fall first, then the rises,
    /// those without a change last; a partial table's remainder after them.
    pub bars: Vec<CompareBar>,
    /// What the colours mean: "Fewer IDPs", "More IDPs" (and "Other / not
    /// published" for a partial table's remainder), each with its colour.
    pub legend: Vec<(String, [u8; 3])>,
    /// The scale: its lowest (≤ 0) and highest (≥ 0) value, and its ticks.
    pub min: i64,
    pub max: i64,
    pub ticks: Vec<i64>,
    /// "Source: International Organization for Migration (IOM), …".
    pub source_line: String,
    /// Caveats under the bars (a partial table, UNHCR's republication, the 2020
    /// method change).
    pub notes: Vec<String>,
    /// Shown instead of the bars when nothing can be compared.
    pub empty: Option<String>,
}

/// `−609,037`, `+1,234`, `0`: a change as every label writes it.
#[must_use]
pub fn signed_count(v: i64) -> String {
    match v.cmp(&0) {
        std::cmp::Ordering::Less => format!("\u{2212}{}", super::thousands(v.unsigned_abs())),
        std::cmp::Ordering::Greater => format!("+{}", super::thousands(v.unsigned_abs())),
        std::cmp::Ordering::Equal => "0".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(signed_count(-609_037), "\u{2212}609,037");
        assert_eq!(signed_count(1_234), "+1,234");
        assert_eq!(signed_count(0), "0");
        assert_eq!(signed_count(i64::MIN), "\u{2212}9,223,372,036,854,775,808");
    }
}
