#!/usr/bin/env python3
"""trafilatura's side of `make bench-mirror`: extracts every page of a list in this one process.

    python3 scripts/trafilatura_extract.py LIST

LIST holds one page a line, `FILE<TAB>URL` (or `FILE` alone: no URL is given to trafilatura). Each
file is read as bytes and passed to `trafilatura.extract(html, url=URL, with_metadata=True,
output_format="json")`, as one would to turn a crawl into articles. The last line counts what came
back: `trafilatura: <pages> pages, <n> extracted, <n> with a title, <n> with a date, <chars> text chars`.
"""
import json
import logging
import sys

import trafilatura

logging.disable(logging.WARNING)  # trafilatura logs every page it finds nothing in


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    with open(sys.argv[1], encoding="utf-8") as listing:
        pages = [line.rstrip("\n").split("\t") for line in listing if line.strip()]
    extracted = titled = dated = chars = 0
    for fields in pages:
        with open(fields[0], "rb") as page:
            data = page.read()
        raw = trafilatura.extract(data, url=fields[1] if len(fields) > 1 else None, with_metadata=True,
                                  output_format="json")
        if not raw:
            continue
        result = json.loads(raw)
        extracted += 1
        titled += bool(result.get("title"))
        dated += bool(result.get("date"))
        chars += len(result.get("text") or "")
    print(f"trafilatura: {len(pages)} pages, {extracted} extracted, {titled} with a title, {dated} with a date, "
          f"{chars} text chars", flush=True)


if __name__ == "__main__":
    main()
