-- The search no longer reads the table in 五十音 order (its index sorts in memory), so the sort index
-- goes: it cost every import a random insert per row.
DROP INDEX "service_points_sort_idx";--> statement-breakpoint
DROP INDEX "service_points_tokens_idx";--> statement-breakpoint
ALTER TABLE "service_points" DROP COLUMN "sort_bucket";--> statement-breakpoint
ALTER TABLE "service_points" DROP COLUMN "search_tokens";
