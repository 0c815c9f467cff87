import { formatDateTime } from '../../../shared/dates';
import { AppError } from '../../platform/errors';

/** 423 with the time the account opens again, in words. */
export function accountLocked(until: Date): AppError {
  return new AppError(
    423,
    'account_locked',
    `ログインに続けて失敗したため、このアカウントは ${formatDateTime(until)} まで一時的にロックされています。` +
      'その後もう一度お試しいただくか、組織の管理者にロック解除を依頼してください。',
    { lockedUntil: until.toISOString() },
  );
}
