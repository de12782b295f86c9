import type { Item, ItemCategory, Title } from '../../../functions/domain/catalog.js';
import { callNumberOf } from './call-numbers.js';
import { classics, titleIdFor } from './classics.js';
import { lendingCopyCount, pickBranches } from './copies.js';
import type { Person } from './people.js';
import { formatIsbn, IsbnAllocator, isbnForm, type PublisherKey, publishers } from './publishers.js';
import type { Random } from './random.js';
import type { ComposedTitle } from './titles.js';

const FIRST_ITEM_ID = 1_000_000_001;

/** A title before it gets its id (and, from its publisher's range, an ISBN). */
export interface Draft extends ComposedTitle {
  readonly author?: Person;
  readonly publisher: PublisherKey | string;
  readonly year: number;
  readonly materialType: Title['materialType'];
  readonly subtype?: Title['subtype'];
  readonly series?: string;
  readonly volume?: string;
  /** Printed ISBN; drafts of ISBN publishers get one allocated when absent. */
  readonly isbn?: string;
  readonly noIsbn?: boolean;
  /** NDC class of the 請求記号 (call-numbers.ts); none for magazines and AV. */
  readonly classNumber?: string;
}

export class CatalogBuilder {
  readonly titles: Title[] = [];
  readonly items: Item[] = [];
  private readonly isbns = new IsbnAllocator();
  private readonly classicTitles = new Set<string>(classics.map((c) => c.title));
  private readonly callNumbers = new Map<string, string>();

  constructor(readonly r: Random) {
    for (const c of classics) this.isbns.reserve(publishers[c.publisher].registrant ?? '', c.isbnTitleCode);
  }

  /** A composed title that is not one of the classics (their ids must stay the only exact hits). */
  fresh(make: () => ComposedTitle): ComposedTitle {
    for (;;) {
      const composed = make();
      if (!this.classicTitles.has(composed.title)) return composed;
    }
  }

  addTitle(draft: Draft): string {
    const titleId = titleIdFor(this.titles.length + 1);
    const known = Object.hasOwn(publishers, draft.publisher) ? publishers[draft.publisher as PublisherKey] : undefined;
    let isbn = draft.isbn;
    if (!isbn && !draft.noIsbn && known?.registrant) {
      // A publisher whose range is used up (a 5-digit registrant has 1,000 numbers) leaves the title without one.
      const body = this.isbns.allocate(known.registrant);
      if (body) isbn = formatIsbn(body, known.registrant, isbnForm(this.r, draft.year));
    }
    const title: Title = {
      titleId,
      title: draft.title,
      titleReading: draft.titleReading,
      ...(draft.author ? { author: draft.author.name, authorReading: draft.author.reading } : {}),
      publisher: known?.name ?? draft.publisher,
      year: draft.year,
      ...(isbn ? { isbn } : {}),
      materialType: draft.materialType,
      ...(draft.subtype ? { subtype: draft.subtype } : {}),
      ...(draft.series ? { series: draft.series, volume: draft.volume } : {}),
    };
    this.titles.push(title);
    if (draft.classNumber) this.callNumbers.set(titleId, callNumberOf(draft.classNumber, draft.author?.reading ?? draft.titleReading));
    return titleId;
  }

  addCopies(titleId: string, branches: readonly string[], category: ItemCategory, interlibrary = false): void {
    for (const branch of branches) {
      const itemId = String(FIRST_ITEM_ID + this.items.length);
      const callNumber = this.callNumbers.get(titleId);
      this.items.push({ itemId, titleId, branch, location: branch, category, interlibrary, status: 'ON_SHELF', ...(callNumber ? { callNumber } : {}) });
    }
  }

  lendingTitle(draft: Draft): void {
    this.addCopies(this.addTitle(draft), pickBranches(this.r, lendingCopyCount(this.r)), 'NORMAL');
  }
}
