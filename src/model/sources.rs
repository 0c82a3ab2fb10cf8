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

/// How long an address is written out before it is shortened.
const URL_TEXT_CHARS: usize = 72;

impl SourceEntry {
    /// The address as the window writes it: without its scheme, whole up to 72
    /// characters, else its host, "…" and its last part ("github.com/…/file.json"),
    /// cut to 72 characters (the link opens the whole address).
    #[must_use]
    pub fn url_text(&self) -> Option<String> {
        let url = self.url.as_deref()?;
        let url = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .unwrap_or(url);
        if url.chars().count() <= URL_TEXT_CHARS {
            return Some(url.to_string());
        }
        let (host, path) = url.split_once('/').unwrap_or((url, ""));
        let last = path.rsplit('/').find(|p| !p.is_empty()).unwrap_or_default();
        let text = format!("{host}/\u{2026}/{last}");
        Some(if text.chars().count() <= URL_TEXT_CHARS {
            text
        } else {
            let head: String = text.chars().take(URL_TEXT_CHARS - 1).collect();
            format!("{head}\u{2026}")
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_addresses_are_shortened_for_the_eye_only() {
        let mut e = SourceEntry {
            id: "a".into(),
            publisher: "IOM DTM".into(),
            title: "t".into(),
            published: String::new(),
            url: Some("https://dtm.iom.int/reports/x".into()),
            note: None,
        };
        assert_eq!(e.url_text().as_deref(), Some("dtm.iom.int/reports/x"));
        let long = format!("https://github.com/{}/blob/x/data.json", "a".repeat(100));
        e.url = Some(long.clone());
        assert_eq!(
            e.url_text().as_deref(),
            Some("github.com/\u{2026}/data.json")
        );
        e.url = Some(format!("https://github.com/{}", "a".repeat(100)));
        let text = e.url_text().unwrap();
        assert_eq!(text.chars().count(), 72);
        assert!(text.ends_with('\u{2026}'));
        e.url = Some(long.clone());
        assert_eq!(e.url.as_deref(), Some(long.as_str()));
        e.url = None;
        assert_eq!(e.url_text(), None);
    }
}
