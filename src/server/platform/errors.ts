// One error shape for every API answer: {error: {code, message, details}}. The code is for programs,
// the message (Japanese) is for people and must say what they can do about it.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
export const unauthorized = (message = 'ログインしてください。', code = 'unauthenticated') =>
  new AppError(401, code, message);
export const forbidden = (message = 'この操作を行う権限がありません。', code = 'forbidden') =>
  new AppError(403, code, message);
export const notFound = (message = '見つかりません。', code = 'not_found') =>
  new AppError(404, code, message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);

type ErrorBody = { error: { code: string; message: string; details?: unknown } };
const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

// Fastify's own errors, by code, in words a person can act on.
const frameworkErrors: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [
    413,
    'payload_too_large',
    '送信されたデータが大きすぎます。内容を減らしてください。',
  ],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'この形式のデータは受け付けていません。'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty_body', '送信内容が空です。'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', '送信内容の形式（JSON）が正しくありません。'],
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message,
      }));
      return reply
        .status(400)
        .send(body('validation_failed', '入力内容に誤りがあります。各項目を確認してください。', details));
    }
    if (error.code === 'FST_ERR_VALIDATION' || error.validation) {
      return reply.status(400).send(body('validation_failed', '入力内容に誤りがあります。', error.message));
    }
    const known = error.code ? frameworkErrors[error.code] : undefined;
    if (known) return reply.status(known[0]).send(body(known[1], known[2]));
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send(body('rate_limited', 'リクエストが多すぎます。しばらく待ってからもう一度お試しください。'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send(body('bad_request', 'リクエストが正しくありません。', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(body('internal_error', 'サーバーで問題が発生しました。時間をおいてもう一度お試しください。'));
  });
}
