// The maintenance side of the directory as the client reads it: query keys, hooks, and the writes'
// shared follow-up (refresh what a change touched).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ChangeRequestView,
  OrgDirectoryView,
  PointMaintenanceView,
  PointVersionView,
  pointWriteResult,
} from '../../../../shared/schemas/directory-maintenance';
import type { areaList } from '../../../../shared/schemas/settings';
import { api } from '../../../api';

export type { ChangeRequestView, OrgDirectoryView, PointMaintenanceView, PointVersionView };
export type WriteResult = z.infer<typeof pointWriteResult>;
export type Area = z.infer<typeof areaList>['areas'][number];

export const maintenanceKey = (id: string) => ['directory-maintenance', 'point', id] as const;
export const versionsKey = (id: string) => ['directory-maintenance', 'versions', id] as const;
export const orgDirectoryKey = (orgId: string) => ['directory-maintenance', 'org', orgId] as const;
export const approvalsKey = (status: 'pending' | 'decided') =>
  ['directory-maintenance', 'approvals', status] as const;

export const pointPath = (id: string) => `/api/directory/points/${encodeURIComponent(id)}`;

export function useMaintenance(id: string) {
  return useQuery({
    queryKey: maintenanceKey(id),
    queryFn: () => api.get<PointMaintenanceView>(`${pointPath(id)}/maintenance`),
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: versionsKey(id),
    queryFn: async () =>
      (await api.get<{ versions: PointVersionView[] }>(`${pointPath(id)}/versions`)).versions,
  });
}

export function useOrgDirectory(orgId: string) {
  return useQuery({
    queryKey: orgDirectoryKey(orgId),
    queryFn: () => api.get<OrgDirectoryView>(`/api/orgs/${encodeURIComponent(orgId)}/directory`),
  });
}

/** The city's areas (the same cache entry as the settings page's). */
export function useAreas() {
  return useQuery({
    queryKey: ['areas'],
    queryFn: () => api.get<z.infer<typeof areaList>>('/api/areas'),
    staleTime: 5 * 60_000,
  });
}

/** After any write to the directory: everything the change may show up in. */
export function useRefreshDirectory() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['directory-maintenance'] });
}
