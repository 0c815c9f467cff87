// Issuing a 救急医療情報キット: the card's QR token (256 bits) and short code (12 characters, 60 bits,
// for a crew to type when the QR will not read), shown once and kept only as SHA-256 hashes. One kit
// in force per patient: a reissue revokes the one before, so its card stops working at once. Each
// issue is recorded with the day, the patient's area and who issued it (an indicator).
import { randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { todayInJapan } from '../../../shared/dates';
import type { KitIssued, KitIssueRequest } from '../../../shared/schemas/emergency';
import { queryRows, type Tx } from '../../db/client';
import { emergencyKits, emergencySheets } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { randomToken, sha256Hex } from '../../platform/crypto';
import { badRequest, conflict } from '../../platform/errors';
import { consentInForce, openPatient } from '../../platform/patient-access';
import { tellPatientTeams } from '../teams/live';

/** Crockford's base32: no I, L, O or U, so what is read aloud is typed right. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

const newCode = () =>
  Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** The code as printed: three groups of four. */
export const printedCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

/** The code as typed — any case, with or without hyphens or spaces, O for 0, I or L for 1. */
export function normalizedCode(typed: string): string {
  return typed.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const tokenHash = (token: string) => sha256Hex(`emergency-token:${token}`);
export const codeHash = (code: string) => sha256Hex(`emergency-code:${normalizedCode(code)}`);

async function revokeInForce(tx: Tx, patientId: string, userId: string): Promise<number> {
  const revoked = await tx
    .update(emergencyKits)
    .set({ revokedAt: new Date(), revokedBy: userId })
    .where(and(eq(emergencyKits.patientId, patientId), isNull(emergencyKits.revokedAt)))
    .returning({ id: emergencyKits.id });
  return revoked.length;
}

/** Issues a kit (revoking the one in force); its token and code, shown this once. */
export async function issueKit(
  request: FastifyRequest,
  patientId: string,
  body: KitIssueRequest,
): Promise<KitIssued> {
  const user = requireActor(request).user;
  const token = randomToken(32);
  const code = newCode();
  const kit = await request.server.db.transaction(async (tx) => {
    const patient = await openPatient(request, patientId, 'emergency.kit_issue', {
      db: tx,
      forUpdate: true,
      details: () => ({ eligibility: body.eligibility }),
    });
    const [sheet] = await tx
      .select({ version: emergencySheets.version })
      .from(emergencySheets)
      .where(eq(emergencySheets.patientId, patientId));
    if (!sheet)
      throw badRequest(
        'emergency_sheet_missing',
        'キットを渡す前に、救急医療情報を記入して保存してください。',
      );
    // A card that would always answer "nothing shared" helps nobody: the consent comes first.
    const [consent] = await queryRows<{ yes: boolean }>(
      tx,
      sql`SELECT ${consentInForce('ems', sql`${patientId}::uuid`)} AS yes`,
    );
    if (!consent?.yes)
      throw conflict(
        'emergency_no_consent',
        '救急隊による閲覧への同意が記録されていないため、カードを作っても救急隊は情報を見られません。先に利用者のページで同意を記録してください。',
      );
    await revokeInForce(tx, patientId, user.id);
    const [row] = await tx
      .insert(emergencyKits)
      .values({
        patientId,
        tokenHash: tokenHash(token),
        codeHash: codeHash(code),
        issuedOn: todayInJapan(),
        issuedBy: user.id,
        organisationId: patient.organisationId,
        areaId: patient.areaId,
        eligibility: body.eligibility,
      })
      .returning();
    return row as typeof emergencyKits.$inferSelect;
  });
  await tellPatientTeams(request, patientId, 'emergency');
  return {
    token,
    code: printedCode(code),
    kit: { id: kit.id, issuedOn: kit.issuedOn, issuedBy: user.displayName, eligibility: body.eligibility },
  };
}

/** Revokes the kit in force (a lost card): its QR and code stop working; 409 when there is none. */
export async function revokeKit(request: FastifyRequest, patientId: string): Promise<void> {
  const userId = requireActor(request).user.id;
  await request.server.db.transaction(async (tx) => {
    await openPatient(request, patientId, 'emergency.kit_revoke', { db: tx, forUpdate: true });
    if ((await revokeInForce(tx, patientId, userId)) === 0)
      throw conflict('emergency_kit_none', '使われているキットはありません。');
  });
  await tellPatientTeams(request, patientId, 'emergency');
}
