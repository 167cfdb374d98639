#!/usr/bin/env python3
"""Builds the migration fixture sites with the real Hugo and Jekyll and writes the URLs they give.

    python3 scripts/expected-urls.py            # rewrites Tests/Fixtures/{hugo,jekyll}-site/expected-urls.txt
    python3 scripts/expected-urls.py --print hugo-site

Each fixture keeps its tool's own config beside Broadsheet's `site.yml` (`hugo.toml` with
`contentDir = "Content"`, `_config.yml` built with `--source Content`), so both read the same
files; `jekyll-title-site` is a Jekyll folder as it is, with no `site.yml`, built from its top. What is listed: every `.html` file the tool writes, as a root-relative URL (`a/index.html`
is `/a/`), sorted — articles, pages, section and taxonomy lists, alias pages. Not listed: feeds,
sitemaps and other files that are not pages, and the tool's output of its own (none for these
configs). `Tests/EndToEndTests/MigratedURLTests.swift` checks that Broadsheet writes a page at
every URL listed (it writes more: date archives, feeds, search; those are not compared), and
re-runs this script's build to compare with the committed list when `hugo` and `jekyll` are on PATH.
Tools used to make the committed lists: Debian's hugo 0.111.3 and jekyll 4.3.1.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(REPOSITORY, "Tests", "Fixtures")
COMMANDS = {
    "hugo-site": lambda site, out: ["hugo", "--source", site, "--destination", out, "--quiet", "--noBuildLock"],
    "jekyll-site": lambda site, out: ["jekyll", "build", "--quiet", "--config", os.path.join(site, "_config.yml"),
                                      "--source", os.path.join(site, "Content"), "--destination", out],
    "jekyll-title-site": lambda site, out: ["jekyll", "build", "--quiet", "--source", site, "--destination", out],
}
HEADER = """\
# URLs {tool} gives the pages of this fixture: every .html file it writes, sorted.
# Made by scripts/expected-urls.py; checked by Tests/EndToEndTests/MigratedURLTests.swift.
"""


def urls(name):
    """The sorted page URLs the real tool writes for fixture `name`."""
    site = os.path.join(FIXTURES, name)
    with tempfile.TemporaryDirectory() as scratch:
        # Built from a copy: Hugo writes a lock file and Jekyll a cache into the site folder.
        copy = os.path.join(scratch, "site")
        shutil.copytree(site, copy)
        out = os.path.join(scratch, "out")
        subprocess.run(COMMANDS[name](copy, out), check=True, cwd=copy, stdout=subprocess.DEVNULL)
        found = []
        for folder, _, files in os.walk(out):
            for file in files:
                if not file.endswith(".html"):
                    continue
                path = os.path.relpath(os.path.join(folder, file), out)
                path = "" if path == "index.html" else path
                found.append("/" + (path[: -len("index.html")] if path.endswith("/index.html") else path))
        return sorted(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--print", dest="only", choices=sorted(COMMANDS), help="print one fixture's list instead of writing it")
    arguments = parser.parse_args()
    if arguments.only:
        print("\n".join(urls(arguments.only)))
        return
    for name in sorted(COMMANDS):
        tool = COMMANDS[name]("", "")[0]
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed (apt-get install {tool})")
        with open(os.path.join(FIXTURES, name, "expected-urls.txt"), "w") as file:
            file.write(HEADER.format(tool=tool) + "\n".join(urls(name)) + "\n")


if __name__ == "__main__":
    main()
