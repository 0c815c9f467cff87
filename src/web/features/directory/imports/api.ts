// The import runs as the client reads them: the list, one run (polled every second while it runs),
// and the upload itself (the file as the raw request body, not JSON).
import { useQuery } from '@tanstack/react-query';
import type {
  ImportMode,
  ImportRunDetail,
  ImportRunSummary,
} from '../../../../shared/schemas/directory-import';
import { ApiError, api, toApiError, withQuery } from '../../../api';
import i18n from '../../../i18n';

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
export async function uploadImport(file: File, mode: ImportMode): Promise<{ id: string }> {
  let response: Response;
  try {
    response = await fetch(withQuery('/api/directory/imports', { fileName: file.name, mode }), {
      method: 'POST',
      headers: {
        'x-tsunagu-csrf': '1',
        'content-type': 'application/octet-stream',
        accept: 'application/json',
      },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, data);
  return data as { id: string };
}
