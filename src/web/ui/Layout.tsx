// The app shell on every page: skip link, header (city, toggles, navigation), one <main>, footer.
import { Anchor, Box, Burger, Button, Container, Divider, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api';
import { NoticesLink } from '../features/teams/NoticesLink';
import { IdleWarning } from './IdleWarning';
import { LanguageToggle } from './LanguageToggle';
import { LargeTextToggle } from './LargeTextToggle';
import { Loading } from './Loading';
import { usePublicSettings } from './public-settings';
import { hasRole, type Me, useMe, useResetSession } from './session';

export type NavKey =
  | 'home'
  | 'directory'
  | 'patients'
  | 'admissionRule'
  | 'admissionParticipation'
  | 'emergencyLookup'
  | 'emergencyReview'
  | 'account'
  | 'adminOrganisations'
  | 'adminUsers'
  | 'adminAudit'
  | 'adminSupport'
  | 'settings';
export type NavItem = { to: string; key: NavKey };

/** The pages this user's roles open (the server checks again on every call). */
export function navItems(me: Me): NavItem[] {
  const items: NavItem[] = [
    { to: '/home', key: 'home' },
    { to: '/directory', key: 'directory' },
    // Patients are recorded by organisations: a member of one sees its patients.
    ...(me.memberships.length > 0 ? [{ to: '/patients', key: 'patients' as const }] : []),
    { to: '/admission/rule', key: 'admissionRule' },
    { to: '/admission/participation', key: 'admissionParticipation' },
    { to: '/account', key: 'account' },
  ];
  if (hasRole(me, ['ems'])) items.splice(1, 0, { to: '/emergency', key: 'emergencyLookup' });
  if (hasRole(me, ['center_staff', 'city_staff']))
    items.push({ to: '/emergency/review', key: 'emergencyReview' });
  if (hasRole(me, ['system_admin'])) {
    items.push(
      { to: '/admin/organisations', key: 'adminOrganisations' },
      { to: '/admin/users', key: 'adminUsers' },
      { to: '/admin/audit', key: 'adminAudit' },
      { to: '/admin/support-access', key: 'adminSupport' },
    );
  }
  if (hasRole(me, ['system_admin', 'city_staff'])) items.push({ to: '/settings', key: 'settings' });
  return items;
}

function useLogout() {
  const navigate = useNavigate();
  const reset = useResetSession();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => {
      reset();
      navigate('/login', { state: { loggedOut: true } });
    },
  });
}

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const settings = usePublicSettings();
  const me = useMe();
  const [drawerOpened, drawer] = useDisclosure(false);
  const logout = useLogout();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After navigating, start reading (and tabbing) at the new page's content, as a full page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => {
    drawer.close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  const signedIn = me.data && me.data.session.stage === 'active' ? me.data : null;
  const items = signedIn ? navItems(signedIn) : [];
  const cityName = settings.data?.cityName ?? '';
  const homeLink = signedIn ? '/home' : '/';

  const nav = (vertical: boolean) => (
    <Box component="nav" aria-label={t('ui.mainNav')}>
      <Box component="ul" className={vertical ? 'nav-list nav-list-vertical' : 'nav-list'}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="nav-link">
              {t(`ui.${item.key}`)}
            </NavLink>
          </li>
        ))}
      </Box>
    </Box>
  );

  return (
    <>
      <a href="#main" className="skip-link">
        {t('ui.skipToContent')}
      </a>
      <header className="site-header">
        <Container size="lg" py="xs">
          <div className="header-top">
            <Anchor component={Link} to={homeLink} underline="never" className="brand">
              <span className="brand-name">{t('common.appName')}</span>
              <span className="brand-city">
                {cityName}
                {cityName ? ' ' : ''}
                {t('common.appTagline')}
              </span>
            </Anchor>
            <Group gap="xs" className="header-tools" justify="flex-end">
              <LargeTextToggle />
              <LanguageToggle />
              {!signedIn && !location.pathname.startsWith('/login') && (
                <Button component={Link} to="/login" size="sm">
                  {t('ui.login')}
                </Button>
              )}
              {signedIn && signedIn.memberships.length > 0 && (
                <Box hiddenFrom="md">
                  <NoticesLink />
                </Box>
              )}
              {signedIn && (
                <Burger
                  opened={drawerOpened}
                  onClick={drawer.toggle}
                  hiddenFrom="md"
                  aria-label={t('ui.menu')}
                  aria-expanded={drawerOpened}
                />
              )}
            </Group>
          </div>
          {signedIn ? (
            <Group justify="space-between" visibleFrom="md" mt="xs" wrap="nowrap">
              {nav(false)}
              <Group gap="sm" wrap="nowrap">
                {signedIn.memberships.length > 0 && <NoticesLink />}
                <Text size="sm">{t('ui.signedInAs', { name: signedIn.user.displayName })}</Text>
                <Button
                  variant="default"
                  size="sm"
                  loading={logout.isPending}
                  onClick={() => logout.mutate()}
                >
                  {t('ui.logout')}
                </Button>
              </Group>
            </Group>
          ) : null}
        </Container>
      </header>
      {signedIn && (
        <Drawer
          opened={drawerOpened}
          onClose={drawer.close}
          title={t('ui.menu')}
          position="right"
          size="xs"
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack>
            <Text>{t('ui.signedInAs', { name: signedIn.user.displayName })}</Text>
            {nav(true)}
            <Divider />
            <Button variant="default" loading={logout.isPending} onClick={() => logout.mutate()}>
              {t('ui.logout')}
            </Button>
          </Stack>
        </Drawer>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Container size="lg" py="lg">
          {signedIn && <IdleWarning idleTimeoutSeconds={signedIn.session.idleTimeoutSeconds} />}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <footer className="site-footer">
        <Container size="lg" py="lg">
          <Stack gap={4}>
            {settings.data?.supportCenterName && (
              <Text size="sm">{t('ui.footerContact', { name: settings.data.supportCenterName })}</Text>
            )}
            <Text size="sm">{t('ui.footerOss')}</Text>
          </Stack>
        </Container>
      </footer>
    </>
  );
}
