// How far the runs under way in this process are: rows and bytes read so far. Kept in memory, since a
// run's data transaction holds PGlite's only connection until it ends (and on PostgreSQL a run's own
// rows are invisible to others until then anyway). The other workers of this server are told
// (platform/workers.ts); a run of another program (the CLI) shows no progress.
import type { ImportProgress } from '../../../../shared/schemas/directory-import';
import { workerChannel } from '../../../platform/workers';

const live = new Map<string, ImportProgress>();
const workers = workerChannel<{ runId: string; progress: ImportProgress | null }>('import-progress');

function keep(runId: string, progress: ImportProgress | null): void {
  if (progress) live.set(runId, progress);
  else live.delete(runId);
}
workers.receive(({ runId, progress }) => keep(runId, progress));

export const liveProgress = {
  get: (runId: string): ImportProgress | undefined => live.get(runId),
  set: (runId: string, progress: ImportProgress): void => {
    keep(runId, progress);
    workers.send({ runId, progress });
  },
  end: (runId: string): void => {
    keep(runId, null);
    workers.send({ runId, progress: null });
  },
};
