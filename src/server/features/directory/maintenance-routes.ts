// Organisations keep their own entries current: the edit view, published-at-once changes (and
// 「内容を確認した」), requests for the center's approval and their withdrawal, the history of versions,
// and an organisation's list of its entries.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/schemas/common';
import {
  changeRequestCreate,
  changeRequestOutcome,
  changeRequestView,
  orgDirectoryView,
  pointMaintenanceView,
  pointUpdateRequest,
  pointVersionList,
  pointWriteResult,
} from '../../../shared/schemas/directory-maintenance';
import { orgParams } from '../../../shared/schemas/organisations';
import { access } from '../../platform/access';
import { readMaintenanceView, readOrgDirectory } from './maintenance-view';
import { pointMaintainer } from './point-access';
import { listVersions } from './point-versions';
import { requestChange } from './request-change';
import { updatePublishedFields } from './update-point';
import { requestOwner, withdrawChange } from './withdraw-change';

export const maintenanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['directory'];

  app.get(
    '/api/directory/points/:id/maintenance',
    {
      schema: {
        tags,
        summary: 'One entry as its maintainers edit it: fields, version, ケアマネタイム, requests',
        params: idParams,
        response: { 200: pointMaintenanceView },
      },
      config: { access: pointMaintainer },
    },
    async (request) => readMaintenanceView(request, request.params.id),
  );

  app.patch(
    '/api/directory/points/:id',
    {
      schema: {
        tags,
        summary:
          'Publish changes to vacancy, capabilities, contact, hours … at once (send the version read; 409 if stale). No field: confirm the entry as current',
        params: idParams,
        body: pointUpdateRequest,
        response: { 200: pointWriteResult },
      },
      config: { access: pointMaintainer },
    },
    async (request) => updatePublishedFields(request, request.params.id, request.body),
  );

  app.post(
    '/api/directory/points/:id/change-requests',
    {
      schema: {
        tags,
        summary:
          'Ask the center to change identity, name, address or kind (center staff: published at once). 409 when a pending request has the same field',
        params: idParams,
        body: changeRequestCreate,
        response: { 200: changeRequestOutcome },
      },
      config: { access: pointMaintainer },
    },
    async (request) => requestChange(request, request.params.id, request.body),
  );

  app.get(
    '/api/directory/points/:id/versions',
    {
      schema: {
        tags,
        summary: 'History of an entry: who changed what, when, from where (newest first)',
        params: idParams,
        response: { 200: pointVersionList },
      },
      config: { access: pointMaintainer },
    },
    async (request) => ({ versions: await listVersions(app.db, request.params.id) }),
  );

  app.post(
    '/api/directory/change-requests/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a request still waiting for the center',
        params: idParams,
        response: { 200: changeRequestView },
      },
      config: { access: requestOwner },
    },
    async (request) => withdrawChange(request, request.params.id),
  );

  app.get(
    '/api/orgs/:orgId/directory',
    {
      schema: {
        tags,
        summary: "An organisation's directory entries (stale ones marked) and its change requests",
        params: orgParams,
        response: { 200: orgDirectoryView },
      },
      config: { access: access.orgRole('orgId', ['admin'], ['system_admin', 'center_staff']) },
    },
    async (request) => readOrgDirectory(request, request.params.orgId),
  );
};
