# Broadsheet — the README's two commands: `make site` and `make test`.
SWIFT ?= swift
SHELL := /bin/bash
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev zlib1g-dev libdeflate-dev libvips-dev libmimalloc-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The release binary, with Swift's runtime and Foundation linked in (--static-swift-stdlib): it
# starts in 5-6 ms instead of 10-11 (no fourteen shared libraries to load and bind) and builds
# about a tenth faster (calls into the runtime are direct). It is linked at a fixed address
# (-no-pie), as Debian's Hugo is: the loader then patches no pointers in it, which took 300 page
# faults and 1.5 ms of every start. Debug builds and tests link shared and position-independent.
RELEASE_BUILD := build -c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie --product broadsheet

.PHONY: site serve test build deps theme clean bench bench-large bench-templates bench-extraction bench-serve bench-mirror fuzz browser-check

## site: install what is missing, build in release, render the demo site into Output/
site: deps
	$(SWIFT) $(RELEASE_BUILD)
	.build/release/broadsheet build --site . --output Output

## serve: build the demo site, serve it on http://127.0.0.1:1313/ and rebuild it on every save (Ctrl-C stops it)
serve: deps
	$(SWIFT) $(RELEASE_BUILD)
	.build/release/broadsheet serve --site .

## test: the whole test suite; ends with one `N passed, N failed, N skipped` line
test: deps
	$(SWIFT) build --build-tests
	@set -o pipefail; $(SWIFT) test --skip-build 2>&1 | tee .build/test-output.txt; status=$$?; \
	summary=$$(grep -E '^\s*Executed [0-9]+ tests?, with ' .build/test-output.txt | tail -1); \
	if [ -z "$$summary" ]; then echo "no test summary found"; exit 1; fi; \
	total=$$(echo "$$summary" | sed -E 's/^\s*Executed ([0-9]+) .*/\1/'); \
	failed=$$(echo "$$summary" | sed -E 's/.* ([0-9]+) failures?.*/\1/'); \
	skipped=$$(echo "$$summary" | grep -oE '[0-9]+ tests? skipped' | grep -oE '^[0-9]+' || echo 0); \
	echo "$$((total - failed - skipped)) passed, $$failed failed, $$skipped skipped"; exit $$status

## build: a debug build
build: deps
	$(SWIFT) build

## deps: the C libraries Broadsheet links (apt-get on Debian and Ubuntu)
deps:
	@if pkg-config --exists libcmark-gfm libxml-2.0 zlib libdeflate vips 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ] && [ -f /usr/include/mimalloc.h ]; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "Installing $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	else \
		echo "Broadsheet needs libcmark-gfm (with its extensions), libxml2, zlib, libdeflate, libvips, mimalloc and pkg-config."; \
		echo "On Debian or Ubuntu: apt-get install $(APT_PACKAGES)"; \
		echo "Elsewhere, install the same libraries with your package manager."; \
		exit 1; \
	fi

## theme: embed Templates/ into the binary (run after editing the default theme)
theme:
	python3 scripts/embed-theme.py

## bench: Broadsheet against Hugo on 1,000 and 10,000 generated articles (scratch: $TMPDIR/broadsheet-bench)
bench: deps
	python3 scripts/bench.py --swift "$(SWIFT)"

## bench-large: Broadsheet alone on 10,000 and 100,000 articles (about 3 GiB RAM, 15+ min)
bench-large: deps
	python3 scripts/bench.py --large --swift "$(SWIFT)"

## bench-templates: Templating against swift-mustache on the news page (release build, ~1 min)
bench-templates:
	cd Benchmarks && $(SWIFT) build -c release --scratch-path .build && .build/release/TemplateBenchmark

## bench-extraction: Broadsheet's `extract` against trafilatura in pages/s on the 662 pages of ../shared/extraction/trafilatura-eval (release build, ~3 min)
bench-extraction:
	$(SWIFT) $(RELEASE_BUILD)
	python3 scripts/bench-extraction.py --broadsheet "$$($(SWIFT) $(RELEASE_BUILD) --show-bin-path)/broadsheet"

## bench-serve: edit-to-reload latency and requests/s of `broadsheet serve` against `hugo server` on 10,000 articles
bench-serve: deps
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk; }
	python3 scripts/bench-serve.py --swift "$(SWIFT)"

## bench-mirror: `broadsheet mirror` on a generated 10,000-article crawl (folder and WARC) against trafilatura extracting its articles (~10 min)
bench-mirror: deps
	python3 scripts/bench-mirror.py --swift "$(SWIFT)"

## browser-check: every page kind of the demo site in headless Chromium (console, images, axe-core, navigation, search burst) and the Nu Html Checker over every page; installs Chromium and a venv when missing
browser-check: site
	python3 scripts/browser-check.py --site-output Output

## fuzz: each libFuzzer target of Fuzz/ (optimized, with ASan) for FUZZ_SECONDS (default 60) from its seed corpus (FUZZ_RUNS caps executions).
## Leak checks are off: Swift's runtime caches and Dispatch's threads make every input look like a leak, and LSan then scans the heap each time
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 10000000
FUZZERS ?= FrontMatterFuzzer MustacheFuzzer HTMLExtractorFuzzer DateFuzzer SelectorFuzzer WARCFuzzer
fuzz: deps
	cd Fuzz && $(SWIFT) build -c release --scratch-path .build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	@set -o pipefail; mkdir -p .build/fuzz; for f in $(FUZZERS); do \
		mkdir -p .build/fuzz/$$f; \
		echo "== $$f"; \
		SWIFT_BACKTRACE=enable=no Fuzz/.build/release/$$f .build/fuzz/$$f Fuzz/Corpus/$$f -max_total_time=$(FUZZ_SECONDS) -runs=$(FUZZ_RUNS) \
			-max_len=65536 -rss_limit_mb=2048 -timeout=10 -detect_leaks=0 -artifact_prefix=.build/fuzz/$$f- -print_final_stats=1 2>&1 \
			| grep -E '^(Done|stat::|==[0-9]+== ?ERROR|SUMMARY|Test unit written|Fatal error|INFO: Loaded|#[0-9]+[[:space:]]+(INITED|DONE))' || exit 1; \
	done

clean:
	rm -rf .build Output .Output.staging .Output.old .broadsheet
