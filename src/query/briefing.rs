//! The briefing paragraph (issue 13): a few plain-language sentences for the current
//! filters and years, built only from the headline figures (`summary`), each figure
//! with its citation, and a "Notes" line with the caveats that apply.
//!
//! The words live in one place, [`English`] (an implementation of [`Phrases`]), so a
//! translation is another implementation; the figures, their order and their
//! sources are chosen here. Nothing is generated: the same filters always give the
//! same paragraph.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::summary::{CampsOut, FundingOut, IdpsOut, PointOut, SinceOut, Summary, summary};
use super::{Filters, cards};
use crate::data::{Dataset, Region};
pub use crate::model::{Briefing, Cited, Part};
use crate::model::{Cell, CsvTable, TableSpec, thousands, usd_one_decimal};

/// The words of the paragraph. Each method gets the figures already formatted and
/// returns the sentence's parts; `Part::Cite` places are given as `cite` values.
pub trait Phrases {
    /// "Iraq had 997,334 internally displaced people at the end of 2025".
    fn idps_now(&self, place: &str, value: &str, when: &str, cite: Part) -> Vec<Part>;
    /// ", down 70.8% from the peak of 3.42 million in March 2016".
    fn down_from_peak(
        &self,
        pct: &str,
        peak: &str,
        when: &str,
        year_end: bool,
        cite: Part,
    ) -> Vec<Part>;
    /// "At least 5.97 million people had been displaced at some point since 2014 by …".
    fn displaced_since(
        &self,
        value: &str,
        when: &str,
        national_only: bool,
        cite: Part,
    ) -> Vec<Part>;
    /// "20 IDP camps remained open in the Kurdistan Region in December 2025, with …".
    fn camps_open(&self, camps: &Camps<'_>, cite: Part) -> Vec<Part>;
    /// "26 named camps were closed, reclassified or consolidated in 2014–2025".
    fn closures(&self, n: usize, where_: &str, years: &str) -> Vec<Part>;
    /// "Iraq's humanitarian appeals for 2014–2022 were 85.4% funded".
    fn coverage(&self, f: &Coverage<'_>, cite: Part) -> Vec<Part>;
    /// "There has been no Iraq appeal since 2022; …".
    /// `outside`: the newest year's funding outside any appeal, (amount, year).
    fn no_appeal(&self, since: Option<i32>, years: &str, outside: Option<(&str, i32)>)
    -> Vec<Part>;
    /// The notes that apply.
    fn note(&self, note: Note) -> String;
}

/// The camps sentence's figures.
pub struct Camps<'a> {
    pub count: u64,
    pub counted: &'a str,
    pub scope: &'a str,
    pub when: &'a str,
    pub people: Option<String>,
    /// The filtered place the count is not for ("Ninewa"), when it is wider.
    pub not_for: Option<&'a str>,
}

/// The coverage sentence's figures.
pub struct Coverage<'a> {
    pub years: &'a str,
    pub pct: &'a str,
    /// The last appeal year in range with OCHA's figure at the time: (year, FTS %, reported %).
    pub last_reported: Option<(i32, String, String)>,
}

/// A caveat that applies to the figures used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    Cumulative,
    ViaUnhcr,
    UnhcrCoding,
    MethodChange2020,
    CampDefinitions,
    FtsToday,
    UserFile,
}

/// British English.
pub struct English;

fn text(s: impl Into<String>) -> Part {
    Part::Text(s.into())
}

impl Phrases for English {
    fn idps_now(&self, place: &str, value: &str, when: &str, cite: Part) -> Vec<Part> {
        vec![
            text(format!(
                "{} had {value} internally displaced people {when}",
                capitalised(place)
            )),
            cite,
        ]
    }

    fn down_from_peak(
        &self,
        pct: &str,
        peak: &str,
        when: &str,
        year_end: bool,
        cite: Part,
    ) -> Vec<Part> {
        let what = if year_end {
            "its highest year-end figure,"
        } else {
            "the peak of"
        };
        vec![
            text(format!(", down {pct} from {what} {peak} {when}")),
            cite,
        ]
    }

    fn displaced_since(
        &self,
        value: &str,
        when: &str,
        national_only: bool,
        cite: Part,
    ) -> Vec<Part> {
        let lead = if national_only {
            "Nationally, at least"
        } else {
            "At least"
        };
        vec![
            text(format!(
                "{lead} {value} people, IDPs and returnees together, had been displaced at some point since 2014 {when}"
            )),
            cite,
        ]
    }

