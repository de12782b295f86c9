import { isbn10CheckDigit, isbn13CheckDigit } from '../../../functions/domain/isbn.js';
import type { Random } from './random.js';

/**
 * Demo publishers with an ISBN registrant code in group 4 (Japan), modelled on the codes
 * these publishers print. Demo ISBNs are 978-4-<registrant>-<title>-<check> with correct
 * check digits; they are not claimed to be the real numbers of any book.
 */
export interface Publisher {
  readonly name: string;
  readonly reading: string;
  /** Registrant code; undefined for publishers without ISBNs in the demo (AV labels, public bodies). */
  readonly registrant?: string;
}

const p = (name: string, reading: string, registrant?: string): Publisher => (registrant ? { name, reading, registrant } : { name, reading });

export const publishers = {
  iwanami: p('岩波書店', 'イワナミ ショテン', '00'),
  kodansha: p('講談社', 'コウダンシャ', '06'),
  shueisha: p('集英社', 'シュウエイシャ', '08'),
  shogakukan: p('小学館', 'ショウガクカン', '09'),
  shinchosha: p('新潮社', 'シンチョウシャ', '10'),
  chuko: p('中央公論新社', 'チュウオウ コウロン シンシャ', '12'),
  nhk: p('ＮＨＫ出版', 'エヌエイチケー シュッパン', '14'),
  hayakawa: p('早川書房', 'ハヤカワ ショボウ', '15'),
  bunshun: p('文藝春秋', 'ブンゲイ シュンジュウ', '16'),
  kadokawa: p('角川書店', 'カドカワ ショテン', '04'),
  kaiseisha: p('偕成社', 'カイセイシャ', '03'),
  gentosha: p('幻冬舎', 'ゲントウシャ', '344'),
  kobunsha: p('光文社', 'コウブンシャ', '334'),
  chikuma: p('筑摩書房', 'チクマ ショボウ', '480'),
  heibonsha: p('平凡社', 'ヘイボンシャ', '582'),
  nikkei: p('日本経済新聞出版', 'ニホン ケイザイ シンブン シュッパン', '532'),
  gihyo: p('技術評論社', 'ギジュツ ヒョウロンシャ', '7741'),
  shoeisha: p('翔泳社', 'ショウエイシャ', '7981'),
  oreilly: p('オライリー・ジャパン', 'オライリー ジャパン', '87311'),
  impress: p('インプレス', 'インプレス', '295'),
  nikkeiBp: p('日経ＢＰ', 'ニッケイ ビーピー', '8222'),
  fukuinkan: p('福音館書店', 'フクインカン ショテン', '8340'),
  poplar: p('ポプラ社', 'ポプラシャ', '591'),
  iwasaki: p('岩崎書店', 'イワサキ ショテン', '265'),
  doshinsha: p('童心社', 'ドウシンシャ', '494'),
  akane: p('あかね書房', 'アカネ ショボウ', '251'),
  kyoikuGageki: p('教育画劇', 'キョウイク ガゲキ', '7746'),
  sanseido: p('三省堂', 'サンセイドウ', '385'),
  maruzen: p('丸善出版', 'マルゼン シュッパン', '621'),
  jiyuKokumin: p('自由国民社', 'ジユウ コクミンシャ', '426'),
  kurashi: p('暮しの手帖社', 'クラシ ノ テチョウシャ', '7660'),
  columbia: p('日本コロムビア', 'ニホン コロムビア'),
  king: p('キングレコード', 'キング レコード'),
  universal: p('ユニバーサルミュージック', 'ユニバーサル ミュージック'),
  nhkEnterprises: p('ＮＨＫエンタープライズ', 'エヌエイチケー エンタープライズ'),
  ibarakiPref: p('茨城県', 'イバラキケン'),
} as const;

export type PublisherKey = keyof typeof publishers;

export const fictionPublishers: readonly PublisherKey[] = ['shinchosha', 'kodansha', 'bunshun', 'shueisha', 'kadokawa', 'kobunsha', 'gentosha', 'hayakawa'];
export const nonFictionPublishers: readonly PublisherKey[] = ['iwanami', 'chuko', 'chikuma', 'heibonsha', 'nhk', 'nikkei', 'kodansha'];
export const techPublishers: readonly PublisherKey[] = ['gihyo', 'shoeisha', 'oreilly', 'impress', 'nikkeiBp'];
export const childrenPublishers: readonly PublisherKey[] = ['fukuinkan', 'kaiseisha', 'poplar', 'iwasaki', 'akane', 'shogakukan', 'doshinsha'];
export const kamishibaiPublishers: readonly PublisherKey[] = ['doshinsha', 'kyoikuGageki'];
export const referencePublishers: readonly PublisherKey[] = ['sanseido', 'maruzen', 'heibonsha', 'shogakukan', 'jiyuKokumin'];

/** Hands out unique ISBNs per publisher, in printed form (ISBN-10 for older books, sometimes). */
export class IsbnAllocator {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  /** Marks a fixed number (the classics') as taken. */
  reserve(registrant: string, titleCode: string): string {
    const body = `4${registrant}${titleCode}`;
    if (body.length !== 9) throw new RangeError(`demo ISBN body must be 9 digits: ${body}`);
    this.used.add(body);
    return body;
  }

  /**
   * A fresh 9-digit body (group 4 + registrant + title code), or undefined if the publisher's
   * range is full. Numbers start a fifth into the range (so they do not all read 000001) and wrap.
   */
  allocate(registrant: string): string | undefined {
    const width = 8 - registrant.length;
    const capacity = 10 ** width;
    const start = Math.floor(capacity / 5) + 1;
    const tried = this.next.get(registrant) ?? 0;
    for (let k = tried; k < capacity - 1; k += 1) {
      const n = ((start - 1 + k) % (capacity - 1)) + 1;
      const body = `4${registrant}${String(n).padStart(width, '0')}`;
      if (!this.used.has(body)) {
        this.next.set(registrant, k + 1);
        this.used.add(body);
        return body;
      }
    }
    this.next.set(registrant, capacity - 1);
    return undefined;
  }
}

/** Printed forms of a 9-digit body: `4-10-101001-3`, `978-4-10-101001-4` or `9784101010014`. */
export const formatIsbn = (body: string, registrant: string, form: 'isbn10' | 'isbn13' | 'isbn13-compact'): string => {
  const title = body.slice(1 + registrant.length);
  if (form === 'isbn10') return `4-${registrant}-${title}-${isbn10CheckDigit(body)}`;
  const first12 = `978${body}`;
  const check = isbn13CheckDigit(first12);
  return form === 'isbn13' ? `978-4-${registrant}-${title}-${check}` : first12 + check;
};

/** ISBN-10 for books before 2007 (when Japan moved to ISBN-13) most of the time. */
export const isbnForm = (random: Random, year: number): 'isbn10' | 'isbn13' | 'isbn13-compact' => {
  if (year < 2007 && random.chance(0.7)) return 'isbn10';
  return random.chance(0.6) ? 'isbn13' : 'isbn13-compact';
};
