import type { Ref } from 'preact';
import type { ShownError } from '../errors';

interface Props {
  id: string;
  /** The API field this input sends; marks the input invalid when the error names it. */
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: ShownError;
  hint?: string;
  type?: 'text' | 'password' | 'date' | 'time' | 'tel' | 'search';
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'tel';
  maxLength?: number;
  pattern?: string;
  testId?: string;
  inputRef?: Ref<HTMLInputElement>;
  class?: string;
  disabled?: boolean;
  autoFocus?: boolean;
}

/** A labelled input with its hint and its own error state (aria-invalid, aria-describedby). */
export const TextField = (props: Props) => {
  const invalid = props.error?.field === props.name;
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required ? <span class="required">(必須)</span> : null}
      </label>
      {props.hint ? (
        <span class="hint" id={hintId}>
          {props.hint}
        </span>
      ) : null}
      <input
        id={props.id}
        name={props.name}
        ref={props.inputRef}
        type={props.type ?? 'text'}
        value={props.value}
        onInput={(event) => props.onValue(event.currentTarget.value)}
        required={props.required}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        pattern={props.pattern}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={hintId}
        data-testid={props.testId}
        disabled={props.disabled}
        // biome-ignore lint/a11y/noAutofocus: only the login form's first field and the counter's scan field ask for it, where the next keystroke (or scan) belongs
        autoFocus={props.autoFocus}
      />
    </div>
  );
};
