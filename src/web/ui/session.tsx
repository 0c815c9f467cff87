// Who is signed in (GET /api/me), and the route guards built on it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { z } from 'zod';
import type { SystemRole } from '../../shared/identity';
import type { meResponse } from '../../shared/schemas/account';
import { api, isApiError } from '../api';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';

export type Me = z.infer<typeof meResponse>;

export const meKey = ['me'] as const;

/** The signed-in user, or null when there is no session (401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/api/me');
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
}

/** Forget everything cached about the previous user (after logout or a change of session). */
export function useResetSession() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'public-settings' });
  };
}

/**
 * After a step of sign-in changed the session: drop what belonged to the old session and wait for a
 * fresh /api/me, so the next page's guard sees the new stage and not a cached one.
 */
export function useSessionChanged() {
  const queryClient = useQueryClient();
  return async () => {
    queryClient.removeQueries({
      predicate: (query) => query.queryKey[0] !== 'public-settings' && query.queryKey[0] !== meKey[0],
    });
    await queryClient.resetQueries({ queryKey: meKey });
  };
}

export const hasRole = (me: Me | null | undefined, roles: readonly SystemRole[]) =>
  !!me && me.user.systemRoles.some((role) => roles.includes(role));

/** Only a safe, same-site path may be a return target after sign-in. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

/**
 * Where a session in a given stage belongs, keeping the page to return to. `passkey`: the account has
 * a passkey, so the second-factor page offers it beside the code.
 */
export function pathForStage(
  stage: Me['session']['stage'],
  next?: string | null,
  { passkey = false }: { passkey?: boolean } = {},
): string {
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  if (stage === 'totp_required') {
    if (!passkey) return `/login/totp${query}`;
    return `/login/totp${query ? `${query}&` : '?'}passkey=1`;
  }
  if (stage === 'totp_enrolment_required') return `/totp-setup${query}`;
  return safeNext(next) ?? '/home';
}

/** Layout route for every page that needs a completed sign-in. */
export function RequireSession() {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  const here = `${location.pathname}${location.search}`;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(here)}`} replace />;
  if (me.data.session.stage !== 'active')
    return <Navigate to={pathForStage(me.data.session.stage, here)} replace />;
  return <Outlet />;
}

const ForbiddenPage = lazy(() => import('./ForbiddenPage'));

/** Layout route for pages limited to some system roles (the server checks again on every call). */
export function RequireRole({ roles }: { roles: readonly SystemRole[] }) {
  const me = useMe();
  return hasRole(me.data, roles) ? <Outlet /> : <ForbiddenPage roles={roles} />;
}
