/** Prints the page; the print stylesheet leaves only the list and its heading (or the counter's slip). */
export const PrintButton = ({ testId, disabled, label }: { testId?: string; disabled?: boolean; label?: string }) => (
  <button type="button" class="secondary no-print" onClick={() => window.print()} data-testid={testId ?? 'print'} disabled={disabled}>
    {label ?? '印刷'}
  </button>
);
