// Which layout a file is, from its first line. Every required column of a layout must be there (names
// compared NFKC-normalised, so half-width katakana headers match); when several layouts fit, the one
// that recognises the most columns wins. No fit: refused, naming the columns the closest layout misses.
import { type Layout, layouts } from './layouts';
import { normalizeHeader } from './row';

export class HeaderError extends Error {}

type Fit = { layout: Layout; missing: string[]; present: number; share: number };

function fitOf(layout: Layout, names: ReadonlySet<string>): Fit {
  const missing: string[] = [];
  for (const entry of layout.required) {
    const choices = typeof entry === 'string' ? [entry] : entry;
    if (!choices.some((name) => names.has(normalizeHeader(name)))) missing.push(choices[0] ?? '');
  }
  const present = layout.required.length - missing.length;
  return { layout, missing, present, share: present / layout.required.length };
}

export function recognizeLayout(header: readonly string[]): Layout {
  const names = new Set(header.map(normalizeHeader));
  const fits = layouts.map((layout) => fitOf(layout, names));
  const matching = fits.filter((fit) => fit.missing.length === 0);
  const best = matching.sort((a, b) => b.present - a.present)[0];
  if (best) return best.layout;
  const closest = [...fits].sort((a, b) => b.share - a.share)[0];
  if (!closest || closest.share === 0)
    throw new HeaderError(
      '1行目に列の見出しがないか、取り込める形式のどれとも合いません。介護サービス情報公表システム、医療情報ネット、自治体標準オープンデータセット（医療機関一覧・介護サービス事業所一覧）の CSV ファイルを選んでください。',
    );
  throw new HeaderError(
    `列の見出し（1行目）が、取り込める形式と合いません。いちばん近い形式は「${closest.layout.label}」ですが、次の列がありません: ${closest.missing.join('、')}。見出しの名前を確かめて、足りない列を加えてから、もう一度取り込んでください。`,
  );
}
