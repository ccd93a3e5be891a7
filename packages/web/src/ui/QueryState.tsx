// What a screen shows while its data loads or when the request failed.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http.js';

interface Props<T> {
  query: { data: T | undefined; error: unknown; isPending: boolean; isError: boolean };
  children: (data: T) => ReactNode;
}

export function QueryState<T>({ query, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isError) return <ErrorMessage error={query.error} />;
  if (query.isPending || query.data === undefined) {
    return <p className="loading" role="status">{t('common.loading')}</p>;
  }
  return <>{children(query.data)}</>;
}

/** @returns the translation key that explains a failed request to the user. */
export function errorKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'error.unknown';
  if (error.status === 0) return 'error.network';
  if (error.status === 401) return 'error.signedOut';
  if (error.status === 403) return 'error.forbidden';
  if (error.status === 404) return 'error.notFound';
  if (error.status === 429) return 'error.tooMany';
  return 'error.unknown';
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="alert" role="alert">
      <p>{t(errorKey(error))}</p>
    </div>
  );
}
