import { useCallback } from 'react';
import { serviceKindOf } from '../../../../shared/directory-codes';
import { useLang } from '../../../ui/labels';

/** A service kind's name in the UI language; a code the list does not know keeps the name it came with. */
export function useKindLabel() {
  const lang = useLang();
  return useCallback(
    (code: string, nameGiven?: string | null) => serviceKindOf(code, nameGiven)[lang],
    [lang],
  );
}
