//! Governorate colours: one colour per governorate on a screen, the same in every chart.
//!
//! Each governorate prefers a colour of its own, given by its rank among the
//! governorates by their largest IDP caseload in the loaded data (so the largest
//! ones never compete), and keeps it whenever no larger governorate drawn beside it
//! wants the same one. Which governorates compete is fixed by the filters, not by
//! each chart: with up to [`GOVERNORATE_COLOURS`] governorates selected, those; else
//! the ones the chart draws individually (only the governorate chart does, so no
//! other chart on the screen can disagree). Every chart asks here, so Ninewa is the
//! same colour in the IDP lines, the governorate bars and the map.

use std::collections::BTreeMap;

use crate::data::{Basis, Dataset, Pcode};
use crate::palette::{GOVERNORATE_COLOURS, assign};
use crate::query::Filters;

/// The colours of the governorates drawn on one screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GovernorateColours {
    colours: Vec<(Pcode, usize)>,
}

impl GovernorateColours {
    /// The palette index of a governorate, if it has a colour of its own.
    #[must_use]
    pub fn get(&self, pcode: Pcode) -> Option<usize> {
        self.colours
            .iter()
            .find(|(p, _)| *p == pcode)
            .map(|(_, c)| *c)
    }
}

/// The colours for the governorates that compete for them under these filters:
/// the selection when it has at most [`GOVERNORATE_COLOURS`] governorates, else
/// `drawn` (the governorates the chart draws on their own, at most that many get one).
#[must_use]
pub fn governorate_colours(
    dataset: &Dataset,
    filters: &Filters,
    drawn: &[Pcode],
) -> GovernorateColours {
    let mut competing: Vec<Pcode> = match &filters.governorates {
        Some(selected) if selected.len() <= GOVERNORATE_COLOURS => {
            selected.iter().copied().collect()
        }
        _ => drawn.to_vec(),
    };
    let rank = caseload_rank(dataset);
    let rank_of = |p: &Pcode| rank.get(p).copied().unwrap_or(usize::MAX);
    competing.sort_by_key(|p| (rank_of(p), *p));
    competing.dedup();
    let preferred: Vec<usize> = competing
        .iter()
        .map(|p| rank_of(p) % GOVERNORATE_COLOURS)
        .collect();
    let colours = competing
        .into_iter()
        .zip(assign(&preferred, GOVERNORATE_COLOURS))
        .filter_map(|(p, c)| c.map(|c| (p, c)))
        .collect();
    GovernorateColours { colours }
}