    fn camps_open(&self, c: &Camps<'_>, cite: Part) -> Vec<Part> {
        let verb = if c.count == 1 { "was" } else { "were" };
        let mut s = match c.not_for {
            Some(place) => format!("No camp count for {place} alone was found; "),
            None => String::new(),
        };
        let _ = write!(
            s,
            "{} {} {verb} open in {} {}",
            c.count, c.counted, c.scope, c.when
        );
        if let Some(p) = &c.people {
            let _ = write!(s, ", with {p} people in them");
        }
        vec![text(s), cite]
    }

    fn closures(&self, n: usize, where_: &str, years: &str) -> Vec<Part> {
        let (n, verb) = match n {
            1 => ("One named camp".to_string(), "was"),
            n => (format!("{n} named camps"), "were"),
        };
        vec![text(format!(
            "{n}{where_} {verb} closed, reclassified or consolidated in {years}"
        ))]
    }

    fn coverage(&self, f: &Coverage<'_>, cite: Part) -> Vec<Part> {
        let appeals = if f.years.contains('\u{2013}') {
            format!("Iraq's humanitarian appeals for {} were", f.years)
        } else {
            format!("Iraq's humanitarian appeal for {} was", f.years)
        };
        let mut parts = vec![text(format!("{appeals} {} funded", f.pct)), cite];
        if let Some((year, fts, reported)) = &f.last_reported {
            parts.push(text(format!(
                "; for {year}, FTS records {fts}, although OCHA reported {reported} at the end of that year"
            )));
        }
        parts
    }

    fn no_appeal(
        &self,
        since: Option<i32>,
        years: &str,
        outside: Option<(&str, i32)>,
    ) -> Vec<Part> {
        let mut s = match since {
            Some(last) => format!("There has been no Iraq appeal since {last}"),
            None => format!("There was no Iraq appeal in {years}"),
        };
        if let Some((amount, year)) = outside {
            let _ = write!(
                s,
                "; in {year} FTS records {amount} of funding to Iraq outside any appeal, which is not appeal coverage"
            );
        }
        vec![text(s)]
    }

    fn note(&self, note: Note) -> String {
        match note {
            Note::Cumulative => "\u{201c}Displaced since 2014\u{201d} adds IDPs and returnees: it is cumulative and a lower bound, not a count of people displaced at one time.",
            Note::ViaUnhcr => "Figures after April 2024 are IOM DTM's as republished by UNHCR, not DTM rounds: no DTM round after round 132 was found.",
            Note::UnhcrCoding => "UNHCR's governorate tables may code Dahuk and Diyala differently from DTM's own.",
            Note::MethodChange2020 => "From August 2020 DTM counts an in-camp household as 5 people (6 before).",
            Note::CampDefinitions => "Camp counts depend on what is counted (formal camps, IDP camps) and where; counts of different definitions are not comparable.",
            Note::FtsToday => "FTS figures are as recorded today, which differ from those OCHA reported at the time.",
            Note::UserFile => "Some figures come from your own files, not from the bundled sources.",
        }
        .to_string()
    }
}

/// The briefing for the filters, in English.
#[must_use]
pub fn briefing(dataset: &Dataset, filters: &Filters) -> Briefing {
    briefing_in(dataset, filters, &English)
}

/// The briefing for the filters, in the words of `phrases`.
#[must_use]
pub fn briefing_in(dataset: &Dataset, filters: &Filters, phrases: &dyn Phrases) -> Briefing {
    let s = summary(dataset, filters);
    let mut b = Builder {
        dataset,
        briefing: Briefing::default(),
    };
    let place = place(dataset, filters);
    if let Some(idps) = &s.idps {
        idps_sentences(&mut b, phrases, &place, idps);
    }
    if let Some(camps) = &s.camps {
        camps_sentences(&mut b, phrases, filters, &place, camps);
    }
    if let Some(funding) = &s.funding {
        funding_sentences(&mut b, phrases, funding);
    }
    b.briefing.notes = notes(dataset, filters, &s)
        .into_iter()
        .map(|n| phrases.note(n))
        .collect();
    b.briefing
}

/// The briefing for the filters, with its sources' table and CSV.
#[must_use]
pub fn with_sources_table(
    dataset: &Dataset,
    filters: &Filters,
) -> (Briefing, (TableSpec, CsvTable)) {
    let b = briefing(dataset, filters);
    let table = sources_table(&b);
    (b, table)
}

