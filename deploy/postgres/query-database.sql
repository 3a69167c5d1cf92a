-- Run once by the postgres image on an empty data directory (docker-compose.yml): the query side's
-- projections get a database of their own beside the command side's event store (rapporteur).
CREATE DATABASE rapporteur_query;
