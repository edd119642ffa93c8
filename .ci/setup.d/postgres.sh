# PostgreSQL for the store's team-database tests (crates/store/tests/postgres.rs).
# Sourced by .ci/run as root on a fresh Debian machine; idempotent and quick when already done:
# installs postgresql when missing, starts a cluster on 127.0.0.1, creates the role and the
# database, and exports RASD_TEST_PG.
rasd_pg_db=rasd_test
rasd_pg_user=rasd
rasd_pg_pass=rasd
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "postgres.sh: installing postgresql"
  if [ -z "${RASD_APT_UPDATED:-}" ]; then
    apt-get update -qq
    export RASD_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
# The newest installed version and its first cluster (the package creates "main").
rasd_pg_ver="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if [ -z "$(pg_lsclusters -h 2>/dev/null | awk -v v="$rasd_pg_ver" '$1 == v {print $2; exit}')" ]; then
  pg_createcluster "$rasd_pg_ver" main >/dev/null
fi
rasd_pg_cluster="$(pg_lsclusters -h | awk -v v="$rasd_pg_ver" '$1 == v {print $2; exit}')"
rasd_pg_port="$(pg_lsclusters -h | awk -v v="$rasd_pg_ver" -v c="$rasd_pg_cluster" '$1 == v && $2 == c {print $3; exit}')"
if ! pg_lsclusters -h | awk -v v="$rasd_pg_ver" -v c="$rasd_pg_cluster" '$1 == v && $2 == c {print $4}' | grep -q online; then
  echo "postgres.sh: starting cluster $rasd_pg_ver/$rasd_pg_cluster on 127.0.0.1:$rasd_pg_port"
  # Loopback only; fsync off: a test database does not need to survive a power cut.
  pg_ctlcluster "$rasd_pg_ver" "$rasd_pg_cluster" start -- -o "-c listen_addresses=127.0.0.1 -c fsync=off"
fi
rasd_pg_sql() { (cd / && su postgres -c "psql -p $rasd_pg_port -X -q -tA -c \"$1\""); }
for _ in 1 2 3 4 5 6 7 8 9 10; do
  rasd_pg_sql "SELECT 1" >/dev/null 2>&1 && break
  sleep 1
done
if [ "$(rasd_pg_sql "SELECT 1 FROM pg_roles WHERE rolname = '$rasd_pg_user'")" != "1" ]; then
  rasd_pg_sql "CREATE ROLE $rasd_pg_user LOGIN PASSWORD '$rasd_pg_pass'"
fi
if [ "$(rasd_pg_sql "SELECT 1 FROM pg_database WHERE datname = '$rasd_pg_db'")" != "1" ]; then
  rasd_pg_sql "CREATE DATABASE $rasd_pg_db OWNER $rasd_pg_user ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
fi
export RASD_TEST_PG="postgres://$rasd_pg_user:$rasd_pg_pass@127.0.0.1:$rasd_pg_port/$rasd_pg_db"
echo "postgres.sh: RASD_TEST_PG=$RASD_TEST_PG ($(rasd_pg_sql "SHOW server_version"))"
unset -f rasd_pg_sql
unset rasd_pg_db rasd_pg_user rasd_pg_pass rasd_pg_ver rasd_pg_cluster rasd_pg_port
