import { useState } from 'react';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/**
 * When a form's errors show (issue 14): a field's message appears once the user has left it
 * (blur) or picked something in it, and every message appears after a submit attempt, never
 * before the user has done anything. `errors` is the form's current validation, recomputed by
 * the caller on each render, so a fixed field's message goes away as soon as it is fixed.
 */
export function useFieldErrors<K extends string>(errors: FieldErrors<K>) {
  const [touched, setTouched] = useState<Partial<Record<K, true>>>({});
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const fields = Object.keys(errors) as K[];
  return {
    /** The message to show under `field` now, if any. */
    errorOf: (field: K): string | undefined => (hasTriedSubmit || touched[field] ? errors[field] : undefined),
    touch: (field: K) => setTouched((t) => (t[field] ? t : { ...t, [field]: true })),
    /** Call on submit: true when the form may be sent; else every message shows. */
    trySubmit: (): boolean => {
      setHasTriedSubmit(true);
      return fields.length === 0;
    },
    hasTriedSubmit,
    count: fields.length,
    /** The first field with an error, in the order `errors` lists them (form order). */
    firstInvalid: fields[0],
  };
}
