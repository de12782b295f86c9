import { CheckinPanel } from '../components/CheckinPanel';
import { CheckoutPanel } from '../components/CheckoutPanel';
import { PageHeading } from '../components/PageHeading';
import { ScanLogTable } from '../components/ScanLogTable';
import { useState } from 'preact/hooks';
import { useBranches } from '../context';
import type { ScanLog } from '../scan-log';

/** The counter: check-in on the left, checkout on the right, the log of scans below. */
export const CounterPage = ({ log }: { log: ScanLog }) => {
  const { branchName, counterBranch } = useBranches();
  // A return can be the patron's at the checkout panel: it reads the patron again.
  const [checkins, setCheckins] = useState(0);
  return (
    <div class="counter-page">
      <PageHeading focus={false}>返却・貸出({branchName(counterBranch)})</PageHeading>
      <div class="counter-grid">
        <CheckinPanel log={log} autoFocus onAnswered={() => setCheckins((n) => n + 1)} />
        <CheckoutPanel log={log} checkins={checkins} />
      </div>
      <ScanLogTable log={log} />
    </div>
  );
};
