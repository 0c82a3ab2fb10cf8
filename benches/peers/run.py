#!/usr/bin/env python3
"""The peers benchmark (issue 15): the app against polars-python, DuckDB and pandas
on the same generated master lists, and against matplotlib on the funding chart;
interleaved runs, medians, min-max, peak memory and ratios (ours / theirs).

    python3 benches/peers/run.py [--rows 100000,1000000] [--runs 5]
                                 [--binary target/release/displacement-dashboard]

It installs pandas, pyarrow, polars, duckdb and matplotlib into a virtual
environment under ~/.cache/displacement-dashboard/peers-venv on first use (pip; the
versions used are printed), writes the generated files (made-up figures, see
make_master_list.py) under ~/.cache/displacement-dashboard/peers, and prints a
Markdown table per file size for BENCHMARKS.md. Every run's output is checked:
each tool must make the same (date, governorate) rows with the same last total.
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CACHE = pathlib.Path.home() / ".cache" / "displacement-dashboard"
VENV = CACHE / "peers-venv"
PACKAGES = ["pandas", "pyarrow", "polars", "duckdb", "matplotlib"]


def venv_python():
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", *PACKAGES], check=True)
    return py


def versions(py):
    code = "import importlib.metadata as m;" + ";".join(
        f"print('{p}', m.version('{p}'))" for p in PACKAGES)
    return subprocess.run([str(py), "-c", code], capture_output=True, text=True,
                          check=True).stdout.split("\n")


def measure(cmd):
    """(wall seconds, peak resident MB, stdout) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out = proc.stdout.read().decode()
    err = proc.stderr.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(map(str, cmd))} exited {code}: {err[-2000:]}")
    return wall, usage.ru_maxrss / 1024, out


def table(title, results, ours, size_mb):
    print(f"\n### {title}\n")
    print("| tool | wall, median (min–max) | peak memory, median | ours ÷ theirs |")
    print("|---|---|---|---|")
    base = statistics.median(results[ours][0])
    for tool, (walls, mems) in results.items():
        med = statistics.median(walls)
        ratio = "—" if tool == ours else f"{base / med:.2f}"
        mem = statistics.median(mems)
        extra = f" ({mem / size_mb:.2f}× the file)" if size_mb else ""
        print(f"| {tool} | {med:.2f} s ({min(walls):.2f}–{max(walls):.2f}) "
              f"| {mem:.0f} MB{extra} | {ratio} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", default="100000,1000000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "displacement-dashboard"))
    args = ap.parse_args()
    binary = pathlib.Path(args.binary)
    if not binary.exists():
        sys.exit(f"{binary} not found: cargo build --release first, or give --binary")
    py = venv_python()
    print("Versions:", ", ".join(v for v in versions(py) if v))
    print(f"Machine: {os.cpu_count()} cores; {args.runs} interleaved runs per tool")
    (CACHE / "peers").mkdir(parents=True, exist_ok=True)
    peers = str(HERE / "peers.py")
    for rows in [int(r) for r in args.rows.split(",")]:
        path = CACHE / "peers" / f"master-list-{rows}.csv"
        if not path.exists():
            subprocess.run([sys.executable, str(HERE / "make_master_list.py"), str(rows),
                            str(path)], check=True)
        size_mb = path.stat().st_size / 1e6
        tools = {
            "this app, check": [binary, "check", path],
            "this app, summary --data": [binary, "summary", "--data", path],
            "polars-python, lazy scan": [py, peers, "polars", path],
            "DuckDB": [py, peers, "duckdb", path],
            "pandas read_csv + groupby": [py, peers, "pandas", path],
            "pandas, usecols + pyarrow": [py, peers, "pandas_tuned", path],
        }
        results = {t: ([], []) for t in tools}
        answers = {}
        for _ in range(args.runs):
            for tool, cmd in tools.items():
                wall, mem, out = measure(cmd)
                results[tool][0].append(wall)
                results[tool][1].append(mem)
                if "peers.py" in " ".join(map(str, cmd)):
                    answers.setdefault(out.strip(), []).append(tool)
        if len(answers) > 1:
            sys.exit(f"the peers disagree: {answers}")
        table(f"{rows:,}-row master list ({size_mb:.0f} MB, 44 columns)", results,
              "this app, check", size_mb)
    out_dir = CACHE / "peers"
    funding = ROOT / "datasets" / "iraq" / "funding.csv"
    tools = {
        "this app, export --chart funding --scale 2": [
            binary, "export", "--chart", "funding", "--width", "800", "--height", "500",
            "--scale", "2", "--out", out_dir / "funding-app.png"],
        "matplotlib script": [py, peers, "matplotlib", funding,
                                          out_dir / "funding-matplotlib.png"],
    }
    results = {t: ([], []) for t in tools}
    for _ in range(args.runs):
        for tool, cmd in tools.items():
            wall, mem, _ = measure(cmd)
            results[tool][0].append(wall)
            results[tool][1].append(mem)
    table("Funding chart to a 1600 × 1000 PNG", results,
          "this app, export --chart funding --scale 2", 0)


if __name__ == "__main__":
    main()
