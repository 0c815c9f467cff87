import type { FastifyRequest } from 'fastify';

/** The address people reach this server at: PUBLIC_URL when set, else what the request came to. */
export function publicBaseUrl(request: FastifyRequest): string {
  return request.server.config.publicUrl ?? `${request.protocol}://${request.host}`;
}
