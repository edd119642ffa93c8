# Headless Chromium and fonts with Arabic glyphs, for crates/server/tests/browser.rs.
# Sourced by .ci/run; idempotent: installs only what is missing.
rasd_need_pkgs=()
command -v chromium >/dev/null 2>&1 || rasd_need_pkgs+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Naskh Arabic" || rasd_need_pkgs+=(fonts-noto-core)
fc-list 2>/dev/null | grep -qi "Noto Sans Arabic UI" || rasd_need_pkgs+=(fonts-noto-ui-core)
if [ "${#rasd_need_pkgs[@]}" -gt 0 ]; then
  echo "chromium.sh: installing ${rasd_need_pkgs[*]}"
  if [ -z "${RASD_APT_UPDATED:-}" ]; then
    apt-get update -qq
    export RASD_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${rasd_need_pkgs[@]}"
fi
unset rasd_need_pkgs
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
echo "chromium.sh: $("$CHROMIUM" --version 2>/dev/null)"
