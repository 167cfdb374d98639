#!/usr/bin/env python3
"""`broadsheet mirror` on a generated news-site crawl, against trafilatura extracting the same articles.

    python3 scripts/bench-mirror.py                     # `make bench-mirror`: 10,000 articles, 3 runs
    python3 scripts/bench-mirror.py --articles 1000 --runs 1 --broadsheet .build/release/broadsheet

Python 3 standard library only (trafilatura 2.3.1 is installed with pip when missing, for its side).
The crawl comes from `scripts/gen-crawl.py` (seed 42): a folder as `wget --mirror --page-requisites
--adjust-extension` saves it and the same crawl as a `.warc.gz`, generated once into the scratch
folder (default `$TMPDIR/broadsheet-bench/crawl-N/`) and reused while the generators are unchanged.

Three cases, each one process, measured as `scripts/bench.py` measures a build (wall time from spawn
to reap, CPU = user + sys of the child from `os.wait4`, peak RSS `ru_maxrss`):

  (a) `broadsheet mirror <crawl>/<host> --origin https://<host>/ --output <fresh folder> --format json`,
      the release binary (the Makefile's RELEASE_BUILD) unless `--broadsheet`;
  (b) `scripts/trafilatura_extract.py`: `trafilatura.extract(html, url=..., with_metadata=True,
      output_format="json")` on every article page of the crawl, in one Python process: what turning
      a crawl into articles costs before any site is written;
  (c) the same mirror as (a) from the `.warc.gz`.

Every file of the crawl is read once first (page cache warm), then each case runs once untimed
(trafilatura on its first 200 pages only: its full run takes minutes and reads nothing the others have
not), then the cases take turns `--runs` times (a, b, c, a, b, c, ...), so that other users of the
shared machine slow them alike. Outputs go to memory (/dev/shm) when there is room. Mirror exit
statuses 0 and 1 (some inputs reported) count as runs; anything else stops the bench.

While `broadsheet mirror` does not exist (`broadsheet mirror --help` fails, or prints the top-level
help as an unknown subcommand does), or the release build fails, only trafilatura's side runs and the broadsheet fields read `-`. Medians are printed, then one
PASS/FAIL line per target (ratio <= 0.1, peak <= 500 MiB, WARC <= 1.2x folder; never the exit status)
and, last, with load = the 1-minute load average after the last run (the one before the first run is
printed just above):

    mirror 10000: broadsheet <s> s <cpu-s> cpu-s <MiB> MiB, trafilatura extraction alone <s> s <cpu-s> cpu-s, ratio <x>, warc <s> s (<y>× folder), load <l>

ratio = broadsheet's wall time (folder) / trafilatura's; the WARC factor = WARC wall / folder wall.
"""
import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ in the repository
import bench  # noqa: E402  (process timing, the memory folder, the shared bench folder)

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(SCRIPTS, "gen-crawl.py")
HELPER = os.path.join(SCRIPTS, "trafilatura_extract.py")
CORPUS_GENERATOR = os.path.join(bench.SHARED, "gen_corpus.py")
HOST = "baotintuc.example"
TRAFILATURA = "2.3.1"
TRAFILATURA_WARMUP_PAGES = 200
TARGET_RATIO, TARGET_PEAK, TARGET_WARC = 0.1, 500, 1.2


def ensure_trafilatura():
    """trafilatura 2.3.1, installed with pip when missing or another version (lxml >= 5.2 moved the HTML
    cleaner trafilatura needs into lxml_html_clean)."""
    probe = [sys.executable, "-c", "import trafilatura; print(trafilatura.__version__)"]
    found = subprocess.run(probe, capture_output=True, text=True)
    if found.returncode == 0 and found.stdout.strip() == TRAFILATURA:
        return
    print(f"bench-mirror: installing trafilatura=={TRAFILATURA} with pip", flush=True)
    bench.run_checked([sys.executable, "-m", "pip", "install", "-q", f"trafilatura=={TRAFILATURA}", "lxml_html_clean"],
                      "pip install trafilatura")
    found = subprocess.run(probe, capture_output=True, text=True)
    if found.returncode != 0 or found.stdout.strip() != TRAFILATURA:
        bench.fail(f"trafilatura {TRAFILATURA} still cannot be imported ({found.stdout.strip() or found.stderr.strip()[-200:]})")


