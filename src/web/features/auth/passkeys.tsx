// Passkeys in the browser (WebAuthn through @simplewebauthn/browser): whether the browser can use them,
// and their failures told as people need to hear them. A closed or timed-out browser dialog is not an
// error: it gets a calm note and the way on, never the browser's own message.
import { Alert } from '@mantine/core';
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';

export type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
export { startAuthentication, startRegistration } from '@simplewebauthn/browser';

/** The browser has WebAuthn (and the page is a secure context); otherwise no passkey UI is shown. */
export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/** The person closed the browser's passkey dialog, or let it time out. */
export function ceremonyCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}

type Props = {
  error: unknown;
  /** Field paths already shown beside their inputs. */
  shownPaths?: readonly string[];
  /** Said when the dialog was closed or timed out. */
  cancelled: string;
  /** Said when this authenticator holds a passkey of this account already (registration). */
  exists?: string;
  /** Said for any other refusal by the browser or the authenticator. */
  failed: string;
};

/** The outcome of a failed passkey step: the server's words, a calm note, or a plain failure. */
export function PasskeyErrorAlert({ error, shownPaths, cancelled, exists, failed }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error)) return <ErrorAlert error={error} shownPaths={shownPaths} />;
  if (ceremonyCancelled(error))
    return (
      <Alert color="blue" role="status">
        {cancelled}
      </Alert>
    );
  const known = error instanceof Error && error.name === 'InvalidStateError' && exists;
  return (
    <Alert color="red" title={t('errors.title')} role="alert">
      {known || failed}
    </Alert>
  );
}
