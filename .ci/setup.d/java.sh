# Java for the Spark test (python/tests/test_spark.py runs PySpark in local mode), and Python's
# venv module for the Python package's tests (scripts/test-python.sh).
# Sourced by .ci/run; idempotent: installs only what is missing, from Debian's packages.
rasd_need_pkgs=()
command -v java >/dev/null 2>&1 || rasd_need_pkgs+=(default-jre-headless)
if ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
  rasd_need_pkgs+=(python3-venv python3-pip)
fi
if [ "${#rasd_need_pkgs[@]}" -gt 0 ]; then
  echo "java.sh: installing ${rasd_need_pkgs[*]}"
  if [ -z "${RASD_APT_UPDATED:-}" ]; then
    apt-get update -qq
    export RASD_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${rasd_need_pkgs[@]}" >/dev/null
fi
unset rasd_need_pkgs
echo "java.sh: $(java -version 2>&1 | head -n 1); $(python3 --version 2>&1)"
