#!/usr/bin/env bash
# The test command: every unit, integration, snapshot, property, CLI, store and browser test,
# then the Python package's tests (scripts/test-python.sh: the wheel, the store from Python,
# concurrent PostgreSQL writers, the Spark job).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace
bash scripts/test-python.sh