/// The columns of the briefing's sources table and CSV.
pub const SOURCE_COLUMNS: [&str; 4] = ["ref", "cited_as", "source", "url"];

/// The briefing's sources, numbered as its Markdown references: the panel's table
/// and the CSV beside the paragraph.
#[must_use]
pub fn sources_table(briefing: &Briefing) -> (TableSpec, CsvTable) {
    let rows: Vec<[String; 4]> = briefing
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            [
                (i + 1).to_string(),
                s.short.clone(),
                s.full.clone(),
                s.url.clone(),
            ]
        })
        .collect();
    let table = TableSpec {
        columns: ["#", "Cited as", "Source", "URL"]
            .into_iter()
            .map(String::from)
            .collect(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    Cell::number((i + 1) as f64, r[0].clone()),
                    Cell::text(r[1].clone()),
                    Cell::text(r[2].clone()),
                    Cell::text(r[3].clone()),
                ]
            })
            .collect(),
    };
    let csv = CsvTable {
        columns: SOURCE_COLUMNS.to_vec(),
        rows: rows.into_iter().map(Vec::from).collect(),
    };
    (table, csv)
}

struct Builder<'a> {
    dataset: &'a Dataset,
    briefing: Briefing,
}

impl Builder<'_> {
    /// The citation of a source, added once; `round` names a DTM round.
    fn cite(&mut self, source_id: &str, published_as: &str, round: Option<u32>) -> Part {
        let publisher = self
            .dataset
            .source(source_id)
            .map(|s| s.publisher.clone())
            .unwrap_or_default();
        let short = if published_as.contains("UNHCR") {
            published_as.to_string()
        } else if publisher.starts_with("IOM")
            || publisher.starts_with("International Organization for Migration")
            || publisher.contains("DTM")
        {
            match round {
                Some(r) => format!("IOM DTM, round {r}"),
                None => "IOM DTM".to_string(),
            }
        } else if publisher.contains("Financial Tracking Service") {
            // Its figures change: the snapshot's date goes with them.
            if published_as.is_empty() {
                "OCHA FTS".to_string()
            } else {
                format!("OCHA FTS, as of {published_as}")
            }
        } else {
            super::charts::publisher_name(&publisher)
        };
        if let Some(i) = self
            .briefing
            .sources
            .iter()
            .position(|c| c.short == short && c.source_id == source_id)
        {
            return Part::Cite(i);
        }
        let url = self
            .dataset
            .source(source_id)
            .map(|s| s.url.clone())
            .unwrap_or_default();
        self.briefing.sources.push(Cited {
            short,
            full: cards::source_text(self.dataset, source_id),
            url,
            source_id: source_id.to_string(),
        });
        Part::Cite(self.briefing.sources.len() - 1)
    }
}

/// "Iraq", "Ninewa", "Dahuk and Erbil", "the Kurdistan Region", "Federal Iraq",
/// "5 governorates".
fn place(dataset: &Dataset, filters: &Filters) -> String {
    let Some(selected) = &filters.governorates else {
        return crate::domain::IRAQ.name.into();
    };
    for &region in crate::domain::IRAQ.regions {
        let mut of = dataset.gazetteer.in_region(region);
        of.sort();
        let mut sel: Vec<_> = selected.iter().copied().collect();
        sel.sort();
        if of == sel {
            return match region {
                Region::Kri => format!("the {}", region.label()),
                Region::Federal => region.label().to_string(),
            };
        }
    }
    let names: Vec<String> = selected
        .iter()
        .map(|p| dataset.gazetteer.name(*p))
        .collect();
    match names.as_slice() {
        [] => "no governorate".into(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b} and {c}"),
        _ => format!("{} governorates", names.len()),
    }
}

/// The text with its first letter in capitals (a place starting a sentence).
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// "3.42 million" from 3,417,768; "997,334" below a million.
fn count_in_words(n: u64) -> String {
    if n >= 1_000_000 {
        format!("{:.2} million", n as f64 / 1e6)
    } else {
        thousands(n)
    }
}

/// "at the end of 2025" (31 Dec), "in March 2016" (a month's first day, as DTM's
/// API dates its rounds), "on 30 April 2024".
fn when(date: &str, preposition_by: bool) -> String {
    let Ok(d) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
        return String::new();
    };
    match (d.month(), d.day(), preposition_by) {
        (12, 31, false) => format!("at the end of {}", d.year()),
        (12, 31, true) => format!("by the end of {}", d.year()),
        (_, 1, false) => format!("in {}", d.format("%B %Y")),
        (_, _, true) => format!("by {}", d.format("%B %Y")),
        _ => format!("on {}", d.format("%-d %B %Y")),
    }
}

