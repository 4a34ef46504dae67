-- Trigram operator classes for the ILIKE %text% searches (a trusted extension since PostgreSQL 13; PGlite loads it as a contrib extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
