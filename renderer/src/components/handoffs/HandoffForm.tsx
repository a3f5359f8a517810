import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffDialogStore } from '../../stores/StoresContext';
import { ModalCancelButton } from '../common/Modal';
import { criterionLabel } from '../hearing/criterionLabel';
import { FormField } from '../hearing/FormField';
import { useFormats } from '../hearing/useFormats';
import { addMinutes, defaultLengthMinutes, toInstant, toLocal } from './appointmentTime';
import { PackagePreview } from './PackagePreview';
import { previewPackage } from './previewPackage';
import { summaryDraft } from './summaryLines';
import { PendingCallNote, usePendingCall } from '../work/PendingCallNote';

type FieldKey = 'fieldRepId' | 'date' | 'start' | 'end' | 'place' | 'meetingUrl' | 'summary' | 'overrideReason';

// The contract names the instants; the form shows them as a start and an end time.
const backendField: Record<string, FieldKey> = { appointmentAt: 'start', appointmentEnd: 'end' };

const defaultStart = '10:00';

/** The handoff's fields, the package it sends, and, for a lead short of the criteria, the override. */
export function HandoffForm() {
  const { t } = useTranslation();
  const formats = useFormats();
  const formRef = useRef<HTMLFormElement>(null);
  const warningId = useId();
  const target = useHandoffDialogStore((state) => state.target);
  const lead = useHandoffDialogStore((state) => state.lead);
  const hearing = useHandoffDialogStore((state) => state.hearing);
  const handoff = useHandoffDialogStore((state) => state.handoff);
  const reps = useHandoffDialogStore((state) => state.reps);
  const busy = useHandoffDialogStore((state) => state.busy);
  const backendErrors = useHandoffDialogStore((state) => state.fieldErrors);
  const create = useHandoffDialogStore((state) => state.create);
  const update = useHandoffDialogStore((state) => state.update);
  const creating = target?.kind === 'create';
  // A handoff made during a call takes the call on the form along; notes without an outcome stop it.
  const pendingLeadId = target?.kind === 'create' ? target.leadId : null;
  const blocked = usePendingCall(pendingLeadId) === 'needs_outcome';

  const [initial] = useState(() => {
    const local = toLocal(handoff?.appointmentAt ?? null, handoff?.appointmentEnd ?? null);
    return {
      fieldRepId: handoff?.fieldRep?.id ?? (reps.length === 1 ? reps[0]!.id : ''),
      date: local?.date ?? '',
      start: local?.start ?? defaultStart,
      end: local?.end ?? addMinutes(defaultStart, defaultLengthMinutes),
      place: handoff?.place ?? '',
      meetingUrl: handoff?.meetingUrl ?? '',
      summary: handoff?.summary ?? (hearing ? summaryDraft(t, hearing.hearing, formats) : ''),
    };
  });
  const [fieldRepId, setFieldRepId] = useState(initial.fieldRepId);
  const [date, setDate] = useState(initial.date);
  const [start, setStart] = useState(initial.start);
  const [end, setEnd] = useState(initial.end);
  const [endTouched, setEndTouched] = useState(!creating);
  const [place, setPlace] = useState(initial.place);
  const [meetingUrl, setMeetingUrl] = useState(initial.meetingUrl);
  const [summary, setSummary] = useState(initial.summary);
  const [overrideReason, setOverrideReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [attempts, setAttempts] = useState(0);

  const qualification = creating ? hearing?.qualification : null;
  const criteria = hearing?.criteria;
  const needsOverride = qualification ? !qualification.qualified : false;
  const missing =
    qualification && criteria
      ? qualification.checks.filter((check) => !check.holds).map((check) => criterionLabel(t, check, criteria, formats.number))
      : [];
  const content = handoff ? handoff.package : lead && hearing ? previewPackage(lead, hearing) : null;

  const errors: Partial<Record<FieldKey, string>> = { ...localErrors };
  for (const [path, message] of Object.entries(backendErrors)) {
    const key = backendField[path] ?? (path as FieldKey);
    errors[key] ??= message;
  }

  useEffect(() => {
    // After a refused submit, take the rep to the first field that needs attention.
    if (attempts > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts, backendErrors]);

  const submit = (mode: 'handoff' | 'draft' | 'save' | 'queue') => {
    const required = t('handoffs.dialog.required');
    const found: Partial<Record<FieldKey, string>> = {};
    if (!fieldRepId) found.fieldRepId = required;
    if (!date) found.date = required;
    if (!start) found.start = required;
    if (!end) found.end = required;
    if (!summary.trim()) found.summary = required;
    if (creating && needsOverride && !overrideReason.trim()) found.overrideReason = t('handoffs.dialog.overrideRequired');
    const appointmentAt = toInstant(date, start);
    const appointmentEnd = toInstant(date, end);
    setLocalErrors(found);
    setAttempts((n) => n + 1);
    if (Object.keys(found).length > 0 || !appointmentAt || !appointmentEnd) return;
    const fields = { fieldRepId, appointmentAt, appointmentEnd, place: place.trim() || null, meetingUrl: meetingUrl.trim() || null, summary };
    if (creating) void create({ ...fields, overrideReason: needsOverride ? overrideReason.trim() : null, asDraft: mode === 'draft' });
    else void update({ ...fields, queue: mode === 'queue' });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(creating ? 'handoff' : handoff?.state === 'draft' ? 'queue' : 'save');
  };

  return (
    <form ref={formRef} className="handoff-form" onSubmit={onSubmit} noValidate>
      {handoff?.state === 'synced' && <p className="notice">{t('handoffs.dialog.correctionNotice')}</p>}
      {needsOverride && (
        <div id={warningId} className="notice warning">
          {t('handoffs.dialog.overrideWarning', { missing: missing.join(t('handoffs.summaryLine.separator')) })}
        </div>
      )}
      <div className="form-grid">
        <FormField label={t('handoffs.dialog.fieldRep')} error={errors.fieldRepId} hint={reps.length === 0 ? t('handoffs.dialog.noReps') : undefined}>
          {(control) => (
            <select {...control} required value={fieldRepId} onChange={(event) => setFieldRepId(event.target.value)}>
              <option value="">{t('handoffs.dialog.chooseRep')}</option>
              {reps.map((rep) => (
                <option key={rep.id} value={rep.id}>
                  {rep.email ? `${rep.name} <${rep.email}>` : rep.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="field-pair appointment-fields">
          <FormField label={t('handoffs.dialog.date')} error={errors.date}>
            {(control) => <input {...control} type="date" required value={date} onChange={(event) => setDate(event.target.value)} />}
          </FormField>
          <FormField label={t('handoffs.dialog.start')} error={errors.start}>
            {(control) => (
              <input
                {...control}
                type="time"
                required
                value={start}
                onChange={(event) => {
                  setStart(event.target.value);
                  if (!endTouched) setEnd(addMinutes(event.target.value, defaultLengthMinutes));
                }}
              />
            )}
          </FormField>
          <FormField label={t('handoffs.dialog.end')} error={errors.end}>
            {(control) => (
              <input
                {...control}
                type="time"
                required
                value={end}
                onChange={(event) => {
                  setEnd(event.target.value);
                  setEndTouched(true);
                }}
              />
            )}
          </FormField>
        </div>
        <div className="field-pair">
          <FormField label={t('handoffs.dialog.place')} error={errors.place} className="grow">
            {(control) => <input {...control} type="text" value={place} placeholder={t('handoffs.dialog.placePlaceholder')} onChange={(event) => setPlace(event.target.value)} />}
          </FormField>
          <FormField label={t('handoffs.dialog.meetingUrl')} error={errors.meetingUrl} className="grow">
            {(control) => (
              <input {...control} type="url" value={meetingUrl} placeholder={t('handoffs.dialog.meetingUrlPlaceholder')} onChange={(event) => setMeetingUrl(event.target.value)} />
            )}
          </FormField>
        </div>
        <FormField label={t('handoffs.dialog.summary')} error={errors.summary} hint={creating ? t('handoffs.dialog.summaryHint') : undefined}>
          {(control) => <textarea {...control} rows={5} required value={summary} onChange={(event) => setSummary(event.target.value)} />}
        </FormField>
        {needsOverride && (
          <FormField label={t('handoffs.dialog.overrideReason')} error={errors.overrideReason}>
            {(control) => (
              <textarea
                {...control}
                aria-describedby={[control['aria-describedby'], warningId].filter(Boolean).join(' ')}
                rows={2}
                required
                value={overrideReason}
                onChange={(event) => setOverrideReason(event.target.value)}
              />
            )}
          </FormField>
        )}
      </div>
      {content && <PackagePreview content={content} />}
      <PendingCallNote leadId={pendingLeadId} />
      <div className="dialog-actions">
        <ModalCancelButton>{t('handoffs.dialog.cancel')}</ModalCancelButton>
        {creating && (
          <button type="button" disabled={busy || blocked} onClick={() => submit('draft')}>
            {t('handoffs.dialog.saveDraft')}
          </button>
        )}
        {!creating && handoff?.state === 'draft' && (
          <button type="button" disabled={busy} onClick={() => submit('save')}>
            {t('handoffs.dialog.save')}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy || blocked}>
          {busy
            ? t('handoffs.dialog.saving')
            : creating
              ? t('handoffs.dialog.submit')
              : handoff?.state === 'draft'
                ? t('handoffs.dialog.saveAndQueue')
                : t('handoffs.dialog.save')}
        </button>
      </div>
    </form>
  );
}
