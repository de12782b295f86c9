/**
 * SPEC 4: the particles は and へ as a patron writes them also match ワ and エ, which is how
 * catalog readings record them (NCR: 助詞は発音どおり) — わがはいはねこである finds the reading
 * ワガハイ ワ ネコ デ アル. (を needs nothing here: normalisation folds it to お everywhere,
 * since it is never anything but the particle.)
 *
 * Not a fold: folding ハ → ワ in every reading would make はな find わな (罠) and はし find わし.
 * Instead a query's は/へ may stand for ワ/エ only in the reading fields, and only where a
 * particle can be — not as a term's first character (a particle follows a word), unless it is
 * the whole term. Each such position matches either character, so the cost is one character
 * class per position, not a query variant per combination.
 */
const PRONOUNCED: Readonly<Record<string, string>> = { は: 'わ', へ: 'え' };

export interface ReadingPattern {
  /** The term with each possible particle replaced by its pronounced form (same length). */
  readonly pronounced: string;
  /** The term, its particle positions as character classes: anchored at lastIndex (y). */
  readonly sticky: RegExp;
  /** The same, searching from lastIndex (g). */
  readonly global: RegExp;
}

const escapeRegExp = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The pattern for a normalised term, or undefined when it has no possible particle. */
export const readingPattern = (term: string): ReadingPattern | undefined => {
  let pronounced = '';
  let source = '';
  let any = false;
  for (let i = 0; i < term.length; i += 1) {
    const c = term.charAt(i);
    const spoken = PRONOUNCED[c];
    if (spoken !== undefined && (i > 0 || term.length === 1)) {
      pronounced += spoken;
      source += `[${c}${spoken}]`;
      any = true;
    } else {
      pronounced += c;
      source += escapeRegExp(c);
    }
  }
  if (!any) return undefined;
  return { pronounced, sticky: new RegExp(source, 'y'), global: new RegExp(source, 'g') };
};
