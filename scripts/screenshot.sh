#!/usr/bin/env bash
# Screenshots of the dashboard for the README: runs the headless-Chromium test (which saves
# target/dashboard*.png) and copies them to docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test -q -p rasd-server --test browser -- --nocapture
target=${CARGO_TARGET_DIR:-target}
mkdir -p docs
for f in dashboard.png dashboard-event.png; do
  [ -f "$target/$f" ] || { echo "screenshot.sh: $target/$f missing (is chromium installed?)"; exit 1; }
  cp "$target/$f" "docs/$f"
  echo "docs/$f"
done
