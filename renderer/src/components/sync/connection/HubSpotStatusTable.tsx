import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { leadStatuses } from '../../../../../shared/contract/leads';
import { documentedHubSpotValues, hubspotValueChoices, type HubSpotStatusProperty } from '../../../../../shared/domain/sync/hubspotValues';
import type { FieldProblem } from './settingsDraft';

interface HubSpotStatusTableProps {
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, FieldProblem>>;
  /** The options the last setup check read from the account (contacts.hs_lead_status, contacts.lifecyclestage). */
  read: Readonly<Record<string, readonly string[]>> | undefined;
  onChange(path: string, value: string): void;
}

const columns: readonly { property: HubSpotStatusProperty; group: 'statuses' | 'lifecycleStages' }[] = [
  { property: 'hs_lead_status', group: 'statuses' },
  { property: 'lifecyclestage', group: 'lifecycleStages' },
];

/**
 * Koma's lead statuses → the contact's Lead Status and lifecycle stage, chosen from HubSpot's
 * internal values (the documented defaults and what the setup check read from the account), so a
 * label typed in their place cannot be saved. A lifecycle stage may be left unchanged.
 */
export function HubSpotStatusTable({ values, errors, read, onChange }: HubSpotStatusTableProps) {
  const { t } = useTranslation();
  const id = useId();
  const optionText = (property: HubSpotStatusProperty, value: string) =>
    documentedHubSpotValues[property].includes(value) ? t('hubspotSync.valueOption', { label: t(`hubspotSync.values.${property}.${value}` as 'hubspotSync.values.lifecyclestage.lead'), value }) : value;
  return (
    <table className="data-table sync-mapping-table sync-mapping-wide">
      <caption>
        {t('hubspotSync.statusesHeading')}
        <span className="hint">{t('hubspotSync.statusesHint')}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('hubspotSync.statusColumns.koma')}</th>
          <th scope="col">{t('hubspotSync.statusColumns.hs_lead_status')}</th>
          <th scope="col">{t('hubspotSync.statusColumns.lifecyclestage')}</th>
        </tr>
      </thead>
      <tbody>
        {leadStatuses.map((status) => {
          const statusLabel = t(`status.${status}`);
          return (
            <tr key={status}>
              <th scope="row">{statusLabel}</th>
              {columns.map(({ property, group }) => {
                const path = `hubspot.lead.${group}.${status}`;
                const value = values[path] ?? '';
                const choices = hubspotValueChoices(property, read);
                // A stored value the lists no longer have stays visible, so the rep sees what to change.
                if (value !== '' && !choices.includes(value)) choices.push(value);
                const errorId = `${id}-${path}-error`;
                const error = errors[path];
                return (
                  <td key={property}>
                    <select
                      aria-label={t(`hubspotSync.statusSelect.${property}`, { status: statusLabel })}
                      value={value}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      onChange={(event) => onChange(path, event.target.value)}
                    >
                      {property === 'lifecyclestage' && <option value="">{t('hubspotSync.keepStage')}</option>}
                      {choices.map((choice) => (
                        <option key={choice} value={choice}>
                          {optionText(property, choice)}
                        </option>
                      ))}
                    </select>
                    {error && (
                      <p id={errorId} className="field-error">
                        {t('hubspotSync.valueRefused', { value })}
                      </p>
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
