/** Chart colours and text, matched to the app's palette (recharts draws SVG, so they are props, not CSS). */
export const chartColours = {
  dials: '#9bb8e8',
  connects: '#1f5fbf',
  conversations: '#0c625a',
  opportunities: '#c2410c',
  grid: '#e6e9ee',
  text: '#5c6675',
} as const;

export const chartTick = { fontSize: 11, fill: chartColours.text } as const;

/** The size charts start at before their container is measured (and keep where it cannot be, as in tests). */
export const chartInitialSize = { width: 520, height: 220 } as const;

/**
 * Room a category axis needs for its longest label at chartTick's size, so "Conversations" is not
 * cut to "onversations" (SVG cannot measure before it draws): full-width characters count a whole
 * em, others about 0.62 em, plus the tick's gap.
 */
export function axisWidthFor(labels: readonly string[]): number {
  const em = chartTick.fontSize;
  const width = (text: string) => [...text].reduce((sum, ch) => sum + (/[\u2E80-\uFFEF]/u.test(ch) ? em : em * 0.62), 0);
  return Math.ceil(Math.max(0, ...labels.map(width))) + 12;
}
