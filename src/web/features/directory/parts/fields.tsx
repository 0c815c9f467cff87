// Plain HTML form fields for the public directory: native controls are the most dependable with
// screen readers, phone pickers and large text, and they keep the search page's first load small.
import { type ReactNode, useId } from 'react';

type SelectProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  hint?: string;
};

export function SelectField({ label, value, onChange, children, hint }: SelectProps) {
  const id = useId();
  return (
    <div className="dir-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="dir-control"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        {children}
      </select>
      {hint && (
        <span className="dir-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

type TextProps = { label: string; value: string; onChange: (value: string) => void; hint?: string };

export function SearchTextField({ label, value, onChange, hint }: TextProps) {
  const id = useId();
  return (
    <div className="dir-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        className="dir-control"
        value={value}
        maxLength={100}
        autoComplete="off"
        enterKeyHint="search"
        onChange={(event) => onChange(event.currentTarget.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint && (
        <span className="dir-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

type CheckProps = { label: string; checked: boolean; onChange: (checked: boolean) => void };

export function CheckField({ label, checked, onChange }: CheckProps) {
  return (
    <label className="dir-check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}
