// The query mix of the directory search benchmark: what people type and tick, drawn from the same
// word lists the synthetic national dataset is made of (generate.ts), so every class has matches.
// Deterministic; each query carries its class so the results can be read per class.
import { MUNICIPALITY_HEADS, MUNICIPALITY_TAILS, NAME_WORDS, PREFECTURES, TOWNS } from './words';

export type MixQuery = { kind: string; params: Record<string, string> };

const hiragana = (katakana: string) =>
  katakana.replace(/[ァ-ヶ]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const isKanji = (text: string) => /^\p{Script=Han}+$/u.test(text);
const every = <T>(list: readonly T[], n: number): T[] =>
  Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)] as T);

function textQueries(): MixQuery[] {
  // Two kana: the start of a word, as typed on a phone (ひま…, さく…) — broad everywhere.
  const twoKana = every(NAME_WORDS, 30).map((w) => hiragana(w.kana).slice(0, 2));
  // Three kanji: town and municipality names (大手町, 北川市 …).
  const towns = TOWNS.filter((t) => t.length === 3 && isKanji(t));
  const municipalities = MUNICIPALITY_HEADS.flatMap((h, i) => {
    const tail = MUNICIPALITY_TAILS[i % MUNICIPALITY_TAILS.length];
    return tail ? [`${h.text}${tail.text}市`] : [];
  });
  const threeKanji = [...every(towns, 15), ...every(municipalities, 15)];
  // Whole words of names: kana, kanji and katakana (ひまわり, 桜島, ハート …); one-character words such
  // as 愛 are refused without a filter (search-plan.ts), so they are not in the mix.
  const words = every(
    NAME_WORDS.filter((w) => w.text.length >= 2),
    30,
  ).map((w) => w.text);
  // Address fragments: 丁目番地, a town with its 丁目, a prefecture and a town.
  const addresses = every(TOWNS, 30).map((town, i) =>
    i % 3 === 0 ? `${(i % 9) + 1}丁目${(i % 17) + 1}番` : i % 3 === 1 ? `${town}${(i % 6) + 1}丁目` : town,
  );
  return [
    ...twoKana.map((q) => ({ kind: 'two-kana', params: { q } })),
    ...threeKanji.map((q) => ({ kind: 'three-kanji', params: { q } })),
    ...words.map((q) => ({ kind: 'name-word', params: { q } })),
    ...addresses.map((q) => ({ kind: 'address', params: { q } })),
  ];
}

const kinds = ['130', '110', '430', '150', '510', '520', '320', '730', '760', '160'];
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function filterQueries(): MixQuery[] {
  const withoutText = kinds.flatMap((kind, i): MixQuery[] => [
    { kind: 'filters', params: { kinds: kind } },
    { kind: 'filters', params: { kinds: kind, open: weekdays[i % 7] as string } },
    { kind: 'filters', params: { group: i % 2 ? 'residential' : 'home_care', open: 'sun' } },
  ]);
  const withText = every(PREFECTURES, 30).map(([, name], i) => ({
    kind: 'filters+text',
    params: {
      q: i % 2 ? name : `${name} ${hiragana(NAME_WORDS[i * 3]?.kana ?? 'サクラ')}`,
      kinds: kinds[i % kinds.length] as string,
    },
  }));
  return [...withoutText, ...withText];
}

function radiusQueries(): MixQuery[] {
  return every(PREFECTURES, 30).map(([, , lat, lon], i) => ({
    kind: 'radius',
    params: {
      lat: (lat + ((i % 5) - 2) * 0.01).toFixed(4),
      lon: (lon + ((i % 3) - 1) * 0.01).toFixed(4),
      radius: String([1, 2, 3, 5, 10][i % 5]),
      ...(i % 3 === 0 ? { kinds: kinds[i % kinds.length] as string } : {}),
      ...(i % 3 === 1 ? { q: 'デイ' } : {}),
    },
  }));
}

/** About 240 queries in a fixed interleaved order: a worker never runs one class for long. */
export function queryMix(): MixQuery[] {
  const classes = [textQueries(), filterQueries(), radiusQueries()];
  const mixed: MixQuery[] = [];
  const longest = Math.max(...classes.map((c) => c.length));
  for (let i = 0; i < longest; i++) for (const list of classes) if (list[i]) mixed.push(list[i] as MixQuery);
  return mixed;
}

export const toQueryString = (params: Record<string, string>) => new URLSearchParams(params).toString();
