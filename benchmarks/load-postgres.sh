#!/usr/bin/env bash
# Copies a SQLite corpus (tools/CorpusGenerator's output) into an empty PostgreSQL database that the portal
# has migrated, with COPY, then builds the PostgreSQL search index in one statement and analyses the tables.
#   bash benchmarks/load-postgres.sh CORPUS.db 'host=127.0.0.1 port=5432 user=postgres dbname=portal_bench'
# Rows keep their ids, so the same URLs name the same documents on both providers. Triggers (the search
# index's) and foreign-key checks are off while copying (session_replication_role = replica); the index is
# then filled from the SearchTextSource and SearchCatalogueSource views.
set -euo pipefail
corpus=$1 target=$2
tables=(Sessions AgendaItems AgendaItemTitles Documents DocumentSessions DocumentAgendaItems DocumentSymbols
  CrossReferences LanguageVersions Annexes Footnotes Signatories StoredFiles DownloadCounts)
started=$(date +%s)
for table in "${tables[@]}"; do
  mapfile -t pg_columns < <(psql -X -q -At "$target" -c "SELECT column_name || ' ' || data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '$table' ORDER BY ordinal_position")
  mapfile -t sqlite_columns < <(sqlite3 -batch -noheader "$corpus" "SELECT name FROM pragma_table_info('$table')")
  columns=() selects=()
  for c in "${pg_columns[@]}"; do
    read -r name type <<<"$c"
    for s in "${sqlite_columns[@]}"; do
      [ "$name" = "$s" ] || continue
      columns+=("\"$name\"")
      # A list of strings is JSON in SQLite and an array in PostgreSQL: {"a","b"}.
      if [ "$type" = ARRAY ]; then
        selects+=("CASE WHEN \"$name\" IS NULL THEN NULL ELSE '{' || coalesce((SELECT group_concat('\"' || replace(replace(value, '\\', '\\\\'), '\"', '\\\"') || '\"', ',') FROM json_each(\"$name\")), '') || '}' END")
      else
        selects+=("\"$name\"")
      fi
    done
  done
  list=$(IFS=,; echo "${columns[*]}")
  select=$(IFS=,; echo "${selects[*]}")
  sqlite3 -batch -csv -noheader -nullvalue '\N' "$corpus" "SELECT $select FROM \"$table\"" |
    PGOPTIONS='-c session_replication_role=replica' psql -X -q "$target" -c "\\copy \"$table\"($list) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
  if printf '%s\n' "${pg_columns[@]}" | grep -qx Id; then
    psql -X -q "$target" -c "SELECT setval(pg_get_serial_sequence('\"$table\"', 'Id'), (SELECT coalesce(max(\"Id\"), 0) + 1 FROM \"$table\"), false)" >/dev/null
  fi
done
copied=$(date +%s)
# The search tables (texts, and the documents' catalogue records) are filled from their views, as the migrations'
# backfills do. The GIN indexes are built once after the rows are in: inserting millions of rows into live GIN
# indexes costs several times more than one sorted build.
for table in SearchText SearchCatalogue; do
  psql -X -q "$target" -c "DROP INDEX \"IX_${table}_Words\"" -c "DROP INDEX \"IX_${table}_Cjk\"" \
    -c "INSERT INTO \"$table\" SELECT * FROM \"${table}Source\"" \
    -c "CREATE INDEX \"IX_${table}_Words\" ON \"$table\" USING gin (\"Words\")" \
    -c "CREATE INDEX \"IX_${table}_Cjk\" ON \"$table\" USING gin (\"Cjk\")"
done
psql -X -q "$target" -c 'ANALYZE'
echo "Loaded $(psql -X -At "$target" -c 'SELECT count(*) FROM "Documents"') documents, $(psql -X -At "$target" -c 'SELECT count(*) FROM "SearchText"') indexed versions: COPY $((copied - started)) s, search index and ANALYZE $(($(date +%s) - copied)) s; database $(psql -X -At "$target" -c 'SELECT pg_size_pretty(pg_database_size(current_database()))')"
