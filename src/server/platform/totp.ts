// TOTP second factor (RFC 6238) via otplib, with replay protection by time step, and recovery codes.
import { randomInt } from 'node:crypto';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';
import { sha256Hex } from './crypto';

authenticator.options = { window: 1, step: 30, digits: 6 };

export const generateTotpSecret = (): string => authenticator.generateSecret(20);

export async function enrolmentMaterial(secret: string, account: string, issuer: string) {
  const otpauthUri = authenticator.keyuri(account, issuer, secret);
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrSvg };
}

/**
 * The time step the code belongs to, or null when it is wrong. Accepts one step of clock drift.
 * The caller stores the step and refuses any step not newer than the last one used.
 */
export function matchTotp(code: string, secret: string, now = Date.now()): number | null {
  const delta = authenticator.checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now / 1000 / 30) + delta;
}

/**
 * The code to type now: the current step's, or — when that step was used already (replay guard) —
 * the next step's, which the one-step drift window accepts.
 */
export function usableTotpCode(secret: string, lastUsedStep: number | null, now = Date.now()): string {
  const step = Math.floor(now / 1000 / 30);
  const epoch = lastUsedStep !== null && lastUsedStep >= step ? now + 30_000 : now;
  return authenticator.clone({ epoch }).generate(secret);
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud or typed from paper

export function generateRecoveryCodes(count = 10): string[] {
  const part = () =>
    Array.from({ length: 5 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return Array.from({ length: count }, () => `${part()}-${part()}`);
}

export const hashRecoveryCode = (code: string): string => sha256Hex(code.toUpperCase().replace('-', ''));
