# PostgreSQL: a consistent dump while the API runs, and its restore into an empty database.
pg_dump --format=custom --file=wsc-backup.dump "$DATABASE_URL"
pg_restore --list wsc-backup.dump > /dev/null   # the dump is readable
# pg_restore --clean --if-exists --no-owner --dbname="$RESTORE_DATABASE_URL" wsc-backup.dump

# PGlite (the embedded database): stop the API, then copy its folder.
# tar -czf wsc-data.tar.gz -C "${WSC_DATA_DIR:-.data}" pglite
