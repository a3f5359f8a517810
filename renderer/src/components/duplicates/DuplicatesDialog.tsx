import { useTranslation } from 'react-i18next';
import type { DuplicatePair, DuplicatePerson } from '../../../../shared/contract/duplicates';
import { useDuplicatesStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';
import { Reading } from '../common/Reading';

function PersonCard({ person, label }: { person: DuplicatePerson; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="duplicate-person" role="group" aria-label={label}>
      <p className="lead-name">
        <Reading text={person.fullName} reading={person.nameReading} />
      </p>
      <dl>
        <dt>{t('field.companyName')}</dt>
        <dd>{person.companyName}</dd>
        <dt>{t('field.email')}</dt>
        <dd>{person.email ?? '—'}</dd>
        <dt>{t('field.phone')}</dt>
        <dd>{person.phone ?? '—'}</dd>
        <dt>{t('duplicates.history')}</dt>
        <dd>{t('duplicates.historyCounts', { calls: person.calls, hearings: person.hearings })}</dd>
      </dl>
    </div>
  );
}

/** What tells the two apart on a button: the email, else the phone, else the company. */
function distinguishing(person: DuplicatePerson): string {
  return `${person.fullName}（${person.email ?? person.phone ?? person.companyName}）`;
}

function PairRow({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const merge = useDuplicatesStore((state) => state.merge);
  const keepSeparate = useDuplicatesStore((state) => state.keepSeparate);
  const deciding = useDuplicatesStore((state) => state.deciding);
  const busy = deciding === pair.id;
  return (
    <li className="duplicate-pair">
      <p className="hint">{t(`duplicates.reason.${pair.reason}`)}</p>
      <div className="duplicate-people">
        <PersonCard person={pair.a} label={t('duplicates.first')} />
        <PersonCard person={pair.b} label={t('duplicates.second')} />
      </div>
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void keepSeparate(pair.id)}>
          {t('duplicates.keepSeparate')}
        </button>
        <button type="button" disabled={busy} onClick={() => void merge(pair.id, pair.a.leadId)}>
          {t('duplicates.mergeInto', { name: distinguishing(pair.a) })}
        </button>
        <button type="button" disabled={busy} onClick={() => void merge(pair.id, pair.b.leadId)}>
          {t('duplicates.mergeInto', { name: distinguishing(pair.b) })}
        </button>
      </div>
    </li>
  );
}

/** The possible duplicates, pair by pair: merging keeps every call, hearing and handoff of both. */
export function DuplicatesDialog() {
  const { t } = useTranslation();
  const pairs = useDuplicatesStore((state) => state.pairs);
  const total = useDuplicatesStore((state) => state.total);
  const loading = useDuplicatesStore((state) => state.loading);
  const problem = useDuplicatesStore((state) => state.problem);
  const close = useDuplicatesStore((state) => state.close);
  return (
    <Modal title={t('duplicates.title')} closeLabel={t('duplicates.close')} onClose={close}>
      <p>{t('duplicates.intro')}</p>
      {problem && <ProblemAlert problem={problem} />}
      <p role="status">{loading ? t('duplicates.loading') : t('duplicates.count', { count: total })}</p>
      <ul className="duplicate-pairs">
        {pairs.map((pair) => (
          <PairRow key={pair.id} pair={pair} />
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={close}>
          {t('duplicates.close')}
        </button>
      </div>
    </Modal>
  );
}
