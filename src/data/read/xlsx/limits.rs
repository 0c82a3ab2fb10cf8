//! What a workbook may declare and hold before it is refused, and Excel's own limits.
//!
//! Every limit is far above what a real DTM, FTS or HDX workbook needs, and far below
//! what would exhaust a desk officer's laptop. Tests lower them to exercise each one.

/// Excel's last row (1-based), row 1,048,576.
pub const MAX_ROWS: u64 = 1_048_576;

/// Excel's last column (1-based), column XFD.
pub const MAX_COLUMNS: u64 = 16_384;

const MIB: u64 = 1 << 20;
const GIB: u64 = 1 << 30;

/// The limits a workbook is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Zip entries in the package.
    pub entries: usize,
    /// Uncompressed bytes of any one part, as the zip directory declares them.
    pub part_bytes: u64,
    /// Uncompressed bytes of all parts together.
    pub total_bytes: u64,
    /// Uncompressed bytes above which a part's compression ratio is checked.
    pub ratio_from_bytes: u64,
    /// The highest compression ratio (uncompressed : compressed) of such a part.
    pub ratio: u64,
    /// Uncompressed bytes of the relationship parts and `styles.xml`, which
    /// calamine reads whole into small structures.
    pub metadata_bytes: u64,
    /// Sheets in the workbook.
    pub sheets: usize,
    /// Cell formats, fonts, fills and borders in `styles.xml` (each becomes a few
    /// hundred bytes in calamine; Excel itself allows 64,000 formats).
    pub styles: u64,
    /// Cells of one sheet as stored: non-empty cells and the blanks between a row's
    /// first and last non-empty cells.
    pub cells: usize,
    /// Bytes of text in one sheet's cells.
    pub text_bytes: usize,
    /// Cells calamine builds for an ODS document once its repeated cells and rows
    /// are filled in (calamine keeps every sheet of it, densely, twice: values and
    /// formulas).
    pub ods_cells: u64,
}

impl Limits {
    /// The limits the app uses.
    pub const DEFAULT: Limits = Limits {
        entries: 20_000,
        part_bytes: GIB,
        total_bytes: 4 * GIB,
        ratio_from_bytes: 8 * MIB,
        ratio: 100,
        metadata_bytes: 64 * MIB,
        sheets: 1_000,
        styles: 500_000,
        cells: 50_000_000,
        text_bytes: 2 * GIB as usize,
        ods_cells: 10_000_000,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// A count with thousands separators, as messages show numbers (`1,048,576`).
#[must_use]
pub fn thousands(n: u64) -> String {
    crate::data::grouped(n)
}

/// A byte count as messages show it: `1 GiB`, `8 MiB`, or the exact bytes.
#[must_use]
pub fn byte_count(n: u64) -> String {
    if n >= GIB && n.is_multiple_of(GIB) {
        format!("{} GiB", n / GIB)
    } else if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else {
        format!("{} bytes", thousands(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_in_messages() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (1_048_576, "1,048,576"),
            (4_294_967_295, "4,294,967,295"),
        ];
        for (n, text) in cases {
            assert_eq!(thousands(n), text);
        }
        assert_eq!(byte_count(GIB), "1 GiB");
        assert_eq!(byte_count(8 * MIB), "8 MiB");
        assert_eq!(byte_count(1_234), "1,234 bytes");
    }
}
