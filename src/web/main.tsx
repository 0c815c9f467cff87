// Entry of the web client: fonts and styles, Zod's Japanese messages, i18n, providers, router.
import '@fontsource/biz-udpgothic/400.css';
import '@fontsource/biz-udpgothic/700.css';
import '@mantine/core/styles.css';
import './ui/global.css';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { isApiError } from './api';
import { applyLanguage, applyZodLocale } from './i18n';
import { router } from './routes';
import { applyToDocument, getPreferences } from './ui/preferences';
import { meKey } from './ui/session';
import { cssVariablesResolver, theme } from './ui/theme';

// z.config(z.locales.ja()) — through Zod's core entry, so the first chunk does not carry all of Zod.
applyZodLocale('ja');
applyToDocument();
if (getPreferences().language !== 'ja') applyLanguage(getPreferences().language);

// A 401 from any call means the session ended (timeout, logout elsewhere, removed by an admin):
// re-ask who is signed in, and the signed-in pages send the reader to the login page.
const onError = (error: unknown) => {
  const signedIn = !!queryClient.getQueryData(meKey);
  if (signedIn && isApiError(error) && error.status === 401)
    void queryClient.invalidateQueries({ queryKey: meKey });
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== meKey[0]) onError(error);
    },
  }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Client errors (4xx) will not change by asking again.
      retry: (failures, error) =>
        !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
