// /api/teams/*, /api/invitations/*, /api/home/care and /api/patients/:patientId/teams: care teams,
// their members and timeline. Every route is for signed-in professionals; which teams and patients
// each may see is decided by platform/patient-access.ts (others: 404), which audits every access.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, okResponse } from '../../../shared/schemas/common';
import {
  meetingAnswersRequest,
  meetingCreateRequest,
  meetingFixRequest,
  meetingList,
  meetingParams,
  meeting as meetingSchema,
} from '../../../shared/schemas/meetings';
import {
  broadcastRequest,
  broadcastResult,
  candidateList,
  candidateQuery,
  careHome,
  invitationRequest,
  memberParams,
  patientTeams,
  patientTeamsParams,
  postCreateRequest,
  postPage,
  postPageQuery,
  postParams,
  postUpdateRequest,
  readsRequest,
  receipts,
  retractRequest,
  teamCreateRequest,
  teamDetail,
  teamParams,
  teamPost,
  transferRequest,
} from '../../../shared/schemas/teams';
import { access } from '../../platform/access';
import { scheduleDigests } from './digest';
import { teamFileRoutes } from './file-routes';
import { careHome as loadCareHome } from './home';
import { answerMeeting, createMeeting, fixMeeting, listMeetings, meetingCalendar } from './meetings';
import { answerInvitation, endMembership, findCandidates, invite } from './members';
import { broadcast, createPost, listPosts, retractPost, updatePost } from './posts';
import { acknowledge, markRead, receiptsOf } from './receipts';
import { closeTeam, createTeam, readTeam, teamsOfPatient, transferOwnership } from './teams';

