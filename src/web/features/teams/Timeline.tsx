// The team's timeline: the composer, the posts newest first, earlier pages on request. What is shown
// while the tab is visible counts as read (既読), so the authors see who has read their posts.
import { Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamDetail, TeamPost } from '../../../shared/schemas/teams';
import { api } from '../../api';
import { careHomeKey } from '../../live';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Section } from '../../ui/Section';
import { Composer } from './Composer';
import { PostCard } from './PostCard';
import { teamPath, usePosts } from './use-team';
import './i18n';

const unreadIds = (posts: TeamPost[]) =>
  posts
    .flatMap((post) => [post, ...post.replies])
    .filter((p) => !p.readByMe && !p.retracted)
    .map((p) => p.id);

/** Marks the shown posts read while the tab is visible; each post once (not for a support look). */
function useMarkRead(teamId: string, posts: TeamPost[], enabled: boolean) {
  const client = useQueryClient();
  const sent = useRef(new Set<string>());
  useEffect(() => {
    const mark = () => {
      if (!enabled || document.visibilityState !== 'visible') return;
      const ids = unreadIds(posts).filter((id) => !sent.current.has(id));
      if (ids.length === 0) return;
      for (const id of ids) sent.current.add(id);
      void api.post(teamPath(teamId, '/reads'), { postIds: ids }).then(() => {
        void client.invalidateQueries({ queryKey: careHomeKey });
        void client.invalidateQueries({ queryKey: ['teams', teamId, 'posts'] });
      });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [client, teamId, posts, enabled]);
}

export function Timeline({ team }: { team: TeamDetail }) {
  const { t } = useTranslation('teams');
  const posts = usePosts(team.id);
  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];
  useMarkRead(team.id, items, team.support === null);
  const readers = team.members.filter((m) => m.status === 'active').length - 1;
  return (
    <Section id="timeline-heading" title={t('timeline.title')}>
      <Stack>
        {team.status === 'open' && <Composer team={team} />}
        {posts.isPending ? (
          <Loading />
        ) : posts.error ? (
          <ErrorAlert error={posts.error} />
        ) : items.length === 0 ? (
          <Text>{t('timeline.empty')}</Text>
        ) : (
          <Stack component="div" gap="md" aria-live="polite">
            {items.map((post) => (
              <PostCard key={post.id} team={team} post={post} readers={readers} />
            ))}
          </Stack>
        )}
        {posts.hasNextPage && (
          <Button
            variant="default"
            loading={posts.isFetchingNextPage}
            onClick={() => void posts.fetchNextPage()}
          >
            {t('timeline.more')}
          </Button>
        )}
      </Stack>
    </Section>
  );
}
