// `/account` — the signed-in user's own account: profile, password, second factor, passkeys, sessions,
// the daily digest by e-mail, display.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';
import { useMe } from '../../ui/session';
import { DigestSection } from './DigestSection';
import { DisplaySection } from './DisplaySection';
import { PasskeysSection } from './PasskeysSection';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { SecondFactorSection } from './SecondFactorSection';
import { SessionsSection } from './SessionsSection';

export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return null;
  return (
    <Stack gap="xl">
      <PageTitle title={t('account.title')} />
      <ProfileSection me={me.data} />
      <PasswordSection />
      <SecondFactorSection me={me.data} />
      <PasskeysSection />
      <SessionsSection />
      <DigestSection />
      <DisplaySection />
    </Stack>
  );
}
