// What the platform adds to Fastify's types.
import type { MembershipRole } from '../../shared/identity';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { DirectoryIndex } from '../features/directory/search/live-index';
import type { AccessRule } from './access';
import type { AuditBatcher } from './audit';
import type { FamilyActor } from './family-sessions';
import type { InFlightWork } from './in-flight';
import type { Mailer } from './mail';
import type { Realtime } from './realtime';
import type { Actor } from './sessions';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    dbEngine: 'pglite' | 'postgres';
    /** The directory's in-memory search index (features/directory/search/). */
    directoryIndex: DirectoryIndex;
    /** Audit records of reads outside transactions, written in batches (platform/audit.ts). */
    auditBatcher: AuditBatcher;
    /** Work the HTTP server no longer waits for (platform/in-flight.ts); onClose waits for it. */
    inFlight: InFlightWork;
    /** Live updates to browsers (platform/realtime.ts). */
    realtime: Realtime;
    /** Outgoing mail, when SMTP_URL is set (platform/mail.ts). */
    mailer: Mailer | null;
    listRouteAccess: () => { method: string | string[]; url: string; access: AccessRule | undefined }[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    membershipCache: Map<string, MembershipRole | null> | undefined;
    /** The family member of a route under access.family(). */
    family: FamilyActor | null;
  }
  interface FastifyContextConfig {
    access?: AccessRule;
  }
}
