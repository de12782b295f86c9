import { Availability } from '../components/Availability';
import { BasketButton } from '../components/BasketButton';
import { HoldRefusal } from '../components/HoldRefusal';
import { ReservePanel } from '../components/ReservePanel';
import { useApp } from '../context';
import { href } from '../router';
import type { SearchItem } from '../types';

/** One title in the results: what it is, where copies are on the shelf, and whether it can be reserved. */
export const ResultItem = ({ item }: { readonly item: SearchItem }) => {
  const { t, session, mine } = useApp();
  const already = mine.has(item.titleId);
  const titleHref = `#/titles/${encodeURIComponent(item.titleId)}`;
  const type = item.subtype === 'KAMISHIBAI' ? 'KAMISHIBAI' : item.materialType;
  const meta = [item.author, item.publisher, item.year ? String(item.year) : null].filter(Boolean).join(' ／ ');
  return (
    <li class="result card" data-testid="result-item" data-title-id={item.titleId} data-holdable={String(item.holdable)}>
      <div class="result-head">
        <span class={`badge badge-${type.toLowerCase()}`}>{t(`type.${type}`)}</span>
        <h3 class="result-title">
          <a href={titleHref} data-testid="result-title">
            {item.title}
          </a>
        </h3>
      </div>
      {meta ? <p class="result-meta">{meta}</p> : null}
      <Availability copies={item.copies} available={item.available} branches={item.availability} />
      {item.holdable ? (
        <div class="result-actions">
          <ReservePanel titleId={item.titleId} title={item.title} mode="inline" loginHref={href('/login', { next: `/titles/${encodeURIComponent(item.titleId)}` })} />
          {session && !already ? <BasketButton titleId={item.titleId} /> : null}
        </div>
      ) : (
        <HoldRefusal reason={item.reason} />
      )}
    </li>
  );
};
