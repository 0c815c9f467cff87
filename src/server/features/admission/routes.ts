// /api/admission/*: admission and discharge support (入退院支援). The rule is read by every signed-in
// user and written by city and support-center staff; participation is read by every signed-in user and
// declared by the entry's organisation admins or the support center. Episodes are patient data: each is
// opened through platform/patient-access.ts (the care team, and the hospital's window), which audits;
// the center's lists carry no patient and are for city and center staff.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  documentParams,
  documentRevisionRequest,
  documentSaveRequest,
  documentView,
  formParams,
  formsOverview as formsOverviewSchema,
  formVersionRequest,
} from '../../../shared/schemas/admission-documents';
import {
  centerOverdue as centerOverdueSchema,
  conferenceScheduleRequest,
  dischargeRequest,
  episodeFile,
  episodeFileParams,
  episodeFileQuery,
  episodeOpenRequest,
  episodeParams,
  episodeView,
  expectedDischargeRequest,
  myDueSteps as myDueStepsSchema,
  openEpisodes,
  performance,
  performanceQuery,
  stepParams,
  stepRecordRequest,
  surveyQuery,
  survey as surveySchema,
  teamEpisodes,
  teamEpisodesParams,
} from '../../../shared/schemas/admission-episodes';
import {
  participationList,
  participationQuery,
  participationRates as participationRatesSchema,
  participationUpdate,
  participationWriteResult,
} from '../../../shared/schemas/admission-participation';
import {
  ruleOverview as ruleOverviewSchema,
  ruleVersionRequest,
} from '../../../shared/schemas/admission-rule';
import { idParams } from '../../../shared/schemas/common';
import { access } from '../../platform/access';
import { acceptFileUploads } from '../../platform/files';
import { contentDisposition } from '../directory/export-csv';
import { pointMaintainer } from '../directory/point-access';
import { readDocument, receiveDocument, saveDocument, sendDocument } from './documents';
import { centerOverdue, myDueSteps, myOpenEpisodes, rulePerformance } from './due-lists';
import { sendEpisodeFile, uploadEpisodeFile } from './episode-files';
import {
  listTeamEpisodes,
  openTeamEpisode,
  readEpisode,
  recordDischarge,
  setExpectedDischarge,
} from './episodes';
import { addFormVersion, formsOverview } from './forms';
import { declareParticipation, listParticipation, participationRates } from './participation';
import { addRuleVersion, RULE_EDITORS, ruleOverview } from './rule';
import { acknowledgeReceipt, recordStep, scheduleConference } from './steps';
import { surveyCsv, surveyOf } from './survey';

