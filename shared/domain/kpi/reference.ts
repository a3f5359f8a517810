import { referenceMetrics, type ReferenceMetric, type ReferenceValues } from '../../contract/reference';
import { rate } from './figures';

export interface ReferenceComparison {
  metric: ReferenceMetric;
  /** The rep's own figure over the range; null when it cannot be measured yet (no dials, no working day). */
  own: number | null;
  low: number;
  high: number;
  /** Where the rep's figure sits against the reference band; null when not measured. */
  standing: 'below' | 'within' | 'above' | null;
}

/**
 * The rep's own figures beside the reference values: connects and appointments booked per dial,
 * and dials per working day (closed days do not count). Reference, not a target: the standing only
 * places the figure, it does not judge it.
 */
export function compareWithReference(
  figures: { dials: number; connects: number; appointmentsBooked: number },
  workingDays: number,
  values: ReferenceValues,
): ReferenceComparison[] {
  const own: Record<ReferenceMetric, number | null> = {
    connectRate: rate(figures.connects, figures.dials),
    appointmentRate: rate(figures.appointmentsBooked, figures.dials),
    dialsPerDay: rate(figures.dials, workingDays),
  };
  return referenceMetrics.map((metric) => {
    const { low, high } = values[metric];
    const value = own[metric];
    const standing = value === null ? null : value < low ? 'below' : value > high ? 'above' : 'within';
    return { metric, own: value, low, high, standing };
  });
}
