//! The gazetteer: every way of writing an Iraqi governorate, resolved to its P-code.
//!
//! It is part of the program, built from the bundled `governorates.csv`, so it works
//! with `--no-bundled` too. Names are compared after folding: trimmed, inner
//! whitespace and punctuation collapsed, case and accents folded, and for Arabic the
//! harakat and the prefix "محافظة" removed and أ/إ/آ→ا, ى→ي, ة→ه. P-codes are accepted
//! as OCHA's `IQGnn` and DTM's `IRQ-Gnn`; the older OCHA scheme `IQ-Gnn` is refused
//! because it numbers governorates differently. An unknown name is an error that
//! suggests the nearest known names, OCHA name first.

use std::collections::HashMap;
use std::fmt;

use serde::{Serialize, Serializer};

pub use super::text::fold;

/// An OCHA governorate P-code, `IQG01` to `IQG18`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pcode(u8);

impl Pcode {
    /// The P-code with this number, if it is one of Iraq's 18.
    #[must_use]
    pub fn new(number: u8) -> Option<Pcode> {
        (1..=18).contains(&number).then_some(Pcode(number))
    }

    /// Parses `IQGnn` exactly (any case).
    #[must_use]
    pub fn parse(code: &str) -> Option<Pcode> {
        let upper = code.trim().to_ascii_uppercase();
        let digits = upper.strip_prefix("IQG")?;
        if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().and_then(Pcode::new)
    }
}

impl fmt::Display for Pcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IQG{:02}", self.0)
    }
}

impl Serialize for Pcode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The two groups of governorates the filter offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// Federal Iraq: the 15 governorates outside the Kurdistan Region.
    Federal,
    /// The Kurdistan Region: Dahuk, Erbil, Sulaymaniyah.
    Kri,
}

impl Region {
    /// The name shown to users.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Region::Federal => "Federal Iraq",
            Region::Kri => "Kurdistan Region",
        }
    }
}

/// One governorate of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Governorate {
    pub pcode: Pcode,
    /// ISO 3166-2 code, e.g. `IQ-NI`.
    pub iso_3166_2: String,
    /// The name as OCHA spells it.
    pub name_en: String,
    pub name_ar: String,
    /// Other spellings seen in sources.
    pub alt_names: Vec<String>,
    pub region: Region,
}

/// Why a name did not resolve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    /// No governorate has this name; the nearest names are suggested.
    #[error("unknown governorate \"{}\"{}", super::problem::shown_value(.input), did_you_mean(.suggestions))]
    Unknown {
        input: String,
        suggestions: Vec<String>,
    },
    /// A P-code of the older OCHA scheme.
    #[error("\"{}\" is an old OCHA P-code scheme; use IQGnn", super::problem::shown_value(.input))]
    OldScheme { input: String },
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(" or "))
    }
}

/// A resolved name: the P-code and, where the name needed a judgement, a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub pcode: Pcode,
    pub warning: Option<String>,
}

/// Resolves governorate names, codes and spellings to P-codes.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    governorates: Vec<Governorate>,
    by_folded_name: HashMap<String, Pcode>,
}

const HALABJA: [&str; 2] = ["halabja", "حلبجه"];

impl Gazetteer {
    /// Builds the index over these governorates.
    #[must_use]
    pub fn new(governorates: Vec<Governorate>) -> Gazetteer {
        let mut by_folded_name = HashMap::new();
        for g in &governorates {
            let names = [&g.name_en, &g.name_ar, &g.iso_3166_2]
                .into_iter()
                .chain(g.alt_names.iter());
            for name in names {
                by_folded_name.insert(fold(name), g.pcode);
            }
        }
        Gazetteer {
            governorates,
            by_folded_name,
        }
    }

    /// The region a name stands for (`Kurdistan Region`, `KRI`, `Kurdistan Region
    /// of Iraq`, `إقليم كردستان`, `Federal Iraq`, `العراق الاتحادي`; any case), as the
    /// window's region buttons select them.
    #[must_use]
    pub fn region(input: &str) -> Option<Region> {
        const KRI: &[&str] = &[
            "kurdistan region",
            "kri",
            "kurdistan region of iraq",
            "kurdistan",
            "iraqi kurdistan",
            "اقليم كردستان",
            "اقليم كوردستان",
            "اقليم كردستان العراق",
        ];
        const FEDERAL: &[&str] = &["federal iraq", "federal", "العراق الاتحادي"];
        let folded = fold(input);
        if KRI.contains(&folded.as_str()) {
            Some(Region::Kri)
        } else if FEDERAL.contains(&folded.as_str()) {
            Some(Region::Federal)
        } else {
            None
        }
    }

