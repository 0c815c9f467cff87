// Baseline for benchmarks: a bare Fastify 5 app in its own process, one route, logger off, no plugins,
// no database. Its answer has roughly the size and shape of GET /api/me for the demo doctor.
import Fastify from 'fastify';

const body = {
  user: {
    id: '0197a3c2-5d1e-7b4a-9c2f-3e8d6a1b4c70',
    loginId: 'doctor',
    displayName: '桜井 健一',
    kana: 'サクライ ケンイチ',
    profession: 'physician',
    systemRoles: [],
    totpEnabled: true,
  },
  memberships: [
    {
      organisationId: '0197a3c2-5d1e-7b4a-9c2f-3e8d6a1b4c71',
      organisationName: 'さくら在宅クリニック',
      organisationKind: 'clinic',
      role: 'admin',
    },
  ],
  session: { stage: 'active', expiresAt: '2026-01-01T00:00:00.000Z', idleTimeoutSeconds: 1800 },
  demoMode: true,
};

const app = Fastify({ logger: false });
app.get('/bare', async () => body);

const port = Number(process.env.PORT ?? 3001);
await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });

const shutdown = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
