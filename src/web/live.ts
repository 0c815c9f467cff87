// Live updates from the server (GET /api/live, server-sent events): one stream per tab, open while a
// page that wants it is shown. An event only says which team changed; the queries of that team and
// the home page are fetched again, through the normal routes. After a lost connection the browser
// reconnects by itself, and everything shown is fetched again (events meanwhile were missed).
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { LiveEvent } from '../shared/schemas/teams';

export const careHomeKey = ['home', 'care'] as const;
export const teamKey = (teamId: string) => ['teams', teamId] as const;

let source: EventSource | null = null;
let users = 0;

function refresh(client: QueryClient, event: LiveEvent | null): void {
  void client.invalidateQueries({ queryKey: event ? teamKey(event.teamId) : ['teams'] });
  void client.invalidateQueries({ queryKey: careHomeKey });
  if (!event || event.type === 'team') void client.invalidateQueries({ queryKey: ['patients'] });
  if (!event || event.type === 'admission') void client.invalidateQueries({ queryKey: ['admission'] });
  if (!event || event.type === 'emergency') {
    void client.invalidateQueries({ queryKey: ['emergency'] });
    void client.invalidateQueries({ queryKey: ['acp'] });
  }
}

function open(client: QueryClient): void {
  source = new EventSource('/api/live');
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) refresh(client, null);
    opened = true;
  });
  for (const type of [
    'post',
    'read',
    'team',
    'meeting',
    'admission',
    'emergency',
  ] satisfies LiveEvent['type'][])
    source.addEventListener(type, (message) => refresh(client, JSON.parse((message as MessageEvent).data)));
}

/** Keeps the tab's live stream open while the calling component is shown. */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    users += 1;
    if (!source) open(client);
    return () => {
      users -= 1;
      if (users === 0) {
        source?.close();
        source = null;
      }
    };
  }, [client]);
}