    /// The governorates of a region.
    #[must_use]
    pub fn in_region(&self, region: Region) -> Vec<Pcode> {
        self.governorates
            .iter()
            .filter(|g| g.region == region)
            .map(|g| g.pcode)
            .collect()
    }

    /// All governorates, in P-code order.
    #[must_use]
    pub fn governorates(&self) -> &[Governorate] {
        &self.governorates
    }

    /// The governorate with this P-code.
    #[must_use]
    pub fn get(&self, pcode: Pcode) -> Option<&Governorate> {
        self.governorates.iter().find(|g| g.pcode == pcode)
    }

    /// The OCHA name of a P-code, or the code itself if unknown.
    #[must_use]
    pub fn name(&self, pcode: Pcode) -> String {
        self.get(pcode)
            .map_or_else(|| pcode.to_string(), |g| g.name_en.clone())
    }

    /// Resolves a name, ISO code, P-code (`IQGnn` or `IRQ-Gnn`), spelling or Arabic
    /// name; an unknown one comes with the nearest known names.
    pub fn resolve(&self, input: &str) -> Result<Resolved, LookupError> {
        match self.lookup(input) {
            Err(LookupError::Unknown { input, .. }) => Err(LookupError::Unknown {
                suggestions: self.suggest(&fold(&input)),
                input,
            }),
            other => other,
        }
    }

    /// As [`Gazetteer::resolve`], without suggestions for an unknown name: for
    /// detection, which asks of many cells whether they are governorates.
    pub fn lookup(&self, input: &str) -> Result<Resolved, LookupError> {
        let found = |pcode| Resolved {
            pcode,
            warning: None,
        };
        if let Some(code) = self.resolve_code(input)? {
            return Ok(found(code));
        }
        let folded = fold(input);
        if let Some(&pcode) = self.by_folded_name.get(&folded)
            && self.get(pcode).is_some()
        {
            return Ok(found(pcode));
        }
        if HALABJA.contains(&folded.as_str())
            && let Some(pcode) = Pcode::new(6)
        {
            return Ok(Resolved {
                pcode,
                warning: Some(format!(
                    "\"{}\" is counted under Sulaymaniyah ({pcode}), as OCHA and DTM do",
                    input.trim()
                )),
            });
        }
        Err(LookupError::Unknown {
            input: input.trim().to_string(),
            suggestions: Vec::new(),
        })
    }

