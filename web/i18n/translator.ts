import i18next, { type TFunction } from 'i18next';
import { catalogues, LANGUAGES, type Language, type MessageKey } from './messages';

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

// One instance, initialised synchronously from the catalogues in this bundle (nothing to load).
const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  fallbackLng: 'id',
  supportedLngs: [...LANGUAGES],
  resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: catalogues[lng] }])),
  // The html template escapes every value it renders; escaping here too would double it.
  interpolation: { escapeValue: false },
  returnNull: false,
});

const fixed: Readonly<Record<Language, TFunction>> = { id: instance.getFixedT('id'), en: instance.getFixedT('en') };

export function translatorFor(language: Language): Translate {
  const t = fixed[language];
  return (key, values) => String(t(key, values ?? {}));
}
