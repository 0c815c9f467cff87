// Forms as versioned data: the city adds a version of the admission sheet (a field more) without a
// code change; its definition is checked; a sheet filled before keeps and prints with version 1,
// while a new revision is written and checked against version 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { formDefinitions } from '../../../shared/forms';
import type { DocumentView, FormsOverview } from '../../../shared/schemas/admission-documents';
import type { ParticipationEntry } from '../../../shared/schemas/admission-participation';

describe.each(engines())('admission form versions (%s)', (engine) => {
  let t: TestApp;
  let city: TestClient;
  let careManager: TestClient;
  let sheetUrl: string;

  const { id: _id, version: _version, ...builtIn } = formDefinitions.admission_info_sheet;
  const withVaccination = {
    ...builtIn,
    sections: builtIn.sections.map((section) =>
      section.key === 'services'
        ? {
            ...section,
            fields: [...section.fields, { key: 'vaccination', label: '予防接種の記録', type: 'yesno' }],
          }
        : section,
    ),
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [city, careManager] = await Promise.all([t.signIn('city'), t.signIn('caremanager')]);
    const team = await setUpTeam(t, careManager, []);
    const hospitals = (await careManager.get('/api/admission/participation?kind=hospital')).json();
    const central = hospitals.entries.find(
      (e: ParticipationEntry) => e.name === 'みらい中央病院',
    ).servicePointId;
    const episode = await careManager.post(`/api/admission/teams/${team.teamId}/episodes`, {
      hospitalPointId: central,
      admittedOn: '2026-11-30',
      needsConference: false,
    });
    sheetUrl = `/api/admission/episodes/${episode.json().id}/documents/admission_info_sheet`;
  });
  afterAll(() => t.close());

  it('lists the standard forms as version 1, revisable by city and center staff only', async () => {
    const overview: FormsOverview = (await careManager.get('/api/admission/forms')).json();
    expect(overview.mayEdit).toBe(false);
    expect(overview.forms.map((f) => [f.formId, f.latest.version])).toEqual([
      ['admission_info_sheet', 1],
      ['discharge_info_record', 1],
    ]);
    const refused = await careManager.post('/api/admission/forms/admission_info_sheet/versions', {
      definition: withVaccination,
      basedOn: 1,
    });
    expect(refused.statusCode).toBe(403);
    expect((await t.client().get('/api/admission/forms')).statusCode).toBe(401);
  });

  it('refuses a definition that could not drive the form, and a stale one', async () => {
    const first = builtIn.sections[0];
    if (!first) throw new Error('no section');
    for (const [definition, expected] of [
      [
        { ...builtIn, sections: [{ ...first, fields: [...first.fields, first.fields[0]] }] },
        '重なっています',
      ],
      [
        { ...builtIn, sections: [{ ...first, fields: [{ key: 'x', label: 'X', type: 'choice' }] }] },
        '選択肢',
      ],
      [
        { ...builtIn, sections: [{ ...first, fields: [{ key: 'x', label: 'X', type: 'colour' }] }] },
        '項目の種類',
      ],
      [
        {
          ...builtIn,
          sections: [
            { ...first, fields: [{ key: 'x', label: 'X', type: 'text', prefill: 'patient.salary' }] },
          ],
        },
        '記入元',
      ],
      [{ ...builtIn, sections: [] }, '章を1つ以上'],
      [{ ...builtIn, colour: 'red' }, 'definition'],
    ] as const) {
      const response = await city.post('/api/admission/forms/admission_info_sheet/versions', {
        definition,
        basedOn: 1,
      });
      expect(response.statusCode, expected).toBe(400);
      expect(JSON.stringify(response.json().error), expected).toContain(expected);
    }
  });

  it('keeps a sheet filled before on version 1 and writes the next revision in version 2', async () => {
    const saved = await careManager.put(sheetUrl, {
      values: { name: '秋山 とめ' },
      revision: null,
      version: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await careManager.post(`${sheetUrl}/send`, {
      revision: 1,
      version: saved.json().current.version,
    });
    expect(sent.statusCode).toBe(200);
    const early = await careManager.put(sheetUrl, {
      values: { name: '秋山 とめ', vaccination: true },
      revision: 1,
      version: 2,
    });
    expect(early.statusCode).toBe(400);

    const added = await city.post('/api/admission/forms/admission_info_sheet/versions', {
      definition: withVaccination,
      basedOn: 1,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().forms[0].latest.version).toBe(2);
    const stale = await city.post('/api/admission/forms/admission_info_sheet/versions', {
      definition: withVaccination,
      basedOn: 1,
    });
    expect(stale.json().error.code).toBe('form_version_stale');

    const before: DocumentView = (await careManager.get(sheetUrl)).json();
    expect(before).toMatchObject({ formVersion: 1, definition: { version: 1 }, latest: { version: 2 } });
    const revised = await careManager.put(sheetUrl, {
      values: { name: '秋山 とめ', vaccination: true },
      revision: 1,
      version: before.current?.version,
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const after: DocumentView = revised.json();
    expect(after).toMatchObject({
      formVersion: 2,
      current: { revision: 2, formVersion: 2 },
      definition: { version: 2 },
    });
    expect(after.revisions.map((r) => [r.revision, r.formVersion])).toEqual([
      [2, 2],
      [1, 1],
    ]);
  });
});
