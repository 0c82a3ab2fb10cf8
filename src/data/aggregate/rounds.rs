//! DTM rounds: each round's date and national total, from the bundled DTM series.
//!
//! Part of the program like the gazetteer (`--no-bundled` still dates a round): real
//! DTM master lists have no date column, only a round in the file or sheet name, or
//! nothing but their total. A round that has two dates in the series (round 48: 1 Apr
//! and 1 Jun 2016) is ambiguous and never dated by guess. [`round_in_name`] reads a
//! round from a file or sheet name (`..._round_123.xlsx`, `Round 123`, `R123`).

pub use crate::domain::FileTime;

use chrono::NaiveDate;

/// One round of the DTM national series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub round: u32,
    pub date: NaiveDate,
    /// The national total of IDPs DTM published for it.
    pub idps: u64,
}

/// Every round of the DTM national series.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rounds(Vec<Round>);

impl Rounds {
    /// The rounds given (any order).
    #[must_use]
    pub fn new(mut rounds: Vec<Round>) -> Self {
        rounds.sort_by_key(|r| (r.round, r.date));
        rounds.dedup();
        Rounds(rounds)
    }

    /// Adds a round (tests, and rounds known from elsewhere).
    pub fn insert(&mut self, round: u32, date: NaiveDate, idps: u64) {
        self.0.push(Round { round, date, idps });
        self.0.sort_by_key(|r| (r.round, r.date));
    }

    /// The dates of a round (none when unknown, two for an ambiguous round).
    #[must_use]
    pub fn dates(&self, round: u32) -> Vec<NaiveDate> {
        self.0
            .iter()
            .filter(|r| r.round == round)
            .map(|r| r.date)
            .collect()
    }

    /// The one date of a round, or why there is none.
    pub fn date(&self, round: u32) -> Result<NaiveDate, RoundDateError> {
        match self.dates(round).as_slice() {
            [] => Err(RoundDateError::Unknown(round)),
            [date] => Ok(*date),
            dates => Err(RoundDateError::Ambiguous(round, dates.to_vec())),
        }
    }

    /// The rounds whose national total is exactly `idps`.
    #[must_use]
    pub fn with_total(&self, idps: u64) -> Vec<Round> {
        self.0.iter().filter(|r| r.idps == idps).copied().collect()
    }

    /// True when no round is known.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Why a round has no single date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundDateError {
    /// Not a round of the DTM series.
    Unknown(u32),
    /// Several dates in the series.
    Ambiguous(u32, Vec<NaiveDate>),
}

impl std::fmt::Display for RoundDateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RoundDateError::Unknown(r) => write!(f, "round {r} is not in the DTM series"),
            RoundDateError::Ambiguous(r, dates) => {
                let dates: Vec<String> = dates.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "round {r} has {} dates in the DTM series ({})",
                    dates.len(),
                    dates.join(", ")
                )
            }
        }
    }
}

/// A round named in a file or sheet name: `round_123`, `Round 123`, `round-7`,
/// `R123` (an `R` that starts a word, followed by digits). `None` when there is none
/// or when the name holds two different rounds.
#[must_use]
pub fn round_in_name(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut found: Option<u32> = None;
    let mut i = 0;
    while i < bytes.len() {
        let word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let after = if lower[i..].starts_with("round") && word_start {
            Some(i + 5)
        } else if bytes[i] == b'r' && word_start {
            Some(i + 1)
        } else {
            None
        };
        if let Some(mut j) = after {
            if after != Some(i + 1) {
                while j < bytes.len() && matches!(bytes[j], b' ' | b'_' | b'-' | b'.' | b'#') {
                    j += 1;
                }
            }
            let start = j;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            let ends_word = j == bytes.len() || !bytes[j].is_ascii_alphabetic();
            if j > start && ends_word {
                let n: u32 = lower[start..j].parse().ok().filter(|n| *n > 0)?;
                if found.is_some_and(|f| f != n) {
                    return None;
                }
                found = Some(n);
                i = j;
                continue;
            }
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn rounds_are_read_from_file_and_sheet_names() {
        for (name, round) in [
            ("iraq_dtm_master_list_round_123.xlsx", Some(123)),
            ("Round 123", Some(123)),
            ("DTM_IDP_Master_List_R123.xlsx", Some(123)),
            ("R109 Master List", Some(109)),
            ("round-7.csv", Some(7)),
            ("Iraq Master List IDP Round123 (Sept 2021).xlsx", Some(123)),
            ("master_list.xlsx", None),
            ("Summary", None),
            ("Critical Shelters", None),
            ("report2021.csv", None),
            ("R123 vs R124.xlsx", None),
            ("round_123_R123.xlsx", Some(123)),
        ] {
            assert_eq!(round_in_name(name), round, "{name}");
        }
    }

    #[test]
    fn a_round_with_two_dates_is_ambiguous() {
        let mut rounds = Rounds::default();
        rounds.insert(48, day(2016, 4, 1), 3_332_820);
        rounds.insert(48, day(2016, 6, 1), 3_320_268);
        rounds.insert(123, day(2021, 9, 30), 1_189_581);
        assert_eq!(rounds.date(123), Ok(day(2021, 9, 30)));
        assert_eq!(
            rounds.date(48).unwrap_err().to_string(),
            "round 48 has 2 dates in the DTM series (2016-04-01, 2016-06-01)"
        );
        assert_eq!(
            rounds.date(7).unwrap_err().to_string(),
            "round 7 is not in the DTM series"
        );
        assert_eq!(rounds.with_total(1_189_581)[0].round, 123);
        assert!(rounds.with_total(1_189_580).is_empty());
    }
}
