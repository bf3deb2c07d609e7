import { useId, type SelectHTMLAttributes } from 'react';

interface Props extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  errors?: string[] | undefined;
  options: readonly { value: string; label: string }[];
}

/** A labelled select with its field errors from the server's problem details, like FormField. */
export function SelectField({ label, errors, options, ...select }: Props) {
  const id = useId();
  return (
    <div className={errors?.length ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-errors` : undefined} {...select}>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
      {errors?.length ? (
        <ul id={`${id}-errors`} className="field-errors">
          {errors.map((error) => <li key={error}>{error}</li>)}
        </ul>
      ) : null}
    </div>
  );
}
