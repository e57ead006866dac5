-- The district (Municipio) each point was in when its sessions ended, from the configured boundaries
-- (docs/statistics.md "Municipi"). Rows stored before this version never had one: they say so.
ALTER TABLE stats_session_hour ADD COLUMN district VARCHAR(100) DEFAULT 'non assegnato / unassigned' NOT NULL;
