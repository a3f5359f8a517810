import { useTranslation } from 'react-i18next';
import { slotKinds, type SlotKind } from '../../../../shared/contract/slots';

interface SlotPaletteProps {
  selectedCount: number;
  onKind(kind: SlotKind | null): void;
  onEditTarget(): void;
}

/** The kinds as buttons for the mouse, each showing its colour, its name and its number key: the legend and the tool in one. */
export function SlotPalette({ selectedCount, onKind, onEditTarget }: SlotPaletteProps) {
  const { t } = useTranslation();
  return (
    <div className="slot-palette" role="group" aria-label={t('planner.paletteLabel')}>
      {slotKinds.map((kind, i) => (
        <button key={kind} type="button" className={`kind-button kind-${kind}`} onClick={() => onKind(kind)}>
          <span className="swatch" aria-hidden="true" />
          {t('planner.assignKind', { kind: t(`planner.kinds.${kind}`), key: i + 1 })}
        </button>
      ))}
      <button type="button" onClick={() => onKind(null)}>
        {t('planner.clear')}
      </button>
      <button type="button" onClick={onEditTarget}>
        {t('planner.editTarget')}
      </button>
      <span className="selected-count">{t('planner.selectedCount', { count: selectedCount })}</span>
    </div>
  );
}
