// Loads the fictional city into an empty database, in one transaction.
import { count, eq } from 'drizzle-orm';
import type { Config } from '../config';
import type { Database } from '../db/client';
import {
  admissionParticipation,
  admissionRuleVersions,
  areas,
  memberships,
  organisations,
  servicePoints as servicePointsTable,
  users,
} from '../db/schema';
import { createUser } from '../features/account/users';
import { writeCitySettings } from '../features/settings/city-settings';
import { appendAudit } from '../platform/audit';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoAccounts } from './accounts';
import { demoDeclarations } from './admission-participation';
import { demoRule } from './admission-rule';
import { demoAreas, demoCity, demoOrganisations } from './organisations';
import { seedDemoDirectory } from './seed-directory';

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [orgs] = await db.select({ n: count() }).from(organisations);
  const [people] = await db.select({ n: count() }).from(users);
  return (orgs?.n ?? 0) === 0 && (people?.n ?? 0) === 0;
}

export async function countDemoAccounts(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.isDemo, true));
  return row?.n ?? 0;
}

export async function seedDemo(db: Database, config: Config): Promise<void> {
  await db.transaction(async (tx) => {
    await writeCitySettings(tx, demoCity, null);
    const orgIds = new Map<string, string>();
    const userIds = new Map<string, string>();
    for (const o of demoOrganisations) {
      const [row] = await tx
        .insert(organisations)
        .values({
          name: o.name,
          kana: o.kana,
          kind: o.kind,
          phone: o.phone,
          address: o.address,
          isDemo: true,
        })
        .returning({ id: organisations.id });
      if (row) orgIds.set(o.key, row.id);
    }
    const areaIds = new Map<string, string>();
    for (const a of demoAreas) {
      const [row] = await tx
        .insert(areas)
        .values({
          name: a.name,
          kana: a.kana,
          kind: a.kind,
          sortOrder: a.sortOrder,
          responsibleCenterId: orgIds.get(a.center) ?? null,
        })
        .returning({ id: areas.id });
      if (row) areaIds.set(a.key, row.id);
    }
    for (const o of demoOrganisations) {
      await tx
        .update(organisations)
        .set({ areaId: areaIds.get(o.area) ?? null })
        .where(eq(organisations.id, orgIds.get(o.key) ?? ''));
    }
    for (const account of demoAccounts) {
      const userId = await createUser(tx, config, {
        ...account,
        password: DEMO_PASSWORD,
        isDemo: true,
        totpSecret: DEMO_TOTP_SECRET,
      });
      userIds.set(account.loginId, userId);
      const orgId = account.organisation && orgIds.get(account.organisation.key);
      if (orgId && account.organisation) {
        await tx
          .insert(memberships)
          .values({ userId, organisationId: orgId, role: account.organisation.role });
      }
    }
    const servicePoints = await seedDemoDirectory(tx, orgIds, areaIds);
    await tx.insert(admissionRuleVersions).values({ version: 1, ...demoRule, isExample: true });
    for (const { code, by, declaration } of demoDeclarations) {
      const [point] = await tx
        .select({ id: servicePointsTable.id })
        .from(servicePointsTable)
        .where(eq(servicePointsTable.officialCode, code));
      const declaredBy = userIds.get(by);
      if (point && declaredBy)
        await tx
          .insert(admissionParticipation)
          .values({ servicePointId: point.id, ...declaration, declaredBy });
    }
    await appendAudit(tx, {
      action: 'system.demo_seeded',
      details: { organisations: orgIds.size, users: demoAccounts.length, servicePoints },
    });
  });
}
