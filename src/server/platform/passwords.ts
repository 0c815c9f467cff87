// Password hashing with scrypt (memory-hard, in node:crypto) and the strength rules of MHLW 6.0:
// a minimum length, no maximum below 64, and no password from the common-password list.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/schemas/auth';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const KEY_LENGTH = 32;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

/** Format: scrypt$N$r$p$salt$hash (base64url), so the cost can rise without breaking old hashes. */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, BLOCK_SIZE, PARALLELISM);
  return [
    'scrypt',
    cost,
    BLOCK_SIZE,
    PARALLELISM,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

let commonPasswords: Set<string> | undefined;
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'] as string[]);
  return commonPasswords.has(password.toLowerCase());
}

/** A Japanese explanation of why the password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, personal: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください。`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください。`;
  if (isCommonPassword(password))
    return 'よく使われていて推測されやすいパスワードです。別のパスワードにしてください。';
  if (/^(.)\1+$/.test(password)) return '同じ文字の繰り返しは使えません。';
  const lower = password.toLowerCase();
  if (personal.some((word) => word.length >= 3 && lower.includes(word.toLowerCase()))) {
    return 'ログインIDや氏名を含むパスワードは使えません。';
  }
  return null;
}
