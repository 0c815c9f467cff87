// One notice, many teams: each team gets its own post, or — when one of them may not be written to —
// none does.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { teamPosts } from '../../db/schema';

describe.each(engines())('one notice to several teams (%s)', (engine) => {
  let t: TestApp;
  let careManager: TestClient;
  let nurse: TestClient;
  let teams: string[];
  let othersTeam: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    careManager = await t.signIn('caremanager');
    nurse = await t.signIn('nurse');
    const member = [{ client: nurse, loginId: 'nurse', teamRole: 'visiting_nurse' }];
    teams = [
      (await setUpTeam(t, careManager, member, '一番 さん')).teamId,
      (await setUpTeam(t, careManager, member, '二番 さん')).teamId,
      (await setUpTeam(t, careManager, [], '三番 さん')).teamId,
    ];
    othersTeam = (await setUpTeam(t, await t.signIn('doctor'), [], '他 さん')).teamId;
  });
  afterAll(() => t.close());

  const postsIn = async (ids: string[]) =>
    t.database.db.select({ teamId: teamPosts.teamId }).from(teamPosts).where(inArray(teamPosts.teamId, ids));

  it('posts the notice to each chosen team', async () => {
    const res = await nurse.post('/api/teams/broadcast', {
      teamIds: teams.slice(0, 2),
      body: '年末年始（12/29〜1/3）の訪問は休みます。緊急時は携帯へ。',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().posts.map((p: { teamId: string }) => p.teamId)).toEqual(teams.slice(0, 2));
    for (const teamId of teams.slice(0, 2))
      expect((await careManager.get(`/api/teams/${teamId}/posts`)).json().items[0].body).toContain(
        '年末年始',
      );
  });

  it('posts nowhere when one team is not the user’s, or is closed', async () => {
    const before = (await postsIn(teams)).length;
    const notMine = await nurse.post('/api/teams/broadcast', { teamIds: [teams[0], teams[2]], body: 'x' });
    expect(notMine.statusCode).toBe(404);
    const foreign = await careManager.post('/api/teams/broadcast', {
      teamIds: [teams[0], othersTeam],
      body: 'x',
    });
    expect(foreign.statusCode).toBe(404);
    await careManager.post(`/api/teams/${teams[1]}/close`);
    const closed = await careManager.post('/api/teams/broadcast', {
      teamIds: [teams[0], teams[1]],
      body: 'x',
    });
    expect(closed.json().error.code).toBe('team_closed');
    expect((await postsIn(teams)).length).toBe(before);
    expect(await t.database.db.select().from(teamPosts).where(eq(teamPosts.teamId, othersTeam))).toEqual([]);
  });

  it('refuses one team only, duplicates and an empty notice', async () => {
    for (const body of [
      { teamIds: [teams[0]], body: 'x' },
      { teamIds: [teams[0], teams[0]], body: 'x' },
      { teamIds: teams.slice(0, 2), body: '  ' },
    ])
      expect((await careManager.post('/api/teams/broadcast', body)).statusCode).toBe(400);
  });
});
