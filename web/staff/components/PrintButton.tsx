/** Prints the page; the print stylesheet leaves only the list and its heading. */
export const PrintButton = ({ testId, disabled }: { testId?: string; disabled?: boolean }) => (
  <button type="button" class="secondary no-print" onClick={() => window.print()} data-testid={testId ?? 'print'} disabled={disabled}>
    印刷
  </button>
);
