# Two commands do everything on a fresh Debian/Ubuntu machine with Python 3.11+:
#   make demo   — the counter on a demo world (sandbox server in-process, demo data)
#   make test   — the whole test suite (offscreen Qt, and real X windows under Xvfb), as CI runs it
# And on Debian, the Windows build under Wine (tools/windows, cache in ~/.cache/kiosk-wine):
#   make test-windows   — Qt-free suites + CLI, the bundle and the installer, self-tested
#                         (WINDOWS_TESTS=--all for the whole suite, ~15 min on 2 cores)
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo run test lint bench bundle clean sysdeps sysdeps-test test-windows

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 ou plus est nécessaire."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

sysdeps:
	@sh tools/sysdeps.sh

# The test suite also drives the real application under Xvfb (tests/xreal).
sysdeps-test:
	@sh tools/sysdeps.sh --test

demo: sysdeps $(STAMP)
	$(VENV)/bin/kiosk demo

run: sysdeps $(STAMP)
	$(VENV)/bin/kiosk run

test: sysdeps-test $(STAMP)
	$(PY) -m ruff check kiosk tests benchmarks tools
	$(PY) -m ruff format --check kiosk tests benchmarks tools
	$(VENV)/bin/lint-imports
	$(PY) -m mypy
	$(PY) -m pytest -q

WINDOWS_TESTS ?=
test-windows: sysdeps $(STAMP)
	@sh tools/windows/sysdeps.sh
	PYTHON=$(PY) tools/windows/setup.sh
	tools/windows/test.sh $(WINDOWS_TESTS)
	tools/windows/bundle.sh
	NSIS_COMPRESSOR="$${NSIS_COMPRESSOR:-zlib}" tools/windows/installer.sh

bench: $(STAMP)
	$(PY) -m benchmarks.run

bundle: sysdeps $(STAMP)
	$(PY) -m PyInstaller --noconfirm --clean build.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache
