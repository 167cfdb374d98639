#!/usr/bin/env python3
"""Pages per second of `broadsheet extract --jsonl` against trafilatura, on the same pages, in one run.

    python3 scripts/bench-extraction.py [--broadsheet PATH] [--runs N] [--rounds N] [--readability]

The pages are the 662 of `../shared/extraction/trafilatura-eval/` (unpacked once into the temporary
folder, as its scorer does), or with `--readability` the 130 of `../shared/extraction/readability/`.
Both tools get the whole page list in a single call, as their users run them: trafilatura 2.3.1 as one
Python process through the scorer's adapter (`baselines/trafilatura_jsonl.py`, metadata included),
Broadsheet as one release binary using every core, reading the list `--rounds` times so that its
start-up does not dominate. Each is checked to print one JSON line per page. After one untimed pass
each, they take turns `--runs` times; wall time (spawn to reap) and CPU time (user + sys of the process
and its children, `os.wait4`) are measured per run and their medians reported, with the 1-minute load
average before the first run and after the last. Stdlib only; installs trafilatura with pip when it is
missing. The last line reads

    extraction: broadsheet <p> pages/s, trafilatura <p> pages/s, speedup <x>, cpu speedup <x>

(pages per second of wall time; the CPU speedup compares pages per CPU-second). Run it with the machine
otherwise idle: the two cores are shared, and a busy machine slows trafilatura's one process less than
Broadsheet's two threads.
"""
import argparse
import glob
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the shared scorer
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTRACTION = os.path.join(os.path.dirname(ROOT), "shared", "extraction")
TRAFILATURA = "2.3.1"


def ensure_trafilatura():
    """Installs trafilatura when missing (lxml >= 5.2 moved its HTML cleaner, which trafilatura needs, out)."""
    probe = [sys.executable, "-c", "import trafilatura"]
    if subprocess.run(probe, capture_output=True).returncode == 0:
        return
    print("installing trafilatura with pip", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", f"trafilatura=={TRAFILATURA}", "lxml_html_clean"], check=True)
    if subprocess.run(probe, capture_output=True).returncode != 0:
        sys.exit("trafilatura still cannot be imported")


def snippet_pages():
    """The 662 scored pages of the trafilatura evaluation set, in the scorer's order, unpacked by its code."""
    corpus = os.path.join(EXTRACTION, "trafilatura-eval")
    spec = importlib.util.spec_from_file_location("eval_snippets", os.path.join(EXTRACTION, "eval_snippets.py"))
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    root = scorer.unpacked_pages(corpus)
    data = json.load(open(os.path.join(corpus, "evaldata.json"), encoding="utf-8"))
    pages = []
    for url in sorted(data):
        for sub in ("eval", "cache"):
            path = os.path.join(root, sub, data[url]["file"])
            if os.path.isfile(path):
                pages.append(path)
                break
    return pages


def timed_run(name, command, files, cwd=None):
    """Runs `command + files` once; returns (wall s, CPU s) after checking one output line per page."""
    started = time.monotonic()
    process = subprocess.Popen(command + files, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    lines = output.count(b"\n")
    if os.waitstatus_to_exitcode(status) != 0 or lines != len(files):
        sys.exit("%s: exit %d, %d lines for %d pages" % (name, os.waitstatus_to_exitcode(status), lines, len(files)))
    return wall, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--broadsheet", default=os.path.join(ROOT, ".build", "release", "broadsheet"),
                        help="the release binary (default: .build/release/broadsheet)")
    parser.add_argument("--readability", action="store_true", help="the 130 Readability pages instead of the 662")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each tool, taking turns (default 3)")
    parser.add_argument("--rounds", type=int, default=5, help="times Broadsheet reads the page list in one run")
    args = parser.parse_args()

    if args.readability:
        pages = sorted(glob.glob(os.path.join(EXTRACTION, "readability", "*", "source.html")))
    else:
        pages = snippet_pages()
    if not pages:
        sys.exit("no pages found below %s" % EXTRACTION)
    if not os.access(args.broadsheet, os.X_OK):
        sys.exit("no binary at %s (build it: make site, or the Makefile's RELEASE_BUILD)" % args.broadsheet)
    adapter = os.path.join(EXTRACTION, "baselines", "trafilatura_jsonl.py")
    if not os.path.exists(adapter):
        sys.exit("no trafilatura adapter at %s" % adapter)
    ensure_trafilatura()
    print("%d pages; broadsheet reads them %d times a run, trafilatura once; %d runs each; %d cores"
          % (len(pages), args.rounds, args.runs, os.cpu_count() or 1), flush=True)

    ours_command = [args.broadsheet, "extract", "--jsonl"]
    theirs_command = [sys.executable, adapter]
    # One untimed pass each, so both start with the pages (and trafilatura's modules) in the file cache.
    timed_run("broadsheet", ours_command, pages)
    timed_run("trafilatura", theirs_command, pages, cwd=os.path.dirname(adapter))
    load_before = os.getloadavg()[0]
    ours, theirs = [], []
    for run in range(args.runs):
        ours.append(timed_run("broadsheet", ours_command, pages * args.rounds))
        theirs.append(timed_run("trafilatura", theirs_command, pages, cwd=os.path.dirname(adapter)))
        print("run %d/%d: broadsheet %.2f s wall %.2f cpu-s for %d pages, trafilatura %.2f s wall %.2f cpu-s for %d pages"
              % (run + 1, args.runs, ours[-1][0], ours[-1][1], len(pages) * args.rounds, theirs[-1][0], theirs[-1][1],
                 len(pages)), flush=True)
    load_after = os.getloadavg()[0]
    ours_wall, ours_cpu = (statistics.median(column) for column in zip(*ours))
    theirs_wall, theirs_cpu = (statistics.median(column) for column in zip(*theirs))
    ours_rate, theirs_rate = len(pages) * args.rounds / ours_wall, len(pages) / theirs_wall
    cpu_speedup = (len(pages) * args.rounds / ours_cpu) / (len(pages) / theirs_cpu)
    print("medians: broadsheet %.2f s %.2f cpu-s, trafilatura %.2f s %.2f cpu-s; load before %.2f after %.2f"
          % (ours_wall, ours_cpu, theirs_wall, theirs_cpu, load_before, load_after))
    print("extraction: broadsheet %.1f pages/s, trafilatura %.1f pages/s, speedup %.1fx, cpu speedup %.1fx"
          % (ours_rate, theirs_rate, ours_rate / theirs_rate, cpu_speedup))


if __name__ == "__main__":
    main()
