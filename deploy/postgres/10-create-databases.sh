#!/bin/sh
# Creates one database and one owning role per service, on the first start of the PostgreSQL
# container only (the image runs /docker-entrypoint-initdb.d/ while the data volume is empty).
# The passwords come from the container's environment: docker-compose.yml passes the same
# variables to this container and to the services. To change a password later, change it with
# ALTER ROLE as well, or remove the volume (docker compose down -v) to start again from nothing.
set -e

create_database() {
    database="$1" owner="$2" password="$3"
    if [ -z "$password" ]; then
        echo "no password given for the role $owner" >&2
        exit 1
    fi
    # psql puts the variables in as a quoted identifier (:"...") or a quoted literal (:'...'),
    # so no value can break out of the statement.
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v database="$database" -v owner="$owner" -v password="$password" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"owner";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
    echo "created database $database owned by $owner"
}

create_database staffing "$STAFFING_DB_USER" "$STAFFING_DB_PASSWORD"
create_database caseload "$CASELOAD_DB_USER" "$CASELOAD_DB_PASSWORD"
create_database sickness "$SICKNESS_DB_USER" "$SICKNESS_DB_PASSWORD"
create_database gateway "$GATEWAY_DB_USER" "$GATEWAY_DB_PASSWORD"
