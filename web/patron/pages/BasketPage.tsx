import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BranchSelect } from '../components/BranchSelect';
import { MineState } from '../components/MineState';
import { LiveRegion, Notice } from '../components/Notice';
import { PageTitle } from '../components/PageTitle';
import { lastPickup, rememberPickup } from '../components/pickup';
import { useApp } from '../context';
import { errorText, isSessionEnd } from '../errors';
import { formatDate } from '../format';
import type { BasketReserveResult } from '../types';
import { BasketResults } from './BasketResults';

/**
 * 予約かご: the saved titles; tick some, choose one pickup library, 予約申込. Each title gets
 * its own result; reserved ones leave the basket, refused ones stay (SPEC 5.8).
 */
export const BasketPage = () => {
  const { t, lang, api, basket, refreshBasket, removeFromBasket, mine, refreshMine } = useApp();
  // Titles already reserved or on loan show their state and are not offered for reserving (issue 10.4).
  const reservable = basket.filter((e) => !mine.has(e.titleId));
  const [loaded, setLoaded] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [branch, setBranch] = useState(lastPickup);
  const [busy, setBusy] = useState(false);
  // `n` counts the messages: each is a new element, focused and announced anew (issue 10.7).
  const [message, setMessage] = useState<{ kind: 'ok' | 'error' | 'warn'; text: string; n: number; focus: boolean }>();
  const said = useRef(0);
  const say = (kind: 'ok' | 'error' | 'warn', text: string, focus = true) => setMessage({ kind, text, n: (said.current += 1), focus });
  const [results, setResults] = useState<{ list: BasketReserveResult[]; titles: Record<string, string> }>();

  useEffect(() => {
    refreshBasket()
      .catch((e: unknown) => !isSessionEnd(e) && say('error', errorText(e, t), false))
      .finally(() => setLoaded(true));
  }, []);

  const toggle = (titleId: string) => (event: JSX.TargetedEvent<HTMLInputElement, Event>) => {
    const next = new Set(selected);
    if (event.currentTarget.checked) next.add(titleId);
    else next.delete(titleId);
    setSelected(next);
  };
  const allSelected = reservable.length > 0 && reservable.every((e) => selected.has(e.titleId));
  const toggleAll = (event: JSX.TargetedEvent<HTMLInputElement, Event>) =>
    setSelected(event.currentTarget.checked ? new Set(reservable.map((e) => e.titleId)) : new Set());

  const remove = async (titleId: string, title: string) => {
    setMessage(undefined);
    setResults(undefined);
    try {
      await removeFromBasket(titleId);
      const next = new Set(selected);
      next.delete(titleId);
      setSelected(next);
      say('ok', t('basketPage.removed', { title }));
    } catch (e) {
      if (!isSessionEnd(e)) say('error', errorText(e, t));
    }
  };

  const reserve = async (event: JSX.TargetedEvent<HTMLFormElement, Event>) => {
    event.preventDefault();
    setMessage(undefined);
    setResults(undefined);
    const ids = reservable.filter((e) => selected.has(e.titleId)).map((e) => e.titleId);
    if (ids.length === 0) {
      say('warn', t('basketPage.noneSelected'));
      return;
    }
    if (!branch) {
      say('warn', t('hold.pickBranch'), false);
      document.getElementById('basket-pickup')?.focus();
      return;
    }
    setBusy(true);
    const titles = Object.fromEntries(basket.map((e) => [e.titleId, e.title]));
    try {
      const answer = await api.reserveBasket(ids, branch);
      rememberPickup(branch);
      setResults({ list: answer.results, titles });
      setSelected(new Set(answer.results.filter((r) => !r.ok).map((r) => r.titleId)));
      await Promise.all([refreshBasket(), refreshMine()]);
    } catch (e) {
      if (!isSessionEnd(e)) say('error', errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('basketPage.title')}</PageTitle>
      <p class="lead">{t('basketPage.lead')}</p>
      <LiveRegion>
        {message ? (
          <Notice kind={message.kind} testId="basket-message" focus={message.focus} key={message.n}>
            {message.text}
          </Notice>
        ) : null}
        {results ? <BasketResults results={results.list} titles={results.titles} /> : null}
      </LiveRegion>
      {!loaded && basket.length === 0 ? <p class="muted">{t('app.loading')}</p> : null}
      {loaded && basket.length === 0 ? (
        <p class="empty" data-testid="basket-empty">
          {t('basketPage.empty')} <a href="#/">{t('nav.search')}</a>
        </p>
      ) : null}
      {basket.length > 0 ? (
        <form onSubmit={reserve} noValidate data-testid="basket-form">
          <div class="select-all">
            <input type="checkbox" id="basket-select-all" checked={allSelected} onChange={toggleAll} data-testid="basket-select-all" />
            <label for="basket-select-all">{t('basketPage.selectAll')}</label>
          </div>
          <ul class="list" data-testid="basket-list">
            {basket.map((entry) => {
              const id = `basket-select-${entry.titleId}`;
              const already = mine.get(entry.titleId);
              const whyId = `${id}-why`;
              return (
                <li
                  key={entry.titleId}
                  class="list-item basket-item"
                  data-testid="basket-item"
                  data-title-id={entry.titleId}
                  data-state={already ? (already.kind === 'loan' ? 'ON_LOAN' : already.status) : 'NONE'}
                >
                  <input
                    type="checkbox"
                    id={id}
                    checked={!already && selected.has(entry.titleId)}
                    disabled={!!already}
                    aria-describedby={already ? whyId : undefined}
                    onChange={toggle(entry.titleId)}
                    data-testid="basket-select"
                  />
                  <div class="list-body">
                    <label for={id} class="item-title">
                      {entry.title}
                    </label>
                    <p class="small muted">
                      {t('basketPage.added', { date: formatDate(entry.addedAt, lang) })}
                      {' ・ '}
                      <a href={`#/titles/${encodeURIComponent(entry.titleId)}`} class="link-whole" data-testid="basket-details-link">
                        {t('title.details')}
                      </a>
                    </p>
                    {already ? (
                      <div id={whyId}>
                        <MineState mine={already} />
                        <p class="small muted">{already.kind === 'loan' ? t('mine.inBasketLoan') : t('mine.inBasketHeld')}</p>
                      </div>
                    ) : null}
                  </div>
                  <button
                    type="button"
                    class="button button-small button-quiet"
                    onClick={() => remove(entry.titleId, entry.title)}
                    aria-label={t('basketPage.removeLabel', { title: entry.title })}
                    data-testid="basket-remove"
                  >
                    {t('basketPage.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
          <div class="card reserve-form">
            <BranchSelect id="basket-pickup" label={t('hold.pickup')} value={branch} onValue={setBranch} emptyLabel={t('hold.choose')} testId="basket-pickup" />
            <p class="small muted">{t('hold.note')}</p>
            <button type="submit" class="button button-primary" disabled={busy} data-testid="basket-reserve">
              {t('basketPage.reserve')}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
};
