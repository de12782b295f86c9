/** SPEC 4 catalog records as the domain sees them (no keys, no storage detail). */
export const MATERIAL_TYPES = ['BOOK', 'MAGAZINE', 'AV'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];
/** 紙芝居 is a subtype of BOOK. */
export const SUBTYPES = ['KAMISHIBAI'] as const;
export type Subtype = (typeof SUBTYPES)[number];

export const ITEM_CATEGORIES = ['NORMAL', 'REFERENCE_ONLY', 'CONTEST', 'LATEST_ISSUE'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export const ITEM_STATUSES = ['ON_SHELF', 'ON_LOAN', 'IN_TRANSIT', 'ON_HOLD_SHELF', 'MISSING'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface Title {
  readonly titleId: string;
  readonly title: string;
  /** タイトルヨミ in katakana, words separated by spaces as catalog records do. */
  readonly titleReading?: string;
  readonly author?: string;
  /** 著者ヨミ in katakana. */
  readonly authorReading?: string;
  readonly publisher?: string;
  readonly year?: number;
  /** ISBN-10 or ISBN-13 as given; compared normalised (functions/domain/isbn.ts). */
  readonly isbn?: string;
  readonly materialType: MaterialType;
  readonly subtype?: Subtype;
  readonly series?: string;
  readonly volume?: string;
}

export interface Item {
  readonly itemId: string;
  readonly titleId: string;
  /** Home branch (所蔵館). */
  readonly branch: string;
  /** Where the copy is now (a branch code). */
  readonly location: string;
  readonly category: ItemCategory;
  /** 相互貸借資料: borrowed from another library system. */
  readonly interlibrary: boolean;
  readonly status: ItemStatus;
  /** 請求記号 on the spine (e.g. "913.6/ナ"): where the copy stands on the shelf. */
  readonly callNumber?: string;
}
