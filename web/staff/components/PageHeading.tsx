import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  children: ComponentChildren;
  /** Move focus here when the page opens (not on the counter page, where the scan box takes it). */
  focus?: boolean;
}

/** The page's h1; takes focus on navigation so screen readers hear the new page. */
export const PageHeading = ({ children, focus = true }: Props) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-title">
      {children}
    </h1>
  );
};
