//! [`default_file_name`]: what the save dialog starts from, saying what, where and
//! when (`idps-ninewa-2017-2024.png`).

use super::{Format, What};
use crate::domain::Basis;
use crate::model::{Dashboard, PanelId};

/// A file name for an export: `idps-ninewa-2017-2024.png`,
/// `governorates-origin-iraq-2014-2024.svg`, `briefing-5-governorates-2019.png`.
#[must_use]
pub fn default_file_name(what: What, dash: &Dashboard, format: Format) -> String {
    let subject = match what {
        What::Chart(PanelId::Governorates) | What::Table(PanelId::Governorates)
            if dash.basis != Basis::Displacement =>
        {
            format!("governorates-{}", dash.basis.as_str())
        }
        What::Chart(p) | What::Table(p) => p.name().to_string(),
        What::Sheet => "briefing".into(),
    };
    format!(
        "{}.{}",
        slug(&format!(
            "{subject}-{}-{}",
            dash.file_place, dash.file_years
        )),
        format.extension()
    )
}

/// Lower-case ASCII letters and digits, everything else one hyphen.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_and_hyphens() {
        assert_eq!(slug("Salah al-Din"), "salah-al-din");
        assert_eq!(slug("  Iraq (2014) "), "iraq-2014");
    }
}
