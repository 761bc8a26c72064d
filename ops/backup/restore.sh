#!/usr/bin/env bash
# ContractFlow restore: checks a backup made by backup.sh against its checksums, then restores the database into an
# empty database and the documents into empty storage. See docs/operations.md, "Backup and restore".
#
#   ops/backup/restore.sh [--force] BACKUP_DIR
#
# Stop every node first (kubectl scale --replicas=0, docker compose stop app): nothing may write while the restore
# runs, and a running engine must not keep jobs or caches from before. Same settings as backup.sh (PG*, and
# CONTRACTFLOW_DOCUMENTS_STORAGE_*). The target database must exist and be empty (createdb, or a fresh managed
# database) and the document directory or bucket must be empty; --force restores over what is there instead
# (pg_restore --clean --if-exists drops the backed-up objects first; documents are overwritten key by key).
# Afterwards start the nodes with the SAME master key as when the backup was taken, and rebuild the search index
# (POST /api/search/reindex as a contract admin; an index that is missing is rebuilt at start by itself).
set -euo pipefail

log() { printf '%s restore: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

force=false
if [ "${1:-}" = "--force" ]; then force=true; shift; fi
[ $# -eq 1 ] || { echo "usage: $0 [--force] BACKUP_DIR" >&2; exit 2; }
backup="$1"
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGDATABASE="${PGDATABASE:-contractflow}" \
  PGUSER="${PGUSER:-contractflow}"
STORAGE="${CONTRACTFLOW_DOCUMENTS_STORAGE_TYPE:-filesystem}"

command -v pg_restore >/dev/null || fail "pg_restore not found (Debian: apt-get install postgresql-client)"
[ -f "$backup/MANIFEST.sha256" ] || fail "$backup has no MANIFEST.sha256: not a backup made by backup.sh"

# 1. nothing is touched unless every file is exactly what was backed up
log "verifying checksums in $backup"
(cd "$backup" && sha256sum --check --strict --quiet MANIFEST.sha256) || fail "checksums do not match: backup damaged"
for f in database.dump documents.tar.gz backup.info; do
  grep -q "  $f\$" "$backup/MANIFEST.sha256" || fail "MANIFEST.sha256 does not cover $f"
done
log "checksums verified; backup $(grep '^created=' "$backup/backup.info" | cut -d= -f2), storage $(grep '^storage=' \
  "$backup/backup.info" | cut -d= -f2)"

# 2. the targets must be empty (unless --force)
tables="$(psql --no-password -XAtc "select count(*) from pg_tables where schemaname in ('public', 'contractflow')")" \
  || fail "cannot reach database $PGDATABASE on $PGHOST:$PGPORT (create it first: createdb $PGDATABASE)"
if [ "$tables" != "0" ] && [ "$force" != true ]; then
  fail "database $PGDATABASE is not empty ($tables tables); restore into an empty database, or use --force"
fi
case "$STORAGE" in
  filesystem)
    root="${CONTRACTFLOW_DOCUMENTS_STORAGE_FILESYSTEM_ROOT:-./data/documents}"
    mkdir -p "$root"
    if [ -n "$(ls -A "$root")" ] && [ "$force" != true ]; then
      fail "document directory $root is not empty; restore into an empty one, or use --force"
    fi
    ;;
  s3)
    bucket="${CONTRACTFLOW_DOCUMENTS_STORAGE_S3_BUCKET:-contractflow-documents}"
    endpoint="${CONTRACTFLOW_DOCUMENTS_STORAGE_S3_ENDPOINT:-}"
    command -v aws >/dev/null || fail "the AWS CLI (aws) is needed for S3 storage"
    if [ -n "$(aws ${endpoint:+--endpoint-url "$endpoint"} s3 ls "s3://$bucket/" 2>/dev/null | head -1)" ] \
        && [ "$force" != true ]; then
      fail "bucket $bucket is not empty; restore into an empty one, or use --force"
    fi
    ;;
  *) fail "unknown CONTRACTFLOW_DOCUMENTS_STORAGE_TYPE=$STORAGE (filesystem or s3)" ;;
esac

# 3. the database, in one transaction: all of it or nothing. Objects belong to the restoring user.
log "restoring database $PGDATABASE on $PGHOST:$PGPORT"
clean=()
if [ "$force" = true ]; then clean=(--clean --if-exists); fi
pg_restore --no-password --dbname="$PGDATABASE" --no-owner --no-privileges --single-transaction --exit-on-error \
  "${clean[@]}" "$backup/database.dump"
log "database restored: $(psql --no-password -XAtc 'select count(*) from contractflow.contract') contracts, \
$(psql --no-password -XAtc 'select count(*) from act_ru_execution where parent_id_ is null') running process instances"

# 4. the documents
case "$STORAGE" in
  filesystem)
    log "restoring documents into $root"
    tar --extract --gzip --file="$backup/documents.tar.gz" --directory="$root" --no-same-owner
    ;;
  s3)
    log "restoring documents into s3://$bucket"
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    tar --extract --gzip --file="$backup/documents.tar.gz" --directory="$tmp" --no-same-owner
    aws ${endpoint:+--endpoint-url "$endpoint"} s3 sync --only-show-errors "$tmp" "s3://$bucket"
    ;;
esac
log "documents restored: $(tar --list --gzip --file="$backup/documents.tar.gz" | grep -vc '/$' || true) files"
log "done. Start the nodes with the master key of the backup's time, then rebuild the search index" \
  "(POST /api/search/reindex)"
