// The version an edit page writes against. The page as a whole is the reader: its own saves move the
// version on (the other sections keep their unsaved input), while someone else's save seen in a
// refetch does not, so the next save gets 409 and the page offers to reload.
import { useState } from 'react';
import { useRefreshDirectory } from './api';

export type EditSession = {
  version: number;
  /** Bumped by a reload: sections remount with the fresh values. */
  generation: number;
  saved: (version: number) => void;
  reload: () => Promise<void>;
};

export function useEditSession(current: number | undefined): EditSession {
  const [known, setKnown] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const refresh = useRefreshDirectory();
  return {
    version: known ?? current ?? 0,
    generation,
    saved: (version) => {
      setKnown(version);
      void refresh();
    },
    reload: async () => {
      await refresh();
      setKnown(null);
      setGeneration((n) => n + 1);
    },
  };
}
