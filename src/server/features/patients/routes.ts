// /api/patients/*: the patient's record (利用者台帳) and consent. Every route is for signed-in
// professionals; which patients each may see is decided by platform/patient-access.ts (others: 404).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { storedFile } from '../../../shared/schemas/files';
import {
  consentCreateRequest,
  consentDocumentRequest,
  consentParams,
  consentWithdrawRequest,
  patientCreateRequest,
  patientDetail,
  patientList,
  patientParams,
  patientSearchQuery,
  patientUpdateRequest,
} from '../../../shared/schemas/patients';
import { access } from '../../platform/access';
import { acceptFileUploads } from '../../platform/files';
import {
  attachConsentDocument,
  readConsentDocument,
  recordConsent,
  uploadConsentDocument,
  withdrawConsent,
} from './consents';
import { createPatient, findPatients, readPatient, updatePatient } from './patients';

export const patientRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['patients'];
  const rule = access.patientData();
  acceptFileUploads(app);

  app.get(
    '/api/patients',
    {
      schema: {
        tags,
        summary: 'Find patients the user may see, by name or reading and birth date',
        querystring: patientSearchQuery,
        response: { 200: patientList },
      },
      config: { access: rule },
    },
    async (request) => findPatients(request, request.query),
  );

  app.post(
    '/api/patients',
    {
      schema: {
        tags,
        summary: 'Register a patient for one of the user’s organisations (409 possible_duplicate first)',
        body: patientCreateRequest,
        response: { 201: patientDetail },
      },
      config: { access: rule },
    },
    async (request, reply) => reply.status(201).send(await createPatient(request, request.body)),
  );

  app.get(
    '/api/patients/:patientId',
    {
      schema: {
        tags,
        summary: 'A patient’s record and consents',
        params: patientParams,
        response: { 200: patientDetail },
      },
      config: { access: rule },
    },
    async (request) => readPatient(request, request.params.patientId),
  );

  app.put(
    '/api/patients/:patientId',
    {
      schema: {
        tags,
        summary: 'Change a patient’s record (409 edit_conflict when it changed meanwhile)',
        params: patientParams,
        body: patientUpdateRequest,
        response: { 200: patientDetail },
      },
      config: { access: rule },
    },
    async (request) => updatePatient(request, request.params.patientId, request.body),
  );

  app.post(
    '/api/patients/:patientId/consents',
    {
      schema: {
        tags,
        summary: 'Record consent, one entry per scope',
        params: patientParams,
        body: consentCreateRequest,
        response: { 201: patientDetail },
      },
      config: { access: rule },
    },
    async (request, reply) =>
      reply.status(201).send(await recordConsent(request, request.params.patientId, request.body)),
  );

  app.post(
    '/api/patients/:patientId/consents/:consentId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a consent, with the reason (the entry is kept)',
        params: consentParams,
        body: consentWithdrawRequest,
        response: { 200: patientDetail },
      },
      config: { access: rule },
    },
    async (request) =>
      withdrawConsent(request, request.params.patientId, request.params.consentId, request.body.reason),
  );

  app.post(
    '/api/patients/:patientId/files',
    {
      schema: {
        tags,
        summary:
          'Upload a scanned consent form, PDF or photo (raw body, application/octet-stream; name URI-encoded in x-file-name)',
        params: patientParams,
        response: { 201: storedFile },
      },
      config: { access: rule },
    },
    async (request, reply) =>
      reply.status(201).send(await uploadConsentDocument(request, request.params.patientId)),
  );

  app.put(
    '/api/patients/:patientId/consents/:consentId/document',
    {
      schema: {
        tags,
        summary: 'Attach an uploaded scan to a consent recorded without one (409 when it has one)',
        params: consentParams,
        body: consentDocumentRequest,
        response: { 200: patientDetail },
      },
      config: { access: rule },
    },
    async (request) =>
      attachConsentDocument(request, request.params.patientId, request.params.consentId, request.body.fileId),
  );

  app.get(
    '/api/patients/:patientId/consents/:consentId/document',
    {
      schema: { tags, summary: 'The scanned consent form', params: consentParams },
      config: { access: rule },
    },
    async (request, reply) =>
      readConsentDocument(request, reply, request.params.patientId, request.params.consentId),
  );
};
