// Sign-in, second factor, invites and password resets.
import { z } from 'zod';
import { professionSchema } from '../identity';
import { kanaText, requiredText } from './common';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export const loginIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { error: 'ログインIDは3文字以上で入力してください' })
  .max(64, { error: 'ログインIDは64文字以内で入力してください' })
  .regex(/^[a-z0-9._-]+$/, { error: 'ログインIDは半角英数字と . _ - で入力してください' });

/** Strength beyond length (common-password list) is checked on the server. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください` })
  .max(PASSWORD_MAX_LENGTH, { error: `パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください` });

export const loginRequest = z.object({
  loginId: z.string().trim().toLowerCase().min(1, { error: 'ログインIDを入力してください' }).max(64),
  password: z.string().min(1, { error: 'パスワードを入力してください' }).max(PASSWORD_MAX_LENGTH),
});

/** What the client must do next after a step of sign-in. */
export const sessionStage = z.enum(['totp_required', 'totp_enrolment_required', 'active']);
export type SessionStage = z.infer<typeof sessionStage>;
export const loginResponse = z.object({
  stage: sessionStage,
  /** With stage totp_required: the account also has a passkey, which may be used instead. */
  passkeyAvailable: z.boolean().optional(),
});

export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: '6桁の数字を入力してください' });
export const recoveryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{5}-?[A-Z0-9]{5}$/, { error: 'リカバリーコードの形式が正しくありません' });

export const totpVerifyRequest = z.union([
  z.object({ code: totpCodeSchema }),
  z.object({ recoveryCode: recoveryCodeSchema }),
]);

export const totpEnrolmentStartResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string().describe('QR code of otpauthUri as an SVG document'),
});
export const totpEnrolmentConfirmRequest = z.object({ code: totpCodeSchema });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const newAccountFields = z.object({
  loginId: loginIdSchema,
  displayName: requiredText(100),
  kana: kanaText(100),
  profession: professionSchema,
  password: newPasswordSchema,
});
export type NewAccountFields = z.infer<typeof newAccountFields>;

export const tokenParams = z.object({ token: z.string().min(20).max(100) });

export const invitePreview = z.object({
  organisationName: z.string(),
  role: z.enum(['member', 'admin']),
  expiresAt: z.string(),
  status: z.enum(['valid', 'expired', 'used', 'revoked']),
});
export const inviteAcceptRequest = newAccountFields;
/** Joining with an existing account: where the new membership is. */
export const inviteJoined = z.object({ organisationId: z.string() });

export const passwordResetPreview = z.object({
  displayName: z.string(),
  loginId: z.string(),
  expiresAt: z.string(),
  status: z.enum(['valid', 'expired', 'used', 'revoked']),
});
export const passwordResetRequest = z.object({ password: newPasswordSchema });

/** Demo mode only: the code a demo account can type now. */
export const demoTotpCode = z.object({ code: z.string() });

/** Sensitive account changes ask for the password again. */
export const passwordConfirmRequest = z.object({
  password: z.string().min(1, { error: 'パスワードを入力してください' }).max(PASSWORD_MAX_LENGTH),
});
