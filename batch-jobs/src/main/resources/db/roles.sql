-- The two database roles of settlement-batch. Run once per database, connected to it as an
-- administrator (Aurora: the master user), before the first `migrate`:
--
--   psql "host=... dbname=settlement user=admin" -f roles.sql
--   psql ... -c "ALTER ROLE settlement_owner PASSWORD '...'" -c "ALTER ROLE settlement_app PASSWORD '...'"
--
-- settlement_owner  owns the schemas: the `migrate` task runs under it (DDL, a deploy step).
-- settlement_app    the jobs: read and write rows (and temporary tables), nothing else; they run with
--                   SPRING_FLYWAY_ENABLED=false and check the schema's version at start.
--
-- Safe to run again. It also grants settlement_app its rights on the schemas and objects that exist
-- already (a database migrated by an earlier version, under another user).

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'settlement_owner') THEN
		CREATE ROLE settlement_owner LOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'settlement_app') THEN
		CREATE ROLE settlement_app LOGIN;
	END IF;
	-- the owner creates the schemas; the jobs connect and make temporary staging tables
	EXECUTE format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO settlement_owner', current_database());
	EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO settlement_app', current_database());
END
$$;

-- What the owner creates from now on, the jobs may use row by row.
ALTER DEFAULT PRIVILEGES FOR ROLE settlement_owner GRANT USAGE ON SCHEMAS TO settlement_app;
ALTER DEFAULT PRIVILEGES FOR ROLE settlement_owner GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO settlement_app;
ALTER DEFAULT PRIVILEGES FOR ROLE settlement_owner GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO settlement_app;
ALTER DEFAULT PRIVILEGES FOR ROLE settlement_owner GRANT EXECUTE ON FUNCTIONS TO settlement_app;

-- What exists already.
DO $$
DECLARE
	s TEXT;
BEGIN
	FOR s IN SELECT nspname FROM pg_namespace
	         WHERE nspname IN ('batch', 'card', 'payment', 'repayment', 'application', 'report') LOOP
		EXECUTE format('GRANT USAGE ON SCHEMA %I TO settlement_app', s);
		EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO settlement_app', s);
		EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO settlement_app', s);
		EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO settlement_app', s);
	END LOOP;
END
$$;
