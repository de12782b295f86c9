import { Notice } from '../components/Notice';
import { useApp } from '../context';
import { formatDateTime } from '../format';
import type { BasketReserveResult } from '../types';

/** 予約申込の結果: one line per title, reserved or why not. */
export const BasketResults = ({ results, titles }: { readonly results: readonly BasketReserveResult[]; readonly titles: Record<string, string> }) => {
  const { t, lang } = useApp();
  const ok = results.filter((r) => r.ok).length;
  const ng = results.length - ok;
  return (
    <Notice kind={ng === 0 ? 'ok' : ok === 0 ? 'error' : 'warn'} testId="basket-results" focus>
      <h2 class="notice-title">{t('basketPage.results')}</h2>
      {ng > 0 ? <p>{ok === 0 ? t('basketPage.summaryNone') : t('basketPage.summary', { ok, ng })}</p> : null}
      <ul class="result-lines">
        {results.map((r) => (
          <li key={r.titleId} data-testid="basket-result" data-title-id={r.titleId} data-ok={String(r.ok)}>
            <span class={`mark ${r.ok ? 'mark-ok' : 'mark-ng'}`} aria-hidden="true">
              {r.ok ? '✓' : '×'}
            </span>
            <span>
              <strong>{titles[r.titleId] ?? r.titleId}</strong>
              {t('common.sep')}
              {r.ok ? t('basketPage.resultOk') : `${t('basketPage.resultNg')}（${r.error?.message ?? r.error?.code ?? ''}）`}
              {r.ok && r.registersAt ? (
                <span class="result-note" data-testid="basket-registers-at" data-registers-at={r.registersAt}>
                  {t('hold.registersAt', { time: formatDateTime(r.registersAt, lang) })}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {ok > 0 ? (
        <p>
          <a href="#/status">{t('hold.seeStatus')}</a>
        </p>
      ) : null}
    </Notice>
  );
};
