/**
 * Strings by document number (title ids, normalised texts). A built index holds arrays; a
 * loaded one holds the stored joined string and cuts each document's out on first use, so
 * a cold start does not split a million strings of which a query touches a few (decision 020).
 */
export interface DocStrings {
  readonly length: number;
  at(doc: number): string | undefined;
}

export class JoinedStrings implements DocStrings {
  private readonly cut: (string | undefined)[];

  /** `starts` has one entry per document and one more: the end of the last plus one separator. */
  constructor(
    private readonly joined: string,
    private readonly starts: Uint32Array,
  ) {
    // Filled, so that V8 keeps fast elements (a bare new Array(1e6) is a dictionary).
    this.cut = new Array<string | undefined>(starts.length - 1).fill(undefined);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(doc: number): string | undefined {
    const done = this.cut[doc];
    return done !== undefined ? done : this.cutOut(doc);
  }

  private cutOut(doc: number): string | undefined {
    if (!(doc >= 0 && doc < this.length)) return undefined;
    return (this.cut[doc] = this.joined.slice(this.starts[doc], (this.starts[doc + 1] ?? 0) - 1));
  }
}

export const docStringList = (strings: DocStrings): string[] => Array.from({ length: strings.length }, (_, doc) => strings.at(doc) ?? '');
