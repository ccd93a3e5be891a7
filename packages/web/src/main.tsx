// Entry point: languages, the query cache and the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App.js';
import { ApiError } from './api/http.js';
import { sessionKey, signedOut } from './api/queries.js';
import { initI18n } from './i18n/index.js';
import './ui/styles.css';

initI18n();

const queryClient: QueryClient = new QueryClient({
  // A session that ended (expired, or signed out in another tab) sends the user back to sign in.
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== sessionKey[0]) {
        signedOut(queryClient);
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a refusal or a missing record only repeats it; retry network trouble once.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