fn idps_sentences(b: &mut Builder<'_>, phrases: &dyn Phrases, place: &str, idps: &IdpsOut) {
    let Some(latest) = &idps.latest else {
        return;
    };
    let cite = b.cite(&latest.source_id, latest.published_as, latest.round);
    let mut sentence = phrases.idps_now(
        place,
        &thousands(latest.value),
        &when(&latest.date, false),
        cite,
    );
    if let (Some(peak), Some(pct)) = (&idps.peak, idps.change_from_peak_pct)
        && peak.date != latest.date
        && pct < 0.0
    {
        let cite = b.cite(&peak.source_id, peak.published_as, peak.round);
        sentence.extend(phrases.down_from_peak(
            &format!("{:.1}%", -pct),
            &count_in_words(peak.value),
            &when(&peak.date, false),
            idps.resolution == Some("year_end_rounds"),
            cite,
        ));
    }
    b.briefing.sentences.push(sentence);
    since_sentence(b, phrases, &idps.displaced_since_2014);
}

fn since_sentence(b: &mut Builder<'_>, phrases: &dyn Phrases, since: &SinceOut) {
    let (point, national_only): (Option<(u64, &str, &str)>, bool) =
        match (since.value, &since.date, &since.source_id, &since.national) {
            (Some(v), Some(d), Some(s), _) => (Some((v, d.as_str(), s.as_str())), false),
            (
                _,
                _,
                _,
                Some(PointOut {
                    value,
                    date,
                    source_id,
                    ..
                }),
            ) => (Some((*value, date.as_str(), source_id.as_str())), true),
            _ => (None, false),
        };
    let Some((value, date, source_id)) = point else {
        return;
    };
    let round = since.national.as_ref().and_then(|n| n.round);
    let round = round.or_else(|| {
        b.dataset
            .idps_national
            .iter()
            .find(|p| p.source_id == source_id && p.round.is_some())
            .and_then(|p| p.round)
    });
    let cite = b.cite(source_id, "IOM DTM", round);
    b.briefing.sentences.push(phrases.displaced_since(
        &count_in_words(value),
        &when(date, true),
        national_only,
        cite,
    ));
}

fn camps_sentences(
    b: &mut Builder<'_>,
    phrases: &dyn Phrases,
    filters: &Filters,
    place: &str,
    camps: &CampsOut,
) {
    let card = cards::camps_card(b.dataset, filters);
    if let (Some(count), Some(date), Some(source_id)) =
        (camps.open_at_end, &camps.open_at_end_date, &camps.source_id)
    {
        // The card's words for what is counted and where: "IDP camps in the
        // Kurdistan Region".
        let (counted, scope) = card
            .value_note
            .split_once(" in ")
            .unwrap_or((card.value_note.as_str(), "Iraq"));
        let cite = b.cite(source_id, "", None);
        let people = match (camps.people_at_end, camps.people_unit) {
            (Some(p), Some("individuals")) => Some(thousands(p)),
            _ => None,
        };
        let not_for =
            (!filters.is_national() && !camps.open_at_end_follows_filter).then_some(place);
        let sentence = phrases.camps_open(
            &Camps {
                count,
                counted,
                scope,
                when: &when(date, false),
                people,
                not_for,
            },
            cite,
        );
        b.briefing.sentences.push(sentence);
    }
    if camps.closures_in_range > 0 {
        let where_ = if filters.is_national() {
            String::new()
        } else {
            format!(" in {place}")
        };
        b.briefing.sentences.push(phrases.closures(
            camps.closures_in_range,
            &where_,
            &cards::years(filters),
        ));
    }
}

