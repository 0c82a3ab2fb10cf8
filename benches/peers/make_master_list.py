#!/usr/bin/env python3
"""Writes a wide master list shaped like IOM DTM Iraq's published ones, for the
peers benchmark (issue 15). EVERY FIGURE IS MADE UP: not real data.

44 columns: round, date, place ID, governorate in English (mixing the spellings real
lists mix: Nineveh, Duhok, Salahaddin, Arbil, ...) and Arabic, district, location
names, coordinates, families, individuals, 18 origin columns, 6 shelter columns and
8 displacement-period columns. The rounds and their dates are DTM's own, read from
the bundled series (datasets/iraq/idps_national.csv), so the app dates every row.
Deterministic: the same arguments give the same bytes.

    python3 make_master_list.py ROWS OUT.csv
Only the standard library is used.
"""
import csv
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
NATIONAL = HERE.parent.parent / "datasets" / "iraq" / "idps_national.csv"

# (OCHA name, spellings real lists use, Arabic)
GOVERNORATES = [
    ("Anbar", ["Anbar", "Al-Anbar"], "الأنبار"),
    ("Babylon", ["Babylon", "Babil"], "بابل"),
    ("Baghdad", ["Baghdad"], "بغداد"),
    ("Basrah", ["Basrah", "Basra"], "البصرة"),
    ("Dahuk", ["Dahuk", "Duhok", "Dohuk"], "دهوك"),
    ("Diyala", ["Diyala"], "ديالى"),
    ("Erbil", ["Erbil", "Arbil"], "أربيل"),
    ("Kerbala", ["Kerbala", "Karbala"], "كربلاء"),
    ("Kirkuk", ["Kirkuk"], "كركوك"),
    ("Missan", ["Missan", "Maysan"], "ميسان"),
    ("Muthanna", ["Muthanna"], "المثنى"),
    ("Najaf", ["Najaf"], "النجف"),
    ("Ninewa", ["Ninewa", "Nineveh", "Ninawa"], "نينوى"),
    ("Qadissiya", ["Qadissiya"], "القادسية"),
    ("Salah al-Din", ["Salah al-Din", "Salahaddin"], "صلاح الدين"),
    ("Sulaymaniyah", ["Sulaymaniyah"], "السليمانية"),
    ("Thi-Qar", ["Thi-Qar", "Thi Qar"], "ذي قار"),
    ("Wassit", ["Wassit"], "واسط"),
]
SHELTERS = ["Camp", "Host families", "Rented houses", "Informal settlements",
            "Religious buildings", "Unfinished buildings"]
PERIODS = ["Pre-June 2014", "June-July 2014", "August 2014", "Post September 2014",
           "Post April 2015", "Post March 2016", "Post 17 October 2016", "Post July 2017"]
HEADER = (["Round", "Date", "Place ID", "Governorate", "Governorate (Arabic)", "District",
           "Location name in English", "Location name in Arabic", "Latitude",
           "Longitude", "Families", "Individuals"]
          + [f"Origin {g[0]}" for g in GOVERNORATES] + SHELTERS + PERIODS)
assert len(HEADER) == 44, len(HEADER)


def rounds():
    """(round, date) of the bundled DTM series, oldest first."""
    out = {}
    with NATIONAL.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["series"] == "dtm" and row.get("round"):
                out.setdefault(int(row["round"]), row["date"])
    return sorted(out.items())


def split(total, parts, rng):
    """`parts` whole numbers of 0 or more summing to total."""
    cuts = sorted(rng.randrange(total + 1) for _ in range(parts - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


def main():
    n_rows, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    rng = random.Random(20261202)
    rs = rounds()
    per_round = max(1, n_rows // len(rs))
    written = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(HEADER)
        for i, (rnd, date) in enumerate(rs):
            count = per_round if i < len(rs) - 1 else n_rows - written
            for k in range(count):
                g = (k * 7 + rnd) % 18
                name, spellings, arabic = GOVERNORATES[g]
                families = rng.randrange(1, 400)
                individuals = families * rng.randrange(5, 7)
                origin = split(individuals, 18, rng)
                w.writerow(
                    [rnd, date, f"IQ{g + 1:02d}{k:07d}", spellings[k % len(spellings)],
                     arabic, f"District {g + 1}-{k % 9}", f"Location {k}",
                     f"موقع {k}", f"{33 + rng.random() * 4:.5f}",
                     f"{40 + rng.random() * 6:.5f}", families, individuals]
                    + origin + split(individuals, 6, rng) + split(individuals, 8, rng))
            written += count
    print(f"wrote {out} ({written:,} rows, made-up figures)")


if __name__ == "__main__":
    main()
