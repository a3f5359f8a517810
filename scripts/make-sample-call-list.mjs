// Writes resources/sample-call-list.csv: the demo call list a new user can import from the first
// screen. Deterministic (seeded PRNG), so re-running it reproduces the committed file byte for byte.
// Encoded as Japanese Excel saves "CSV": Shift_JIS (CP932) with CRLF line endings.
// Everything in it is invented: company names, people, phone numbers in unassigned 0000 blocks,
// mail and web addresses under the reserved example.co.jp domain.
//   node scripts/make-sample-call-list.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const output = fileURLToPath(new URL('../resources/sample-call-list.csv', import.meta.url));
const seed = 20240401;
const companyCount = 60;
const leadCount = 200;
const maxLeadsPerCompany = 8;

/** mulberry32: a tiny seeded generator, good enough to vary sample data reproducibly. */
function prng(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const pick = (items) => items[Math.floor(random() * items.length)];
const between = (min, max) => min + Math.floor(random() * (max - min + 1));
/** Picks from [value, weight] pairs. */
function weighted(pairs) {
  const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of pairs) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return pairs[pairs.length - 1][0];
}

const stems = [
  ['サクラ', 'sakura'], ['アオバ', 'aoba'], ['ミナト', 'minato'], ['ヒカリ', 'hikari'], ['カエデ', 'kaede'],
  ['ツバキ', 'tsubaki'], ['スズラン', 'suzuran'], ['ハヤテ', 'hayate'], ['コハク', 'kohaku'], ['ルリ', 'ruri'],
  ['アサギ', 'asagi'], ['ヒバリ', 'hibari'], ['ミズホシ', 'mizuhoshi'], ['ソラマメ', 'soramame'], ['キリフダ', 'kirifuda'],
  ['ナギサ', 'nagisa'], ['ホタル', 'hotaru'], ['イチョウ', 'icho'], ['ワカバ', 'wakaba'], ['トキワ', 'tokiwa'],
  ['シラユキ', 'shirayuki'], ['カザグルマ', 'kazaguruma'], ['ユウナギ', 'yunagi'], ['アカツキ', 'akatsuki'], ['コトブキ', 'kotobuki'],
  ['ミツバ', 'mitsuba'], ['ハルカゼ', 'harukaze'], ['ツムギ', 'tsumugi'], ['ヨツバ', 'yotsuba'], ['オオルリ', 'oruri'],
];
const industries = [
  ['製造業', [['精機', 'seiki'], ['工業', 'kogyo'], ['製作所', 'seisakusho'], ['マテリアル', 'material']], 4],
  ['IT・通信', [['テック', 'tech'], ['システムズ', 'systems'], ['ソリューションズ', 'solutions'], ['ネットワークス', 'networks']], 4],
  ['小売', [['商店', 'shoten'], ['リテール', 'retail'], ['マート', 'mart']], 2],
  ['物流', [['運輸', 'unyu'], ['ロジスティクス', 'logistics']], 2],
  ['金融', [['ファイナンス', 'finance'], ['リース', 'lease']], 1],
  ['医療・福祉', [['メディカル', 'medical'], ['ヘルスケア', 'healthcare']], 2],
  ['建設', [['建設', 'kensetsu'], ['ホーム', 'home']], 2],
  ['食品', [['食品', 'shokuhin'], ['フーズ', 'foods']], 2],
  ['人材サービス', [['キャリア', 'career'], ['スタッフィング', 'staffing']], 1],
  ['不動産', [['不動産', 'fudosan'], ['エステート', 'estate']], 1],
  ['教育', [['ラーニング', 'learning'], ['教育', 'kyoiku']], 1],
  ['広告・マーケティング', [['エージェンシー', 'agency'], ['クリエイティブ', 'creative']], 1],
];
const places = [
  ['03', '東京都', ['千代田区丸の内', '港区芝浦', '中央区日本橋', '新宿区西新宿', '渋谷区道玄坂', '品川区大崎'], 6],
  ['06', '大阪府', ['大阪市北区梅田', '大阪市中央区本町'], 3],
  ['052', '愛知県', ['名古屋市中村区名駅', '名古屋市中区栄'], 2],
  ['092', '福岡県', ['福岡市博多区博多駅前'], 1],
  ['011', '北海道', ['札幌市中央区北一条西'], 1],
  ['022', '宮城県', ['仙台市青葉区中央'], 1],
  ['045', '神奈川県', ['横浜市西区みなとみらい'], 1],
  ['082', '広島県', ['広島市中区紙屋町'], 1],
  ['075', '京都府', ['京都市下京区烏丸通'], 1],
];
// 髙橋 and 山﨑 need CP932's extensions: the sample exercises Excel's real encoding, not strict Shift_JIS.
const surnames = [
  ['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['髙橋', 'takahashi'], ['田中', 'tanaka'], ['伊藤', 'ito'],
  ['渡辺', 'watanabe'], ['山本', 'yamamoto'], ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'], ['吉田', 'yoshida'],
  ['山田', 'yamada'], ['佐々木', 'sasaki'], ['山口', 'yamaguchi'], ['松本', 'matsumoto'], ['井上', 'inoue'], ['木村', 'kimura'],
  ['林', 'hayashi'], ['斎藤', 'saito'], ['清水', 'shimizu'], ['山﨑', 'yamazaki'], ['森', 'mori'], ['池田', 'ikeda'],
  ['橋本', 'hashimoto'], ['阿部', 'abe'], ['石川', 'ishikawa'], ['山下', 'yamashita'], ['中島', 'nakajima'], ['石井', 'ishii'],
  ['小川', 'ogawa'], ['前田', 'maeda'], ['岡田', 'okada'], ['長谷川', 'hasegawa'], ['藤田', 'fujita'], ['後藤', 'goto'],
  ['近藤', 'kondo'], ['村上', 'murakami'], ['遠藤', 'endo'], ['青木', 'aoki'], ['坂本', 'sakamoto'],
];
const givenNames = [
  ['翔太', 'shota'], ['大輔', 'daisuke'], ['健太', 'kenta'], ['拓也', 'takuya'], ['直樹', 'naoki'], ['誠', 'makoto'],
  ['浩二', 'koji'], ['隆', 'takashi'], ['亮', 'ryo'], ['悠斗', 'yuto'], ['美咲', 'misaki'], ['陽子', 'yoko'],
  ['恵', 'megumi'], ['由美', 'yumi'], ['彩', 'aya'], ['真由美', 'mayumi'], ['愛', 'ai'], ['智子', 'tomoko'],
  ['奈々', 'nana'], ['さくら', 'sakura'], ['明美', 'akemi'], ['沙織', 'saori'], ['麻衣', 'mai'], ['裕子', 'yuko'],
  ['和也', 'kazuya'], ['達也', 'tatsuya'], ['剛', 'tsuyoshi'], ['修', 'osamu'], ['聡', 'satoshi'], ['康平', 'kohei'],
];
const titles = [
  ['', 3], ['担当', 4], ['主任', 3], ['係長', 3], ['課長', 5], ['次長', 2], ['部長', 4], ['本部長', 1],
  ['マネージャー', 2], ['リーダー', 1], ['取締役', 1], ['代表取締役', 1],
];
const departments = ['営業部', '営業企画部', '情報システム部', '総務部', '経営企画部', 'マーケティング部', '人事部', '購買部', '経理部', 'DX推進室'];
const departmentsByIndustry = { 製造業: ['製造部', '品質保証部', '生産管理部'], 物流: ['物流管理部', '配送センター'], '医療・福祉': ['医事課', '施設管理部'] };
const sources = [
  ['Webサイト問い合わせ', 5], ['資料ダウンロード', 5], ['セミナー', 3], ['ウェビナー', 2], ['展示会', 3], ['購入リスト', 4], ['紹介', 2], ['その他', 1],
];
// Readings (フリガナ), looked up rather than drawn, so adding them changed no other value in the file.
const suffixReadings = {
  精機: 'セイキ', 工業: 'コウギョウ', 製作所: 'セイサクショ', 商店: 'ショウテン', 運輸: 'ウンユ', 建設: 'ケンセツ', 食品: 'ショクヒン',
  不動産: 'フドウサン', 教育: 'キョウイク',
};
const surnameReadings = {
  佐藤: 'サトウ', 鈴木: 'スズキ', 高橋: 'タカハシ', 髙橋: 'タカハシ', 田中: 'タナカ', 伊藤: 'イトウ', 渡辺: 'ワタナベ', 山本: 'ヤマモト',
  中村: 'ナカムラ', 小林: 'コバヤシ', 加藤: 'カトウ', 吉田: 'ヨシダ', 山田: 'ヤマダ', 佐々木: 'ササキ', 山口: 'ヤマグチ', 松本: 'マツモト',
  井上: 'イノウエ', 木村: 'キムラ', 林: 'ハヤシ', 斎藤: 'サイトウ', 清水: 'シミズ', 山﨑: 'ヤマザキ', 森: 'モリ', 池田: 'イケダ',
  橋本: 'ハシモト', 阿部: 'アベ', 石川: 'イシカワ', 山下: 'ヤマシタ', 中島: 'ナカジマ', 石井: 'イシイ', 小川: 'オガワ', 前田: 'マエダ',
  岡田: 'オカダ', 長谷川: 'ハセガワ', 藤田: 'フジタ', 後藤: 'ゴトウ', 近藤: 'コンドウ', 村上: 'ムラカミ', 遠藤: 'エンドウ', 青木: 'アオキ',
  坂本: 'サカモト',
};
const givenReadings = {
  翔太: 'ショウタ', 大輔: 'ダイスケ', 健太: 'ケンタ', 拓也: 'タクヤ', 直樹: 'ナオキ', 誠: 'マコト', 浩二: 'コウジ', 隆: 'タカシ', 亮: 'リョウ',
  悠斗: 'ユウト', 美咲: 'ミサキ', 陽子: 'ヨウコ', 恵: 'メグミ', 由美: 'ユミ', 彩: 'アヤ', 真由美: 'マユミ', 愛: 'アイ', 智子: 'トモコ',
  奈々: 'ナナ', さくら: 'サクラ', 明美: 'アケミ', 沙織: 'サオリ', 麻衣: 'マイ', 裕子: 'ユウコ', 和也: 'カズヤ', 達也: 'タツヤ', 剛: 'ツヨシ',
  修: 'オサム', 聡: 'サトシ', 康平: 'コウヘイ',
};
/** Katakana is its own reading; kanji suffixes are looked up. */
const readingOf = (text, table) => (/^[\u30a0-\u30ff]+$/.test(text) ? text : table[text]);

/**
 * 法人番号: a check digit before a 12-digit base, the rule the National Tax Agency publishes
 * (9 − Σ Pn×Qn mod 9, Pn the base's nth digit from the right, Qn 1 for odd n and 2 for even).
 * The base starts with 9999, a registry-office code made up so the numbers are clearly invented;
 * about one company in four has none, as in a real list.
 */
function corporateNumber(index) {
  if (index % 4 === 3) return '';
  const base = `9999010${String(100 + index * 7).padStart(5, '0')}`;
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return `${9 - (sum % 9)}${base}`;
}

/**
 * Some companies' lists give the main number (代表番号) for everyone but the first person: a
 * switchboard shared by several people, which Koma keeps on the company. Its number is the
 * company's own in the 0000 block (03-0000-00NN), apart from the people's serials (1000 and up).
 */
const switchboardAt = (index, people) => index % 5 === 2 && people >= 3;

const employeeSizes = [[8, 30], [30, 100], [100, 300], [300, 1000], [1000, 5000]];

function formatEmployees(count) {
  // Typed as people type them: mostly plain, sometimes Excel's thousands separator or a 名 suffix.
  const style = weighted([['plain', 6], ['comma', 3], ['mei', 1]]);
  if (style === 'comma') return count.toLocaleString('en-US');
  if (style === 'mei') return `${count}名`;
  return String(count);
}

function makeCompanies() {
  const companies = [];
  const names = new Set();
  while (companies.length < companyCount) {
    const [stem, stemSlug] = stems[companies.length % stems.length];
    const [industry, suffixes] = weighted(industries.map((entry) => [entry, entry[2]]));
    const [suffix, suffixSlug] = pick(suffixes);
    const core = `${stem}${suffix}`;
    if (names.has(core)) continue;
    names.add(core);
    const legal = weighted([['株式会社{}', 6], ['{}株式会社', 3], ['合同会社{}', 1]]);
    const [areaCode, prefecture, cities] = weighted(places.map((place) => [place, place[3]]));
    const [min, max] = pick(employeeSizes);
    const building = random() < 0.5 ? ` 見本ビル${between(2, 12)}F` : '';
    companies.push({
      name: legal.replace('{}', core),
      reading: `${readingOf(stem, suffixReadings)}${readingOf(suffix, suffixReadings)}`,
      corporateNumber: corporateNumber(companies.length),
      slug: `${stemSlug}-${suffixSlug}`,
      industry,
      employees: formatEmployees(between(min, max)),
      areaCode,
      address: `${prefecture}${pick(cities)}${between(1, 9)}-${between(1, 30)}-${between(1, 20)}${building}`,
    });
  }
  return companies;
}

function leadsPerCompany() {
  const counts = Array.from({ length: companyCount }, () => 1);
  let remaining = leadCount - companyCount;
  while (remaining > 0) {
    const index = Math.floor(random() * companyCount);
    if (counts[index] >= maxLeadsPerCompany) continue;
    counts[index]++;
    remaining--;
  }
  return counts;
}

/** Numbers in the 0000 (or 000) exchange block, which is not assigned to anyone: clearly fictional. */
function fictionalPhone(areaCode, serial) {
  const local = String(serial).padStart(4, '0');
  return areaCode.length === 2 ? `${areaCode}-0000-${local}` : `${areaCode}-000-${local}`;
}

function toFullWidth(text) {
  return text.replace(/[0-9-]/g, (ch) => (ch === '-' ? '－' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)));
}

