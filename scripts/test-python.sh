#!/usr/bin/env bash
# The Python package's tests (python/tests): build the wheel once through pip and maturin (the
# documented install, in the dev profile: quick to compile, and the crates whose features are
# the same as in `cargo test --workspace` are not compiled again),
# install it into a fresh virtual environment with pandas, pyarrow, geopandas, pyspark and
# pytest from PyPI, check the README's one-liner, then run the tests: records equal to
# `rasd extract`'s, the store against the CLI, four concurrent PostgreSQL writers (RASD_TEST_PG),
# and examples/spark_extract.py on Spark local[2] (needs Java).
#
# Without python3 it prints SKIPPED and passes, except under CI=true, where it fails; so do
# the tests that need Java or PostgreSQL (see python/tests/conftest.py).
#
#   RASD_PY_PROFILE=release bash scripts/test-python.sh   # an optimised build instead
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "test-python.sh: python3 with venv is needed under CI (source .ci/setup.d/java.sh)" >&2
    exit 1
  fi
  echo "SKIPPED: the Python package's tests: no python3 with venv"
  exit 0
fi
target="${CARGO_TARGET_DIR:-$PWD/target}"
venv="$target/py-test-venv"
wheels="$target/py-wheels"
profile="${RASD_PY_PROFILE:-dev}"

echo "== python: fresh virtual environment $venv ($(python3 --version))"
rm -rf "$venv" "$wheels"
python3 -m venv "$venv"
py="$venv/bin/python"
"$py" -m pip install -q --disable-pip-version-check pytest "pandas>=2.2,<3" pyarrow geopandas "pyspark>=4,<5"
echo "   pytest, pandas, pyarrow, geopandas, pyspark from PyPI ($(( $(date +%s) - started )) s)"

echo "== python: wheel (pip wheel ./python, maturin, profile $profile)"

if [ "$profile" = "release" ]; then
  cargo build -q --release -p rasd
  rasd_bin="$target/release/rasd"
else
  # The binary `cargo test --workspace` builds (nothing to do after it, as in scripts/test.sh):
  # `cargo build -p rasd` resolves features without the dev-dependencies and would compile
  # the whole tree again.
  cargo test -q --workspace --no-run
  rasd_bin="$target/debug/rasd"
fi
MATURIN_PEP517_ARGS="--profile $profile" CARGO_TARGET_DIR="$target" \
  "$py" -m pip wheel -q --disable-pip-version-check --no-deps -w "$wheels" ./python
"$py" -m pip install -q --disable-pip-version-check "$wheels"/rasd-*.whl
echo "   $(ls "$wheels") ($(( $(date +%s) - started )) s since the start)"

echo "== python: the README's one-liner, from the installed wheel"
(cd "$venv" && "$py" -c "import rasd, sys; assert rasd.__file__.startswith(sys.prefix), rasd.__file__; print(rasd.extract('قصفت طائرة مسيرة موقعا في بلدة القائم أمس.', published='2024-03-02')['events'])")

echo "== python: tests"
# From the repository root: `import rasd` finds the installed package, not python/rasd.
RASD_BIN="$rasd_bin" "$py" -m pytest -rs -p no:cacheprovider python/tests
echo "test-python.sh: done in $(( $(date +%s) - started )) s"
