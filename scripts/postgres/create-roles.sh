#!/bin/sh
# First start of the PostgreSQL container (docker-entrypoint-initdb.d): the roles Caravan runs
# as. caravan_owner owns the tables and migrates them; caravan_app is what the API and the
# worker connect as: no superuser, no BYPASSRLS, only what the migrations grant it.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$CARAVAN_OWNER_PASSWORD" -v app_password="$CARAVAN_APP_PASSWORD" <<'SQL'
CREATE ROLE caravan_owner LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE caravan_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE caravan OWNER caravan_owner;
SQL
