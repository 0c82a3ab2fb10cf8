//! The one colour palette, as plain RGB so the screen (`ui::palette`) and the
//! exports (`export`) draw every series in the same colour: Okabe and Ito's
//! colour-blind-safe set.

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
}
