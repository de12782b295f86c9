import type { JSX } from 'preact';
import { useApp } from '../context';

interface BranchSelectProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  onValue(code: string): void;
  /** The first, empty option: "choose…" or "all libraries". */
  readonly emptyLabel: string;
  readonly error?: string;
  readonly testId?: string;
}

/** A labelled <select> of the library's branches (GET /api/branches). */
export const BranchSelect = ({ id, label, value, onValue, emptyLabel, error, testId }: BranchSelectProps) => {
  const { branches, branchName } = useApp();
  const onChange = (event: JSX.TargetedEvent<HTMLSelectElement, Event>) => onValue(event.currentTarget.value);
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {error ? (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <select id={id} name={id} value={value} onChange={onChange} aria-invalid={error ? 'true' : undefined} aria-describedby={errorId} data-testid={testId}>
        <option value="">{emptyLabel}</option>
        {branches.map((b) => (
          <option key={b.code} value={b.code}>
            {branchName(b.code)}
          </option>
        ))}
      </select>
    </div>
  );
};
