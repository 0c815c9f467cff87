// Invite and password-reset links: a random token shown once, stored as its hash, single use, expiring.
import { AppError } from './errors';

export type LinkStatus = 'valid' | 'expired' | 'used' | 'revoked';

export function linkStatus(row: {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}): LinkStatus {
  if (row.revokedAt) return 'revoked';
  if (row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'valid';
}

const goneMessages: Record<Exclude<LinkStatus, 'valid'>, string> = {
  expired: 'このリンクは有効期限が切れています。組織の管理者に新しいリンクの発行を依頼してください。',
  used: 'このリンクは既に使用されています。リンクは一度しか使えません。必要なら管理者に新しいリンクを依頼してください。',
  revoked: 'このリンクは管理者によって取り消されました。管理者に確認してください。',
};

/** 410 Gone with a code per reason, e.g. invite_expired, password_reset_used. */
export function linkGone(kind: 'invite' | 'password_reset', status: Exclude<LinkStatus, 'valid'>): AppError {
  return new AppError(410, `${kind}_${status}`, goneMessages[status]);
}

export function linkUrl(baseUrl: string, path: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}${path}/${token}`;
}
