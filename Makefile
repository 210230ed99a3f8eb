# kgraph: `make render` draws the shipped graph, `make test` runs every test.
# Both install what is missing first (Graphviz's library; for tests also xmllint, networkx, igraph).
SWIFT ?= swift
OUT ?= out/graph.svg

.PHONY: all setup setup-test build render test clean

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

test: setup-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build out
