# kgraph: `make render` draws the shipped graph, `make test` runs every test.
# Both install what is missing first (Graphviz's library; for tests also xmllint, networkx, igraph).
SWIFT ?= swift
OUT ?= out/graph.svg

.PHONY: all setup setup-test build render examples test clean bench bench-large bench-build setup-bench

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

# The pictures in Examples/ (README shows one); every command is an ordinary `kgraph render`.
KGRAPH = $$($(SWIFT) build --show-bin-path)/kgraph
examples: build
	$(KGRAPH) render --graph Graphs -o Examples/graph.svg
	$(KGRAPH) render --graph Graphs --focus "Kataib Hezbollah" --depth 1 \
	  --title "Kata'ib Hezbollah: backers, attacks and the strikes on it" -o Examples/kataib-hezbollah.svg
	$(KGRAPH) render --graph Graphs --path IRGC "Tower 22" -k 3 --focus "Tower 22" \
	  --title "How the IRGC is connected to Tower 22" -o Examples/path-irgc-tower-22.svg
	$(KGRAPH) render --graph Graphs --path Iran "US base" -k 4 --only-path \
	  --title "From Iran to the US bases" -o Examples/path-iran-us-bases.svg
	$(KGRAPH) render --graph Graphs --type struck,attacked --since 2024 --cluster-by country \
	  --title "Strikes and attacks since January 2024, by country" -o Examples/strikes-2024.svg
	@echo "wrote Examples/*.svg"

test: setup-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Benchmarks (Benchmarks/README.md): kgraph, igraph and NetworkX on one generated GraphML file.
BENCH_SEED ?= 1
bench-build: setup-bench
	$(SWIFT) build -c release --product kgraph
	$(SWIFT) build -c release --product kgraph-bench
	$(SWIFT) build -c release --product kgraph-bench-gen

setup-bench:
	@./.ci/setup bench

bench: bench-build
	python3 Benchmarks/run.py --entities 10000 --relations 100000 --seed $(BENCH_SEED)

bench-large: bench-build
	python3 Benchmarks/run.py --entities 100000 --relations 1000000 --seed $(BENCH_SEED)

clean:
	rm -rf .build out
