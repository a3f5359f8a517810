import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BantItem } from '../../../../shared/contract/hearing';

interface HearingFieldsetProps {
  section: BantItem;
  confirmed: boolean;
  /** Whether anything was heard for the item (hasBantContent): 確認済み needs it. */
  hasContent: boolean;
  onConfirmed: (confirmed: boolean) => void;
  children: ReactNode;
}

/** The workspace key that jumps to each section (useWorkShortcuts.ts). */
const sectionKeys: Record<BantItem, string> = { budget: 'B', authority: 'A', need: 'E', timeline: 'T' };

/**
 * One BANT item: its fields and whether the prospect actually confirmed it. An item is confirmed
 * only with what was heard: ticking 確認済み on an empty item is refused with a message, and a
 * confirmed item whose content was cleared says so.
 */
export function HearingFieldset({ section, confirmed, hasContent, onConfirmed, children }: HearingFieldsetProps) {
  const { t } = useTranslation();
  const messageId = useId();
  const [refused, setRefused] = useState(false);
  const needsContent = !hasContent && (confirmed || refused);
  return (
    <fieldset className={`hearing-section${confirmed ? ' is-confirmed' : ''}`} data-shortcut-target={`bant-${section}`}>
      <legend>
        {t(`hearing.sections.${section}`)} <kbd aria-hidden="true">{sectionKeys[section]}</kbd>
      </legend>
      <label className="confirm-toggle">
        <input
          type="checkbox"
          checked={confirmed}
          aria-describedby={needsContent ? messageId : undefined}
          aria-invalid={needsContent && confirmed ? true : undefined}
          onChange={(event) => {
            const on = event.target.checked;
            setRefused(on && !hasContent);
            if (!on || hasContent) onConfirmed(on);
          }}
        />
        {t('hearing.confirmed')}
      </label>
      {needsContent && (
        <p id={messageId} className="field-error" role="alert">
          {t('bantContent.needed')}
        </p>
      )}
      <div className="hearing-fields">{children}</div>
    </fieldset>
  );
}