def build_broadsheet(args):
    """The release binary, or None (with the reason printed) when the build fails."""
    if args.broadsheet:
        return bench.executable(args.broadsheet)
    command = [args.swift, *bench.RELEASE_BUILD, "--package-path", bench.REPO]
    if args.scratch_path:
        command += ["--scratch-path", args.scratch_path]
    print("bench-mirror: " + " ".join(command), flush=True)
    if subprocess.run(command).returncode != 0:
        print("bench-mirror: the release build failed: timing trafilatura alone", flush=True)
        return None
    bin_dir = subprocess.run(command + ["--show-bin-path"], capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return os.path.join(bin_dir, "broadsheet")


def has_mirror(binary):
    """Whether the binary has a `mirror` command. Its exit status alone does not tell: without the
    subcommand, `broadsheet mirror --help` prints the top-level help and exits 0."""
    if binary is None:
        return False
    result = subprocess.run([binary, "mirror", "--help"], stdin=subprocess.DEVNULL, capture_output=True, text=True)
    return result.returncode == 0 and "USAGE: broadsheet mirror" in result.stdout


def prepare_crawl(scratch, count, seed):
    """`crawl-N/` (the folder, the answer key `manifest.tsv`, `crawl.warc.gz`), regenerated when the
    size, the seed or either generator changed (a stamp file records them)."""
    folder = os.path.join(scratch, f"crawl-{count}")
    stamp = os.path.join(folder, ".crawl-stamp")
    digest = hashlib.sha256()
    for path in (GENERATOR, CORPUS_GENERATOR):
        with open(path, "rb") as source:
            digest.update(source.read())
    expected = f"{count} {seed} {HOST} {digest.hexdigest()}\n"
    warc = os.path.join(folder, "crawl.warc.gz")
    if not os.path.exists(stamp) or open(stamp).read() != expected:
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        argv = [sys.executable, GENERATOR, "--articles", str(count), "--seed", str(seed), "--host", HOST,
                "--out", folder, "--warc", warc]
        print(f"bench-mirror: generating the crawl: {' '.join(argv)}", flush=True)
        started = time.monotonic()
        result = bench.run_checked(argv, "gen-crawl.py", capture_output=True, text=True)
        elapsed = time.monotonic() - started
        for line in result.stdout.splitlines():
            print("  " + line)
        print(f"  generated in {elapsed:.1f} s", flush=True)
        with open(os.path.join(folder, "generator.txt"), "w") as out:
            out.write(result.stdout + f"generated in {elapsed:.1f} s\n")
        with open(stamp, "w") as out:
            out.write(expected)
    else:
        print(f"bench-mirror: reusing the crawl in {folder}", flush=True)
        with open(os.path.join(folder, "generator.txt")) as saved:
            for line in saved:
                print("  " + line.rstrip("\n"))
    articles = os.path.join(folder, "articles.tsv")
    with open(os.path.join(folder, "manifest.tsv"), encoding="utf-8") as manifest, \
            open(articles, "w", encoding="utf-8") as out:
        next(manifest)
        for line in manifest:
            kind, url, file, _status = line.rstrip("\n").split("\t")
            if kind == "article":
                out.write(f"{os.path.join(folder, file)}\t{url}\n")
    return folder, warc, articles


def warm_page_cache(folder):
    """Reads every file of the crawl once, untimed, so that no case pays for the disk."""
    total = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            with open(os.path.join(root, name), "rb") as source:
                while chunk := source.read(1 << 20):
                    total += len(chunk)
    return total


class Case:
    def __init__(self, label, make_argv, statuses=(0,)):
        self.label, self.make_argv, self.statuses = label, make_argv, statuses
        self.rows, self.last_stdout = [], ""


def run_case(case, out, log, stdout_path, warmup_argv=None):
    argv = warmup_argv or case.make_argv(out)
    with open(stdout_path, "wb") as stdout:
        started = time.monotonic()
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=stdout, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    with open(stdout_path, errors="replace") as printed:
        case.last_stdout = printed.read()
    if code not in case.statuses:
        log.flush()
        tail = open(log.name, errors="replace").read()[-2000:]
        bench.fail(f"{case.label}: exit status {code}: {' '.join(argv)}\n{tail}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def medians(case):
    walls, cpus, peaks = (sorted(column) for column in zip(*case.rows))
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "peak": statistics.median(peaks),
            "walls": walls, "cpus": cpus, "peaks": peaks}


def summarize_report(text):
    """The scalar fields of `broadsheet mirror --format json`'s document (its schema is the command's)."""
    try:
        document = json.loads(text)
    except ValueError:
        return "not JSON: " + text.strip()[:200]
    if not isinstance(document, dict):
        return type(document).__name__
    parts = []
    for key, value in document.items():
        if isinstance(value, (int, float, str, bool)):
            parts.append(f"{key} {value}")
        elif isinstance(value, dict):
            parts.append(f"{key} {{" + ", ".join(f"{k} {v}" for k, v in value.items()
                                                  if isinstance(v, (int, float, str, bool))) + "}")
        elif isinstance(value, list):
            parts.append(f"{key} [{len(value)}]")
    return ", ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000, help="articles in the crawl (default 10000)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each case (default 3)")
    parser.add_argument("--scratch", default=os.path.join(tempfile.gettempdir(), "broadsheet-bench"),
                        help="where the crawl and the logs go (default: $TMPDIR/broadsheet-bench)")
    parser.add_argument("--outputs", help="where the mirrors write (default: /dev/shm when it is a tmpfs with 4 GiB "
                        "free, else the scratch folder)")
    parser.add_argument("--broadsheet", help="a built broadsheet binary (default: build it in release mode)")
    parser.add_argument("--swift", default="swift", help="the swift driver used to build")
    parser.add_argument("--scratch-path", help="passed to `swift build --scratch-path`")
    args = parser.parse_args()
    if args.runs < 1 or args.articles < 1:
        parser.error("--runs and --articles must be at least 1")
    if not os.path.isfile(CORPUS_GENERATOR):
        bench.fail(f"the corpus generator is missing: expected {CORPUS_GENERATOR} (../shared/bench beside the repository)")
    scratch = os.path.abspath(args.scratch)
    if os.path.commonpath([scratch, bench.REPO]) == bench.REPO:
        bench.fail(f"--scratch must be outside the repository: {scratch}")
    os.makedirs(scratch, exist_ok=True)

    ensure_trafilatura()
    binary = build_broadsheet(args)
    mirror = has_mirror(binary)
    if binary and not mirror:
        print(f"bench-mirror: `{binary} mirror --help` fails: no mirror command yet, timing trafilatura alone", flush=True)
    crawl, warc, articles = prepare_crawl(scratch, args.articles, args.seed)
    site = os.path.join(crawl, HOST)
    pages = sum(1 for _ in open(articles, encoding="utf-8"))
    outputs = args.outputs or bench.memory_folder() or scratch
    os.makedirs(outputs, exist_ok=True)
    work = tempfile.mkdtemp(prefix="mirror-runs-", dir=outputs)
    print(f"bench-mirror: {os.cpu_count()} cores; {pages} article pages; broadsheet {binary if mirror else 'not run'}; "
          f"outputs in {outputs}", flush=True)

    origin = f"https://{HOST}/"
    # An empty site folder: run from the repository, the default `--site .` would add its demo content.
    empty_site = os.path.join(work, "site")
    os.makedirs(empty_site, exist_ok=True)
    cases = []
    if mirror:
        cases.append(Case("broadsheet", lambda out: [binary, "mirror", site, "--origin", origin, "--output", out,
                                                     "--format", "json", "--no-cache", "--site", empty_site], statuses=(0, 1)))
    cases.append(Case("trafilatura", lambda _out: [sys.executable, HELPER, articles]))
    if mirror:
        cases.append(Case("broadsheet warc", lambda out: [binary, "mirror", warc, "--origin", origin, "--output", out,
                                                          "--format", "json", "--no-cache", "--site", empty_site], statuses=(0, 1)))
    warmup_list = os.path.join(work, "warmup.tsv")
    with open(articles, encoding="utf-8") as source, open(warmup_list, "w", encoding="utf-8") as out:
        for _, line in zip(range(TRAFILATURA_WARMUP_PAGES), source):
            out.write(line)

    logs = {case.label: open(os.path.join(scratch, f"mirror-{case.label.replace(' ', '-')}.log"), "wb") for case in cases}
    load_before = os.getloadavg()[0]
    print(f"bench-mirror: load average {load_before:.2f}; reading the crawl into the page cache", flush=True)
    print(f"  {warm_page_cache(crawl) / 2**20:.0f} MiB read", flush=True)
    try:
        for index in range(args.runs + 1):
            for case in cases:
                out = os.path.join(work, f"out-{index}-{case.label.replace(' ', '-')}")
                stdout_path = os.path.join(work, "stdout.txt")
                warmup = [sys.executable, HELPER, warmup_list] if index == 0 and case.label == "trafilatura" else None
                wall, cpu, peak = run_case(case, out, logs[case.label], stdout_path, warmup)
                shutil.rmtree(out, ignore_errors=True)
                if index == 0:
                    print(f"  {case.label} warm-up: {wall:.2f} s wall", flush=True)
                    continue
                case.rows.append((wall, cpu, peak))
                rate = f", {pages / wall:.0f} pages/s" if case.label == "trafilatura" else ""
                print(f"  {case.label} run {index}/{args.runs}: {wall:.2f} s wall, {cpu:.2f} s CPU, {peak:.0f} MiB{rate}",
                      flush=True)
    finally:
        for log in logs.values():
            log.close()
        shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()[0]

    results = {case.label: medians(case) for case in cases}
    print(f"\n== mirror {args.articles}: median of {args.runs} runs [min..max]; load average before {load_before:.2f}, "
          f"after {load_after:.2f}")
    for case in cases:
        m = results[case.label]
        print(f"  {case.label + ':':<17} wall {bench.spread(m['walls'], 's', 2)}, CPU {bench.spread(m['cpus'], 's', 2)}, "
              f"peak RSS {bench.spread(m['peaks'], 'MiB', 0)}")
    theirs = results["trafilatura"]
    print(f"  trafilatura: {pages / theirs['wall']:.1f} pages/s (wall), {pages / theirs['cpu']:.1f} pages per CPU-second; "
          + cases[1 if mirror else 0].last_stdout.strip().splitlines()[-1])
    if mirror:
        ours, from_warc = results["broadsheet"], results["broadsheet warc"]
        ratio, factor = ours["wall"] / theirs["wall"], from_warc["wall"] / ours["wall"]
        print(f"  broadsheet report (folder): {summarize_report(cases[0].last_stdout)}")
        print(f"  broadsheet report (warc): {summarize_report(cases[2].last_stdout)}")
        print(f"  CPU ratio (broadsheet / trafilatura): {ours['cpu'] / theirs['cpu']:.3f}")
        print(f"target ratio <= {TARGET_RATIO}: {'PASS' if ratio <= TARGET_RATIO else 'FAIL'} ({ratio:.3f})")
        print(f"target peak <= {TARGET_PEAK} MiB: {'PASS' if ours['peak'] <= TARGET_PEAK else 'FAIL'} "
              f"({ours['peak']:.0f} MiB folder, {from_warc['peak']:.0f} MiB warc)")
        print(f"target warc <= {TARGET_WARC}x folder: {'PASS' if factor <= TARGET_WARC else 'FAIL'} ({factor:.2f}x)")
        print(f"mirror {args.articles}: broadsheet {ours['wall']:.2f} s {ours['cpu']:.2f} cpu-s {ours['peak']:.0f} MiB, "
              f"trafilatura extraction alone {theirs['wall']:.2f} s {theirs['cpu']:.2f} cpu-s, ratio {ratio:.3f}, "
              f"warc {from_warc['wall']:.2f} s ({factor:.2f}× folder), load {load_after:.2f}", flush=True)
    else:
        for target in (f"ratio <= {TARGET_RATIO}", f"peak <= {TARGET_PEAK} MiB", f"warc <= {TARGET_WARC}x folder"):
            print(f"target {target}: SKIP (no broadsheet mirror)")
        print(f"mirror {args.articles}: broadsheet - s - cpu-s - MiB, trafilatura extraction alone {theirs['wall']:.2f} s "
              f"{theirs['cpu']:.2f} cpu-s, ratio -, warc - s (-× folder), load {load_after:.2f}", flush=True)


if __name__ == "__main__":
    main()
