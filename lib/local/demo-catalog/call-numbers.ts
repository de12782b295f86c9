/**
 * Demo 請求記号 as a Japanese public library labels its spines: the NDC class number, a slash
 * and the first kana of the author's reading (the title's when there is no author), e.g.
 * 夏目漱石's novels are "913.6/ナ". Picture books are "E", 紙芝居 "K". Magazines and AV carry
 * none, so the catalog also shows copies without one.
 */
export const NDC = {
  japaneseFiction: '913.6',
  essays: '304',
  computing: '007.6',
  pictureBook: 'E',
  kamishibai: 'K',
  dictionary: '813.1',
  reference: '031',
} as const;

/** The classics' classes where they are not Japanese fiction. */
export const classicClasses: Readonly<Record<string, string>> = {
  guriToGura: NDC.pictureBook,
  harapekoAomushi: NDC.pictureBook,
  momo: '943.7',
  kokoroNoShohosen: '146.8',
};

/** Class number and first kana of the reading (katakana; a leading digit or Latin letter as is). */
export const callNumberOf = (classNumber: string, reading: string | undefined): string => {
  const mark = reading?.trim().charAt(0);
  return mark ? `${classNumber}/${mark}` : classNumber;
};
