import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useApp } from '../context';

interface PageTitleProps {
  readonly children: ComponentChildren;
  /** The browser tab's title; defaults to the heading when it is plain text. */
  readonly title?: string;
}

/**
 * The page's one <h1>. Focusable by script (tabIndex -1) so that after navigation the
 * focus and the screen reader land on the new page's heading; also sets document.title.
 */
export const PageTitle = ({ children, title }: PageTitleProps) => {
  const { t } = useApp();
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} | ${t('app.library')} ${t('app.service')}` : `${t('app.library')} ${t('app.service')}`;
  }, [text, t]);
  return (
    <h1 class="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
};
