import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { publicSettings } from '../../shared/schemas/settings';
import { api } from '../api';

export type PublicSettings = z.infer<typeof publicSettings>;
export const publicSettingsKey = ['public-settings'] as const;

/** City name, support center, demo mode: public, and the same for every page. */
export function usePublicSettings() {
  return useQuery({
    queryKey: publicSettingsKey,
    queryFn: () => api.get<PublicSettings>('/api/public/settings'),
    staleTime: 5 * 60_000,
  });
}
