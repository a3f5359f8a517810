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
