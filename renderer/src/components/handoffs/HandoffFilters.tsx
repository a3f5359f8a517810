import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldStates, handoffStates } from '../../../../shared/contract/handoff';
import { useHandoffStore } from '../../stores/StoresContext';
import { oneOf } from '../hearing/FormField';

const all = '';

/** State, field sales' answer and a search over company and contact. */
export function HandoffFilters() {
  const { t } = useTranslation();
  const stateId = useId();
  const fieldId = useId();
  const searchId = useId();
  const stateFilter = useHandoffStore((state) => state.stateFilter);
  const fieldStateFilter = useHandoffStore((state) => state.fieldStateFilter);
  const searchText = useHandoffStore((state) => state.searchText);
  const setStateFilter = useHandoffStore((state) => state.setStateFilter);
  const setFieldStateFilter = useHandoffStore((state) => state.setFieldStateFilter);
  const setSearchText = useHandoffStore((state) => state.setSearchText);
  return (
    <div className="handoff-filters">
      <label htmlFor={stateId}>{t('handoffs.filters.state')}</label>
      <select id={stateId} value={stateFilter ?? all} onChange={(event) => setStateFilter(event.target.value === all ? null : oneOf(handoffStates, event.target.value, 'draft'))}>
        <option value={all}>{t('handoffs.filters.all')}</option>
        {handoffStates.map((state) => (
          <option key={state} value={state}>
            {t(`handoffs.state.${state}`)}
          </option>
        ))}
      </select>
      <label htmlFor={fieldId}>{t('handoffs.filters.fieldState')}</label>
      <select
        id={fieldId}
        value={fieldStateFilter ?? all}
        onChange={(event) => setFieldStateFilter(event.target.value === all ? null : oneOf(fieldStates, event.target.value, 'accepted'))}
      >
        <option value={all}>{t('handoffs.filters.all')}</option>
        {fieldStates.map((state) => (
          <option key={state} value={state}>
            {t(`handoffs.fieldState.${state}`)}
          </option>
        ))}
      </select>
      <label htmlFor={searchId} className="visually-hidden">
        {t('handoffs.filters.search')}
      </label>
      <input
        id={searchId}
        type="search"
        value={searchText}
        placeholder={t('handoffs.filters.search')}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setSearchText(event.target.value)}
      />
    </div>
  );
}
