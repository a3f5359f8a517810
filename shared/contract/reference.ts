import { z } from 'zod';

const band = (max: number) =>
  z
    .object({ low: z.number().min(0).max(max), high: z.number().min(0).max(max) })
    .strict()
    .refine((b) => b.high >= b.low, { message: 'the upper value must not be below the lower one', path: ['high'] });

/**
 * Typical inside-sales figures shown beside the rep's own on the dashboard (参考値): reference, not a
 * target. Rates are fractions of dials; dials per day are per rep per working day.
 */
export const referenceValuesSchema = z
  .object({
    connectRate: band(1),
    appointmentRate: band(1),
    dialsPerDay: band(1000),
  })
  .strict();
export type ReferenceValues = z.infer<typeof referenceValuesSchema>;
export type ReferenceMetric = keyof ReferenceValues;
export const referenceMetrics = ['connectRate', 'appointmentRate', 'dialsPerDay'] as const satisfies readonly ReferenceMetric[];

/**
 * The published B2B averages (IS factory magazine, 「テレアポの適正コール数は1日何件？」, table
 * 「BtoB営業のKPI平均値」, https://wsf-is.com/?p=6591): 40–50 dials a day, 担当者接続率 15–20 %, アポイント率
 * 0.5–2 %. The dashboard names this source unless the team has set its own values.
 */
export const defaultReferenceValues: ReferenceValues = {
  connectRate: { low: 0.15, high: 0.2 },
  appointmentRate: { low: 0.005, high: 0.02 },
  dialsPerDay: { low: 40, high: 50 },
};

export const referenceCommands = {
  output: z.object({ values: referenceValuesSchema, defaults: referenceValuesSchema }),
  saveInput: z.object({ values: referenceValuesSchema }).strict(),
};
