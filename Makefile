# Chronik: `make demo` runs the extractor on the bundled examples, `make test` runs the tests.
# Both create .venv and install Chronik when needed (Python 3.11 and the package registries suffice).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test eval bench fuzz install clean serve train-confidence

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,store,nlp,serve,dask]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/chronik extract examples/ --format table
	@$(BIN)/chronik ingest examples/ --db demo.db
	@echo "Browse the demo store in a web page and a JSON API:"
	@echo "  $(BIN)/chronik serve --db demo.db     (or: make serve)   then open http://127.0.0.1:8080/"

serve: $(STAMP)
	test -f demo.db || $(BIN)/chronik ingest examples/ --db demo.db
	$(BIN)/chronik serve --db demo.db

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python scripts/eval.py --shared $(SHARED)

train-confidence: $(STAMP)
	$(BIN)/python scripts/train_confidence.py --shared $(SHARED)

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py --shared $(SHARED)
	$(BIN)/python benchmarks/store_bench.py
	$(BIN)/python benchmarks/server_bench.py --events 250000
	$(BIN)/python benchmarks/scale_bench.py --shared $(SHARED)

fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzzing --n 10000 --seed 1

clean:
	rm -rf $(VENV) build *.egg-info
