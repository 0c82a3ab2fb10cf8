//! [`SourcesView`]: what the Sources and caveats window and the About window show
//! for one dashboard (issue 13): the sources of the figures on screen, grouped by
//! series, the caveats of the bundled data, the map's boundary caveats, IOM's terms
//! for DTM data, how current each series is, and the licences of what the program
//! bundles. Computed by `query::sources` with the rest of the dashboard; plain text
//! only, so the window draws it and a test reads it.

/// One source of a figure on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntry {
    /// The `source_id` the rows cite.
    pub id: String,
    pub publisher: String,
    pub title: String,
    /// When it was published, as the window says it ("18 Apr 2026", "2026-02", "2016").
    pub published: String,
    /// An address the window may open in the system browser on a click (`http` or
    /// `https` only, nothing that a shell could read as more than one argument);
    /// `None` for a user's file or an address that is not one.
    pub url: Option<String>,
    /// What the source's note says (the mirror it was read from, what was derived).
    pub note: Option<String>,
}

/// The sources of one series, in the order the window lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceGroup {
    /// "IDPs over time", "IDPs by governorate and the map", "Camps", "Funding",
    /// "Events", "Boundaries", "Your files".
    pub title: String,
    /// What the group's figures cover where it differs from the filters ("national
    /// figures: the governorate filter does not apply").
    pub note: Option<String>,
    pub sources: Vec<SourceEntry>,
}

/// A caveat of the bundled data, as the window says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caveat {
    pub title: String,
    pub text: String,
}

/// A licence or terms of use of something the program bundles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Licence {
    /// "IOM DTM figures", "Governorate boundaries", "Fonts".
    pub what: String,
    pub text: String,
    /// Where the terms are published, if an address is known.
    pub url: Option<String>,
}

/// Everything the Sources and caveats window shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourcesView {
    /// The view the sources are for: "Ninewa · 2017–2025".
    pub scope: String,
    /// The sources in use, by series; a group with no source is left out.
    pub groups: Vec<SourceGroup>,
    /// How current each series is ("DTM rounds to Apr 2024", …).
    pub currency: Vec<String>,
    /// The caveats of the bundled data.
    pub caveats: Vec<Caveat>,
    /// The map's boundaries: what they are not (Halabja, Baghdad, not official).
    pub boundary_caveats: Vec<String>,
    /// IOM's terms for DTM data, in our words, with where they are published.
    pub dtm_terms: Licence,
    /// The licences of the bundled data and fonts (the About window).
    pub licences: Vec<Licence>,
}

impl SourcesView {
    /// Every source listed, in order.
    pub fn entries(&self) -> impl Iterator<Item = &SourceEntry> {
        self.groups.iter().flat_map(|g| g.sources.iter())
    }

    /// The group with this title.
    #[must_use]
    pub fn group(&self, title: &str) -> Option<&SourceGroup> {
        self.groups.iter().find(|g| g.title == title)
    }
}
