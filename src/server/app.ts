// Builds the Fastify app: platform concerns first (errors, security headers, CSRF, sessions, access
// policy), then the features, then the API docs and the built web client.
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { z } from 'zod';
import type { Config } from './config';
import type { DatabaseHandle } from './db/client';
import { accountRoutes } from './features/account/routes';
import { acpRoutes } from './features/acp/routes';
import { adminRoutes } from './features/admin/routes';
import { admissionRoutes } from './features/admission/routes';
import { authRoutes } from './features/auth/routes';
import { demoRoutes } from './features/demo/routes';
import { directoryRoutes } from './features/directory/routes';
import { DirectoryIndex } from './features/directory/search/live-index';
import { emergencyRoutes } from './features/emergency/routes';
import { familyRoutes } from './features/family/routes';
import { healthRoutes } from './features/health/routes';
import { organisationRoutes } from './features/organisations/routes';
import { patientRoutes } from './features/patients/routes';
import { settingsRoutes } from './features/settings/routes';
import { teamRoutes } from './features/teams/routes';
import { access, registerAccessPolicy, withPluginRoutesRule } from './platform/access';
import { AuditBatcher } from './platform/audit';
import { registerCsrfCheck } from './platform/csrf';
import { notFound, registerErrorHandling } from './platform/errors';
import { InFlightWork } from './platform/in-flight';
import { createMailer } from './platform/mail';
import { liveRoutes, Realtime } from './platform/realtime';
import { workerChannel } from './platform/workers';
import './platform/fastify-types';

// Validation messages of the shared schemas' built-in checks in Japanese, for people.
z.config(z.locales.ja());

export async function buildApp(config: Config, database: DatabaseHandle): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.cookie'] },
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', database.db);
  app.decorate('dbEngine', database.engine);
  app.decorate('config', config);
  const directoryWrites = workerChannel<null>('directory-changed');
  const directoryIndex = new DirectoryIndex(database.db, {
    syncEveryMs: config.directoryIndexSyncMs,
    onError: (error) => app.log.error({ err: error }, 'directory search index: build failed'),
    tellOthers: () => directoryWrites.send(null),
  });
  directoryWrites.receive(() => directoryIndex.changedByOther());
  app.decorate('directoryIndex', directoryIndex);
  const realtime = await Realtime.start(database, (error) =>
    app.log.error({ err: error }, 'live updates: the database connection failed'),
  );
  app.decorate('realtime', realtime);
  app.addHook('onClose', () => realtime.close());
  const mailer = createMailer(config);
  app.decorate('mailer', mailer);
  app.addHook('onClose', () => mailer?.close());
  const auditBatcher = new AuditBatcher(database.db);
  app.decorate('auditBatcher', auditBatcher);
  app.addHook('onClose', () => auditBatcher.flushed());
  // onClose hooks run last-added first: this one before the flush above, as the work may audit.
  const inFlight = new InFlightWork();
  app.decorate('inFlight', inFlight);
  app.addHook('onClose', async () => {
    const left = await inFlight.settled();
    if (left > 0) app.log.error({ left }, 'stopping with work still in flight after 10 s');
  });
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function tracked(request, reply) {
      const answer = handler.call(this, request, reply);
      if (answer instanceof Promise) void inFlight.track(answer);
      return answer;
    };
  });

  registerErrorHandling(app);
  await app.register(cookie);
  // Helmet's middleware, built once (@fastify/helmet builds it again for every request, parsing the
  // policy each time: a twentieth of the busiest route's time).
  const securityHeaders = helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy(config) } });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error instanceof Error ? error : undefined)),
  );
  await app.register(rateLimit, { global: false });
  registerCsrfCheck(app);
  registerAccessPolicy(app);
  app.addHook('onSend', async (request, reply) => {
    // API answers carry personal data: never store them in a cache.
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs'))
      reply.header('cache-control', 'no-store');
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Tsunagu API', version: '0.1.0', description: 'Every route states its access rule.' },
    },
    // Each operation's description states its access rule, so API readers see who may call it.
    transform: (input) => {
      const output = jsonSchemaTransform(input);
      const rule = input.route.config?.access?.describe ?? 'none';
      return { ...output, schema: { ...output.schema, description: `Access: ${rule}` } };
    },
  });

  for (const routes of [
    healthRoutes,
    authRoutes,
    accountRoutes,
    organisationRoutes,
    adminRoutes,
    settingsRoutes,
    directoryRoutes,
    patientRoutes,
    teamRoutes,
    familyRoutes,
    admissionRoutes,
    acpRoutes,
    emergencyRoutes,
    liveRoutes,
  ]) {
    await app.register(routes);
  }
  if (config.demoMode) await app.register(demoRoutes);

  await withPluginRoutesRule(app, access.public(), async (scope) => {
    await scope.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });
  await serveWebClient(app, config);
  return app;
}

function contentSecurityPolicy(config: Config) {
  // The map tiles are the one thing the browser fetches from elsewhere.
  const tileOrigin = new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, '0')).origin;
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Mantine sets CSS variables through style elements; scripts stay strict.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', tileOrigin],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    upgradeInsecureRequests: null,
  };
}

/** The built client from dist/web; any other non-API GET gets index.html (client-side routes). */
async function serveWebClient(app: FastifyInstance, config: Config): Promise<void> {
  const hasClient = fs.existsSync(path.join(config.webDist, 'index.html'));
  if (hasClient) {
    await withPluginRoutesRule(app, access.public(), async (scope) => {
      await scope.register(fastifyStatic, {
        root: config.webDist,
        wildcard: false,
        index: false,
        setHeaders: (res, filePath) => {
          const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
          res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    });
  }
  // Read once: the client is rebuilt only before a (re)start. Sent by hand because the static
  // plugin's reply.sendFile lives in its own encapsulated scope.
  const indexHtml = hasClient ? fs.readFileSync(path.join(config.webDist, 'index.html')) : null;
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (isPage && indexHtml)
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    if (isPage)
      throw notFound(
        'Web画面がビルドされていません。`npm run build` を実行してください。',
        'web_client_not_built',
      );
    throw notFound('このAPIは存在しません。URLを確認してください。', 'route_not_found');
  });
}
