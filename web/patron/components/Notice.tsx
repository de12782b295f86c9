import type { ComponentChildren } from 'preact';

export type NoticeKind = 'info' | 'ok' | 'warn' | 'error';

interface NoticeProps {
  readonly kind: NoticeKind;
  readonly children: ComponentChildren;
  readonly testId?: string;
}

/** A boxed message. Put it inside a LiveRegion when it appears after an action. */
export const Notice = ({ kind, children, testId }: NoticeProps) => (
  <div class={`notice notice-${kind}`} data-testid={testId}>
    {children}
  </div>
);

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
