import type { JSX } from 'preact';

interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  onValue(value: string): void;
  readonly name?: string;
  readonly type?: 'text' | 'search' | 'password' | 'email' | 'tel';
  readonly inputMode?: 'numeric' | 'email' | 'search' | 'text';
  readonly autoComplete?: string;
  readonly maxLength?: number;
  readonly hint?: string;
  /** The message shown under the field, tied to it with aria-describedby and aria-invalid. */
  readonly error?: string;
  readonly required?: boolean;
  readonly testId?: string;
  readonly inputClass?: string;
  readonly lang?: string;
}

/** A labelled text input with its hint and error below it. */
export const TextField = (props: TextFieldProps) => {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const onInput = (event: JSX.TargetedEvent<HTMLInputElement, Event>) => props.onValue(event.currentTarget.value);
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required ? (
          <span class="required" aria-hidden="true">
            ＊
          </span>
        ) : null}
      </label>
      {props.error ? (
        <p class="field-error" id={errorId} data-testid={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
      <input
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? 'text'}
        value={props.value}
        onInput={onInput}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        data-testid={props.testId}
        class={props.inputClass}
        lang={props.lang}
      />
      {props.hint ? (
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
};
