import { createContext, useContext, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogFocus } from '../../hooks/useDialogFocus';

interface ModalProps {
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/** Inputs whose content is text the rep typed (a number or a date is quick to enter again). */
const textTypes = new Set(['text', 'search', 'email', 'tel', 'url']);

type TextField = HTMLInputElement | HTMLTextAreaElement;

function isTextField(target: EventTarget): target is TextField {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && textTypes.has(target.type));
}

const ModalCloseContext = createContext<(() => void) | null>(null);

/**
 * A dialog's Cancel button: the same guarded close as Escape and ×, so typed text is never thrown
 * away without asking.
 */
export function ModalCancelButton({ children }: { children: ReactNode }) {
  const requestClose = useContext(ModalCloseContext);
  return (
    <button type="button" onClick={requestClose ?? undefined}>
      {children}
    </button>
  );
}

/**
 * A modal dialog named by its title; Escape, the close button and Cancel (ModalCancelButton)
 * close it — after asking, when a text field still holds something the rep typed.
 */
export function Modal({ title, closeLabel, onClose, children }: ModalProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const discardId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const typed = useRef(new Set<TextField>());
  const focusBack = useRef<HTMLElement | null>(null);
  const [confirming, setConfirming] = useState(false);

  const keepEditing = () => {
    setConfirming(false);
    focusBack.current?.focus();
  };
  const requestClose = () => {
    if (confirming) return keepEditing();
    const unsaved = [...typed.current].some((field) => field.isConnected && field.value.trim() !== '');
    if (!unsaved) return onClose();
    focusBack.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setConfirming(true);
  };
  useDialogFocus(dialogRef, requestClose);
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  const onInput = (event: FormEvent<HTMLDivElement>) => {
    // A field marked data-transient (a search box) holds nothing the rep would lose by closing.
    if (isTextField(event.target) && event.target.dataset.transient === undefined) typed.current.add(event.target);
  };
  return (
    <div className="modal-backdrop">
      <div ref={dialogRef} role="dialog" aria-modal="true" aria-labelledby={titleId} className="modal" tabIndex={-1} onInput={onInput}>
        <div className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label={closeLabel} onClick={requestClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <div className="modal-body" data-dialog-body>
          <ModalCloseContext value={requestClose}>{children}</ModalCloseContext>
        </div>
        {confirming && (
          <div className="discard-confirm" role="group" aria-labelledby={discardId}>
            <p id={discardId} role="alert">
              <strong>{t('dialogs.discardTitle')}</strong> {t('dialogs.discardBody')}
            </p>
            <div className="dialog-actions">
              <button type="button" className="danger-outline" onClick={onClose}>
                {t('dialogs.discard')}
              </button>
              <button type="button" ref={keepRef} className="primary" onClick={keepEditing}>
                {t('dialogs.keepEditing')}
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
