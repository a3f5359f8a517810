import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/callFlow';
import { titleLevels } from '../../../../shared/contract/scoringRules';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import { industryText } from '../../lib/importedValues';

type ScorePart = LeadDetail['score']['breakdown'][number];

/** Decayed behaviour points are fractional; one decimal is as precise as a rep needs. */
const round = (points: number) => Math.round(points * 10) / 10;

function isTitleLevel(level: string | null): level is (typeof titleLevels)[number] {
  return (titleLevels as readonly (string | null)[]).includes(level);
}

function partLabel(t: TFunction, part: ScorePart, formatNumber: (n: number) => string): string {
  switch (part.kind) {
    case 'size':
      return part.employees === null ? t('work.score.sizeUnknown') : t('work.score.size', { employees: formatNumber(part.employees) });
    case 'industry':
      if (!part.industry) return t('work.score.industryUnknown');
      return part.matched ? t('work.score.industryMatched', { industry: part.industry, matched: part.matched }) : t('work.score.industry', { industry: industryText(t, part.industry) });
    case 'title':
      if (!part.title) return t('work.score.titleUnknown');
      return isTitleLevel(part.level) ? t('work.score.title', { title: part.title, level: t(`work.titleLevel.${part.level}`) }) : t('work.score.titleUnmatched', { title: part.title });
    case 'behaviour':
      return t('work.score.behaviour', { event: t(`work.behaviourKind.${part.event}`), times: part.count });
  }
}

/** The score, and behind a disclosure every part it is made of, with its points. */
export function ScoreBreakdown({ score }: { score: LeadDetail['score'] }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  return (
    <details className="score-breakdown">
      <summary>
        <span className="score-total">{t('work.score.summary', { total: round(score.total) })}</span>{' '}
        <span className="hint">{t('work.score.split', { attribute: round(score.attribute), behaviour: round(score.behaviour) })}</span>
      </summary>
      {score.breakdown.length === 0 ? (
        <p className="hint">{t('work.score.none')}</p>
      ) : (
        <ul aria-label={t('work.score.breakdown')}>
          {score.breakdown.map((part) => (
            <li key={part.kind === 'behaviour' ? `behaviour-${part.event}` : part.kind}>
              <span>{partLabel(t, part, formatNumber)}</span>
              <span className="points">{t('work.score.points', { points: round(part.points) })}</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
