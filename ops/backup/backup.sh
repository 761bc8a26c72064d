#!/usr/bin/env bash
# ContractFlow backup: the database (Camunda's ACT_* tables in "public" and ContractFlow's "contractflow" schema, in
# one consistent pg_dump snapshot) and the document storage (a filesystem directory, or an S3 bucket), with a
# manifest of SHA-256 checksums. See docs/operations.md, "Backup and restore".
#
#   ops/backup/backup.sh [BACKUP_ROOT]          # default ./backups; writes BACKUP_ROOT/contractflow-<UTC time>/
#
# The nodes may keep running: the database is dumped first (pg_dump reads one snapshot), the documents after it.
# Document objects are written before the row that names them commits and are never changed or removed afterwards,
# so every version the dump knows is in the copy taken later (objects newer than the dump are harmless extras).
#
# The database, from the libpq variables the prod profile reads too:
#   PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (or ~/.pgpass)   defaults: localhost, 5432, contractflow, contractflow
# The documents, from the platform's own settings:
#   CONTRACTFLOW_DOCUMENTS_STORAGE_TYPE             filesystem (default) or s3
#   CONTRACTFLOW_DOCUMENTS_STORAGE_FILESYSTEM_ROOT  filesystem: the directory (default ./data/documents)
#   CONTRACTFLOW_DOCUMENTS_STORAGE_S3_BUCKET        s3: the bucket (default contractflow-documents)
#   CONTRACTFLOW_DOCUMENTS_STORAGE_S3_ENDPOINT      s3: an S3-compatible endpoint (MinIO ...); empty for AWS
#   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION   s3: credentials for the AWS CLI (aws s3 sync)
#
# NOT in the backup, on purpose: the documents' master key (CONTRACTFLOW_DOCUMENTS_ENCRYPTION_MASTERKEY, or
# ./data/keys/master-key in the embedded default) and the seal keystore. Without the master key the documents in a
# backup cannot be read; keep it in your secret store, apart from the backups.
set -euo pipefail

log() { printf '%s backup: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

BACKUP_ROOT="${1:-./backups}"
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGDATABASE="${PGDATABASE:-contractflow}" \
  PGUSER="${PGUSER:-contractflow}"
STORAGE="${CONTRACTFLOW_DOCUMENTS_STORAGE_TYPE:-filesystem}"

command -v pg_dump >/dev/null || fail "pg_dump not found (Debian: apt-get install postgresql-client)"
command -v sha256sum >/dev/null || fail "sha256sum not found"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$BACKUP_ROOT/contractflow-$stamp"
work="$target.partial"
[ -e "$target" ] && fail "$target exists already"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# 1. the database: one snapshot of every schema (public: the engine; contractflow: ours, with Flyway's history)
log "dumping database $PGDATABASE on $PGHOST:$PGPORT (pg_dump -Fc)"
pg_dump --format=custom --compress=6 --no-password --file="$work/database.dump"
schemas="$(pg_restore --list "$work/database.dump" | awk '$4 == "TABLE" && $5 != "DATA" {print $5}' | sort -u | tr '\n' ' ')"
for schema in public contractflow; do
  case " $schemas" in
    *" $schema "*) ;;
    *) fail "the dump holds tables in [ $schemas] only: expected public (Camunda) and contractflow (ContractFlow)" ;;
  esac
done
log "database dumped: $(du -h "$work/database.dump" | cut -f1), tables in schemas: $schemas"

# 2. the documents, after the dump
case "$STORAGE" in
  filesystem)
    root="${CONTRACTFLOW_DOCUMENTS_STORAGE_FILESYSTEM_ROOT:-./data/documents}"
    [ -d "$root" ] || fail "document directory $root does not exist"
    log "archiving documents from $root"
    # .tmp-* are uploads being written: not yet named by any row
    tar --create --gzip --file="$work/documents.tar.gz" --directory="$root" --exclude='.tmp-*' .
    log "documents archived: $(tar --list --gzip --file="$work/documents.tar.gz" | grep -vc '/$' || true) files"
    ;;
  s3)
    bucket="${CONTRACTFLOW_DOCUMENTS_STORAGE_S3_BUCKET:-contractflow-documents}"
    endpoint="${CONTRACTFLOW_DOCUMENTS_STORAGE_S3_ENDPOINT:-}"
    command -v aws >/dev/null || fail "the AWS CLI (aws) is needed for S3 storage"
    log "copying documents from s3://$bucket${endpoint:+ at $endpoint}"
    mkdir -p "$work/documents"
    aws ${endpoint:+--endpoint-url "$endpoint"} s3 sync --only-show-errors "s3://$bucket" "$work/documents"
    tar --create --gzip --file="$work/documents.tar.gz" --directory="$work/documents" .
    rm -rf "$work/documents"
    log "documents copied"
    ;;
  *) fail "unknown CONTRACTFLOW_DOCUMENTS_STORAGE_TYPE=$STORAGE (filesystem or s3)" ;;
esac

# 3. what this is, and the checksums restore.sh verifies
{
  echo "created=$stamp"
  echo "database=$PGDATABASE"
  echo "server_version=$(psql --no-password -XAtc 'show server_version' 2>/dev/null || echo unknown)"
  echo "pg_dump=$(pg_dump --version)"
  echo "storage=$STORAGE"
  echo "flyway_version=$(psql --no-password -XAtc \
    'select max(version::int) from contractflow.flyway_schema_history where success' 2>/dev/null || echo unknown)"
  echo "camunda_schema=$(psql --no-password -XAtc \
    'select version_ from act_ge_schema_log order by timestamp_ desc, id_ desc limit 1' 2>/dev/null || echo unknown)"
} > "$work/backup.info"
(cd "$work" && sha256sum database.dump documents.tar.gz backup.info > MANIFEST.sha256)

mv "$work" "$target"
trap - EXIT
log "done: $target"
log "reminder: the documents' master key is not in this backup; keep it apart from it"
echo "$target"
