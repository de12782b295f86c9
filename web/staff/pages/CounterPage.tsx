import { CheckinPanel } from '../components/CheckinPanel';
import { CheckoutPanel } from '../components/CheckoutPanel';
import { PageHeading } from '../components/PageHeading';
import { ScanLogTable } from '../components/ScanLogTable';
import { useBranches } from '../context';
import type { ScanLog } from '../scan-log';

/** The counter: check-in on the left, checkout on the right, the log of scans below. */
export const CounterPage = ({ log }: { log: ScanLog }) => {
  const { branchName, counterBranch } = useBranches();
  return (
    <div class="counter-page">
      <PageHeading focus={false}>返却・貸出({branchName(counterBranch)})</PageHeading>
      <div class="counter-grid">
        <CheckinPanel log={log} autoFocus />
        <CheckoutPanel log={log} />
      </div>
      <ScanLogTable log={log} />
    </div>
  );
};
