#!/usr/bin/env python3
"""Side-by-side build benchmark: Broadsheet against Hugo on the same generated news corpus.

    python3 scripts/bench.py                  # `make bench`: 1,000 and 10,000 articles, both generators
    python3 scripts/bench.py --large          # `make bench-large`: 10,000 and 100,000, Broadsheet alone
    python3 scripts/bench.py --sizes 1000 --runs 3 --broadsheet .build/release/broadsheet
    python3 scripts/bench.py --baseline /tmp/broadsheet-old --broadsheet .build/release/broadsheet

Python 3 standard library only. The corpus generator and the Hugo reference site come from
`../shared/bench/` beside the repository (see its README). Corpora are generated once (seed 42)
into a scratch folder outside the repository (default `$TMPDIR/broadsheet-bench`) and reused
while the generator is unchanged. Every timed build is cold: a fresh output folder and fresh cache
folders, written to memory (/dev/shm) when there is room (see `main` for why); the OS page cache is warm (a warm-up run reads the
content first), as in `../shared/bench/bench.py`. The two generators take turns run by run, so
that other users of a shared machine slow both alike; with `--large`, the two sizes take turns.

After the cold runs of 10,000 articles, both generators also build five times in a row into one
output folder each, on disk (the scratch folder), as a user rebuilding a site does: Broadsheet with
`--no-cache`, Hugo as it is (it overwrites its destination in place), taking turns. Each build's time
runs until its process exits, with nothing deleted afterwards: Broadsheet keeps the site it swapped
out as the next build's staging folder (hard links to unchanged files), which is its design, not a
deletion left for later. The folders are removed after the last run, untimed (skip the series with
`--no-disk`).

Per run the whole process is measured: wall time (monotonic clock from spawn to reap), CPU time
(user + sys of the process and its waited-for children, `os.wait4`) and peak RSS (`ru_maxrss`).
Medians are reported. The machine is shared: read the min..max spread before trusting a digit.

After the cold runs of each size, Broadsheet's incremental rebuilds are measured too (skip with
`--no-incremental`): on a private copy of the corpus (in the outputs folder, so the cached corpus is
never edited) one cached build fills `.broadsheet/cache/`, then `--runs` no-op rebuilds (nothing
changed) and `--runs` one-article edits (a new sentence appended to one body paragraph of a different
article each run) are timed, and their medians are given as ratios to the median cold build of the
same run. Each edit also checks what was written: every output file is hashed before and after, the
inserted sentence must reach the output, and files rewritten with unchanged bytes are counted (an
incremental build should leave their modification times alone).
The last line of `make bench` is the 10,000-article comparison, in a fixed format.

With `--baseline PATH`, the script checks that a change made nothing slower: instead of Hugo, the
current binary ("new": `--broadsheet`, or the release build) is timed against the baseline binary,
both building the same corpus cold with `--no-cache` (default 10,000 articles, 7 runs, 5 at least),
one warm-up run of each first and then in turns as above; there is no incremental part. The last
run's output of each is kept and compared file by file (SHA-1 of every file, as for the edits); the
first differing paths are listed. The last lines, one per size, are in a fixed format:

    baseline 10000: new 9.12 s 15.80 cpu-s 412 MiB, baseline 9.30 s 16.02 cpu-s 409 MiB, cpu ratio 0.986,
    wall ratio 0.981, outputs identical, load before 0.21 after 1.95

(one line; medians, ratios new / baseline, load = the 1-minute load average before the first run and
after the last). The exit status is 1 when the outputs differ, 2 on any other error.
"""
import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), "shared", "bench")
SEED = 42
DISK_RUNS = 5  # builds in a row into one output folder on disk

# The Broadsheet site mirrors the Hugo reference site's config.toml: same title, base URL,
# language, zone and 20 articles per list page, so both build the same lists.
SITE_YML = """title: "Tin Tức Mẫu"
description: "Trang tin tổng hợp dùng để đo hiệu năng"
baseURL: https://tin.example.vn/
language: vi
timeZone: Asia/Ho_Chi_Minh
pagination:
  pageSize: 20
"""

# Edit run r edits the Markdown file at r * EDIT_STRIDE of the way through the sorted paths (wrapping
# around): a stride of 0.618 (the golden ratio) lands successive runs far apart, in different sections,
# and the same articles are edited from one bench to the next.
EDIT_STRIDE = 0.618

KINDS = ["articles", "home pages", "section pages", "tag pages", "tag index", "author pages",
         "date indexes", "feeds", "sitemaps", "redirects", "other files"]


def fail(message):
    print(f"bench: error: {message}", file=sys.stderr)
    sys.exit(2)


def run_checked(argv, what, **kwargs):
    result = subprocess.run(argv, **kwargs)
    if result.returncode != 0:
        fail(f"{what} failed (exit status {result.returncode}): {' '.join(argv)}")
    return result


