-- Searches read the whole GIN pending list: keep it small (256 kB) between imports and vacuums.
-- PGlite has no autovacuum; imports merge it explicitly (features/directory/token-stats.ts).
ALTER INDEX "service_points_tokens_idx" SET (gin_pending_list_limit = 256);
