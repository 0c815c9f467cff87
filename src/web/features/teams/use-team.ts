// The queries and mutations of a care team's pages.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CareHome, TeamDetail, TeamPost } from '../../../shared/schemas/teams';
import { api, withQuery } from '../../api';
import { careHomeKey, teamKey } from '../../live';

export const teamPath = (teamId: string, rest = '') => `/api/teams/${encodeURIComponent(teamId)}${rest}`;

/** What waits for the professional (home page and the header's notices share it). */
export function useCareHome() {
  return useQuery({ queryKey: careHomeKey, queryFn: () => api.get<CareHome>('/api/home/care') });
}

export function useTeam(teamId: string) {
  return useQuery({ queryKey: teamKey(teamId), queryFn: () => api.get<TeamDetail>(teamPath(teamId)) });
}

type PostPage = { items: TeamPost[]; more: boolean };

export function usePosts(teamId: string) {
  return useInfiniteQuery({
    queryKey: [...teamKey(teamId), 'posts'],
    queryFn: ({ pageParam }) =>
      api.get<PostPage>(withQuery(teamPath(teamId, '/posts'), { before: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.more ? last.items.at(-1)?.id : undefined),
  });
}

/** A mutation of the team that refreshes its queries (and the home page) when it succeeds. */
export function useTeamMutation<Input, Output = unknown>(
  teamId: string,
  run: (input: Input) => Promise<Output>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: teamKey(teamId) });
      void client.invalidateQueries({ queryKey: careHomeKey });
    },
  });
}
