#!/bin/bash
# Runs once, when the PostgreSQL container starts on an empty data volume (the image runs
# every script in /docker-entrypoint-initdb.d/ then, as the superuser, and never again).
# One database per service, each owned by its own user: a service owns its schema (Flyway
# creates the tables) and cannot read another service's data. The passwords come from the
# container's environment (docker-compose.yml, from .env).
#
# Changing a password later: ALTER ROLE <user> PASSWORD '...' in psql, then the variable in
# .env, then docker compose up -d (docs/deployment.md, "Rotate secrets"). Adding a database
# to a volume that exists already: run the same statements by hand, or remove the volume.
set -euo pipefail

create() {
	local database="$1" owner="$2" password="$3"
	if [ -z "$password" ]; then
		echo "init-databases: no password for the user $owner; set it in .env" >&2
		exit 1
	fi
	# The password is passed as a psql variable and quoted by psql (:'password'), so that
	# no character in it can end the statement.
	psql --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
		--set owner="$owner" --set password="$password" --set database="$database" <<-'SQL'
		CREATE ROLE :"owner" LOGIN PASSWORD :'password';
		CREATE DATABASE :"database" OWNER :"owner";
		REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
	SQL
}

# database       owner          password (the service's *_DB_PASSWORD)
create catalog       catalog       "${CATALOG_DB_PASSWORD:-}"
create inventory     inventory     "${INVENTORY_DB_PASSWORD:-}"
create orders        orders        "${ORDERS_DB_PASSWORD:-}"
create notifications notifications "${NOTIFICATION_DB_PASSWORD:-}"
