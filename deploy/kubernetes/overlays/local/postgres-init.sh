#!/bin/sh
# Runs once, on PostgreSQL's first start with an empty data directory (the image runs the
# scripts of /docker-entrypoint-initdb.d): one database per service, owned by the user of
# that service's Secret, so each service reaches its own database only. Values go to psql
# as variables, quoted by psql itself (:"name" for identifiers, :'value' for literals).
set -eu

create_database() {
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
		-v db="$1" -v owner="$2" -v password="$3" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'owner', :'password')
	WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
CREATE DATABASE :"db" OWNER :"owner";
SQL
}

create_database catalog "$CATALOG_DB_USER" "$CATALOG_DB_PASSWORD"
create_database inventory "$INVENTORY_DB_USER" "$INVENTORY_DB_PASSWORD"
create_database orders "$ORDERS_DB_USER" "$ORDERS_DB_PASSWORD"
create_database notifications "$NOTIFICATION_DB_USER" "$NOTIFICATION_DB_PASSWORD"
