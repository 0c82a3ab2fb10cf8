//! The one colour palette, as plain RGB so the screen (`ui::palette`) and the
//! exports (`export`) draw every series in the same colour: Okabe and Ito's
//! colour-blind-safe set (grey in place of black, which a dark theme would hide).
//!
//! A chart never draws two series in one colour: a chart has at most
//! [`SERIES`]`.len()` series, each with its own index. Governorates take the first
//! [`GOVERNORATE_COLOURS`] colours through [`assign`], so a governorate keeps one
//! colour in every chart of a screen; yellow ([`OTHER`]) is "other governorates"
//! and grey ([`REMAINDER`]) what is not published.

/// Blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow, grey.
pub const SERIES: [[u8; 3]; 8] = [
    [0x00, 0x72, 0xB2],
    [0xE6, 0x9F, 0x00],
    [0x00, 0x9E, 0x73],
    [0xCC, 0x79, 0xA7],
    [0x56, 0xB4, 0xE9],
    [0xD5, 0x5E, 0x00],
    [0xF0, 0xE4, 0x42],
    [0x88, 0x88, 0x88],
];

/// How many governorates can have a colour of their own on one screen: blue, orange,
/// bluish green, reddish purple, sky blue and vermillion.
pub const GOVERNORATE_COLOURS: usize = 6;
/// Yellow: the governorates summed together ("Other governorates").
pub const OTHER: usize = 6;
/// Grey: what a source did not publish ("Other / not published").
pub const REMAINDER: usize = 7;

/// Distinct colours for items in order of priority, each with the colour it prefers:
/// an item gets its preferred colour (wrapped into `0..slots`) when no earlier item
/// has it, else the first colour still free; `None` once all `slots` are taken.
#[must_use]
pub fn assign(preferred: &[usize], slots: usize) -> Vec<Option<usize>> {
    let mut taken = vec![false; slots];
    preferred
        .iter()
        .map(|p| {
            if slots == 0 {
                return None;
            }
            let wanted = p % slots;
            let colour = if taken[wanted] {
                taken.iter().position(|t| !t)?
            } else {
                wanted
            };
            taken[colour] = true;
            Some(colour)
        })
        .collect()
}

/// The colour of series `index` (wrapping around).
#[must_use]
pub fn series(index: usize) -> [u8; 3] {
    SERIES[index % SERIES.len()]
}

/// `#0072b2`: a colour as CSS/SVG writes it.
#[must_use]
pub fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_wrap_and_print_as_hex() {
        assert_eq!(series(8), SERIES[0]);
        assert_eq!(hex(series(1)), "#e69f00");
    }

    #[test]
    fn assigned_colours_are_preferred_when_free_and_never_shared() {
        assert_eq!(assign(&[0, 1, 2], 6), [Some(0), Some(1), Some(2)]);
        // Preferences 6 and 0 are both blue: the second gets the first free colour.
        assert_eq!(assign(&[0, 6, 1], 6), [Some(0), Some(1), Some(2)]);
        assert_eq!(assign(&[3, 3, 3], 2), [Some(1), Some(0), None]);
        assert_eq!(assign(&[0], 0), [None]);
        assert!(assign(&[], 6).is_empty());
        let all = assign(&[5, 5, 5, 5, 5, 5, 5], GOVERNORATE_COLOURS);
        let mut given: Vec<usize> = all.iter().flatten().copied().collect();
        given.sort_unstable();
        assert_eq!(given, [0, 1, 2, 3, 4, 5]);
        assert_eq!(all[6], None);
    }
}
