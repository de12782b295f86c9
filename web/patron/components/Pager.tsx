import { useApp } from '../context';

interface PagerProps {
  readonly page: number;
  readonly pages: number;
  hrefFor(page: number): string;
}

/** 前のページ / n / m ページ / 次のページ, as links so that each page has its own address. */
export const Pager = ({ page, pages, hrefFor }: PagerProps) => {
  const { t } = useApp();
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('search.pager')} data-testid="pager">
      {page > 1 ? (
        <a class="button button-secondary" href={hrefFor(page - 1)} rel="prev" data-testid="pager-prev">
          <span aria-hidden="true">‹ </span>
          {t('search.prev')}
        </a>
      ) : (
        <span class="pager-gap" />
      )}
      <span class="pager-status" aria-current="page">
        {t('search.page', { page, pages })}
      </span>
      {page < pages ? (
        <a class="button button-secondary" href={hrefFor(page + 1)} rel="next" data-testid="pager-next">
          {t('search.next')}
          <span aria-hidden="true"> ›</span>
        </a>
      ) : (
        <span class="pager-gap" />
      )}
    </nav>
  );
};
