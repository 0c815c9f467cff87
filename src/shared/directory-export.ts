// Limits of the directory's CSV export, kept apart from the schemas so the web client can read them
// without loading Zod.

/** The most matches one CSV export reads; the search page says so when a result set is larger. */
export const DIRECTORY_EXPORT_MAX_ROWS = 10_000;
