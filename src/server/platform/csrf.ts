// CSRF defence: every state-changing request must carry a custom header. A cross-site form or image
// cannot add one, and a cross-site script cannot either without a CORS preflight that we never grant.
// SameSite=Strict cookies are the second layer.
import type { FastifyInstance } from 'fastify';
import { forbidden } from './errors';

export const CSRF_HEADER = 'x-tsunagu-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.headers[CSRF_HEADER] !== '1') {
      throw forbidden(
        '不正なリクエストの可能性があるため処理を中止しました。画面を読み込み直してからもう一度お試しください。',
        'csrf_header_missing',
      );
    }
  });
}
