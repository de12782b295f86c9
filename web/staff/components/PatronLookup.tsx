import { useState } from 'preact/hooks';
import { api } from '../api';
import { useAction } from '../hooks';
import { href } from '../router';
import type { PatronSummary } from '../types';
import { ErrorMessage } from './ErrorMessage';
import { TextField } from './TextField';

/** 利用者の検索: GET /admin/patrons?q= (SPEC 11), each result opening the patron's page. */
export const PatronLookup = () => {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ q: string; patrons: PatronSummary[] } | undefined>();
  const { busy, error, run } = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const query = q.trim();
    const patrons = await run(() => api.lookupPatrons(query));
    setFound(patrons ? { q: query, patrons } : undefined);
  };

  return (
    <section class="panel" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">利用者の検索</h2>
      <form class="form" role="search" onSubmit={submit} data-testid="patron-lookup-form" noValidate>
        <TextField
          id="lookup-q"
          name="q"
          label="利用者番号または氏名"
          type="search"
          value={q}
          onValue={setQ}
          error={error}
          maxLength={100}
          hint="番号は先頭4桁以上、氏名は読み(ひらがな・カタカナ)の先頭からでも探せます"
          testId="patron-lookup-q"
        />
        <ErrorMessage error={error} testId="patron-lookup-error" />
        <button type="submit" disabled={busy || q.trim() === ''} data-testid="patron-lookup-submit">
          {busy ? '検索中…' : '検索'}
        </button>
      </form>
      {found && found.patrons.length === 0 ? (
        <p class="empty" data-testid="patron-lookup-empty">
          「{found.q}」に当てはまる利用者はいません。
        </p>
      ) : null}
      {found && found.patrons.length > 0 ? (
        <ul class="plain-list" data-testid="patron-lookup-results">
          {found.patrons.map((p) => (
            <li key={p.cardNumber}>
              <a href={href('patron', p.cardNumber)} data-testid="patron-lookup-result">
                <span class="mono">{p.cardNumber}</span> {p.name}
              </a>
            </li>
          ))}
          {found.patrons.length >= 50 ? <li class="muted">50件まで表示しています。絞り込んでください。</li> : null}
        </ul>
      ) : null}
    </section>
  );
};
