import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { areaList } from '../../../../shared/schemas/settings';
import { api } from '../../../api';

type AreaList = z.infer<typeof areaList>;

/** The city's areas (日常生活圏域・校区), public: the directory filters on them. */
export function useAreas() {
  return useQuery({
    queryKey: ['areas'],
    queryFn: () => api.get<AreaList>('/api/areas'),
    staleTime: 10 * 60_000,
    select: (data) => data.areas,
  });
}
