import { useBranches } from '../context';

interface Props {
  id: string;
  label: string;
  value: string;
  onValue: (code: string) => void;
  testId?: string;
  /** Text of an empty first option; without it a branch must be chosen. */
  emptyLabel?: string;
  invalid?: boolean;
  class?: string;
}

/** A labelled select of the library's branches (GET /api/branches). */
export const BranchSelect = ({ id, label, value, onValue, testId, emptyLabel, invalid, class: className }: Props) => {
  const { branches } = useBranches();
  return (
    <div class={`field ${className ?? ''}`}>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onValue(event.currentTarget.value)} data-testid={testId} aria-invalid={invalid ? 'true' : undefined}>
        {emptyLabel !== undefined || !value ? <option value="">{emptyLabel ?? '選択してください'}</option> : null}
        {branches.map((b) => (
          <option key={b.code} value={b.code}>
            {b.name}
          </option>
        ))}
      </select>
    </div>
  );
};