fn funding_sentences(b: &mut Builder<'_>, phrases: &dyn Phrases, funding: &FundingOut) {
    let (Some(first), Some(last)) = (funding.years.first(), funding.years.last()) else {
        if !funding.no_appeal_years.is_empty() {
            no_appeal_sentence(b, phrases, funding, None);
        }
        return;
    };
    if let Some(pct) = funding.coverage_pct {
        let years = if first.year == last.year {
            first.year.to_string()
        } else {
            format!("{}\u{2013}{}", first.year, last.year)
        };
        let source_id = b
            .dataset
            .funding
            .iter()
            .find(|r| r.year == last.year && r.kind.is_iraq_appeal())
            .map(|r| r.source_id.clone())
            .unwrap_or_default();
        let as_of = funding
            .fts_as_of
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| d.format("%-d %b %Y").to_string())
            .unwrap_or_default();
        let cite = b.cite(&source_id, &as_of, None);
        let last_reported = funding.years.iter().rev().find_map(|y| {
            Some((
                y.year,
                format!("{:.1}%", y.coverage_pct?),
                format!("{:.0}%", y.coverage_reported_pct?),
            ))
        });
        b.briefing.sentences.push(phrases.coverage(
            &Coverage {
                years: &years,
                pct: &format!("{pct:.1}%"),
                last_reported,
            },
            cite,
        ));
    }
    if !funding.no_appeal_years.is_empty() {
        no_appeal_sentence(b, phrases, funding, Some(last.year));
    }
}

fn no_appeal_sentence(
    b: &mut Builder<'_>,
    phrases: &dyn Phrases,
    funding: &FundingOut,
    last_appeal: Option<i32>,
) {
    let years = &funding.no_appeal_years;
    let span = match (years.first(), years.last()) {
        (Some(a), Some(z)) if a == z => a.to_string(),
        (Some(a), Some(z)) => format!("{a}\u{2013}{z}"),
        _ => return,
    };
    let since = last_appeal.filter(|l| years.first().is_some_and(|f| f > l));
    // The newest year's funding outside any appeal, as FTS records it.
    let outside = funding
        .beside_appeals
        .iter()
        .rev()
        .find_map(|y| Some((usd_words(y.outside_appeal_usd?), y.year)));
    b.briefing.sentences.push(phrases.no_appeal(
        since,
        &span,
        outside.as_ref().map(|(a, y)| (a.as_str(), *y)),
    ));
}

/// "$99.6 million" (the cards' one-decimal dollars, in words).
fn usd_words(n: u64) -> String {
    usd_one_decimal(n)
        .replace(" M", " million")
        .replace(" B", " billion")
}

fn notes(dataset: &Dataset, filters: &Filters, s: &Summary) -> Vec<Note> {
    let mut notes = Vec::new();
    if let Some(idps) = &s.idps {
        let since = &idps.displaced_since_2014;
        if since.value.is_some() || since.national.is_some() {
            notes.push(Note::Cumulative);
        }
        let via_unhcr =
            |p: &Option<PointOut>| p.as_ref().is_some_and(|p| p.basis == "dtm_via_unhcr");
        if via_unhcr(&idps.latest) || via_unhcr(&idps.peak) {
            notes.push(Note::ViaUnhcr);
            let coded = filters.governorates.as_ref().is_some_and(|g| {
                g.iter()
                    .any(|p| matches!(dataset.gazetteer.name(*p).as_str(), "Dahuk" | "Diyala"))
            });
            if coded {
                notes.push(Note::UnhcrCoding);
            }
        }
        if filters.from <= 2020 && filters.to >= 2020 {
            notes.push(Note::MethodChange2020);
        }
    }
    if s.camps.as_ref().is_some_and(|c| c.open_at_end.is_some()) {
        notes.push(Note::CampDefinitions);
    }
    if s.funding
        .as_ref()
        .is_some_and(|f| f.years.iter().any(|y| y.coverage_reported_pct.is_some()))
    {
        notes.push(Note::FtsToday);
    }
    let user = |id: &str| id.starts_with("file:");
    let uses_user_file = s.idps.as_ref().is_some_and(|i| {
        [&i.latest, &i.peak]
            .iter()
            .any(|p| p.as_ref().is_some_and(|p| user(&p.source_id)))
    }) || s
        .camps
        .as_ref()
        .and_then(|c| c.source_id.as_deref())
        .is_some_and(user);
    if uses_user_file {
        notes.push(Note::UserFile);
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_a_briefing_says_them() {
        assert_eq!(when("2025-12-31", false), "at the end of 2025");
        assert_eq!(when("2016-03-01", false), "in March 2016");
        assert_eq!(when("2024-04-30", false), "on 30 April 2024");
        assert_eq!(when("2024-04-30", true), "by April 2024");
        assert_eq!(count_in_words(3_417_768), "3.42 million");
        assert_eq!(count_in_words(997_334), "997,334");
        assert_eq!(usd_words(99_551_499), "$99.6 million");
    }
}
