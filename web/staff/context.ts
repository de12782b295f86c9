/** The branches of the library system and this counter's branch, for every page. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Branch } from './types';

export interface BranchState {
  branches: Branch[];
  /** This counter's branch code ('' until chosen). */
  counterBranch: string;
  setCounterBranch: (code: string) => void;
}

export const BranchContext = createContext<BranchState>({ branches: [], counterBranch: '', setCounterBranch: () => undefined });

export const useBranches = (): BranchState & { branchName: (code: string | null | undefined) => string } => {
  const state = useContext(BranchContext);
  const branchName = (code: string | null | undefined) => (code ? (state.branches.find((b) => b.code === code)?.name ?? code) : '—');
  return { ...state, branchName };
};
