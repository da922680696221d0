# accesspub: the README's two commands (`make demo`, `make test`) bootstrap everything they need.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := chromium poppler-utils fonts-noto-core hunspell-de-de openjdk-17-jdk-headless postgresql
STAMP_PY := $(VENV)/.installed
STAMP_NPM := node_modules/.installed

BENCH_APT_PACKAGES := espeak-ng lame

.PHONY: setup demo test bench clean apt

setup: apt $(STAMP_PY) $(STAMP_NPM)

apt:
	@missing=$$(for p in $(APT_PACKAGES) $(EXTRA_APT); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP_PY): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,scale,desk]'
	# German noun forms for the plain-language grammar gate; --no-deps: its parser dependency (unused here)
	# pins lxml<5, which the rest of accesspub cannot use
	$(PY) -m pip install -q --no-deps german-nouns==1.2.5
	@touch $@

$(STAMP_NPM): package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	@touch $@

demo: setup
	@$(VENV)/bin/accesspub build content --out output; rc=$$?; \
	echo; echo "Open output/index.html (site), output/<release>/index.html (release), .accesspub-state/output/build/report.html (checks)."; \
	exit $$rc

test: setup
	$(VENV)/bin/pytest -n 2 -q

# the hand-made chain the benchmark compares against needs the espeak-ng and lame command-line tools
bench: setup
	@$(MAKE) --no-print-directory apt EXTRA_APT="$(BENCH_APT_PACKAGES)"
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf output bench/out
