/**
 * Kana folds for search: a rep types a reading in hiragana or katakana, with or without the long
 * vowel mark, and with small kana written large (キヤノン / キャノン). Applied after NFKC, which has
 * already turned half-width ｶﾅ into full-width カナ.
 */

const hiraganaStart = 0x3041; // ぁ
const hiraganaEnd = 0x3096; // ゖ
const toKatakana = 0x60; // ァ (U+30A1) - ぁ (U+3041)

const smallToLarge: Readonly<Record<string, string>> = {
  ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ',
};

/** Hiragana as katakana (ゝゞ too), so はせがわ and ハセガワ compare equal. */
export function hiraganaToKatakana(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= hiraganaStart && code <= hiraganaEnd) out += String.fromCodePoint(code + toKatakana);
    else if (ch === 'ゝ') out += 'ヽ';
    else if (ch === 'ゞ') out += 'ヾ';
    else out += ch;
  }
  return out;
}

/**
 * The loose kana form used only inside search keys: katakana, small kana as large, no long-vowel
 * mark (コンピューター = コンピュータ). Not for display and not for identity.
 */
export function foldKanaForSearch(text: string): string {
  let out = '';
  for (const ch of hiraganaToKatakana(text)) {
    if (ch === 'ー') continue;
    out += smallToLarge[ch] ?? ch;
  }
  return out;
}