function makeRows() {
  const companies = makeCompanies();
  const counts = leadsPerCompany();
  const rows = [];
  let serial = between(1000, 2000);
  companies.forEach((company, index) => {
    const people = new Set();
    for (let n = 0; n < counts[index]; n++) {
      let surname, given;
      do {
        surname = pick(surnames);
        given = pick(givenNames);
      } while (people.has(`${surname[1]}.${given[1]}`));
      people.add(`${surname[1]}.${given[1]}`);
      const title = weighted(titles);
      const department = title === '代表取締役' || title === '取締役' ? '' : pick([...departments, ...(departmentsByIndustry[company.industry] ?? [])]);
      serial += between(1, 37);
      const direct = fictionalPhone(company.areaCode, serial);
      const phone = n > 0 && switchboardAt(index, counts[index]) ? fictionalPhone(company.areaCode, index) : direct;
      rows.push([
        company.name,
        company.reading,
        company.corporateNumber,
        surname[0],
        given[0],
        surnameReadings[surname[0]],
        givenReadings[given[0]],
        title,
        department,
        random() < 0.04 ? toFullWidth(phone) : phone,
        random() < 0.1 ? '' : `${given[1]}.${surname[1]}@${company.slug}.example.co.jp`,
        company.industry,
        company.employees,
        weighted(sources),
        `https://www.example.co.jp/${company.slug}/`,
        company.address,
      ]);
    }
  });
  return rows;
}

function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const header = ['会社名', '会社名（フリガナ）', '法人番号', '姓', '名', '姓（フリガナ）', '名（フリガナ）', '役職', '部署', '電話番号', 'メール', '業種', '従業員数', 'リードソース', 'Webサイト', '住所'];
const text = [header, ...makeRows()].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
if (/undefined/.test(text)) throw new Error('A reading is missing from the tables');
const bytes = iconv.encode(text, 'cp932');
if (iconv.decode(bytes, 'cp932') !== text) throw new Error('The sample holds a character CP932 cannot encode');
writeFileSync(output, bytes);
console.log(`wrote ${output}: ${leadCount} leads at ${companyCount} companies, ${bytes.length} bytes`);
