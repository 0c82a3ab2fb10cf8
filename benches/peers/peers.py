#!/usr/bin/env python3
"""The peers' side of the benchmark (issue 15): the same job as the app's `check`
on a master list, as an analyst would write it in each tool, and the funding chart
drawn with matplotlib. Run by run.py inside its virtual environment:

    python peers.py polars|duckdb|pandas|pandas_tuned FILE
    python peers.py matplotlib FUNDING_CSV OUT.png

The job: load the file, normalise the governorate spellings, keep the latest round
of each date, sum individuals by governorate and date. Each prints the number of
(date, governorate) rows it made and the national total of the last date, so the
runner can check that every tool did the same work.
"""
import sys

# The spellings the generated lists mix, to the OCHA names.
SPELLINGS = {
    "Al-Anbar": "Anbar", "Babil": "Babylon", "Basra": "Basrah", "Duhok": "Dahuk",
    "Dohuk": "Dahuk", "Arbil": "Erbil", "Karbala": "Kerbala", "Maysan": "Missan",
    "Nineveh": "Ninewa", "Ninawa": "Ninewa", "Salahaddin": "Salah al-Din",
    "Thi Qar": "Thi-Qar",
}
COLUMNS = ["Round", "Date", "Governorate", "Individuals"]


def report(rows, last_total):
    print(f"{rows} {last_total}")


def with_polars(path):
    import polars as pl
    out = (
        pl.scan_csv(path)
        .select(COLUMNS)
        .with_columns(pl.col("Governorate").replace(SPELLINGS))
        .filter(pl.col("Round") == pl.col("Round").max().over("Date"))
        .group_by(["Date", "Governorate"])
        .agg(pl.col("Individuals").sum())
        .sort("Date")
        .collect()
    )
    last = out.filter(pl.col("Date") == out["Date"].max())["Individuals"].sum()
    report(out.height, last)


def with_duckdb(path):
    import duckdb
    cases = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in SPELLINGS.items())
    con = duckdb.connect()
    rows = con.execute(f"""
        WITH t AS (
            SELECT Round, Date, CASE Governorate {cases} ELSE Governorate END AS g,
                   Individuals
            FROM read_csv_auto('{path}')),
        latest AS (SELECT Date, max(Round) AS r FROM t GROUP BY Date)
        SELECT t.Date, g, sum(Individuals) AS ind
        FROM t JOIN latest ON t.Date = latest.Date AND t.Round = latest.r
        GROUP BY t.Date, g ORDER BY t.Date""").fetchall()
    last_date = max(r[0] for r in rows)
    report(len(rows), sum(r[2] for r in rows if r[0] == last_date))


def with_pandas(path, tuned):
    import pandas as pd
    if tuned:
        df = pd.read_csv(path, usecols=COLUMNS, engine="pyarrow")
    else:
        df = pd.read_csv(path)
    df["Governorate"] = df["Governorate"].replace(SPELLINGS)
    df = df[df["Round"] == df.groupby("Date")["Round"].transform("max")]
    out = df.groupby(["Date", "Governorate"], as_index=False)["Individuals"].sum()
    last = out[out["Date"] == out["Date"].max()]["Individuals"].sum()
    report(len(out), int(last))


def with_matplotlib(funding_csv, png):
    """Required vs funded per Iraq appeal year, 1600 x 1000 px, as the app's
    `export --chart funding --width 800 --height 500 --scale 2` draws."""
    import csv
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    years = {}
    with open(funding_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["kind"] in ("hrp", "flash") and row["requirements_usd"]:
                y = years.setdefault(int(row["year"]), [0, 0])
                y[0] += int(row["requirements_usd"] or 0)
                y[1] += int(row["funding_usd"] or 0)
    xs = sorted(years)
    fig, ax = plt.subplots(figsize=(8, 5), dpi=200)
    ax.bar([x - 0.2 for x in xs], [years[x][0] / 1e6 for x in xs], 0.4, label="Required")
    ax.bar([x + 0.2 for x in xs], [years[x][1] / 1e6 for x in xs], 0.4, label="Funded")
    ax.set_title("Humanitarian appeals: required vs funded")
    ax.set_ylabel("US$ million")
    ax.legend()
    fig.text(0.01, 0.01, "Source: OCHA Financial Tracking Service", fontsize=7)
    fig.savefig(png)
    print(f"{len(xs)} years")


if __name__ == "__main__":
    tool = sys.argv[1]
    if tool == "polars":
        with_polars(sys.argv[2])
    elif tool == "duckdb":
        with_duckdb(sys.argv[2])
    elif tool in ("pandas", "pandas_tuned"):
        with_pandas(sys.argv[2], tool == "pandas_tuned")
    elif tool == "matplotlib":
        with_matplotlib(sys.argv[2], sys.argv[3])
    else:
        sys.exit(f"unknown tool {tool}")
