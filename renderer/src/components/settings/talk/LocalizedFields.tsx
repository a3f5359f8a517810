import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../../../shared/contract/talk';
import { FormField } from '../../hearing/FormField';

/** One text in Japanese and English, side by side; long texts get text areas. */
export function LocalizedFields({ label, value, onChange, long = false }: { label: string; value: Localized; onChange: (value: Localized) => void; long?: boolean }) {
  const { t } = useTranslation();
  const control = (lang: 'ja' | 'en') => (
    <FormField label={t('talk.settings.inLanguage', { label, language: t(`languages.${lang}`) })}>
      {(props) =>
        long ? (
          <textarea {...props} rows={3} lang={lang} value={value[lang]} onChange={(event) => onChange({ ...value, [lang]: event.target.value })} />
        ) : (
          <input {...props} type="text" lang={lang} value={value[lang]} onChange={(event) => onChange({ ...value, [lang]: event.target.value })} />
        )
      }
    </FormField>
  );
  return (
    <div className="localized-fields">
      {control('ja')}
      {control('en')}
    </div>
  );
}
