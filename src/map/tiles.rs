//! The tile map's layout: each governorate's cell, in one place.
//!
//! Eighteen equal tiles keep Baghdad and Kerbala as visible as Anbar. The grid keeps
//! neighbours and the country's rough shape: the Kurdistan Region's three governorates
//! together at the top right (Dahuk left of Erbil, Sulaymaniyah under Erbil), Anbar
//! alone in the west column's middle, Basrah at the bottom. Columns run west to east
//! from 0, rows north to south from 0.

use crate::domain::Pcode;

/// One tile: a governorate's P-code number and its cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tile {
    /// The number of its P-code (`IQG15` → 15).
    pub pcode: u8,
    pub column: u8,
    pub row: u8,
    /// The short name written on the tile.
    pub short: &'static str,
}

const fn tile(pcode: u8, column: u8, row: u8, short: &'static str) -> Tile {
    Tile {
        pcode,
        column,
        row,
        short,
    }
}

/// The layout: every governorate once, no two on one cell (a test says so).
pub const TILES: &[Tile] = &[
    tile(15, 1, 0, "Ninewa"),
    tile(9, 2, 0, "Dahuk"),
    tile(11, 3, 0, "Erbil"),
    tile(16, 1, 1, "Salah"),
    tile(13, 2, 1, "Kirkuk"),
    tile(6, 3, 1, "Sulay."),
    tile(1, 0, 2, "Anbar"),
    tile(8, 1, 2, "Baghdad"),
    tile(10, 2, 2, "Diyala"),
    tile(12, 0, 3, "Kerbala"),
    tile(7, 1, 3, "Babylon"),
    tile(18, 2, 3, "Wassit"),
    tile(4, 0, 4, "Najaf"),
    tile(5, 1, 4, "Qadissiya"),
    tile(17, 2, 4, "Thi-Qar"),
    tile(14, 3, 4, "Missan"),
    tile(3, 2, 5, "Muthanna"),
    tile(2, 3, 5, "Basrah"),
];

/// The tile of a governorate.
#[must_use]
pub fn tile_of(pcode: Pcode) -> Option<&'static Tile> {
    TILES.iter().find(|t| Pcode::new(t.pcode) == Some(pcode))
}

/// The grid's size in cells: (columns, rows).
#[must_use]
pub fn grid_size() -> (u8, u8) {
    let columns = TILES.iter().map(|t| t.column + 1).max().unwrap_or(0);
    let rows = TILES.iter().map(|t| t.row + 1).max().unwrap_or(0);
    (columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn at(n: u8) -> (u8, u8) {
        let t = tile_of(Pcode::new(n).unwrap()).unwrap();
        (t.column, t.row)
    }

    #[test]
    fn every_pcode_has_exactly_one_tile_and_no_two_share_a_cell() {
        let pcodes: Vec<u8> = TILES.iter().map(|t| t.pcode).collect();
        let unique: BTreeSet<u8> = pcodes.iter().copied().collect();
        assert_eq!(pcodes.len(), 18);
        assert_eq!(unique, (1..=18).collect());
        let cells: BTreeSet<(u8, u8)> = TILES.iter().map(|t| (t.column, t.row)).collect();
        assert_eq!(cells.len(), 18);
        assert_eq!(grid_size(), (4, 6));
    }

    #[test]
    fn the_layout_keeps_the_countrys_shape() {
        let (dahuk, erbil, sulay) = (at(9), at(11), at(6));
        // Dahuk in the top row, left of Erbil; the Kurdistan Region's three touch.
        assert_eq!(dahuk.1, 0);
        assert!(dahuk.0 < erbil.0 && dahuk.1 <= erbil.1);
        let touch = |a: (u8, u8), b: (u8, u8)| a.0.abs_diff(b.0) + a.1.abs_diff(b.1) == 1;
        assert!(touch(dahuk, erbil) && touch(erbil, sulay));
        // Basrah in the bottom row; Anbar in the west column.
        assert_eq!(at(2).1, grid_size().1 - 1);
        assert_eq!(at(1).0, 0);
        // Baghdad is south of Salah al-Din and north of Babylon.
        assert!(at(16).1 < at(8).1 && at(8).1 < at(7).1);
    }
}
