/**
 * A name with its reading (フリガナ) above it as ruby, the way Japanese forms and business cards
 * show it; just the name when no reading is known.
 */
export function Reading({ text, reading }: { text: string; reading: string | null | undefined }) {
  if (!reading) return <>{text}</>;
  return (
    <ruby className="reading">
      {text}
      <rp>(</rp>
      <rt>{reading}</rt>
      <rp>)</rp>
    </ruby>
  );
}
