# PostgreSQL: a consistent dump while the API runs, and its restore into an empty database.
pg_dump --format=custom --file=wsc-backup.dump "$DATABASE_URL"
pg_restore --list wsc-backup.dump > /dev/null   # the dump is readable
# Restore into a new, empty database (createdb), then start the API on it:
# pg_restore --no-owner --exit-on-error --dbname="$RESTORE_DATABASE_URL" wsc-backup.dump

# PGlite (the embedded database): stop the API, then copy it into a new folder, compared table by table.
# npm run cli -- db backup --to "backups/$(date +%F)"
