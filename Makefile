# kgraph: `make render` draws the shipped graph, `make test` runs every test.
# Both install what is missing first (Graphviz's library; for tests also xmllint, networkx, igraph).
SWIFT ?= swift
OUT ?= out/graph.svg

.PHONY: all setup setup-test build render examples explorer-screenshots test clean bench bench-large bench-build bench-compare setup-bench fuzz fuzz-smoke tsan release man install uninstall docs

all: build

setup:
	@./.ci/setup build

setup-test:
	@./.ci/setup test

build: setup
	$(SWIFT) build --product kgraph

render: build
	@mkdir -p $(dir $(OUT))
	$$($(SWIFT) build --show-bin-path)/kgraph render --graph Graphs -o $(OUT)
	@echo "wrote $(OUT)"

# The pictures in Examples/ (README shows one); Examples/render-examples.sh lists the commands.
examples: build
	Examples/render-examples.sh "$$($(SWIFT) build --show-bin-path)/kgraph" Examples
	@echo "wrote Examples/*.svg"

# The explorer's screenshots in Examples/explorer/ (Tests/Browser/explorer_test.py takes them while it checks).
explorer-screenshots: setup-test
	$(SWIFT) build --product kgraph
	$(SWIFT) build --product kgraph-bench-gen
	python3 Tests/Browser/explorer_test.py --kgraph "$$($(SWIFT) build --show-bin-path)/kgraph" \
	  --bench-gen "$$($(SWIFT) build --show-bin-path)/kgraph-bench-gen" --graphs Graphs \
	  --hostile Tests/CLITests/Fixtures/hostile.yaml --screenshots Examples/explorer

test: setup-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@$(MAKE) --no-print-directory fuzz-smoke

# Installing (README "Install"): the release binary, its manual page (generated from the command
# definitions by swift-argument-parser's generate-manual) and bash, zsh and fish completions,
# under $(DESTDIR)$(PREFIX).
PREFIX ?= /usr/local
INSTALL_ROOT = $(DESTDIR)$(PREFIX)
release: setup
	$(SWIFT) build -c release --product kgraph

man: release
	$(SWIFT) build --product generate-manual
	@mkdir -p out/man
	"$$($(SWIFT) build --show-bin-path)/generate-manual" "$$($(SWIFT) build -c release --show-bin-path)/kgraph" -o out/man
	@echo "wrote out/man/kgraph.1 (man -l out/man/kgraph.1)"

install: man
	@set -e; bin="$$($(SWIFT) build -c release --show-bin-path)/kgraph"; \
	install -d "$(INSTALL_ROOT)/bin" "$(INSTALL_ROOT)/share/man/man1" "$(INSTALL_ROOT)/share/bash-completion/completions" \
	  "$(INSTALL_ROOT)/share/zsh/site-functions" "$(INSTALL_ROOT)/share/fish/vendor_completions.d"; \
	install -m 755 "$$bin" "$(INSTALL_ROOT)/bin/kgraph"; \
	install -d "$(INSTALL_ROOT)/share/kgraph"; rm -rf "$(INSTALL_ROOT)/share/kgraph/kgraph_KGraphRender.resources"; \
	cp -R "$$(dirname "$$bin")/kgraph_KGraphRender.resources" "$(INSTALL_ROOT)/share/kgraph/"; \
	install -m 644 out/man/kgraph.1 "$(INSTALL_ROOT)/share/man/man1/kgraph.1"; \
	"$$bin" --generate-completion-script bash > "$(INSTALL_ROOT)/share/bash-completion/completions/kgraph"; \
	"$$bin" --generate-completion-script zsh > "$(INSTALL_ROOT)/share/zsh/site-functions/_kgraph"; \
	"$$bin" --generate-completion-script fish > "$(INSTALL_ROOT)/share/fish/vendor_completions.d/kgraph.fish"; \
	echo "installed kgraph $$("$$bin" --version) under $(INSTALL_ROOT)"

