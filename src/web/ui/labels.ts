// Labels of the shared code lists (organisation kinds, professions, roles …) in the UI language.
import { useTranslation } from 'react-i18next';
import { type Labelled, labelOf } from '../../shared/labelled';

export function useLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (list: readonly Labelled<string>[], code: string) => labelOf(list, code, lang);
}

export function useLang(): 'ja' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ja';
}
