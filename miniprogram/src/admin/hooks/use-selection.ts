import { useState } from 'react';

/** Rows picked for a batch action; `selected` is `null` outside selection mode. */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string> | null>(null);
  return {
    selected,
    start: () => setSelected(new Set()),
    stop: () => setSelected(null),
    toggle: (id: string) =>
      setSelected((s) => {
        if (!s) return s;
        const next = new Set(s);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
  };
}
