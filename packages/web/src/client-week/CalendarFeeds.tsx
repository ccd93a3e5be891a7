// A relative's calendar feed: make a secret link (shown once) to copy into a calendar app, and
// turn links off. The feed carries only when and who, as the consent covers.
import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useCalendarFeeds, useCreateFeed, useRevokeFeed } from './api.js';
import { shortDate } from './format.js';
import type { ClientLanguage } from './i18n/index.js';

export function CalendarFeeds({ clientId, t, lang }: { clientId: string; t: TFunction; lang: ClientLanguage }) {
  const feeds = useCalendarFeeds(clientId);
  const create = useCreateFeed(clientId);
  const revoke = useRevokeFeed(clientId);
  const [made, setMade] = useState<{ id: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const urlId = useId();
  const active = (feeds.data?.items ?? []).filter((f) => !f.revoked);

  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.url);
    } catch {
      // Without clipboard access the link stays selected in its field for the person to copy.
      (document.getElementById(urlId) as HTMLInputElement | null)?.select();
    }
    setCopied(true);
  };

  return (
    <section className="cw-panel cw-calendar" aria-labelledby="cw-calendar">
      <h2 id="cw-calendar">{t('calendar.heading')}</h2>
      <p>{t('calendar.intro')}</p>
      <button type="button" className="cw-big-button" disabled={create.isPending}
        onClick={() => create.mutate(undefined, { onSuccess: (f) => { setMade(f); setCopied(false); } })}>
        {t('calendar.create')}
      </button>
      {made ? (
        <div className="cw-feed-made">
          <label htmlFor={urlId}>{t('calendar.url')}</label>
          <input id={urlId} type="text" readOnly value={made.url} dir="ltr" onFocus={(e) => e.currentTarget.select()} />
          <p>{t('calendar.shownOnce')}</p>
          <button type="button" onClick={() => void copy()}>{t('calendar.copy')}</button>
          {copied ? <p role="status">{t('calendar.copied')}</p> : null}
        </div>
      ) : null}
      {active.length > 0 ? (
        <ul className="cw-feeds">
          {active.map((f) => (
            <li key={f.id}>
              <span>{t('calendar.feed', { date: shortDate(f.createdAt, lang, 'Europe/Stockholm') })}</span>
              <button type="button" disabled={revoke.isPending} aria-label={`${t('calendar.revoke')}: ${t('calendar.feed', { date: shortDate(f.createdAt, lang, 'Europe/Stockholm') })}`}
                onClick={() => revoke.mutate(f.id, { onSuccess: () => { if (made?.id === f.id) setMade(null); } })}>
                {t('calendar.revoke')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
