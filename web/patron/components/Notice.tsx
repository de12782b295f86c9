import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { AppContext } from '../context';

export type NoticeKind = 'info' | 'ok' | 'warn' | 'error';

interface NoticeProps {
  readonly kind: NoticeKind;
  readonly children: ComponentChildren;
  readonly testId?: string;
  /**
   * The result of what the patron just did: focus lands on it when it appears (issue 10.7),
   * so keyboard and screen-reader users are taken to the answer, not left on a button that
   * may be gone. Render it anew for each action (clear the old one first).
   */
  readonly focus?: boolean;
}

/** A boxed message. Put it inside a LiveRegion when it appears after an action. */
export const Notice = ({ kind, children, testId, focus }: NoticeProps) => {
  const box = useRef<HTMLDivElement>(null);
  const app = useContext(AppContext);
  useEffect(() => {
    if (!focus) return;
    box.current?.focus();
    // The answer to a new action supersedes the page's flash (「ログインしました。」 and the like).
    app?.setFlash(null);
  }, []);
  return (
    <div class={`notice notice-${kind}`} data-testid={testId} ref={box} tabIndex={focus ? -1 : undefined}>
      {children}
    </div>
  );
};

interface LiveRegionProps {
  readonly children?: ComponentChildren;
  /** 'assertive' for errors that block what the patron was doing. */
  readonly politeness?: 'polite' | 'assertive';
  readonly id?: string;
  readonly class?: string;
}

/**
 * Always rendered (even empty) so that screen readers announce what appears in it later:
 * results, confirmations and errors after an action.
 */
export const LiveRegion = ({ children, politeness = 'polite', id, class: className }: LiveRegionProps) => (
  <div aria-live={politeness} aria-atomic="false" id={id} class={className}>
    {children}
  </div>
);