def ensure_hugo():
    """Hugo comes from Debian's package (0.111.3 on Debian 12, the version the reference numbers used)."""
    if shutil.which("hugo") is None:
        prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
        if prefix and shutil.which("sudo") is None:
            fail("hugo is not installed, and installing it needs root or sudo: run `apt-get install -y hugo`, "
                 "or pass --no-hugo to time Broadsheet alone")
        if shutil.which("apt-get") is None:
            fail("hugo is not installed and apt-get is not available: install Hugo 0.111 with your package "
                 "manager, or pass --no-hugo to time Broadsheet alone")
        print("bench: installing hugo with apt-get", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for argv in (prefix + ["apt-get", "update", "-qq"], prefix + ["apt-get", "install", "-y", "-qq", "hugo"]):
            if subprocess.run(argv, env=env).returncode != 0:
                fail(f"hugo is missing and `{' '.join(argv)}` failed: install it by hand (apt-get install -y hugo), "
                     "or pass --no-hugo to time Broadsheet alone")
        if shutil.which("hugo") is None:
            fail("apt-get reported success but there is still no `hugo` on PATH")
    return subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()


def executable(path):
    binary = os.path.abspath(path)
    if not os.path.isfile(binary) or not os.access(binary, os.X_OK):
        fail(f"{binary} is not an executable")
    return binary


# The release build as `make site` makes it (see the Makefile's RELEASE_BUILD): Swift's runtime and
# Foundation linked into the binary, at a fixed address, which starts 5-6 ms sooner and builds
# about a tenth faster.
RELEASE_BUILD = ["build", "-c", "release", "--static-swift-stdlib", "-Xswiftc", "-Xclang-linker", "-Xswiftc", "-no-pie",
                 "--product", "broadsheet"]


def build_broadsheet(args):
    """A release build, unless a binary was given."""
    if args.broadsheet:
        return executable(args.broadsheet)
    command = [args.swift, *RELEASE_BUILD, "--package-path", REPO]
    if args.scratch_path:
        command += ["--scratch-path", args.scratch_path]
    print("bench: " + " ".join(command), flush=True)
    run_checked(command, "the release build")
    bin_dir = run_checked(command + ["--show-bin-path"], "swift build --show-bin-path",
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return os.path.join(bin_dir, "broadsheet")


def generator_stamp(count):
    with open(os.path.join(SHARED, "gen_corpus.py"), "rb") as source:
        return f"{count} {SEED} {hashlib.sha256(source.read()).hexdigest()}\n"


def prepare_sites(scratch, count, with_hugo):
    """`site-N/` (Content/ + site.yml) for Broadsheet, `hugo-N/` (the reference site + content/) for Hugo.

    A stamp file records the size, seed and generator, so a corpus is regenerated only when one changes.
    """
    site = os.path.join(scratch, f"site-{count}")
    stamp = os.path.join(site, ".corpus-stamp")
    expected = generator_stamp(count)
    current = open(stamp).read() if os.path.exists(stamp) else ""
    if current != expected:
        shutil.rmtree(site, ignore_errors=True)
        print(f"bench: generating {count} articles (seed {SEED}) into {site}/Content", flush=True)
        run_checked([sys.executable, os.path.join(SHARED, "gen_corpus.py"), "--articles", str(count),
                     "--seed", str(SEED), os.path.join(site, "Content")], "gen_corpus.py", stdout=subprocess.DEVNULL)
        with open(os.path.join(site, "site.yml"), "w") as config:
            config.write(SITE_YML)
        with open(stamp, "w") as out:
            out.write(expected)
    hugo = os.path.join(scratch, f"hugo-{count}")
    if with_hugo:
        hugo_stamp = os.path.join(hugo, ".corpus-stamp")
        if not os.path.exists(hugo_stamp) or open(hugo_stamp).read() != expected:
            shutil.rmtree(hugo, ignore_errors=True)
            shutil.copytree(os.path.join(SHARED, "hugo-site"), hugo)
            for section in sorted(os.listdir(os.path.join(site, "Content"))):
                shutil.copytree(os.path.join(site, "Content", section), os.path.join(hugo, "content", section))
            with open(hugo_stamp, "w") as out:
                out.write(expected)
    return site, hugo


def time_process(argv, log):
    started = time.monotonic()
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def time_or_fail(argv, log, label):
    """`time_process`, failing with the end of the log when the process does."""
    wall, cpu, peak, status = time_process(argv, log)
    if status != 0:
        log.close()
        tail = open(log.name, errors="replace").read()[-2000:]
        fail(f"{label}: exit status {status}: {' '.join(argv)}\n{tail}")
    return wall, cpu, peak


class Case:
    """One generator on one corpus: `make_argv(out, cache)` gets a fresh output and cache folder per run."""

    def __init__(self, label, make_argv, classify, before_run):
        self.label, self.make_argv, self.classify, self.before_run = label, make_argv, classify, before_run
        self.rows, self.counts, self.kept = [], {}, None


def broadsheet_case(binary, site, count):
    """Cold builds of `site`: its build cache (in the site folder) is removed before every run."""
    cache = os.path.join(site, ".broadsheet")
    return Case(f"broadsheet {count}", lambda out, _cache: [binary, "build", "--site", site, "--output", out],
                broadsheet_kind, lambda: shutil.rmtree(cache, ignore_errors=True))


def memory_folder():
    """/dev/shm when it is a tmpfs with room for a few 10,000-article outputs (about 350 MB each)."""
    try:
        with open("/proc/mounts") as mounts:
            if not any(line.split()[1:3] == ["/dev/shm", "tmpfs"] for line in mounts):
                return None
        info = os.statvfs("/dev/shm")
        return "/dev/shm" if info.f_bavail * info.f_frsize > 4 * 1024 ** 3 else None
    except OSError:
        return None


def bench(cases, scratch, runs, warmup, outputs, trash, keep=None):
    """Cold builds of every case, taken in turns (A, B, A, B, ...) so that the load other users put on
    a shared machine falls on both generators alike. Returns each case's medians and spreads, and the
    page counts of its last run's output. Outputs go below `outputs`; with a `trash` folder (outputs
    on disk) each run's output is moved there instead of being deleted (see `main`). With a `keep`
    folder (on the same file system as `outputs`), each case's last output is moved into it, and its
    path returned as "kept".
    """
    work = tempfile.mkdtemp(prefix="runs-", dir=outputs)
    logs = {case.label: open(os.path.join(scratch, f"{case.label.replace(' ', '-')}.log"), "wb") for case in cases}
    for index in range(warmup + runs):
        for case in cases:
            out, cache = os.path.join(work, f"out-{index}"), os.path.join(work, f"cache-{index}")
            case.before_run()
            wall, cpu, peak = time_or_fail(case.make_argv(out, cache), logs[case.label], case.label)
            if index >= warmup:
                case.rows.append((wall, cpu, peak))
                print(f"  {case.label} run {index - warmup + 1}/{runs}: {wall:.2f} s wall, {cpu:.2f} s CPU, {peak:.0f} MiB",
                      flush=True)
            if index == warmup + runs - 1:
                case.counts = count_pages(out, case.classify)
                if keep:
                    case.kept = os.path.join(keep, case.label.replace(' ', '-'))
                    os.rename(out, case.kept)
            if trash:
                os.rename(work, os.path.join(trash, f"{index}-{case.label.replace(' ', '-')}"))
            else:
                shutil.rmtree(work)
            os.makedirs(work)
    shutil.rmtree(work, ignore_errors=True)
    for log in logs.values():
        log.close()
    results = []
    for case in cases:
        walls, cpus, peaks = (sorted(column) for column in zip(*case.rows))
        results.append({"wall": statistics.median(walls), "cpu": statistics.median(cpus), "peak": statistics.median(peaks),
                        "walls": walls, "cpus": cpus, "peaks": peaks, "counts": case.counts, "kept": case.kept})
    return results


def consecutive(cases, folder, runs):
    """`runs` builds of every case into one output folder each below `folder`, in turns, without
    deleting anything between them. Returns each case's medians and spreads, as `bench`.
    """
    work = tempfile.mkdtemp(prefix="consecutive-", dir=folder)
    logs = {case.label: open(os.path.join(folder, f"{case.label.replace(' ', '-')}-disk.log"), "wb") for case in cases}
    rows = {case.label: [] for case in cases}
    try:
        for index in range(runs):
            for case in cases:
                slug = case.label.replace(' ', '-')
                case.before_run()
                row = time_or_fail(case.make_argv(os.path.join(work, slug), os.path.join(work, f"{slug}-cache-{index}")),
                                   logs[case.label], case.label)
                rows[case.label].append(row)
                print(f"  {case.label} on disk, build {index + 1}/{runs} into the same folder: {row[0]:.2f} s wall, "
                      f"{row[1]:.2f} s CPU, {row[2]:.0f} MiB", flush=True)
    finally:
        for log in logs.values():
            log.close()
        shutil.rmtree(work, ignore_errors=True)
    results = []
    for case in cases:
        walls, cpus, peaks = (sorted(column) for column in zip(*rows[case.label]))
        results.append({"wall": statistics.median(walls), "cpu": statistics.median(cpus), "peak": statistics.median(peaks),
                        "walls": walls, "cpus": cpus, "peaks": peaks})
    return results


def comparison_line(label, ours, hugo, load):
    """The fixed-format line of one 10,000-article comparison."""
    return (f"build 10000: {label}, broadsheet {ours['wall']:.2f} s {ours['cpu']:.2f} cpu-s {ours['peak']:.0f} MiB, "
            f"hugo {hugo['wall']:.2f} s {hugo['cpu']:.2f} cpu-s {hugo['peak']:.0f} MiB, time ratio {ours['wall'] / hugo['wall']:.3f}, "
            f"cpu ratio {ours['cpu'] / hugo['cpu']:.3f}, memory ratio {ours['peak'] / hugo['peak']:.3f}, "
            f"load before {load[0]:.2f} after {load[1]:.2f}")


def mtimes(out):
    """Every output file's modification time in ns, by path below `out`."""
    return {os.path.relpath(os.path.join(root, name), out): os.stat(os.path.join(root, name)).st_mtime_ns
            for root, _dirs, names in os.walk(out) for name in names}


def snapshot(out):
    """Every output file's (modification time in ns, size, SHA-1 of its bytes), by path below `out`.

    Hashing all of them (about 1 s for the 17,000 files of 10,000 articles) is not timed; it is what
    tells a file written with new bytes from one rewritten with the bytes it already had.
    """
    files = {}
    for root, _dirs, names in os.walk(out):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as source:
                info = os.fstat(source.fileno())
                files[os.path.relpath(path, out)] = (info.st_mtime_ns, info.st_size, hashlib.sha1(source.read()).digest())
    return files


def differing_outputs(first, second, names):
    """The paths below `first` or `second` (outputs of the generators called `names`) that only one
    has or whose bytes differ, sorted, each with the reason. Compared by size and SHA-1 (`snapshot`).
    """
    ours, theirs = snapshot(first), snapshot(second)
    differing = []
    for path in sorted(ours.keys() | theirs.keys()):
        if path not in theirs:
            differing.append((path, f"only in the {names[0]} output"))
        elif path not in ours:
            differing.append((path, f"only in the {names[1]} output"))
        elif ours[path][1:] != theirs[path][1:]:
            differing.append((path, f"bytes differ ({ours[path][1]} and {theirs[path][1]} bytes)"))
    return differing


def is_prose(block):
    """A body paragraph that a sentence can end: not a heading, list, table, quote, code, or the bold lead."""
    return "\n" not in block and not block.startswith(("#", "|", "-", ">", "*", "`", "<")) \
        and not re.match(r"\d+\. ", block)


def edit_article(content, run):
    """Appends ` Một câu mới số {run}.` to the middle prose paragraph of one article's body (never its
    front matter, so the file stays valid) and returns the article's path and the sentence.
    """
    articles = sorted(os.path.join(root, name) for root, _dirs, names in os.walk(content)
                      for name in names if name.endswith(".md"))
    if not articles:
        fail(f"no Markdown files below {content}")
    path = articles[int(run * EDIT_STRIDE * len(articles)) % len(articles)]
    with open(path, encoding="utf-8", newline="") as source:
        text = source.read()
    if not text.startswith("---\n") or "\n---\n" not in text[3:]:
        fail(f"{path}: no front matter between --- lines, so the body could not be told apart")
    body_start = text.index("\n---\n", 3) + len("\n---\n")
    # Blocks are separated by blank lines; each block's end offset in `text` is where a sentence goes.
    ends, offset = [], body_start
    for block in text[body_start:].split("\n\n"):
        if is_prose(block.strip("\n")) and block.strip():
            ends.append(offset + len(block.rstrip("\n")))
        offset += len(block) + 2
    if not ends:
        fail(f"{path}: no plain paragraph in the body to append a sentence to")
    sentence = f" Một câu mới số {run}."
    at = ends[len(ends) // 2]
    with open(path, "w", encoding="utf-8", newline="") as target:
        target.write(text[:at] + sentence + text[at:])
    return path, sentence.strip()


def incremental(binary, site, count, runs, outputs, trash, scratch):
    """Broadsheet's rebuilds with its cache: one cached build, then `runs` no-op rebuilds and `runs`
    one-article edits, each timed. Hugo is not measured here: it has no comparable incremental mode
    (every `hugo` run renders the whole site again; only its server keeps state between changes).

    The site is copied (Content/ + site.yml) below `outputs`, so the edits never reach the cached
    corpus and the cache lives beside the copy. Returns the wall times and, per edit, the count of
    files rewritten (modification time changed, or new) and of those rewritten with unchanged bytes.
    """
    work = tempfile.mkdtemp(prefix=f"incremental-{count}-", dir=outputs)
    copy, out = os.path.join(work, "site"), os.path.join(work, "out")
    label = f"broadsheet {count} incremental"
    log = open(os.path.join(scratch, f"broadsheet-{count}-incremental.log"), "wb")
    try:
        shutil.copytree(os.path.join(site, "Content"), os.path.join(copy, "Content"))
        shutil.copy2(os.path.join(site, "site.yml"), os.path.join(copy, "site.yml"))
        argv = [binary, "build", "--site", copy, "--output", out]
        time_or_fail(argv, log, label)  # fills .broadsheet/cache/ and warms the page cache; not timed
        result = {"noop": [], "edit": [], "rewritten": [], "unchanged": [], "noop_rewritten": []}
        before = mtimes(out)
        for run in range(runs):
            wall, _cpu, _peak = time_or_fail(argv, log, label)
            # Nothing changed, so nothing should be written: the modification times tell (no hashing needed).
            after = mtimes(out)
            moved = sum(1 for path, mtime in after.items() if before.get(path) != mtime)
            result["noop"].append(wall)
            result["noop_rewritten"].append(moved)
            print(f"  {label} no-op run {run + 1}/{runs}: {wall:.2f} s wall, {moved} files rewritten", flush=True)
        before = snapshot(out)
        for run in range(1, runs + 1):
            article, sentence = edit_article(os.path.join(copy, "Content"), run)
            wall, _cpu, _peak = time_or_fail(argv, log, label)
            after = snapshot(out)
            rewritten = [path for path, (mtime, _size, _digest) in after.items()
                         if path not in before or before[path][0] != mtime]
            unchanged = [path for path in rewritten if path in before and before[path][2] == after[path][2]]
            changed = [path for path in after if path not in before or before[path][2] != after[path][2]]
            # The sentence is new, so any file holding it has new bytes: searching those is searching the output.
            needle = sentence.encode("utf-8")
            holding = [path for path in changed if needle in open(os.path.join(out, path), "rb").read()]
            if not holding:
                fail(f"{label}: after editing {os.path.relpath(article, copy)}, the sentence {sentence!r} "
                     f"appears nowhere in the output ({len(rewritten)} files rewritten)")
            gone = len(before) - sum(1 for path in before if path in after)
            result["edit"].append(wall)
            result["rewritten"].append(len(rewritten))
            result["unchanged"].append(len(unchanged))
            print(f"  {label} edit run {run}/{runs}: {wall:.2f} s wall, {os.path.relpath(article, copy)}: "
                  f"{len(rewritten)} files rewritten, {len(changed)} with new bytes, {len(unchanged)} with unchanged "
                  f"bytes{f', {gone} removed' if gone else ''}; the sentence is in {holding[0]}"
                  f"{f' and {len(holding) - 1} more' if len(holding) > 1 else ''}", flush=True)
            before = after
        return result
    finally:
        log.close()
        # On disk, a large delete slows the next runs' file creation (see `main`): leave it to the trash.
        if trash:
            os.rename(work, os.path.join(trash, os.path.basename(work)))
        else:
            shutil.rmtree(work, ignore_errors=True)


def incremental_line(count, cold, result):
    noop, edit = statistics.median(result["noop"]), statistics.median(result["edit"])
    line = (f"incremental {count}: cold {cold:.2f} s, no-op {noop:.2f} s (ratio {noop / cold:.3f}), "
            f"one-article edit {edit:.2f} s (ratio {edit / cold:.3f}), "
            f"files rewritten per edit {statistics.median(result['rewritten']):g} (median), "
            f"rewritten with unchanged bytes {sum(result['unchanged'])}")
    if any(result["noop_rewritten"]):
        line += f", files rewritten by no-op builds {max(result['noop_rewritten'])} (max)"
    return line


def compare_with_baseline(binary, baseline, count, runs, warmup, scratch, outputs, trash):
    """The new binary against the baseline on the `count`-article corpus: cold `--no-cache` builds in
    turns (`bench`), then their last outputs compared file by file. Prints the report and the first
    differing paths; returns the fixed-format line and the count of differing files.
    """
    site, _hugo = prepare_sites(scratch, count, with_hugo=False)
    cache = os.path.join(site, ".broadsheet")  # --no-cache neither reads nor writes it; removed all the same

    def case(name, program):
        return Case(f"{name} {count}", lambda out, _cache: [program, "build", "--no-cache", "--site", site, "--output", out],
                    broadsheet_kind, lambda: shutil.rmtree(cache, ignore_errors=True))

    keep = tempfile.mkdtemp(prefix=f"kept-{count}-", dir=outputs)
    try:
        load_before = os.getloadavg()[0]
        new, old = bench([case("new", binary), case("baseline", baseline)], scratch, runs, warmup, outputs, trash, keep)
        load_after = os.getloadavg()[0]  # before the comparison below, which is not a build
        report(count, new, old, names=("new", "baseline"))
        differing = differing_outputs(new["kept"], old["kept"], names=("new", "baseline"))
    finally:
        if trash:
            os.rename(keep, os.path.join(trash, os.path.basename(keep)))
        else:
            shutil.rmtree(keep, ignore_errors=True)
    if differing:
        print(f"  outputs differ in {len(differing)} files (new {new['counts']['files']}, baseline "
              f"{old['counts']['files']}); the first {min(len(differing), 10)}:")
        for path, reason in differing[:10]:
            print(f"    {path}: {reason}")
    else:
        print(f"  outputs identical: {new['counts']['files']} files, byte for byte")
    line = (f"baseline {count}: new {new['wall']:.2f} s {new['cpu']:.2f} cpu-s {new['peak']:.0f} MiB, "
            f"baseline {old['wall']:.2f} s {old['cpu']:.2f} cpu-s {old['peak']:.0f} MiB, "
            f"cpu ratio {new['cpu'] / old['cpu']:.3f}, wall ratio {new['wall'] / old['wall']:.3f}, "
            f"{f'outputs differ in {len(differing)} files' if differing else 'outputs identical'}, "
            f"load before {load_before:.2f} after {load_after:.2f}")
    return line, len(differing)


def is_redirect(path):
    """Hugo writes an alias page for every `page/1/`; Broadsheet writes one per front-matter alias."""
    if os.path.getsize(path) > 2048:
        return False
    with open(path, "rb") as page:
        return b'http-equiv="refresh"' in page.read()


def count_pages(out, classify):
    counts = dict.fromkeys(KINDS, 0)
    for root, _dirs, names in os.walk(out):
        for name in names:
            path = os.path.join(root, name)
            parts = os.path.relpath(path, out).split(os.sep)
            kind = "redirects" if name.endswith(".html") and is_redirect(path) else classify(parts)
            counts[kind] += 1
    counts["files"] = sum(counts.values())
    return counts


def strip_page(parts):
    """`a/b/page/3/index.html` → `a/b/index.html`: a list's later pages count as that list."""
    if len(parts) >= 3 and parts[-3] == "page" and parts[-2].isdigit():
        return parts[:-3] + parts[-1:]
    return parts


def broadsheet_kind(parts):
    name = parts[-1]
    if name in ("feed.xml", "atom.xml", "feed.json"):
        return "feeds"
    if name in ("sitemap.xml", "news-sitemap.xml"):
        return "sitemaps"
    if not name.endswith(".html"):
        return "other files"
    stripped = strip_page(parts)
    folders = stripped[:-1]
    if not folders:
        return "home pages" if stripped == ["index.html"] else "other files"  # 404.html is not a list
    if folders == ["archive"]:  # all articles grouped by month, like the Hugo site's /luu-tru/
        return "date indexes"
    head = folders[0]
    if head in ("tag", "section", "author") and len(folders) >= 2:
        return {"tag": "tag pages", "section": "section pages", "author": "author pages"}[head]
    if folders == ["tags"]:
        return "tag index"
    if all(folder.isdigit() for folder in folders) and len(folders) <= 3:
        return "date indexes"
    if len(folders) == 4 and all(folder.isdigit() for folder in folders[:3]):
        return "articles"
    return "other files"


def hugo_kind(parts):
    name = parts[-1]
    if name == "sitemap.xml":
        return "sitemaps"
    if name == "index.xml":
        return "feeds"
    if not name.endswith(".html"):
        return "other files"
    stripped = strip_page(parts)
    folders = stripped[:-1]
    if not folders:
        return "home pages" if stripped == ["index.html"] else "other files"
    if folders[0] == "tags":
        return "tag index" if len(folders) == 1 else "tag pages"
    if folders == ["luu-tru"]:  # content/archive.md (`url: /luu-tru/`): all articles grouped by month
        return "date indexes"
    return "section pages" if len(folders) == 1 else "articles"


def spread(values, unit, digits):
    return f"{statistics.median(values):.{digits}f} {unit} [{values[0]:.{digits}f}..{values[-1]:.{digits}f}]"


def report(count, ours, hugo, names=("broadsheet", "hugo"), runs="cold runs"):
    """`hugo` is the second case's results (None when there is none), called `names[1]`."""
    print(f"\n== {count} articles: median of {len(ours['walls'])} {runs} [min..max]")
    print(f"  {names[0] + ':':<11} wall {spread(ours['walls'], 's', 2)}, CPU {spread(ours['cpus'], 's', 2)}, "
          f"peak RSS {spread(ours['peaks'], 'MiB', 0)}")
    if hugo:
        print(f"  {names[1] + ':':<11} wall {spread(hugo['walls'], 's', 2)}, CPU {spread(hugo['cpus'], 's', 2)}, "
              f"peak RSS {spread(hugo['peaks'], 'MiB', 0)}")
        print(f"  ratios ({names[0]} / {names[1]}): time {ours['wall'] / hugo['wall']:.3f}, "
              f"CPU {ours['cpu'] / hugo['cpu']:.3f}, memory {ours['peak'] / hugo['peak']:.3f}")
    if "counts" not in ours:
        return
    print(f"  {'files by kind':<16}{names[0]:>12}" + (f"{names[1]:>10}" if hugo else ""))
    for kind in KINDS + ["files"]:
        line = f"  {kind:<16}{ours['counts'].get(kind, 0):>12}"
        if hugo:
            line += f"{hugo['counts'].get(kind, 0):>10}"
        print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--large", action="store_true",
                        help="10,000 and 100,000 articles, Broadsheet alone (Hugo would need ~14 GiB at 100,000)")
    parser.add_argument("--sizes", type=int, nargs="+",
                        help="corpus sizes (default 1000 10000; --large: 10000 100000; --baseline: 10000)")
    parser.add_argument("--runs", type=int, help="timed runs per case (default 5; --large: 3; --baseline: 7, at least 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    parser.add_argument("--no-hugo", action="store_true", help="time Broadsheet alone")
    parser.add_argument("--no-disk", action="store_true",
                        help="skip the five builds in a row into one folder on disk that follow the 10,000-article cold runs")
    parser.add_argument("--no-incremental", action="store_true",
                        help="skip the no-op and one-article-edit rebuilds that follow each size's cold runs")
    parser.add_argument("--scratch", default=os.path.join(tempfile.gettempdir(), "broadsheet-bench"),
                        help="where corpora and outputs go (default: $TMPDIR/broadsheet-bench)")
    parser.add_argument("--outputs", help="where the runs write their sites (default: /dev/shm when it is a tmpfs "
                        "with 4 GiB free, else the scratch folder)")
    parser.add_argument("--broadsheet", help="a built broadsheet binary (default: build it in release mode)")
    parser.add_argument("--baseline", metavar="PATH",
                        help="time the broadsheet binary against this one (cold --no-cache builds, no Hugo, no "
                        "incremental rebuilds) and check that their outputs are byte-identical")
    parser.add_argument("--swift", default="swift", help="the swift driver used to build")
    parser.add_argument("--scratch-path", help="passed to `swift build --scratch-path`")
    args = parser.parse_args()
    if args.baseline:
        if args.large:
            fail("--baseline and --large do not go together: give the sizes with --sizes")
        if args.runs is not None and args.runs < 5:
            fail(f"--baseline needs at least 5 runs (--runs {args.runs})")
        if args.warmup < 1:
            fail("--baseline needs a warm-up run (--warmup 1 or more)")
    sizes = args.sizes or ([10000] if args.baseline else [10000, 100000] if args.large else [1000, 10000])
    runs = args.runs or (7 if args.baseline else 3 if args.large else 5)
    with_hugo = not (args.no_hugo or args.large or args.baseline)

    if not os.path.isdir(SHARED):
        fail(f"the shared benchmark folder is missing: expected {SHARED} (../shared/bench beside the repository)")
    scratch = os.path.abspath(args.scratch)
    if os.path.commonpath([scratch, REPO]) == REPO:
        fail(f"--scratch must be outside the repository: {scratch}")
    os.makedirs(scratch, exist_ok=True)
    hugo_version = ensure_hugo() if with_hugo else None
    baseline = executable(args.baseline) if args.baseline else None
    binary = build_broadsheet(args)
    print(f"bench: {os.uname().machine}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"{hugo_version or 'hugo not run'}; scratch {scratch}", flush=True)
    if baseline:
        print(f"bench: new {binary}, baseline {baseline}", flush=True)

    # Both generators write their outputs to memory (/dev/shm) when the machine has room, and to the
    # scratch folder otherwise. On ext4 without a journal (this machine's root), creating a file walks
    # past every inode freed in the last five minutes (`recently_deleted` in fs/ext4/ialloc.c): any
    # large delete shortly before a run (the previous run's output, another job's files) made that
    # run spend more time in the kernel than in its own code — Hugo 29–44 s instead of 15 s here —
    # so a disk measured the file system's history more than the generators. On disk, every run's
    # output is moved into `trash` and deleted only after the last run.
    outputs = args.outputs or memory_folder() or scratch
    os.makedirs(outputs, exist_ok=True)
    trash = None if outputs.startswith("/dev/shm") else tempfile.mkdtemp(prefix="trash-", dir=scratch)
    print(f"bench: outputs in {outputs}" + (" (memory)" if trash is None else ""), flush=True)
    if baseline:
        lines, differing = [], {}
        for count in sizes:
            line, differing[count] = compare_with_baseline(binary, baseline, count, runs, args.warmup, scratch, outputs, trash)
            lines.append(line)
        if trash:
            shutil.rmtree(trash, ignore_errors=True)
        print("\nNoise: 2 shared cores; the spread [min..max] shows how far one run strays from the median.")
        for line in lines:  # the fixed lines, last
            print(line, flush=True)
        if any(differing.values()):
            sizes_differing = ", ".join(f"{count} articles ({files} files)" for count, files in differing.items() if files)
            print(f"bench: error: the new and baseline outputs differ: {sizes_differing}", file=sys.stderr)
            sys.exit(1)
        return
    results, incremental_lines, loads, disk, disk_loads = {}, [], {}, {}, {}
    if args.large:
        # The 100,000-article time is judged against the 10,000-article time: the sizes take turns,
        # as the generators do, so that the host's speed, which drifts from one minute to the next,
        # falls on both alike.
        sites = {count: prepare_sites(scratch, count, False)[0] for count in sizes}
        load_before = os.getloadavg()[0]
        measured = bench([broadsheet_case(binary, sites[count], count) for count in sizes], scratch, runs, args.warmup,
                         outputs, trash)
        for count, ours in zip(sizes, measured):
            loads[count] = (load_before, os.getloadavg()[0])
            report(count, ours, None)
            results[count] = (ours, None)
        if not args.no_incremental:
            for count in sizes:
                print(f"\n== {count} articles: Broadsheet rebuilds with its cache, {runs} runs each", flush=True)
                measured = incremental(binary, sites[count], count, runs, outputs, trash, scratch)
                incremental_lines.append(incremental_line(count, results[count][0]["wall"], measured))
        sizes = []
    for count in sizes:
        site, hugo_site = prepare_sites(scratch, count, with_hugo)
        cases = [broadsheet_case(binary, site, count)]
        if with_hugo:
            resources = os.path.join(hugo_site, "resources")
            cases.append(Case(f"hugo {count}", lambda out, hugo_cache: ["hugo", "--quiet", "--source", hugo_site,
                                                                         "--destination", out, "--cacheDir", hugo_cache],
                              hugo_kind, lambda: shutil.rmtree(resources, ignore_errors=True)))
        load_before = os.getloadavg()[0]
        measured = bench(cases, scratch, runs, args.warmup, outputs, trash)
        ours, hugo = measured[0], (measured[1] if with_hugo else None)
        loads[count] = (load_before, os.getloadavg()[0])
        report(count, ours, hugo)
        results[count] = (ours, hugo)
        if count == 10000 and with_hugo and not args.no_disk:
            print(f"\n== {count} articles: {DISK_RUNS} builds in a row into the same folder on disk ({scratch})", flush=True)
            cases[0].make_argv = lambda out, _cache: [binary, "build", "--site", site, "--output", out, "--no-cache"]
            load_before = os.getloadavg()[0]
            disk[count] = consecutive(cases, scratch, DISK_RUNS)
            disk_loads[count] = (load_before, os.getloadavg()[0])
            report(count, disk[count][0], disk[count][1], runs="builds in a row into one folder on disk")
        if not args.no_incremental:
            print(f"\n== {count} articles: Broadsheet rebuilds with its cache, {runs} runs each", flush=True)
            # The disk runs leave dirty pages that the kernel writes back on the same two cores while
            # the rebuilds run (edits took a tenth longer right after five builds on disk): written first.
            os.sync()
            measured = incremental(binary, site, count, runs, outputs, trash, scratch)
            incremental_lines.append(incremental_line(count, ours["wall"], measured))

    if trash:
        shutil.rmtree(trash, ignore_errors=True)
    print("\nNoise: 2 shared cores; the spread [min..max] shows how far one run strays from the median.")
    # Before the fixed last line, which stays last; ratios are against the same run's median cold build.
    for line in incremental_lines:
        print(line)
    if args.large and 10000 in results:
        base = results[10000][0]
        for count, (ours, _) in results.items():
            if count > 10000:
                print(f"build {count}: broadsheet {ours['wall']:.2f} s {ours['cpu']:.2f} cpu-s {ours['peak']:.0f} MiB, "
                      f"{ours['wall'] / base['wall']:.1f}x the 10000-article time (target <= 10x), "
                      f"cpu {ours['cpu'] / base['cpu']:.1f}x, memory target < 1024 MiB, "
                      f"load before {loads[count][0]:.2f} after {loads[count][1]:.2f}")
    elif 10000 in results:
        ours, hugo = results[10000]
        if hugo:
            if 10000 in disk:
                print(comparison_line(f"outputs on disk, {DISK_RUNS} builds in a row into one folder", *disk[10000],
                                      disk_loads[10000]))
            print(comparison_line(f"outputs in {'memory' if trash is None else 'fresh folders on disk'}", ours, hugo, loads[10000]))
        else:
            print(f"build 10000: broadsheet {ours['wall']:.2f} s {ours['peak']:.0f} MiB")


if __name__ == "__main__":
    main()
