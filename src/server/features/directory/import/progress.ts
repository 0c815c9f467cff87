// How far the runs under way in this process are: rows and bytes read so far. Kept in memory, since a
// run's data transaction holds PGlite's only connection until it ends (and on PostgreSQL a run's own
// rows are invisible to others until then anyway); a run read from another process shows no progress.
import type { ImportProgress } from '../../../../shared/schemas/directory-import';

const live = new Map<string, ImportProgress>();

export const liveProgress = {
  get: (runId: string): ImportProgress | undefined => live.get(runId),
  set: (runId: string, progress: ImportProgress): void => {
    live.set(runId, progress);
  },
  end: (runId: string): void => {
    live.delete(runId);
  },
};
