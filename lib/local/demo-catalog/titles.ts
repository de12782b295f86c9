/** Title composers: each returns a title text with the reading of the same parts. */
import type { Random } from './random.js';
import {
  adjectives,
  animals,
  composers,
  kidsAdjectives,
  kidsThings,
  NO,
  nouns,
  type Part,
  part,
  places,
  rakugo,
  referenceFrames,
  techFrames,
  techGoals,
  techTopics,
  TO,
  topicFrames,
  topics,
  verbs,
} from './words.js';

export interface ComposedTitle {
  readonly title: string;
  readonly titleReading: string;
}

/** Text joined as is; readings joined by spaces, as catalog ヨミ separate words. */
export const compose = (...pieces: Array<Part | undefined>): ComposedTitle => {
  const present = pieces.filter((p): p is Part => p !== undefined);
  return {
    title: present.map((p) => p.text).join(''),
    titleReading: present
      .map((p) => p.reading)
      .filter((r) => r !== '')
      .join(' '),
  };
};

const fill = (p: Part, key: string, value: string | number): Part => part(p.text.replaceAll(`{${key}}`, String(value)), p.reading.replaceAll(`{${key}}`, String(value)));

export const fictionTitle = (r: Random): ComposedTitle => {
  switch (r.int(0, 6)) {
    case 0:
      return compose(r.pick(adjectives), r.pick(nouns));
    case 1:
      return compose(r.pick(nouns), NO, r.pick(nouns));
    case 2:
      return compose(r.pick(adjectives), r.pick(nouns), NO, r.pick(nouns));
    case 3:
      return compose(r.pick(nouns), TO, r.pick(nouns));
    case 4:
      return compose(r.pick(nouns), part('を', 'ヲ'), r.pick(verbs));
    case 5:
      return compose(r.pick(places), NO, r.pick(nouns));
    default:
      return compose(r.pick(nouns), NO, r.pick(nouns), part('へ', 'エ'));
  }
};

export const nonFictionTitle = (r: Random): ComposedTitle => {
  if (r.chance(0.15)) {
    const place = r.pick(places);
    return r.chance(0.5)
      ? compose(place, part('の歴史', 'ノ レキシ'))
      : compose(place, r.pick([part('散歩', 'サンポ'), part('の民話', 'ノ ミンワ'), part('の自然', 'ノ シゼン')]));
  }
  const [before, after] = r.pick(topicFrames);
  return compose(before, r.pick(topics), after);
};

export const techTitle = (r: Random): ComposedTitle => {
  const tech = r.pick(techTopics);
  if (r.chance(0.25)) return compose(tech, part('ではじめる', 'デ ハジメル'), r.pick(techGoals));
  const [before, after] = r.pick(techFrames);
  return compose(before, tech, after);
};

export const kidsTitle = (r: Random): ComposedTitle => {
  const animal = r.pick(animals);
  switch (r.int(0, 4)) {
    case 0:
      return compose(animal, NO, r.pick(kidsThings));
    case 1:
      return compose(animal, part('くんの', 'クン ノ'), r.pick(kidsThings));
    case 2:
      return compose(animal, TO, r.pick(animals));
    case 3:
      return compose(r.pick(kidsAdjectives), animal);
    default:
      return compose(animal, part('がいっぱい', 'ガ イッパイ'));
  }
};

export const referenceTitle = (r: Random, year: number): ComposedTitle => {
  const [before, after] = r.pick(referenceFrames);
  return compose(before, r.pick(topics), fill(after, 'year', year));
};

export interface AvTitle extends ComposedTitle {
  readonly author?: { readonly name: string; readonly reading: string };
  readonly label: 'columbia' | 'king' | 'universal' | 'nhkEnterprises';
}

export const avTitle = (r: Random): AvTitle => {
  const kind = r.weighted([
    ['classical', 5],
    ['rakugo', 2],
    ['documentary', 3],
  ] as const);
  if (kind === 'classical') {
    const { composer, works } = r.pick(composers);
    const [work, min, max] = r.pick(works);
    const filled = fill(work, 'n', r.int(min, max));
    return {
      ...compose(composer, part('：', ''), filled),
      author: { name: composer.text, reading: composer.reading },
      label: r.pick(['universal', 'columbia'] as const),
    };
  }
  if (kind === 'rakugo') return { ...compose(part('落語名演集', 'ラクゴ メイエンシュウ'), part(' ', ''), r.pick(rakugo)), label: r.pick(['king', 'columbia'] as const) };
  return r.chance(0.5)
    ? { ...compose(part('ＮＨＫスペシャル', 'エヌエイチケー スペシャル'), part(' ', ''), r.pick(places), NO, r.pick(nouns)), label: 'nhkEnterprises' }
    : { ...compose(part('映像で見る', 'エイゾウ デ ミル'), r.pick(topics)), label: 'nhkEnterprises' };
};

/** Volume names and readings for multi-volume works. */
export const volumeSets: ReadonlyArray<readonly Part[]> = [
  [part('上', 'ジョウ'), part('下', 'ゲ')],
  [part('上', 'ジョウ'), part('中', 'チュウ'), part('下', 'ゲ')],
  [1, 2, 3].map((n) => part(String(n), String(n))),
  [1, 2, 3, 4].map((n) => part(String(n), String(n))),
  [1, 2, 3, 4, 5].map((n) => part(String(n), String(n))),
];
