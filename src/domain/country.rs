//! The country the dashboard is about, and the facts about it that code needs:
//! Iraq today. One home for what was written at each site that needed it.

use super::place::Region;

/// A year band in which a publisher's coverage figure is quoted (OCHA: Iraq's appeals
/// over 95% funded each year, 2017–2020), drawn on the funding chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FundedBand {
    pub from_year: i32,
    pub to_year: i32,
    /// The band's label on the chart.
    pub label: &'static str,
}

/// A country's facts: its names, codes, first-level divisions and regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// The name used in titles, cards and the briefing ("Iraq").
    pub name: &'static str,
    /// ISO 3166-1 alpha-3 (`IRQ`).
    pub alpha3: &'static str,
    /// ISO 3166-1 alpha-2 (`IQ`), also the prefix of OCHA's P-codes (`IQG01`).
    pub alpha2: &'static str,
    /// How many first-level divisions (governorates) the gazetteer holds.
    pub governorates: usize,
    /// The regions a selection of governorates can be named by.
    pub regions: &'static [Region],
    /// OCHA's quoted coverage band, where there is one.
    pub funded_band: Option<FundedBand>,
}

/// Iraq: 18 governorates, Federal Iraq and the Kurdistan Region.
pub const IRAQ: Country = Country {
    name: "Iraq",
    alpha3: "IRQ",
    alpha2: "IQ",
    governorates: 18,
    regions: &[Region::Kri, Region::Federal],
    funded_band: Some(FundedBand {
        from_year: 2017,
        to_year: 2020,
        label: "OCHA: over 95% funded each year, 2017\u{2013}2020",
    }),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iraq_has_eighteen_governorates_in_two_regions() {
        assert_eq!(IRAQ.governorates, 18);
        assert_eq!(IRAQ.regions.len(), 2);
        assert_eq!(IRAQ.alpha3, "IRQ");
        assert_eq!(
            IRAQ.funded_band.map(|b| (b.from_year, b.to_year)),
            Some((2017, 2020))
        );
    }
}
