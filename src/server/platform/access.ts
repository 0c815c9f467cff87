// The access policy: every route declares who may call it (`config.access`), the default is deny, and
// a route without a rule stops the app from starting. Checks run in a fixed order: authenticate
// (onRequest) → sign-in and stage (preValidation, before the body is looked at) → validate (Fastify)
// → authorize roles and policies (preHandler) → handler.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { MembershipRole, SystemRole } from '../../shared/identity';
import type { SessionStage } from '../../shared/schemas/auth';
import { memberships } from '../db/schema';
import { forbidden, unauthorized } from './errors';
import { loadFamilyActor } from './family-sessions';
import { type Actor, loadActor, SESSION_COOKIE } from './sessions';

type Check = (request: FastifyRequest) => Promise<boolean> | boolean;

export type AccessRule = {
  /** Human-readable, listed by the route-rule test and in the OpenAPI description. */
  describe: string;
  /** null: no sign-in needed. Otherwise the session stages that may call. */
  stages: SessionStage[] | null;
  check?: Check;
};

const ACTIVE: SessionStage[] = ['active'];

export const access = {
  public: (): AccessRule => ({ describe: 'public', stages: null }),
  signedIn: (): AccessRule => ({ describe: 'signed in (MFA complete)', stages: ACTIVE }),
  /** Sessions half-way through sign-in: password given, second factor still to come. */
  signingIn: (stages: SessionStage[]): AccessRule => ({
    describe: `session in stage ${stages.join('|')}`,
    stages,
  }),
  systemRole: (...roles: SystemRole[]): AccessRule => ({
    describe: `system role ${roles.join('|')}`,
    stages: ACTIVE,
    check: (request) => hasSystemRole(request.actor, roles),
  }),
  /** A role in the organisation named by a path parameter, or one of the given system roles. */
  orgRole: (param: string, roles: MembershipRole[], orSystemRoles: SystemRole[] = []): AccessRule => ({
    describe: `organisation ${roles.join('|')} of :${param}${orSystemRoles.length ? ` or ${orSystemRoles.join('|')}` : ''}`,
    stages: ACTIVE,
    check: async (request) => {
      if (hasSystemRole(request.actor, orSystemRoles)) return true;
      const orgId = (request.params as Record<string, string>)[param];
      const role = orgId ? await membershipRole(request, orgId) : null;
      return role !== null && roles.includes(role);
    },
  }),
  /**
   * Patient data: signed in, and each patient then opened through platform/patient-access.ts, which
   * answers 404 for a patient the user may not see and audits every access.
   */
  patientData: (): AccessRule => ({
    describe: 'signed in; each patient through platform/patient-access.ts (not visible: 404), audited',
    stages: ACTIVE,
  }),
  /**
   * A family member of a care team (family session, no account): the session is loaded here and the
   * team's data is then opened through platform/patient-access.ts (openFamilyTeam), which audits.
   */
  family: (): AccessRule => ({
    describe: 'family session of one care team (platform/family-sessions.ts); data through patient-access.ts',
    stages: null,
    check: async (request) => {
      request.family = await loadFamilyActor(request);
      if (!request.family)
        throw unauthorized(
          '家族用の参加コードの有効期限が切れたか、参加が終わっています。ケアマネジャーに新しいコードをもらってください。',
          'family_unauthenticated',
        );
      return true;
    },
  }),
  /** A policy over the resource itself, for rules that roles cannot express. */
  policy: (describe: string, check: Check): AccessRule => ({
    describe: `policy: ${describe}`,
    stages: ACTIVE,
    check,
  }),
};

export function hasSystemRole(actor: Actor | null, roles: SystemRole[]): boolean {
  return actor !== null && roles.some((role) => actor.user.systemRoles.includes(role));
}

/** The actor's role in an organisation (null when not a member); cached for the request. */
export async function membershipRole(
  request: FastifyRequest,
  organisationId: string,
): Promise<MembershipRole | null> {
  const actor = request.actor;
  if (!actor) return null;
  request.membershipCache ??= new Map();
  const cached = request.membershipCache.get(organisationId);
  if (cached !== undefined) return cached;
  const [row] = await request.server.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, actor.user.id), eq(memberships.organisationId, organisationId)));
  const role = (row?.role as MembershipRole | undefined) ?? null;
  request.membershipCache.set(organisationId, role);
  return role;
}

/** The signed-in actor, for handlers behind a rule that requires one. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

const stageMessages: Record<SessionStage, string> = {
  totp_required: '認証アプリの確認コードを入力してください。',
  totp_enrolment_required: '先に認証アプリ（二要素認証）を設定してください。',
  active: 'ログインしてください。',
};

export function registerAccessPolicy(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  app.decorateRequest('actor', null);
  app.decorateRequest('membershipCache', undefined);
  app.decorateRequest('family', null);

  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  // Checked once every plugin has added its routes: a route without a rule is a bug, not a default.
  app.addHook('onReady', async () => {
    const missing = routes.filter((route) => !route.config?.access).map((r) => `${r.method} ${r.url}`);
    if (missing.length > 0) throw new Error(`Routes without an access rule: ${missing.join(', ')}`);
  });
  app.decorate('listRouteAccess', () =>
    routes.map((route) => ({ method: route.method, url: route.url, access: route.config?.access })),
  );

  app.addHook('onRequest', async (request) => {
    request.actor = await loadActor(app.db, app.config, request.cookies[SESSION_COOKIE]);
  });

  app.addHook('preValidation', async (request) => {
    // The not-found handler is no route: it answers 404 (or the web client) to everyone.
    if (request.is404) return;
    const rule = request.routeOptions.config.access;
    if (!rule) throw forbidden();
    if (rule.stages === null) return;
    const actor = request.actor;
    if (!actor)
      throw unauthorized(
        'ログインしていないか、ログインの有効期限が切れました。もう一度ログインしてください。',
      );
    if (!rule.stages.includes(actor.stage))
      throw unauthorized(stageMessages[actor.stage], `stage_${actor.stage}`);
  });

  app.addHook('preHandler', async (request) => {
    const rule = request.routeOptions.config.access;
    if (rule?.check && !(await rule.check(request))) throw forbidden();
  });
}

/**
 * The rule of an upload route, checked again before the body is read (the platform checks it after
 * parsing): nobody without the right makes the server receive a large file first.
 */
export async function checkBeforeBody(request: FastifyRequest, rule: AccessRule): Promise<void> {
  if (rule.stages !== null && (!request.actor || !rule.stages.includes(request.actor.stage)))
    throw unauthorized(
      'ログインしていないか、ログインの有効期限が切れました。もう一度ログインしてください。',
    );
  if (rule.check && !(await rule.check(request))) throw forbidden();
}

/** Routes a plugin adds on its own (API docs, static files) get this rule, stated once, here. */
export async function withPluginRoutesRule(
  app: FastifyInstance,
  rule: AccessRule,
  register: (scope: FastifyInstance) => Promise<void>,
): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: route.config?.access ?? rule };
    });
    await register(scope);
  });
}
