// WebAuthn passkeys as a second factor. The browser's JSON (from @simplewebauthn/browser) is checked
// for shape here and cryptographically on the server.
import { z } from 'zod';
import { isoDateTime, requiredText } from './common';

const base64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]*$/)
  .max(4096);

/** Options for navigator.credentials.create/get, passed through as the library builds them. */
export const passkeyOptions = z.looseObject({ challenge: z.string() });

export const passkeyRegistrationRequest = z.object({
  name: requiredText(50),
  response: z.looseObject({
    id: base64url,
    rawId: base64url,
    type: z.literal('public-key'),
    response: z.looseObject({ clientDataJSON: base64url, attestationObject: base64url }),
  }),
});

export const passkeyAuthenticationRequest = z.object({
  response: z.looseObject({
    id: base64url,
    rawId: base64url,
    type: z.literal('public-key'),
    response: z.looseObject({
      clientDataJSON: base64url,
      authenticatorData: base64url,
      signature: base64url,
    }),
  }),
});

export const passkeyView = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
});
export const passkeyList = z.object({ passkeys: z.array(passkeyView) });
