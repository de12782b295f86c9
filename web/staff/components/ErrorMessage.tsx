import type { ShownError } from '../errors';
import { errorText } from '../errors';

interface Props {
  error: ShownError | undefined;
  id?: string;
  testId?: string;
}

/** An API error next to its form, announced to screen readers. */
export const ErrorMessage = ({ error, id, testId }: Props) =>
  error ? (
    <p class="error-message" role="alert" id={id} data-testid={testId ?? 'form-error'} data-code={error.code} data-field={error.field}>
      {errorText(error)}
    </p>
  ) : null;
