//! How a master list is dated when it has no date column: the date or round the user
//! gave, a round in the file name or a sheet name, or the one DTM round whose national
//! total equals the list's total (never guessed between two); and what the report
//! and the warnings say of it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Acc, Cols, Context, MasterList};
use crate::data::error::{DataError, Warning};
use crate::data::rounds::{Round, round_in_name};

/// How rows without a date column get their date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Dating {
    /// From the date column, else each row's round.
    Columns,
    /// One date for the whole file, and how it was found ("from the file name").
    File {
        date: NaiveDate,
        round: Option<u32>,
        how: &'static str,
    },
    /// Nothing yet: the file's total decides, once every row is summed.
    ByTotal,
}

/// The stand-in date of rows dated by the file's total, until it is known.
pub(super) const UNDATED: NaiveDate = NaiveDate::MIN;

/// How a list without date and round columns is dated: the date or round the user
/// gave, a round in the file name, a round in the sheet name, or (`ByTotal`) later.
pub(super) fn file_dating(
    file: &str,
    sheet: Option<&str>,
    cols: Cols,
    ctx: Context<'_>,
) -> Result<Dating, DataError> {
    let base = std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned());
    if let Some(date) = ctx.given.date {
        return Ok(Dating::File {
            date,
            round: ctx.given.round.or_else(|| round_in_name(&base)),
            how: "as given",
        });
    }
    if cols.date.is_some() || (cols.round.is_some() && ctx.given.round.is_none()) {
        return Ok(Dating::Columns);
    }
    let found = [
        (ctx.given.round, "as given"),
        (round_in_name(&base), "from the file name"),
        (sheet.and_then(round_in_name), "from the sheet name"),
    ]
    .into_iter()
    .find_map(|(round, how)| Some((round?, how)));
    let Some((round, how)) = found else {
        return Ok(Dating::ByTotal);
    };
    match ctx.rounds.date(round) {
        Ok(date) => Ok(Dating::File {
            date,
            round: Some(round),
            how,
        }),
        Err(e) => Err(DataError::NeedsDate {
            file: file.into(),
            reason: format!("the list names round {round} ({how}), but {e}"),
            round: Some(round),
        }),
    }
}

impl MasterList<'_> {
    /// A list dated by its total: the one DTM round whose national total equals the
    /// sum of the list's rows dates every row; otherwise the user must say.
    pub(super) fn date_by_total<'b>(
        &self,
        acc: &'b Acc,
        total: u64,
    ) -> Result<(Option<Round>, std::borrow::Cow<'b, Acc>), DataError> {
        if self.dating != Dating::ByTotal {
            return Ok((None, std::borrow::Cow::Borrowed(acc)));
        }
        let file = &self.names.file;
        let matches = self.ctx.rounds.with_total(total);
        let [round] = matches.as_slice() else {
            let reason = if matches.is_empty() {
                format!(
                    "no date or round was found (no date or round column, none in the file or sheet names), and its total of {} IDPs equals no DTM round",
                    crate::data::grouped(total)
                )
            } else {
                format!(
                    "no date or round was found, and its total of {} IDPs equals {} DTM rounds",
                    crate::data::grouped(total),
                    matches.len()
                )
            };
            return Err(DataError::NeedsDate {
                file: file.clone(),
                reason,
                round: None,
            });
        };
        let mut dated = Acc {
            noted: acc.noted.clone(),
            totals_rows: acc.totals_rows.clone(),
            far_rounds: acc.far_rounds.clone(),
            others: acc.others.clone(),
            groups: HashMap::new(),
        };
        for ((date, r, pcode), sums) in &acc.groups {
            let key = if *date == UNDATED {
                (round.date, Some(round.round), *pcode)
            } else {
                (*date, *r, *pcode)
            };
            let entry = dated.groups.entry(key).or_default();
            entry.individuals = entry.individuals.saturating_add(sums.individuals);
            entry.households = entry.households.saturating_add(sums.households);
            entry.locations += sums.locations;
        }
        Ok((Some(*round), std::borrow::Cow::Owned(dated)))
    }
}

/// One warning for the rounds the file dates more than 31 days from DTM's date.
pub(super) fn far_rounds_warning(file: &str, acc: &Acc) -> Option<Warning> {
    let (round, (file_date, dtm)) = acc.far_rounds.iter().next()?;
    let more = acc.far_rounds.len() - 1;
    Some(Warning {
        file: file.into(),
        message: format!(
            "round {round} is dated {file_date} in the file and {dtm} in the DTM series{}; the file's dates are used",
            if more > 0 {
                format!(" ({more} more rounds differ by over 31 days)")
            } else {
                String::new()
            }
        ),
    })
}

/// "round 123 (30 Sep 2021, from the file name)".
pub(super) fn dating_text(date: NaiveDate, round: Option<u32>, how: &str) -> String {
    let day = date.format("%-d %b %Y");
    match round {
        Some(r) => format!("round {r} ({day}, {how})"),
        None => format!("{day} ({how})"),
    }
}