/// Each governorate's rank by its largest IDP figure (by governorate of displacement)
/// in the loaded data, largest first; governorates with no figure are unranked.
fn caseload_rank(dataset: &Dataset) -> BTreeMap<Pcode, usize> {
    let mut largest: BTreeMap<Pcode, u64> = BTreeMap::new();
    for p in dataset
        .idps_governorate
        .iter()
        .filter(|p| p.basis == Basis::Displacement)
    {
        let v = largest.entry(p.pcode).or_default();
        *v = (*v).max(p.individuals);
    }
    let mut ranked: Vec<(Pcode, u64)> = largest.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .enumerate()
        .map(|(i, (p, _))| (p, i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Basis, Dataset};
    use crate::model::{ChartSpec, SeriesKind};
    use crate::query::charts;
    use std::collections::BTreeSet;

    fn pcodes(codes: &[u8]) -> BTreeSet<Pcode> {
        codes.iter().filter_map(|c| Pcode::new(*c)).collect()
    }

    fn filters(codes: Option<&[u8]>, from: i32, to: i32) -> Filters {
        Filters {
            governorates: codes.map(pcodes),
            from,
            to,
        }
    }

    /// Every chart a screen (or an export) draws for these filters.
    fn every_chart(ds: &Dataset, f: &Filters) -> Vec<ChartSpec> {
        let mut specs = vec![
            charts::idps_over_time(ds, f),
            charts::camps_open(ds, f),
            charts::camp_people(ds, f),
            charts::funding(ds, f),
            charts::coverage(ds, f),
        ];
        for basis in [Basis::Displacement, Basis::Origin, Basis::InCamp] {
            specs.push(charts::governorates(ds, f, basis));
        }
        specs
    }

    #[test]
    fn no_two_series_of_a_chart_share_a_colour_and_a_governorate_keeps_its_colour() {
        let ds = Dataset::bundled().unwrap();
        let sets: [Option<&[u8]>; 8] = [
            None,
            Some(&[15]),
            Some(&[15, 9]),
            Some(&[1, 7, 8, 13, 15]),
            Some(&[6, 9, 11]),
            Some(&[1, 8, 9, 10, 11, 13, 15, 16]),
            Some(&[2, 3, 4, 5, 12, 14, 17, 18]),
            Some(&[]),
        ];
        for codes in sets {
            for (from, to) in [(2014, 2025), (2014, 2024), (2017, 2020), (2023, 2024)] {
                let f = filters(codes, from, to);
                let specs = every_chart(&ds, &f);
                let mut governorate_colour: BTreeMap<String, usize> = BTreeMap::new();
                for spec in &specs {
                    // A continuation shares the colour of the line it continues
                    // (drawn dashed through rings), so it is checked against it.
                    let (continued, own): (Vec<_>, Vec<_>) = spec
                        .series
                        .iter()
                        .partition(|s| s.kind == SeriesKind::Continuation);
                    for c in &continued {
                        assert!(
                            own.iter()
                                .any(|s| s.kind == SeriesKind::Line && s.colour == c.colour),
                            "{:?}: {} continues no line of its colour",
                            spec.id,
                            c.label
                        );
                    }
                    let colours: Vec<usize> = own.iter().map(|s| s.colour).collect();
                    let distinct: BTreeSet<usize> = colours.iter().copied().collect();
                    assert_eq!(
                        distinct.len(),
                        colours.len(),
                        "{:?} {codes:?} {from}-{to}: {:?}",
                        spec.id,
                        spec.series
                            .iter()
                            .map(|s| (&s.label, s.colour))
                            .collect::<Vec<_>>()
                    );
                    assert!(colours.iter().all(|c| *c < crate::palette::SERIES.len()));
                    for s in &spec.series {
                        if let Some(p) = &s.governorate {
                            let first = *governorate_colour.entry(p.clone()).or_insert(s.colour);
                            assert_eq!(
                                first, s.colour,
                                "{p} in {:?} under {codes:?} {from}-{to}",
                                spec.id
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_largest_governorates_keep_their_own_colour_whatever_the_selection() {
        let ds = Dataset::bundled().unwrap();
        let ninewa = Pcode::new(15).unwrap();
        let colour_alone = governorate_colours(&ds, &filters(Some(&[15]), 2014, 2024), &[]);
        let colour_with =
            governorate_colours(&ds, &filters(Some(&[1, 9, 11, 15]), 2014, 2024), &[]);
        assert_eq!(
            colour_alone.get(ninewa),
            Some(0),
            "the largest caseload: blue"
        );
        assert_eq!(colour_with.get(ninewa), Some(0));
        // Salah al-Din (the seventh largest caseload) prefers blue too: alone it has
        // it, beside Ninewa it takes the first free colour.
        let salah = Pcode::new(16).unwrap();
        let alone = governorate_colours(&ds, &filters(Some(&[16]), 2014, 2024), &[]);
        assert_eq!(alone.get(salah), Some(0));
        let both = governorate_colours(&ds, &filters(Some(&[16, 15]), 2014, 2024), &[]);
        assert_eq!((both.get(ninewa), both.get(salah)), (Some(0), Some(1)));
        // Without a filter the governorate chart's six get the six colours, in the
        // order of their caseload: Ninewa, Baghdad, Anbar, Dahuk, Kirkuk, Erbil.
        let chart = charts::governorates(&ds, &filters(None, 2014, 2024), Basis::Displacement);
        let own: Vec<(&str, usize)> = chart
            .series
            .iter()
            .filter(|s| s.governorate.is_some())
            .map(|s| (s.label.as_str(), s.colour))
            .collect();
        assert_eq!(
            own,
            [
                ("Ninewa", 0),
                ("Baghdad", 1),
                ("Anbar", 2),
                ("Dahuk", 3),
                ("Kirkuk", 4),
                ("Erbil", 5)
            ]
        );
        assert_eq!(GovernorateColours::default().get(ninewa), None);
    }
}