    fn resolve_code(&self, input: &str) -> Result<Option<Pcode>, LookupError> {
        let compact: String = input
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        if let Some(p) = Pcode::parse(&compact) {
            return Ok(self.get(p).map(|g| g.pcode));
        }
        // DTM writes IRQ-Gnn (same numbers as IQGnn).
        if let Some(rest) = compact.strip_prefix("IRQ") {
            let rest = rest.trim_start_matches(['-', '_']);
            if let Some(p) = Pcode::parse(&format!("IQ{rest}")) {
                return Ok(self.get(p).map(|g| g.pcode));
            }
        }
        if let Some(rest) = compact.strip_prefix("IQ-G")
            && !rest.is_empty()
            && rest.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(LookupError::OldScheme {
                input: input.trim().to_string(),
            });
        }
        Ok(None)
    }

    /// The nearest known names, as "OCHA name" or "OCHA name (spelling matched)".
    fn suggest(&self, folded: &str) -> Vec<String> {
        // A governorate's name is short: a long cell (a pasted paragraph, a 5 MB
        // value) is nothing to suggest from, and comparing it would take seconds.
        const LONGEST: usize = 64;
        if folded.chars().count() > LONGEST {
            return Vec::new();
        }
        let mut scored: Vec<(f64, Pcode, String)> = Vec::new();
        for g in &self.governorates {
            let names = std::iter::once(&g.name_en).chain(g.alt_names.iter());
            let best = names
                .map(|n| (strsim::jaro_winkler(folded, &fold(n)), n))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((score, name)) = best
                && score >= 0.75
            {
                let label = if fold(name) == fold(&g.name_en) {
                    g.name_en.clone()
                } else {
                    format!("{} ({name})", g.name_en)
                };
                scored.push((score, g.pcode, label));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().take(3).map(|(_, _, l)| l).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ninewa() -> Governorate {
        Governorate {
            pcode: Pcode(15),
            iso_3166_2: "IQ-NI".into(),
            name_en: "Ninewa".into(),
            name_ar: "نينوى".into(),
            alt_names: vec!["Nineveh".into(), "Ninawa".into(), "Ninevah".into()],
            region: Region::Federal,
        }
    }

    fn sulaymaniyah() -> Governorate {
        Governorate {
            pcode: Pcode(6),
            iso_3166_2: "IQ-SU".into(),
            name_en: "Sulaymaniyah".into(),
            name_ar: "السليمانية".into(),
            alt_names: vec!["Sulaimaniya".into()],
            region: Region::Kri,
        }
    }

    fn gaz() -> Gazetteer {
        Gazetteer::new(vec![sulaymaniyah(), ninewa()])
    }

    #[test]
    fn regions_are_named_as_the_window_names_them() {
        for name in [
            "Kurdistan Region",
            "KRI",
            "kurdistan region of iraq",
            "إقليم كردستان",
            "إقليم كوردستان",
        ] {
            assert_eq!(Gazetteer::region(name), Some(Region::Kri), "{name}");
        }
        for name in ["Federal Iraq", "FEDERAL IRAQ", "العراق الاتحادي"] {
            assert_eq!(Gazetteer::region(name), Some(Region::Federal), "{name}");
        }
        assert_eq!(Gazetteer::region("Ninewa"), None);
    }

    #[test]
    fn pcodes_print_and_parse() {
        assert_eq!(Pcode(3).to_string(), "IQG03");
        assert_eq!(Pcode::parse("iqg15"), Some(Pcode(15)));
        assert_eq!(Pcode::parse("IQG19"), None);
        assert_eq!(Pcode::parse("IQG1"), None);
        assert_eq!(Pcode::new(0), None);
    }

    #[test]
    fn every_spelling_resolves() {
        let g = gaz();
        for input in [
            "Ninewa",
            "Nineveh",
            "ninawa",
            "IQG15",
            "IQ-NI",
            "نينوى",
            " NINEWA ",
            "IRQ-G15",
            "Nínewa",
            "محافظة نينوى",
        ] {
            assert_eq!(
                g.resolve(input),
                Ok(Resolved {
                    pcode: Pcode(15),
                    warning: None
                }),
                "{input}"
            );
        }
    }

    #[test]
    fn arabic_folding_handles_alef_teh_marbuta_and_harakat() {
        assert_eq!(fold("السُّلَيْمانِيَّة"), fold("السليمانيه"));
        assert_eq!(fold("الأنبار"), fold("الانبار"));
        assert_eq!(gaz().resolve("السليمانيه").map(|r| r.pcode), Ok(Pcode(6)));
    }

    #[test]
    fn halabja_resolves_to_sulaymaniyah_with_a_warning() {
        let r = gaz().resolve("Halabja");
        let Ok(Resolved {
            pcode,
            warning: Some(w),
        }) = r
        else {
            panic!("expected a warning, got {r:?}");
        };
        assert_eq!(pcode, Pcode(6));
        assert!(w.contains("Sulaymaniyah"), "{w}");
    }

    #[test]
    fn old_scheme_is_refused() {
        assert_eq!(
            gaz().resolve("IQ-G15").map_err(|e| e.to_string()),
            Err("\"IQ-G15\" is an old OCHA P-code scheme; use IQGnn".to_string())
        );
    }

    #[test]
    fn unknown_names_suggest_the_ocha_name_first() {
        let e = gaz().resolve("Ninevah2").map_err(|e| e.to_string());
        assert_eq!(
            e,
            Err("unknown governorate \"Ninevah2\"; did you mean Ninewa (Ninevah)?".to_string())
        );
    }

    #[test]
    fn nonsense_gets_no_suggestion() {
        let e = gaz().resolve("Paris").map_err(|e| e.to_string());
        assert_eq!(e, Err("unknown governorate \"Paris\"".to_string()));
        assert!(gaz().resolve("").is_err());
    }
}
