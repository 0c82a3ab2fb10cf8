#!/usr/bin/env python3
"""Writes a made-up DTM API export shaped like HDX's "Global IOM DTM data for admin
levels 0-2" (admin 0, 1 and 2 rows of several countries, an HXL row, CRLF), about
3 MB, for timing `check` on it (BENCHMARKS.md). Every figure is made up: not real data.

    python3 benches/files/make_dtm_api.py OUT.csv [TARGET_BYTES]
"""
import sys

IRAQ = ["Al-Anbar", "Al-Basrah", "Al-Muthanna", "Al-Najaf", "Al-Qadissiya", "Al-Sulaymaniyah",
        "Babylon", "Baghdad", "Duhok", "Diyala", "Erbil", "Kerbala", "Kirkuk", "Missan",
        "Ninewa", "Salah Al-Din", "Thi-Qar", "Wassit"]
OTHERS = [("Haiti", "HTI", "HT"), ("Sudan", "SDN", "SD"), ("Somalia", "SOM", "SO"),
          ("Nigeria", "NGA", "NG"), ("Yemen", "YEM", "YE")]
HEADER = ("id,operation,admin0Name,admin0Pcode,admin1Name,admin1Pcode,admin2Name,admin2Pcode,"
          "numPresentIdpInd,reportingDate,yearReportingDate,monthReportingDate,roundNumber,"
          "assessmentType")
HXL = ("#id+code,#operation+name,#country+name,#country+code,#adm1+name,#adm1+code,#adm2+name,"
       "#adm2+code,#affected+idps,#date+reported,#date+year+reported,#date+month+reported,"
       "#round+code,#assessment+type")


def main():
    out = sys.argv[1]
    target = int(sys.argv[2]) if len(sys.argv) > 2 else 3_000_000
    lines = [HEADER, HXL]
    size = len(HEADER) + len(HXL) + 4
    n = 0
    month = 0
    while size < target:
        year, mon = 2014 + month // 12, month % 12 + 1
        date = f"{year}-{mon:02d}-01T00:00:00"
        rnd = month + 1
        rows = []
        countries = [("Iraq", "IRQ", None)] + OTHERS
        for name, iso, prefix in countries:
            op = f"{name} made-up operation"
            places = IRAQ if iso == "IRQ" else [f"Region {k}" for k in range(1, 11)]
            total = 0
            for g, place in enumerate(places, start=1):
                code = f"IRQ-G{g:02d}" if iso == "IRQ" else f"{prefix}{g:02d}"
                districts = 6
                for d in range(1, districts + 1):
                    value = (g * 97 + d * 13 + month * 7) % 5000 + 100
                    rows.append((op, name, iso, place, code, f"District {g}-{d}",
                                 f"{code}-D{d:02d}", value))
                gov = sum(r[7] for r in rows[-districts:])
                rows.append((op, name, iso, place, code, "", "", gov))
                total += gov
            rows.append((op, name, iso, "", "", "", "", total))
        for op, name, iso, place, code, district, dcode, value in rows:
            n += 1
            line = (f"{n},{op},{name},{iso},{place},{code},{district},{dcode},{value},{date},"
                    f"{year},{mon},{rnd},BA")
            lines.append(line)
            size += len(line) + 2
        month += 1
    with open(out, "w", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")
    print(f"{out}: {n} rows, {size:,} bytes, {month} rounds")


if __name__ == "__main__":
    main()
