import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** The migrations create pg_trgm (trigram indexes for the ILIKE searches); PGlite ships it as a contrib extension. */
export const PGLITE_EXTENSIONS = { pg_trgm };
