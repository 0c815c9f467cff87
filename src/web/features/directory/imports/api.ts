// The import runs as the client reads them: the list, one run (polled every second while it runs),
// and the upload itself (the file as the raw request body, not JSON).
import { useQuery } from '@tanstack/react-query';
import type {
  ImportMode,
  ImportRunDetail,
  ImportRunSummary,
} from '../../../../shared/schemas/directory-import';
import { api, upload, withQuery } from '../../../api';

export type { ImportMode, ImportRunDetail, ImportRunSummary };

export const runsKey = ['directory-imports'] as const;
export const runKey = (id: string, offset: number) => ['directory-imports', id, offset] as const;
export const REJECTED_PAGE = 50;

export function useRuns() {
  return useQuery({
    queryKey: runsKey,
    queryFn: async () => (await api.get<{ runs: ImportRunSummary[] }>('/api/directory/imports')).runs,
  });
}

export function useRun(id: string, offset: number) {
  return useQuery({
    queryKey: runKey(id, offset),
    queryFn: () =>
      api.get<ImportRunDetail>(
        withQuery(`/api/directory/imports/${encodeURIComponent(id)}`, { limit: REJECTED_PAGE, offset }),
      ),
    refetchInterval: (query) => (query.state.data?.run.status === 'running' ? 1000 : false),
  });
}

/** Sends the file as it is (Shift_JIS stays Shift_JIS: the server finds the encoding). */
export function uploadImport(file: File, mode: ImportMode): Promise<{ id: string }> {
  return upload(withQuery('/api/directory/imports', { fileName: file.name, mode }), file);
}
