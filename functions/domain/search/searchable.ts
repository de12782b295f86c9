import type { Item, Title } from '../catalog.js';
import type { SearchableTitle } from './types.js';

/** Titles with the branches that hold at least one of their copies (home branch, any status). */
export const toSearchableTitles = (titles: Iterable<Title>, items: Iterable<Item>): SearchableTitle[] => {
  const branches = new Map<string, Set<string>>();
  for (const item of items) {
    let set = branches.get(item.titleId);
    if (!set) branches.set(item.titleId, (set = new Set()));
    set.add(item.branch);
  }
  return [...titles].map((title) => ({ ...title, branches: [...(branches.get(title.titleId) ?? [])].sort() }));
};
