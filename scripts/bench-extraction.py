#!/usr/bin/env python3
"""Pages per second of `broadsheet extract --jsonl` against trafilatura, on the same pages, in one run.

    python3 scripts/bench-extraction.py [--broadsheet PATH] [--data DIR] [--rounds N] [--trafilatura-rounds N]

Both tools get the whole page list (repeated for a few rounds, so start-up does not dominate) in a
single call, as their users run them: trafilatura as one Python process through the scorer's adapter
(`baselines/trafilatura_jsonl.py`, metadata included), Broadsheet as one release binary using every
core. Each is checked to print one JSON line per page. Stdlib only; installs trafilatura with pip
when it is missing. The last line reads
`extraction: broadsheet <p> pages/s, trafilatura <p> pages/s, speedup <x>`.
"""
import argparse
import glob
import importlib.util
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTRACTION = os.path.join(os.path.dirname(ROOT), "shared", "extraction")


def ensure_trafilatura():
    """Installs trafilatura when missing (lxml >= 5.2 moved its HTML cleaner, which trafilatura needs, out)."""
    probe = [sys.executable, "-c", "import trafilatura"]
    if subprocess.run(probe, capture_output=True).returncode == 0:
        return
    print("installing trafilatura with pip", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "trafilatura", "lxml_html_clean"], check=True)
    if subprocess.run(probe, capture_output=True).returncode != 0:
        sys.exit("trafilatura still cannot be imported")


def timed_run(name, command, files, cwd=None):
    """Runs `command + files` once; returns pages per second after checking one output line per page."""
    started = time.perf_counter()
    result = subprocess.run(command + files, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    lines = result.stdout.count(b"\n")
    if result.returncode != 0 or lines != len(files):
        sys.exit("%s: exit %d, %d lines for %d pages" % (name, result.returncode, lines, len(files)))
    rate = len(files) / elapsed
    print("%-11s %5d pages in %6.2f s  %8.1f pages/s" % (name, len(files), elapsed, rate), flush=True)
    return rate


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--broadsheet", default=os.path.join(ROOT, ".build", "release", "broadsheet"),
                        help="the release binary (default: .build/release/broadsheet)")
    parser.add_argument("--data", default=os.path.join(EXTRACTION, "readability"),
                        help="folder of <name>/source.html pages (default: ../shared/extraction/readability)")
    parser.add_argument("--rounds", type=int, default=10, help="times Broadsheet reads the page list")
    parser.add_argument("--trafilatura-rounds", type=int, default=2, help="times trafilatura reads the page list")
    args = parser.parse_args()

    pages = sorted(glob.glob(os.path.join(os.path.abspath(args.data), "*", "source.html")))
    if not pages:
        sys.exit("no pages under %s" % args.data)
    if not os.access(args.broadsheet, os.X_OK):
        sys.exit("no binary at %s (build it: swift build -c release --product broadsheet)" % args.broadsheet)
    adapter = os.path.join(EXTRACTION, "baselines", "trafilatura_jsonl.py")
    if not os.path.exists(adapter):
        sys.exit("no trafilatura adapter at %s" % adapter)
    ensure_trafilatura()
    print("%d pages from %s; broadsheet %d rounds, trafilatura %d rounds; %d cores"
          % (len(pages), args.data, args.rounds, args.trafilatura_rounds, os.cpu_count() or 1), flush=True)

    # One untimed pass each, so both start with the pages (and trafilatura's modules) in the file cache.
    timed_run("warm-up", [args.broadsheet, "extract", "--jsonl"], pages[:10])
    timed_run("warm-up", [sys.executable, adapter], pages[:10], cwd=os.path.dirname(adapter))

    ours = timed_run("broadsheet", [args.broadsheet, "extract", "--jsonl"], pages * args.rounds)
    theirs = timed_run("trafilatura", [sys.executable, adapter], pages * args.trafilatura_rounds,
                       cwd=os.path.dirname(adapter))
    print("extraction: broadsheet %.1f pages/s, trafilatura %.1f pages/s, speedup %.1fx" % (ours, theirs, ours / theirs))


if __name__ == "__main__":
    main()
