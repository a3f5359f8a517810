import { useMemo } from 'react';
import { useHearingStore } from '../../stores/StoresContext';
import type { HearingEdit } from './formTypes';
import { HearingForm } from './HearingForm';

/** The live form, bound to the hearing store's draft and autosave. */
export function HearingEditor() {
  const draft = useHearingStore((state) => state.draft);
  const criteria = useHearingStore((state) => state.view?.criteria);
  const errors = useHearingStore((state) => state.fieldErrors);
  const update = useHearingStore((state) => state.update);
  const setCustom = useHearingStore((state) => state.setCustom);
  const setUnreadable = useHearingStore((state) => state.setUnreadable);
  const edit = useMemo<HearingEdit>(() => ({ update, setCustom, setUnreadable }), [update, setCustom, setUnreadable]);
  if (!draft || !criteria) return null;
  return <HearingForm hearing={draft} criteria={criteria} edit={edit} errors={errors} />;
}