export const admissionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['admission'];

  app.get(
    '/api/admission/rule',
    {
      schema: {
        tags,
        summary: 'The rule in force, every version, and example deadlines',
        response: { 200: ruleOverviewSchema },
      },
      config: { access: access.signedIn() },
    },
    async (request) => ruleOverview(request),
  );

  app.post(
    '/api/admission/rule/versions',
    {
      schema: {
        tags,
        summary: 'Add a version of the rule (from the latest one)',
        body: ruleVersionRequest,
        response: { 201: ruleOverviewSchema },
      },
      config: { access: access.systemRole(...RULE_EDITORS) },
    },
    async (request, reply) => reply.code(201).send(await addRuleVersion(request, request.body)),
  );
  app.get(
    '/api/admission/participation',
    {
      schema: {
        tags,
        summary:
          'Hospitals or care-management offices and their participation in the rule, with their windows',
        querystring: participationQuery,
        response: { 200: participationList },
      },
      config: { access: access.signedIn() },
    },
    async (request) => listParticipation(request, request.query),
  );

  app.get(
    '/api/admission/participation/rates',
    {
      schema: {
        tags,
        summary: 'The participation rate by kind and area, and for the whole city (live)',
        response: { 200: participationRatesSchema },
      },
      config: { access: access.signedIn() },
    },
    async () => participationRates(app.db),
  );

  app.put(
    '/api/admission/participation/:id',
    {
      schema: {
        tags,
        summary: "Declare a directory entry's participation and window (send the version read; 409 if stale)",
        params: idParams,
        body: participationUpdate,
        response: { 200: participationWriteResult },
      },
      config: { access: pointMaintainer },
    },
    async (request) => ({ entry: await declareParticipation(request, request.params.id, request.body) }),
  );
  const patientData = { access: access.patientData() };
  acceptFileUploads(app);

  app.post(
    '/api/admission/episodes/:episodeId/files',
    {
      schema: {
        tags,
        summary:
          'Attach a PDF or photo to the episode (raw body, application/octet-stream; name URI-encoded in x-file-name)',
        params: episodeParams,
        querystring: episodeFileQuery,
        response: { 201: z.object({ files: z.array(episodeFile) }) },
      },
      config: patientData,
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ files: await uploadEpisodeFile(request, request.params.episodeId, request.query.kind) }),
  );

  app.get(
    '/api/admission/episodes/:episodeId/files/:fileId',
    {
      schema: {
        tags,
        summary: "One of the episode's files (images inline, PDF as download)",
        params: episodeFileParams,
      },
      config: patientData,
    },
    async (request, reply) =>
      sendEpisodeFile(request, reply, request.params.episodeId, request.params.fileId),
  );
  const episode = { 200: episodeView };

  app.get(
    '/api/admission/teams/:teamId/episodes',
    {
      schema: {
        tags,
        summary: "The team's admission episodes",
        params: teamEpisodesParams,
        response: { 200: teamEpisodes },
      },
      config: patientData,
    },
    async (request) => listTeamEpisodes(request, request.params.teamId),
  );

  app.post(
    '/api/admission/teams/:teamId/episodes',
    {
      schema: {
        tags,
        summary:
          "Open an admission episode for the team's patient (deadlines from the rule in force that day)",
        params: teamEpisodesParams,
        body: episodeOpenRequest,
        response: { 201: episodeView },
      },
      config: patientData,
    },
    async (request, reply) =>
      reply.code(201).send(await openTeamEpisode(request, request.params.teamId, request.body)),
  );

  app.get(
    '/api/admission/episodes/:episodeId',
    {
      schema: { tags, summary: 'An episode with its steps', params: episodeParams, response: episode },
      config: patientData,
    },
    async (request) => readEpisode(request, request.params.episodeId, 'episode.read'),
  );

  app.put(
    '/api/admission/episodes/:episodeId/expected-discharge',
    {
      schema: {
        tags,
        summary: 'Set the expected discharge and whether a conference is needed (version read; 409 if stale)',
        params: episodeParams,
        body: expectedDischargeRequest,
        response: episode,
      },
      config: patientData,
    },
    async (request) => setExpectedDischarge(request, request.params.episodeId, request.body),
  );

  app.post(
    '/api/admission/episodes/:episodeId/steps/:step',
    {
      schema: {
        tags,
        summary: 'Record a step as done, with date, method and the person on the other side (once: 409)',
        params: stepParams,
        body: stepRecordRequest,
        response: episode,
      },
      config: patientData,
    },
    async (request) => recordStep(request, request.params.episodeId, request.params.step, request.body),
  );

  app.post(
    '/api/admission/episodes/:episodeId/receipt',
    {
      schema: {
        tags,
        summary: "The hospital's window acknowledges the admission information (403 for anyone else)",
        params: episodeParams,
        response: episode,
      },
      config: patientData,
    },
    async (request) => acknowledgeReceipt(request, request.params.episodeId),
  );

  app.put(
    '/api/admission/episodes/:episodeId/conference',
    {
      schema: {
        tags,
        summary: 'Schedule (or move) the pre-discharge conference',
        params: episodeParams,
        body: conferenceScheduleRequest,
        response: episode,
      },
      config: patientData,
    },
    async (request) => scheduleConference(request, request.params.episodeId, request.body),
  );

  app.post(
    '/api/admission/episodes/:episodeId/discharge',
    {
      schema: {
        tags,
        summary: 'Record the discharge and its outcome (a transfer opens a linked episode)',
        params: episodeParams,
        body: dischargeRequest,
        response: episode,
      },
      config: patientData,
    },
    async (request) => recordDischarge(request, request.params.episodeId, request.body),
  );

  app.get(
    '/api/admission/episodes',
    {
      schema: {
        tags,
        summary: 'Episodes still in hospital that the signed-in user takes part in (team or hospital)',
        response: { 200: openEpisodes },
      },
      config: patientData,
    },
    async (request) => myOpenEpisodes(request),
  );

  app.get(
    '/api/admission/due',
    {
      schema: {
        tags,
        summary: "The signed-in user's overdue and due-soon steps (their organisations' own)",
        response: { 200: myDueStepsSchema },
      },
      config: patientData,
    },
    async (request) => myDueSteps(request),
  );

  app.get(
    '/api/admission/center/overdue',
    {
      schema: {
        tags,
        summary: 'Every overdue step of the city, without patients',
        response: { 200: centerOverdueSchema },
      },
      config: { access: access.systemRole(...RULE_EDITORS) },
    },
    async () => centerOverdue(app.db),
  );

  app.get(
    '/api/admission/center/performance',
    {
      schema: {
        tags,
        summary: 'On-time rate per month, step and organisation',
        querystring: performanceQuery,
        response: { 200: performance },
      },
      config: { access: access.systemRole(...RULE_EDITORS) },
    },
    async (request) => rulePerformance(app.db, request.query),
  );

  const document = { 200: documentView };

  app.get(
    '/api/admission/episodes/:episodeId/documents/:formId',
    {
      schema: {
        tags,
        summary:
          'A form of the episode: its pre-filled values, current revision and the one the hospital received',
        params: documentParams,
        response: document,
      },
      config: patientData,
    },
    async (request) => readDocument(request, request.params.episodeId, request.params.formId),
  );

  app.put(
    '/api/admission/episodes/:episodeId/documents/:formId',
    {
      schema: {
        tags,
        summary: 'Save the form (the draft in place; after sending, the next revision; 409 if stale)',
        params: documentParams,
        body: documentSaveRequest,
        response: document,
      },
      config: patientData,
    },
    async (request) => saveDocument(request, request.params.episodeId, request.params.formId, request.body),
  );

  app.post(
    '/api/admission/episodes/:episodeId/documents/:formId/send',
    {
      schema: {
        tags,
        summary:
          "Send the admission sheet to the hospital's window, or confirm the discharge record (the step is done)",
        params: documentParams,
        body: documentRevisionRequest,
        response: document,
      },
      config: patientData,
    },
    async (request) => sendDocument(request, request.params.episodeId, request.params.formId, request.body),
  );

  app.post(
    '/api/admission/episodes/:episodeId/documents/:formId/receive',
    {
      schema: {
        tags,
        summary: "The hospital's window acknowledges the admission sheet (the receipt closes the step)",
        params: documentParams,
        body: documentRevisionRequest,
        response: document,
      },
      config: patientData,
    },
    async (request) =>
      receiveDocument(request, request.params.episodeId, request.params.formId, request.body),
  );

  app.get(
    '/api/admission/forms',
    {
      schema: {
        tags,
        summary: 'The forms, their latest definitions and versions',
        response: { 200: formsOverviewSchema },
      },
      config: { access: access.signedIn() },
    },
    async (request) => formsOverview(request),
  );

  app.post(
    '/api/admission/forms/:formId/versions',
    {
      schema: {
        tags,
        summary: "Add a city's version of a form: the whole definition, from the latest (409 if stale)",
        params: formParams,
        body: formVersionRequest,
        response: { 201: formsOverviewSchema },
      },
      config: { access: access.systemRole(...RULE_EDITORS) },
    },
    async (request, reply) =>
      reply.code(201).send(await addFormVersion(request, request.params.formId, request.body)),
  );

  app.get(
    '/api/admission/center/survey',
    {
      schema: {
        tags,
        summary: "The month's figures of the rule-operation survey per office and hospital (no patients)",
        querystring: surveyQuery,
        response: { 200: surveySchema },
      },
      config: { access: access.systemRole(...RULE_EDITORS) },
    },
    async (request) => surveyOf(app.db, request.query.month),
  );

  app.get(
    '/api/admission/center/survey.csv',
    {
      schema: {
        tags,
        summary: 'The same figures as a CSV file (UTF-8 with BOM, or Shift_JIS for older Excel)',
        querystring: surveyQuery,
      },
      config: { access: access.systemRole(...RULE_EDITORS) },
    },
    async (request, reply) => {
      const { month, encoding } = request.query;
      const name = {
        japanese: `入退院支援ルール運用状況_${month}.csv`,
        ascii: `admission-survey-${month}.csv`,
      };
      return reply
        .header('content-type', `text/csv; charset=${encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8'}`)
        .header('content-disposition', contentDisposition(name))
        .send(surveyCsv(await surveyOf(app.db, month), encoding));
    },
  );
};
