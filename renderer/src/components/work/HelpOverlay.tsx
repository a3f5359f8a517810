import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { callOutcomes } from '../../../../shared/contract/calls';
import { viewIds } from '../../stores/navStore';
import { useWorkStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { outcomeKey, workShortcuts } from './shortcuts';

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 && ' '}
          <kbd>{key}</kbd>
        </Fragment>
      ))}
    </>
  );
}

/** Every shortcut of the workspace and of the screen switcher, opened with ?. */
export function HelpOverlay() {
  const { t } = useTranslation();
  const closeDialog = useWorkStore((state) => state.closeDialog);
  const rows = [
    ...workShortcuts.map(({ keys, action }) => ({ id: action, keys, label: t(`work.help.keys.${action}`) })),
    ...callOutcomes.map((outcome) => ({ id: outcome, keys: [outcomeKey(outcome)], label: t('work.help.keys.outcome', { outcome: t(`work.outcome.${outcome}`) }) })),
    // The screens' order is navStore's viewIds (nav/views.ts follows it): importing the views here
    // would make a cycle, views → WorkView → HelpOverlay → views.
    ...viewIds.map((id, i) => ({ id: `view-${id}`, keys: [`Alt+${i + 1}`], label: t('work.help.keys.screen', { screen: t(`nav.${id}`) }) })),
  ];
  return (
    <Modal title={t('work.help.title')} closeLabel={t('work.dialog.close')} onClose={closeDialog}>
      <table className="data-table shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t('work.help.key')}</th>
            <th scope="col">{t('work.help.action')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Keys keys={row.keys} />
              </td>
              <td>{row.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('work.help.inTextHint')}</p>
    </Modal>
  );
}
