// /api/patients/:patientId/emergency: the care team's 救急医療情報 and kit — patient data, each patient
// opened through platform/patient-access.ts, audited. /api/emergency/lookup and /search: the EMS path,
// for ambulance crews only (emsCrew; refusals audited), rate-limited per address on top of the lockout.
// /api/emergency/to-confirm: the member's sheets due for their yearly check (audited).
// /api/emergency/accesses and /indicators: the center's review list and the indicators (no names).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, okResponse } from '../../../shared/schemas/common';
import {
  emergencyParams,
  emergencySaveRequest,
  emergencySheetView,
  emsLookupRequest,
  emsSearchRequest,
  emsSearchResult,
  emsSheet,
  indicators,
  indicatorsQuery,
  kitIssued,
  kitIssueRequest,
  reviewList as reviewListSchema,
  reviewQuery,
  reviewRequest,
  sheetsToConfirm as sheetsToConfirmSchema,
} from '../../../shared/schemas/emergency';
import { access } from '../../platform/access';
import { emsCrew, lookUpByCard, searchByName } from './ems';
import { issueKit, revokeKit } from './kits';
import { indicatorsOf, REVIEW_READERS, REVIEWERS, reviewAccess, reviewList } from './review';
import { readSheet, saveSheet } from './sheet';
import { sheetsToConfirm } from './to-confirm';

export const emergencyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['emergency'];
  const patientData = { access: access.patientData() };
  // Counted in each process (as the sign-in limit): with several workers each takes its share.
  const emsRateLimit = {
    max: Math.ceil(app.config.emsRateLimitPerMinute / app.config.workers),
    timeWindow: '1 minute',
  };

  app.get(
    '/api/patients/:patientId/emergency',
    {
      schema: {
        tags,
        summary: "The patient's emergency sheet, wishes from the current ACP record, kit and EMS look-ups",
        params: emergencyParams,
        response: { 200: emergencySheetView },
      },
      config: patientData,
    },
    async (request) => readSheet(request, request.params.patientId),
  );

  app.put(
    '/api/patients/:patientId/emergency',
    {
      schema: {
        tags,
        summary: 'Save the emergency sheet (send the version read; 409 if stale)',
        params: emergencyParams,
        body: emergencySaveRequest,
        response: { 200: emergencySheetView },
      },
      config: patientData,
    },
    async (request) => saveSheet(request, request.params.patientId, request.body),
  );

  app.post(
    '/api/patients/:patientId/emergency/kits',
    {
      schema: {
        tags,
        summary: "Issue a kit: a new card's QR token and code, shown once (the kit before is revoked)",
        params: emergencyParams,
        body: kitIssueRequest,
        response: { 201: kitIssued },
      },
      config: patientData,
    },
    async (request, reply) =>
      reply.code(201).send(await issueKit(request, request.params.patientId, request.body)),
  );

  app.post(
    '/api/patients/:patientId/emergency/kits/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke the kit in force (a lost card): its QR and code stop working',
        params: emergencyParams,
        response: { 200: okResponse },
      },
      config: patientData,
    },
    async (request) => {
      await revokeKit(request, request.params.patientId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/emergency/to-confirm',
    {
      schema: {
        tags,
        summary: "Sheets of the user's open teams due for their yearly check (or within 30 days)",
        response: { 200: sheetsToConfirmSchema },
      },
      config: patientData,
    },
    async (request) => sheetsToConfirm(request),
  );

  app.post(
    '/api/emergency/lookup',
    {
      schema: {
        tags,
        summary: "EMS: open a sheet by the card's QR token or short code, with a reason (audited)",
        body: emsLookupRequest,
        response: { 200: emsSheet },
      },
      config: { access: emsCrew, rateLimit: emsRateLimit },
    },
    async (request) => lookUpByCard(request, request.body),
  );

  app.post(
    '/api/emergency/search',
    {
      schema: {
        tags,
        summary: 'EMS break-glass search: full name and birth date, exactly, with a reason (reviewed)',
        body: emsSearchRequest,
        response: { 200: emsSearchResult },
      },
      config: { access: emsCrew, rateLimit: emsRateLimit },
    },
    async (request) => ({ items: await searchByName(request, request.body) }),
  );

  app.get(
    '/api/emergency/accesses',
    {
      schema: {
        tags,
        summary: 'EMS look-ups for review (pending: break-glass searches without an outcome)',
        querystring: reviewQuery,
        response: { 200: reviewListSchema },
      },
      config: { access: access.systemRole(...REVIEW_READERS) },
    },
    async (request) => reviewList(request, request.query.status),
  );

  app.put(
    '/api/emergency/accesses/:id/review',
    {
      schema: {
        tags,
        summary: 'Record the outcome of a review (once)',
        params: idParams,
        body: reviewRequest,
        response: { 200: reviewListSchema },
      },
      config: { access: access.systemRole(...REVIEWERS) },
    },
    async (request) => reviewAccess(request, request.params.id, request.body),
  );

  app.get(
    '/api/emergency/indicators',
    {
      schema: {
        tags,
        summary: 'Kits issued per month and area, ACP discussions per month, EMS look-ups per month',
        querystring: indicatorsQuery,
        response: { 200: indicators },
      },
      config: { access: access.systemRole(...REVIEW_READERS) },
    },
    async (request) => indicatorsOf(request, request.query.year),
  );
};
