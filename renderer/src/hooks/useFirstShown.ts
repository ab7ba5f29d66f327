import { useState } from 'react';

/**
 * The first `first` items of a long list, and the rest on request: laying out two hundred rows took a
 * second of the home screen's first paint (software rendering), and the top of a list is read first.
 */
export function useFirstShown<T>(list: T[], first: number) {
  const [all, setAll] = useState(false);
  return {
    shown: all ? list : list.slice(0, first),
    /** How many are not drawn yet (0: nothing to offer). */
    hidden: all ? 0 : Math.max(0, list.length - first),
    showAll: () => setAll(true),
  };
}
