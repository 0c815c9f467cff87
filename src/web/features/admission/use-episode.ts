// The queries and mutations of admission episodes. Every change answers with the episode as it is
// now, which replaces the page's copy; the live stream refreshes the others' pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EpisodeView, TeamEpisodes } from '../../../shared/schemas/admission-episodes';
import type { ParticipationList } from '../../../shared/schemas/admission-participation';
import { api } from '../../api';
import { careHomeKey } from '../../live';

export const episodeKey = (episodeId: string) => ['admission', 'episode', episodeId] as const;
export const teamEpisodesKey = (teamId: string) => ['admission', 'team', teamId] as const;
export const dueKey = ['admission', 'due'] as const;
export const episodePath = (episodeId: string, rest = '') =>
  `/api/admission/episodes/${encodeURIComponent(episodeId)}${rest}`;

export function useEpisode(episodeId: string) {
  return useQuery({
    queryKey: episodeKey(episodeId),
    queryFn: () => api.get<EpisodeView>(episodePath(episodeId)),
  });
}

export function useTeamEpisodes(teamId: string) {
  return useQuery({
    queryKey: teamEpisodesKey(teamId),
    queryFn: () => api.get<TeamEpisodes>(`/api/admission/teams/${encodeURIComponent(teamId)}/episodes`),
  });
}

/** Every hospital of the directory, participating first: the choice when opening or transferring. */
export function useHospitals() {
  return useQuery({
    queryKey: ['admission', 'participation', 'list', 'hospital', null, null],
    queryFn: () => api.get<ParticipationList>('/api/admission/participation?kind=hospital'),
  });
}

/** A change of the episode: the answer replaces the page's copy; lists and the home page refresh. */
export function useEpisodeMutation<Input>(episodeId: string, run: (input: Input) => Promise<EpisodeView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (view) => {
      client.setQueryData(episodeKey(episodeId), view);
      void client.invalidateQueries({ queryKey: teamEpisodesKey(view.teamId) });
      void client.invalidateQueries({ queryKey: dueKey });
      void client.invalidateQueries({ queryKey: careHomeKey });
    },
  });
}
