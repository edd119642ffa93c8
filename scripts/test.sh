#!/usr/bin/env bash
# The test command: every unit, integration, snapshot, property, CLI, store and browser test.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace
