/**
 * Kanji variants (異体字) that Japanese people and company names are written with, folded to the
 * common form a rep types: 髙橋 is found by 高橋, 山﨑 by 山崎, 齋藤 by 斎藤. NFKC does not do this:
 * 﨑 (U+FA11) and 髙 are unified ideographs without a decomposition.
 *
 * Hand-kept because no maintained npm table exists (the `itaiji` package named in articles is
 * not on the registry; checked with `npm view` in December 2026). Used for search only, never to
 * decide identity: two people whose names differ by a variant are found together, not merged.
 */
const variants: Readonly<Record<string, string>> = {
  高: '髙',
  崎: '﨑嵜碕',
  斎: '齋齊斉',
  辺: '邊邉',
  浜: '濵濱',
  徳: '德',
  沢: '澤',
  広: '廣',
  国: '國',
  桜: '櫻',
  蔵: '藏',
  真: '眞',
  恵: '惠',
  与: '與',
  島: '嶋嶌',
  富: '冨',
  槙: '槇',
  桑: '桒',
  吉: '𠮷',
  館: '舘',
  淵: '渕',
  実: '實',
  寿: '壽',
  万: '萬',
  会: '會',
  竜: '龍',
  曽: '曾',
  関: '關',
  条: '條',
  宝: '寳寶',
  塩: '鹽',
  学: '學',
  来: '來',
  栄: '榮',
  芦: '蘆',
  穂: '穗',
  瀬: '瀨',
  柳: '栁',
  峰: '峯',
  野: '埜',
};

const toCommon = new Map<string, string>(
  Object.entries(variants).flatMap(([common, forms]) => [...forms].map((form) => [form, common] as const)),
);

/** Every variant in the text replaced by its common form; other characters untouched. */
export function foldItaiji(text: string): string {
  let out = '';
  for (const ch of text) out += toCommon.get(ch) ?? ch;
  return out;
}
