import { useState } from 'react';
import { useSaving } from '../common/use-saving';
import type { FormError } from './model/environment-form';

type Parsed<Value> = { ok: true; value: Value } | { ok: false; error: FormError; row?: number };

interface CatalogStore<Value> {
  /** The entry being edited; none when the form creates one. */
  existingId: string | undefined;
  create: (value: Value) => Promise<unknown>;
  update: (id: string, patch: Omit<Value, 'description'> & { description: string | null }) => Promise<unknown>;
}

/** A scheme's or an environment's form: checked on submit, then created or updated, then `onDone`. */
export function useCatalogForm<Form, Value extends { description?: string }>(initial: () => Form, parse: (form: Form) => Parsed<Value>, store: CatalogStore<Value>, onDone: () => void) {
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<{ error: FormError; row?: number } | null>(null);
  const { saving, apiError, save } = useSaving();
  const submit = () => {
    const parsed = parse(form);
    if (!parsed.ok) return setError(parsed);
    setError(null);
    void save(async () => {
      // An emptied description clears the stored one rather than keeping it.
      if (store.existingId !== undefined) await store.update(store.existingId, { ...parsed.value, description: parsed.value.description || null });
      else await store.create(parsed.value);
      onDone();
    });
  };
  return { form, setForm, error, saving, apiError, submit };
}
