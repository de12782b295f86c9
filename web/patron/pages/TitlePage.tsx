import { useEffect, useState } from 'preact/hooks';
import { Availability } from '../components/Availability';
import { BasketButton } from '../components/BasketButton';
import { HoldRefusal } from '../components/HoldRefusal';
import { Notice } from '../components/Notice';
import { PageTitle } from '../components/PageTitle';
import { ReservePanel } from '../components/ReservePanel';
import { SequencePanel } from '../components/SequencePanel';
import { useApp } from '../context';
import { errorText } from '../errors';
import { formatMonthDay } from '../format';
import type { MessageKey } from '../i18n';
import type { TitleDetail } from '../types';
import { CopyTable } from './CopyTable';
import { lastSearchHref } from './search-query';

type State = { readonly kind: 'loading' } | { readonly kind: 'done'; readonly title: TitleDetail } | { readonly kind: 'error'; readonly message: string };

/** A title (GET /api/catalog/titles/{id}): details, copies, the queue, and 予約. */
export const TitlePage = ({ titleId }: { readonly titleId: string }) => {
  const { t, lang, api, session, loginHref, mine } = useApp();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    api
      .title(titleId)
      .then((title) => live && setState({ kind: 'done', title }))
      .catch((e: unknown) => live && setState({ kind: 'error', message: errorText(e, t) }));
    return () => {
      live = false;
    };
  }, [titleId]);

  const back = (
    <p class="back">
      <a href={lastSearchHref()} data-testid="back-to-results">
        <span aria-hidden="true">‹ </span>
        {t('title.back')}
      </a>
    </p>
  );

  // One <article> and one <h1> while loading and after: the heading that took the focus on
  // arrival keeps it when the title's name replaces 「読み込み中」 (a new element would drop it).
  const title = state.kind === 'done' ? state.title : undefined;
  const heading = title ? title.title : t('title.loading');
  if (!title) {
    return (
      <article class="title-page">
        {back}
        <PageTitle title={heading}>{heading}</PageTitle>
        {state.kind === 'error' ? <Notice kind="error">{state.message}</Notice> : <p class="muted">{t('app.loading')}</p>}
      </article>
    );
  }

  const type = title.subtype === 'KAMISHIBAI' ? 'KAMISHIBAI' : title.materialType;
  const rows: [MessageKey, string | number | undefined][] = [
    ['title.reading', title.titleReading],
    ['title.author', title.author],
    ['title.publisher', title.publisher],
    ['title.year', title.year],
    ['title.series', title.series],
    ['title.volume', title.volume],
    ['title.isbn', title.isbn],
    ['title.type', t(`type.${type}`)],
  ];

  return (
    <article class="title-page" data-testid="title-page" data-title-id={title.titleId}>
      {back}
      <PageTitle title={heading}>{heading}</PageTitle>
      {title.author ? <p class="title-author">{title.author}</p> : null}

      <section class="card" aria-labelledby="hold-heading">
        <h2 id="hold-heading">{t('title.holds')}</h2>
        <Availability copies={title.availability.copies} available={title.availability.available} branches={title.availability.branches} />
        <p data-testid="waiting-count" data-waiting={title.waiting}>
          {t('title.waiting', { n: title.waiting })}
        </p>
        {title.holdable && title.estimatedReadyDate && !mine.has(title.titleId) ? (
          <p class="estimate" data-testid="title-estimate" data-estimate={title.estimatedReadyDate}>
            {t('title.estimate', { date: formatMonthDay(title.estimatedReadyDate, lang) })}
            <span class="estimate-caveat small">{t('estimate.caveat')}</span>
          </p>
        ) : null}
        {title.holdable ? (
          <div class="result-actions">
            <ReservePanel titleId={title.titleId} title={title.title} mode="page" loginHref={loginHref()} />
            {session && !mine.has(title.titleId) ? <BasketButton titleId={title.titleId} /> : null}
          </div>
        ) : (
          <HoldRefusal reason={title.reason} />
        )}
      </section>

      {title.series && title.holdable ? <SequencePanel titleId={title.titleId} series={title.series} /> : null}

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('title.details')}</h2>
        <dl class="details">
          {rows
            .filter(([, value]) => value !== undefined && value !== null && value !== '')
            .map(([key, value]) => (
              <div key={key}>
                <dt>{t(key)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>

      <section aria-labelledby="copies-heading">
        <h2 id="copies-heading">{t('title.copies')}</h2>
        <CopyTable copies={title.copies} />
      </section>
    </article>
  );
};
