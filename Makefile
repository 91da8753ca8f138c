# Two entry points for a fresh machine:
#   make demo   set up, then run the main job on the shipped seeds
#   make test   set up, then run the whole test suite (what CI runs)
VENV ?= .venv
PY := $(VENV)/bin/python
VNER := $(VENV)/bin/vner

.PHONY: setup system-deps demo test lock

setup: $(VENV)/.installed

# Installs the locked versions, then vner itself (editable).
$(VENV)/.installed: pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --upgrade pip uv
	$(VENV)/bin/uv pip install -q --compile-bytecode --python $(PY) -r requirements.lock
	$(VENV)/bin/uv pip install -q --python $(PY) --no-deps -e .
	touch $@

# Debian's Chromium and ChromeDriver for the browser tests.
system-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium chromium-driver; \
	  else echo "Install Chromium first: sudo apt-get install chromium chromium-driver"; exit 1; fi; }
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q postgresql; \
	  else echo "Install PostgreSQL first (Label Studio on PostgreSQL tests): sudo apt-get install postgresql"; exit 1; fi; }

# convert -> train -> evaluate on the shipped seeds (vner demo), into demo/.
demo: setup
	$(VNER) demo --output demo

# The import contracts (layers, README "Layout"), then every test, on one
# worker per core (conftest.py keeps a module, and all Label Studio tests,
# on one worker).
WORKERS ?= 2
test: setup system-deps
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q -ra --durations=25 -n $(WORKERS) --dist loadgroup --no-loadscope-reorder

# Re-resolve requirements.lock after changing dependencies in pyproject.toml.
lock:
	$(VENV)/bin/uv pip compile -q pyproject.toml --extra server --extra test -o requirements.lock
