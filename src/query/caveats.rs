//! The words the program says about its data, in one place: the caveats of the
//! bundled tables (`datasets/README.md`, "Caveats"), the caveats of the bundled
//! boundaries (`datasets/iraq/boundaries/SOURCE_AND_LICENSE.md`), IOM's terms for
//! DTM data and the licences of what the binary carries. The Sources and caveats
//! window and the About window show them (through `query::sources`).
//!
//! The wording is ours; every fact is one the dataset README or the boundaries'
//! licence note states, and each figure quoted here is a bundled one. Change a fact
//! there first, then here.

/// A caveat: a short title and what it says.
pub struct CaveatText {
    pub title: &'static str,
    pub text: &'static str,
}

/// The caveats of the bundled data, in the order the window lists them.
pub const CAVEATS: &[CaveatText] = &[
    CaveatText {
        title: "Stock, not cumulative",
        text: "Each IDP figure counts the people displaced at one time. \u{201c}Displaced since 2014\u{201d} adds the IDPs still displaced and the people who have returned (1,098,913 + 4,871,916 = 5,970,829 in April 2024): a cumulative figure and a lower bound, never a number of IDPs at any one time.",
    },
    CaveatText {
        title: "August 2020: DTM's method changed",
        text: "From round 117 (August 2020) DTM counts a household living in a camp as 5 people instead of 6. Part of the fall between June and August 2020, most of all in governorates with many camps (Dahuk, Ninewa, Erbil, Sulaymaniyah), comes from this change, not from people leaving.",
    },
    CaveatText {
        title: "April 2024: DTM's coverage changed",
        text: "Round 132 left out the locations whose key informants could not be reached, so part of the fall since December 2023, and its lower returnee total, comes from coverage.",
    },
    CaveatText {
        title: "2014\u{2013}2016 rounds",
        text: "Round numbers and months in DTM's API do not always match the reports of the time, and several early totals were revised after publication. The charts draw the revised totals; the totals printed at the time are a series of their own.",
    },
    CaveatText {
        title: "After DTM's last round",
        text: "No DTM round after round 132 (30 April 2024) was found. The end-2024 and end-2025 figures are DTM's as UNHCR republished them (Refugee Data Finder): drawn as a continuation of DTM's line, never as rounds. UNHCR's governorate tables may code Dahuk and Diyala differently from DTM's own.",
    },
    CaveatText {
        title: "Governorate figures",
        text: "The governorate tables are bundled for one round a year plus April 2024, then UNHCR's end-2024 and end-2025 tables. Figures in camps, by governorate of origin and of returnees come from other publications and dates and are partial where they say so. Each basis counts overlapping groups: one is never stacked on or subtracted from another.",
    },
    CaveatText {
        title: "Camp definitions",
        text: "Camp counts use different definitions (formal camps with or without sub-camps, all formal settlements, IDP camps as a source names them), scopes (Iraq, federal Iraq, the Kurdistan Region) and units (people or families). Counts of different definitions or units are never joined into one line, and families are never turned into people. Jeddah 1, the rehabilitation centre for Iraqis returned from al-Hol, is not an IDP camp.",
    },
    CaveatText {
        title: "Funding: FTS today and at the time",
        text: "FTS figures are a snapshot of its HDX export (February 2026, and April 2026 for 2025\u{2013}2026), and FTS keeps revising past years as late contributions are reported. The coverage OCHA reported at the time was lower: 63% for 2021 (FTS now 64.9%) and 67% at the end of 2022 (FTS now 90.4%). Appeal coverage counts Iraq's own appeals only, never the regional refugee plan or funding outside any appeal; there has been no Iraq appeal since 2022.",
    },
];

/// The bundled boundaries' caveats (issue 12), for the window.
pub const BOUNDARY_CAVEATS: &[&str] = &[
    "Halabja, a governorate since 2014, is not drawn on its own: it lies inside Sulaymaniyah, as OCHA and DTM count it.",
    "Baghdad is drawn as roughly the built-up city (about 900 km\u{b2}, where COSIT gives the governorate 4,555 km\u{b2}); the rest of it falls in Babil, Diyala and Salah al-Din. Never compute areas or densities from these shapes.",
    "Not an official boundary: the shapes are for reading a map at a glance.",
];

/// What the window says when the user's boundary file is drawn instead.
pub const USER_BOUNDARIES_CAVEAT: &str = "Your boundary file is drawn instead of the bundled shapes; the caveats above are the bundled shapes'.";

/// IOM's terms for DTM data, in our words.
pub const DTM_TERMS: &str = "IOM allows DTM data to be used for non-commercial purposes with the credit \u{201c}International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)\u{201d}, and its terms do not allow the datasets to be redistributed. So this program carries only a quoted subset, as reports do (the national round totals, and one governorate table a year plus the latest round), credits DTM wherever its figures appear, on screen and in exports, and opens the full master lists you download from IOM as they are.";

/// Where IOM publishes the full master lists with their terms (HDX).
pub const DTM_DATA_URL: &str = "https://data.humdata.org/dataset/iraq-idps-data-iom-dtm";

/// The licences of the other things the binary carries: (what, text, address).
pub const LICENCES: &[(&str, &str, Option<&str>)] = &[
    (
        "Governorate boundaries",
        "geoBoundaries Iraq admin 1 (Runfola et al. 2020), CC0 1.0: a public-domain dedication.",
        None,
    ),
    (
        "Other figures",
        "Quoted from the public reports, pages and exports named in Sources and caveats (UNHCR, IDMC, OCHA FTS, CCCM Cluster, REACH and others), each with its source.",
        None,
    ),
    (
        "Governorate names",
        "P-codes and names from OCHA's COD-AB boundaries and geoBoundaries; Arabic names from the m7amad-t/iraq_geo_data repository (MIT).",
        None,
    ),
    (
        "Fonts",
        "Noto Sans and Noto Sans Arabic (Google), SIL Open Font License 1.1; their licence texts are in the source's assets/fonts/.",
        None,
    ),
];