uninstall:
	rm -f "$(INSTALL_ROOT)/bin/kgraph" "$(INSTALL_ROOT)/share/man/man1/kgraph.1" \
	  "$(INSTALL_ROOT)/share/bash-completion/completions/kgraph" "$(INSTALL_ROOT)/share/zsh/site-functions/_kgraph" \
	  "$(INSTALL_ROOT)/share/fish/vendor_completions.d/kgraph.fish"
	rm -rf "$(INSTALL_ROOT)/share/kgraph/kgraph_KGraphRender.resources"

# API documentation of the KGraph library (DocC, through swiftlang/swift-docc-plugin), with the
# getting-started article in Sources/KGraph/KGraph.docc; open out/docs/index.html through a web
# server (python3 -m http.server -d out/docs), as DocC's static pages need.
docs: setup
	$(SWIFT) package --allow-writing-to-directory out/docs generate-documentation --target KGraph \
	  --output-path out/docs --transform-for-static-hosting
	@echo "wrote out/docs (python3 -m http.server -d out/docs 8000, then http://localhost:8000/documentation/kgraph/)"

# Fuzzing (issue 17): every reader under libFuzzer + AddressSanitizer, built into .build-fuzz/ and
# seeded from the test fixtures (Fuzz/run.sh). `make fuzz` runs each reader FUZZ_SECONDS; `make
# test` runs each for 20 s. `make tsan` runs the GraphML tests (the two-thread read) under ThreadSanitizer.
FUZZ_SECONDS ?= 180
fuzz:
	Fuzz/run.sh $(FUZZ_SECONDS)

fuzz-smoke:
	Fuzz/run.sh 20

tsan:
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan --filter 'GraphMLSplitTests|GraphMLTests|AssemblerSecondCoreTests|GivenRelationEndsTests'

# Benchmarks (Benchmarks/README.md): kgraph against rustworkx, igraph, graph-tool and NetworkX on generated GraphML (kgraph's own and foreign-style), one core and two.
BENCH_SEED ?= 1
bench-build: setup-bench
	$(SWIFT) build -c release --product kgraph
	$(SWIFT) build -c release --product kgraph-bench
	$(SWIFT) build -c release --product kgraph-bench-gen

setup-bench:
	@./.ci/setup bench

bench: bench-build
	python3 Benchmarks/run.py --entities 10000 --relations 100000 --seed $(BENCH_SEED) $(BENCH_ARGS)

bench-large: bench-build
	python3 Benchmarks/run.py --entities 100000 --relations 1000000 --seed $(BENCH_SEED) $(BENCH_ARGS)

# The GraphML load of BASE_REV (default b070c14, before issue 11) against this checkout, side by side:
# callgrind instruction counts at 100,000 relations, peak RSS and pinned/two-core wall-clock at
# 1,000,000 (Benchmarks/compare_load.py). BASE_REV is built in .build/bench/base-REV (a git worktree).
BASE_REV ?= b070c14
BENCH_ROUNDS ?= 4
bench-compare: bench-build
	@test -d .build/bench/base-$(BASE_REV) || git worktree add --detach .build/bench/base-$(BASE_REV) $(BASE_REV)
	cd .build/bench/base-$(BASE_REV) && $(SWIFT) build -c release --product kgraph-bench
	@test -f .build/bench/100000-1000000-seed$(BENCH_SEED)/graph.graphml || .build/release/kgraph-bench-gen --entities 100000 --relations 1000000 --seed $(BENCH_SEED) --formats graphml -o .build/bench/100000-1000000-seed$(BENCH_SEED)
	@test -f .build/bench/10000-100000-seed$(BENCH_SEED)/graph.graphml || .build/release/kgraph-bench-gen --entities 10000 --relations 100000 --seed $(BENCH_SEED) --formats graphml -o .build/bench/10000-100000-seed$(BENCH_SEED)
	python3 Benchmarks/compare_load.py --builds $(BASE_REV)=.build/bench/base-$(BASE_REV)/.build/release head=.build/release \
	  --small .build/bench/10000-100000-seed$(BENCH_SEED) --large .build/bench/100000-1000000-seed$(BENCH_SEED) --rounds $(BENCH_ROUNDS)

clean:
	rm -rf .build .build-fuzz .build-tsan out
