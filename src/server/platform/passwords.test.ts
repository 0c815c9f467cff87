import { describe, expect, it } from 'vitest';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with scrypt and verifies', async () => {
    const hash = await hashPassword('sakura-no-hana-2026', 2 ** 10);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('sakura-no-hana-2026', hash)).toBe(true);
    expect(await verifyPassword('sakura-no-hana-2027', hash)).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });

  it('treats full-width and half-width input alike (NFKC)', async () => {
    const hash = await hashPassword('ｓａｋｕｒａ-2026-hana', 2 ** 10);
    expect(await verifyPassword('sakura-2026-hana', hash)).toBe(true);
  });

  it('refuses short, common, repetitive and personal passwords; allows 64+ characters', () => {
    expect(passwordWeakness('short')).toMatch(/10文字以上/);
    expect(passwordWeakness('password123')).toMatch(/推測されやすい/);
    expect(passwordWeakness('aaaaaaaaaaaa')).toBeTruthy();
    expect(passwordWeakness('tanaka-2026-xyz', ['tanaka'])).toMatch(/ログインID/);
    expect(passwordWeakness('x'.repeat(300))).toMatch(/256文字以内/);
    expect(passwordWeakness('長いパスフレーズ：桜島の朝は早い'.repeat(4))).toBeNull();
    expect(passwordWeakness('kirakira-hoshi-2026')).toBeNull();
  });
});
