import { useId, type InputHTMLAttributes } from 'react';

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  errors?: string[] | undefined;
  hint?: string;
}

/** A labelled input with its field errors from the server's problem details. */
export function FormField({ label, errors, hint, ...input }: Props) {
  const id = useId();
  const describedBy = errors?.length ? `${id}-errors` : hint ? `${id}-hint` : undefined;
  return (
    <div className={errors?.length ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && !errors?.length && <small id={`${id}-hint`} className="muted">{hint}</small>}
      {errors?.length ? (
        <ul id={`${id}-errors`} className="field-errors">
          {errors.map((error) => <li key={error}>{error}</li>)}
        </ul>
      ) : null}
    </div>
  );
}
