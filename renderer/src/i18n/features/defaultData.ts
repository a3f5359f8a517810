import type { Messages } from '../messages';

/** Default settings data (shipped with Koma, not typed by the team), shown in the rep's language. */
export const defaultDataJa = {
  defaultData: {
    pains: {
      efficiency: '業務効率化',
      cost: 'コスト削減',
      knowledgeSilos: '属人化の解消',
      revenue: '売上拡大',
      data: 'データ活用',
      security: 'セキュリティ強化',
      legacy: 'システム老朽化',
    },
  },
} as const;

export const defaultDataEn: Messages<typeof defaultDataJa> = {
  defaultData: {
    pains: {
      efficiency: 'Operational efficiency',
      cost: 'Cost reduction',
      knowledgeSilos: 'Work tied to individuals',
      revenue: 'Revenue growth',
      data: 'Using data',
      security: 'Stronger security',
      legacy: 'Ageing systems',
    },
  },
};
