import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context';
import { errorText, isSessionEnd } from '../errors';
import { navigate } from '../router';
import { LiveRegion } from './Notice';

/** 「予約かごに入れる」, or a link to the basket once the title is in it. */
export const BasketButton = ({ titleId }: { readonly titleId: string }) => {
  const { t, session, basketIds, addToBasket, loginHref } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [justAdded, setJustAdded] = useState(false);
  const inBasket = basketIds.has(titleId);
  const inLink = useRef<HTMLAnchorElement>(null);
  // The button is gone once the title is in: focus goes to what replaced it (issue 10.7).
  useEffect(() => {
    if (justAdded && inBasket) inLink.current?.focus();
  }, [justAdded, inBasket]);

  const add = async () => {
    if (!session) {
      navigate(loginHref());
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await addToBasket(titleId);
      setJustAdded(true);
    } catch (e) {
      if (!isSessionEnd(e)) setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="basket-button">
      {inBasket ? (
        <a class="button button-quiet in-basket" href="#/basket" data-testid="basket-in" ref={inLink}>
          <span aria-hidden="true">✓ </span>
          {t('basket.in')}
        </a>
      ) : (
        <button type="button" class="button button-secondary" onClick={add} disabled={busy} data-testid="basket-add">
          {t('basket.add')}
        </button>
      )}
      <LiveRegion>
        {justAdded && inBasket ? <span class="visually-hidden">{t('basket.added')}</span> : null}
        {error ? (
          <p class="inline-error" role="alert" data-testid="basket-add-error">
            {error}
          </p>
        ) : null}
      </LiveRegion>
    </div>
  );
};
