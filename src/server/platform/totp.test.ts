import { authenticator } from 'otplib';
import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, matchTotp } from './totp';

describe('TOTP and recovery codes', () => {
  it('matches the current code and tells its time step', () => {
    const secret = generateTotpSecret();
    const step = matchTotp(authenticator.generate(secret), secret);
    expect(step).toBe(Math.floor(Date.now() / 30_000));
    const fiveMinutesAgo = authenticator.clone({ epoch: Date.now() - 300_000 }).generate(secret);
    expect(matchTotp(fiveMinutesAgo, secret)).toBeNull();
  });

  it('makes ten distinct, readable recovery codes and hashes them case- and dash-insensitively', () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    const [first = ''] = codes;
    expect(hashRecoveryCode(first.toLowerCase())).toBe(hashRecoveryCode(first.replace('-', '')));
  });
});
