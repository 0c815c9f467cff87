import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { DirectorySearchResult, ServicePointSummary } from '../../../../shared/schemas/directory';
import { api } from '../../../api';

const searchUrl = (query: string, limit: number, cursor?: string | null) => {
  const params = new URLSearchParams(query);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return `/api/directory/search?${params.toString()}`;
};

/** A search (its query string), page by page: 「もっと見る」 asks for the next page by cursor. */
export function useDirectorySearch(query: string, pageSize = 20) {
  const search = useInfiniteQuery({
    queryKey: ['directory', 'search', query, pageSize],
    queryFn: ({ pageParam }) => api.get<DirectorySearchResult>(searchUrl(query, pageSize, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const first = search.data?.pages[0];
  return {
    ...search,
    items: search.data?.pages.flatMap((page) => page.items) ?? [],
    total: first ? { count: first.total, capped: first.totalCapped } : null,
  };
}

/** The first points of a search for the map (a few pages of 100), and whether there were more. */
export function useMapPoints(query: string, enabled: boolean, max = 500) {
  return useQuery({
    queryKey: ['directory', 'map', query, max],
    enabled,
    queryFn: async () => {
      const points: ServicePointSummary[] = [];
      let cursor: string | null = null;
      do {
        const page: DirectorySearchResult = await api.get(searchUrl(query, 100, cursor));
        points.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && points.length < max);
      return { points: points.slice(0, max), more: cursor !== null || points.length > max };
    },
  });
}

export type ResultCount = ReturnType<typeof useDirectorySearch>['total'];
