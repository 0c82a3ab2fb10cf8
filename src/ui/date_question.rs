//! The question a DTM master list with no date or round asks: which round (or which
//! date) is this list? Pre-filled with what the loader found; the answer reopens the
//! file with that round or date, exactly as `--file-round` / `--file-date` do.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::domain::FileTime;

/// The text fields of the question, kept between frames.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateQuestion {
    pub round: String,
    pub date: String,
    /// Why the last answer was not taken.
    pub error: Option<String>,
}

impl DateQuestion {
    /// A question pre-filled with the round the loader found (if any).
    #[must_use]
    pub fn new(round: Option<u32>) -> Self {
        DateQuestion {
            round: round.map(|r| r.to_string()).unwrap_or_default(),
            ..DateQuestion::default()
        }
    }

    /// Draws the question; returns the answer once the user opens the file with it.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<FileTime> {
        let Self { round, date, error } = self;
        ui.add_space(6.0);
        ui.label(RichText::new("Which round or date is this list?").strong());
        ui.label(
            "DTM master lists carry no date column. Give the DTM round (its date comes from \
             the DTM series), or the date of the data.",
        );
        let mut answer = None;
        egui::Grid::new("date_question").show(ui, |ui| {
            let label = ui.label("Round");
            ui.add(egui::TextEdit::singleline(round).desired_width(80.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Date (YYYY-MM-DD)");
            ui.add(egui::TextEdit::singleline(date).desired_width(120.0))
                .labelled_by(label.id);
            ui.end_row();
        });
        if let Some(e) = error.as_ref() {
            ui.colored_label(ui.visuals().error_fg_color, e.as_str());
        }
        if ui.button("Open with this round or date").clicked() {
            match parse_answer(round, date) {
                Ok(time) => {
                    *error = None;
                    answer = Some(time);
                }
                Err(e) => *error = Some(e),
            }
        }
        answer
    }
}

/// The round and date typed; at least one, each well formed.
fn parse_answer(round: &str, date: &str) -> Result<FileTime, String> {
    let round = round.trim();
    let date = date.trim();
    let round = if round.is_empty() {
        None
    } else {
        Some(
            round
                .trim_start_matches(['R', 'r'])
                .parse::<u32>()
                .ok()
                .filter(|r| *r > 0)
                .ok_or_else(|| format!("expected a round number such as 123, found \"{round}\""))?,
        )
    };
    let date = if date.is_empty() {
        None
    } else {
        Some(
            NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .map_err(|_| format!("expected a date as YYYY-MM-DD, found \"{date}\""))?,
        )
    };
    if round.is_none() && date.is_none() {
        return Err("give a round or a date".into());
    }
    Ok(FileTime { round, date })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_checked() {
        assert_eq!(
            parse_answer(" R123 ", ""),
            Ok(FileTime {
                round: Some(123),
                date: None
            })
        );
        assert_eq!(
            parse_answer("", "2016-06-01"),
            Ok(FileTime {
                round: None,
                date: NaiveDate::from_ymd_opt(2016, 6, 1)
            })
        );
        assert_eq!(
            parse_answer("x", ""),
            Err("expected a round number such as 123, found \"x\"".into())
        );
        assert_eq!(
            parse_answer("", "1/6/2016"),
            Err("expected a date as YYYY-MM-DD, found \"1/6/2016\"".into())
        );
        assert_eq!(parse_answer("", " "), Err("give a round or a date".into()));
    }
}
