import { useId, useState } from 'react';
import { isComposing } from '../../lib/keys';

interface TagListFieldProps {
  label: string;
  inputLabel: string;
  placeholder: string;
  addLabel: string;
  emptyLabel: string;
  removeLabel: (tag: string) => string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  /** Longest tag the backend accepts. */
  maxLength: number;
  /** How a stored tag is shown (a default option translated); the tag itself is what is kept. */
  display?: (tag: string) => string;
}

/** Names as removable tags; Enter or the add button adds what was typed. */
export function TagListField({ label, inputLabel, placeholder, addLabel, emptyLabel, removeLabel, tags, onChange, maxLength, display = (tag) => tag }: TagListFieldProps) {
  const labelId = useId();
  const inputId = useId();
  const [text, setText] = useState('');
  const add = () => {
    const tag = text.trim();
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setText('');
  };
  return (
    <div role="group" aria-labelledby={labelId} className="form-field">
      <span id={labelId} className="group-label">
        {label}
      </span>
      <ul className="tag-list" aria-labelledby={labelId}>
        {tags.length === 0 && <li className="hint">{emptyLabel}</li>}
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {display(tag)}
            <button type="button" className="tag-remove" aria-label={removeLabel(display(tag))} onClick={() => onChange(tags.filter((x) => x !== tag))}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="tag-input">
        <label htmlFor={inputId} className="visually-hidden">
          {inputLabel}
        </label>
        <input
          id={inputId}
          type="text"
          value={text}
          maxLength={maxLength}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the tag; during IME composition it only confirms the conversion.
            if (event.key === 'Enter' && !isComposing(event)) {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={text.trim() === ''}>
          {addLabel}
        </button>
      </div>
    </div>
  );
}