export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['teams'];
  const rule = access.patientData();
  const config = { access: rule };
  await app.register(teamFileRoutes);
  scheduleDigests(app);

  app.get(
    '/api/home/care',
    {
      schema: {
        tags,
        summary: 'My teams with unread counts, urgent posts, mentions, invitations',
        response: { 200: careHome },
      },
      config,
    },
    async (request) => loadCareHome(request),
  );

  app.get(
    '/api/patients/:patientId/teams',
    {
      schema: {
        tags,
        summary: 'The patient’s teams I am in',
        params: patientTeamsParams,
        response: { 200: patientTeams },
      },
      config,
    },
    async (request) => teamsOfPatient(request, request.params.patientId),
  );

  app.post(
    '/api/patients/:patientId/teams',
    {
      schema: {
        tags,
        summary: 'Create a care team for the patient (the creator owns it)',
        params: patientTeamsParams,
        body: teamCreateRequest,
        response: { 201: teamDetail },
      },
      config,
    },
    async (request, reply) =>
      reply.status(201).send(await createTeam(request, request.params.patientId, request.body)),
  );

  app.get(
    '/api/teams/:teamId',
    {
      schema: {
        tags,
        summary: 'A team, its members and open invitations',
        params: teamParams,
        response: { 200: teamDetail },
      },
      config,
    },
    async (request) => readTeam(request, request.params.teamId),
  );

  app.post(
    '/api/teams/:teamId/close',
    {
      schema: {
        tags,
        summary: 'Close the team (owner; read-only afterwards)',
        params: teamParams,
        response: { 200: teamDetail },
      },
      config,
    },
    async (request) => closeTeam(request, request.params.teamId),
  );

  app.post(
    '/api/teams/:teamId/transfer',
    {
      schema: {
        tags,
        summary: 'Hand the team to another member (owner)',
        params: teamParams,
        body: transferRequest,
        response: { 200: teamDetail },
      },
      config,
    },
    async (request) => transferOwnership(request, request.params.teamId, request.body.memberId),
  );

  app.get(
    '/api/teams/:teamId/candidates',
    {
      schema: {
        tags,
        summary: 'Professionals to invite, by name (owner)',
        params: teamParams,
        querystring: candidateQuery,
        response: { 200: candidateList },
      },
      config,
    },
    async (request) => findCandidates(request, request.params.teamId, request.query.q),
  );

  app.post(
    '/api/teams/:teamId/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a professional (owner)',
        params: teamParams,
        body: invitationRequest,
        response: { 201: teamDetail },
      },
      config,
    },
    async (request, reply) =>
      reply.status(201).send(await invite(request, request.params.teamId, request.body)),
  );

  app.post(
    '/api/teams/:teamId/members/:memberId/end',
    {
      schema: {
        tags,
        summary: 'End a place: the owner removes a member or an invitation; a member leaves',
        params: memberParams,
        response: { 200: z.object({ team: teamDetail.nullable() }) },
      },
      config,
    },
    async (request) => endMembership(request, request.params.teamId, request.params.memberId),
  );

  for (const answer of ['accept', 'decline'] as const)
    app.post(
      `/api/invitations/:memberId/${answer}`,
      {
        schema: {
          tags,
          summary: `${answer === 'accept' ? 'Accept' : 'Decline'} an invitation addressed to me`,
          params: z.object({ memberId: idSchema }),
          response: { 200: z.object({ teamId: idSchema }) },
        },
        config,
      },
      async (request) => answerInvitation(request, request.params.memberId, answer),
    );

  app.get(
    '/api/teams/:teamId/posts',
    {
      schema: {
        tags,
        summary: 'A page of the timeline, newest first',
        params: teamParams,
        querystring: postPageQuery,
        response: { 200: postPage },
      },
      config,
    },
    async (request) => listPosts(request, request.params.teamId, request.query),
  );

  app.post(
    '/api/teams/:teamId/posts',
    {
      schema: {
        tags,
        summary: 'Post (or reply) to the team',
        params: teamParams,
        body: postCreateRequest,
        response: { 201: teamPost },
      },
      config,
    },
    async (request, reply) =>
      reply.status(201).send(await createPost(request, request.params.teamId, request.body)),
  );

  app.put(
    '/api/teams/:teamId/posts/:postId',
    {
      schema: {
        tags,
        summary: 'Change my post (409 edit_conflict when changed meanwhile)',
        params: postParams,
        body: postUpdateRequest,
        response: { 200: teamPost },
      },
      config,
    },
    async (request) => updatePost(request, request.params.teamId, request.params.postId, request.body),
  );

  app.post(
    '/api/teams/:teamId/posts/:postId/retract',
    {
      schema: {
        tags,
        summary: 'Retract my post with a reason (kept for audit)',
        params: postParams,
        body: retractRequest,
        response: { 200: teamPost },
      },
      config,
    },
    async (request) =>
      retractPost(request, request.params.teamId, request.params.postId, request.body.reason),
  );

  app.post(
    '/api/teams/:teamId/reads',
    {
      schema: {
        tags,
        summary: 'Mark posts read',
        params: teamParams,
        body: readsRequest,
        response: { 200: okResponse },
      },
      config,
    },
    async (request) => markRead(request, request.params.teamId, request.body.postIds),
  );

  app.post(
    '/api/teams/:teamId/posts/:postId/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge an urgent post',
        params: postParams,
        response: { 200: teamPost },
      },
      config,
    },
    async (request) => acknowledge(request, request.params.teamId, request.params.postId),
  );

  app.get(
    '/api/teams/:teamId/posts/:postId/receipts',
    {
      schema: {
        tags,
        summary: 'Who has read the post and who has not',
        params: postParams,
        response: { 200: receipts },
      },
      config,
    },
    async (request) => receiptsOf(request, request.params.teamId, request.params.postId),
  );

  app.get(
    '/api/teams/:teamId/meetings',
    {
      schema: {
        tags,
        summary: 'The team’s meeting polls (担当者会議 日程調整)',
        params: teamParams,
        response: { 200: meetingList },
      },
      config,
    },
    async (request) => listMeetings(request, request.params.teamId),
  );

  app.post(
    '/api/teams/:teamId/meetings',
    {
      schema: {
        tags,
        summary: 'Propose meeting dates (owner)',
        params: teamParams,
        body: meetingCreateRequest,
        response: { 201: meetingSchema },
      },
      config,
    },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(request, request.params.teamId, request.body)),
  );

  app.put(
    '/api/teams/:teamId/meetings/:meetingId/answers',
    {
      schema: {
        tags,
        summary: 'Answer ○/△/× for the dates',
        params: meetingParams,
        body: meetingAnswersRequest,
        response: { 200: meetingSchema },
      },
      config,
    },
    async (request) =>
      answerMeeting(request, request.params.teamId, request.params.meetingId, request.body.answers),
  );

  app.post(
    '/api/teams/:teamId/meetings/:meetingId/fix',
    {
      schema: {
        tags,
        summary: 'Fix the meeting on one date (owner)',
        params: meetingParams,
        body: meetingFixRequest,
        response: { 200: meetingSchema },
      },
      config,
    },
    async (request) =>
      fixMeeting(request, request.params.teamId, request.params.meetingId, request.body.optionId),
  );

  app.get(
    '/api/teams/:teamId/meetings/:meetingId/calendar.ics',
    { schema: { tags, summary: 'The fixed meeting as iCalendar', params: meetingParams }, config },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="tsunagu-meeting.ics"')
        .send(await meetingCalendar(request, request.params.teamId, request.params.meetingId)),
  );

  app.post(
    '/api/teams/broadcast',
    {
      schema: {
        tags,
        summary: 'The same notice to several of my teams (one post each; all or none)',
        body: broadcastRequest,
        response: { 201: broadcastResult },
      },
      config,
    },
    async (request, reply) => reply.status(201).send(await broadcast(request, request.body)),
  );
};
