import { JobCard, JOBS } from '../components/JobCard';
import { PageHeading } from '../components/PageHeading';

/** 処理: the scheduled jobs, their recent runs, and running one now. */
export const JobsPage = () => (
  <>
    <PageHeading>定時処理の実行状況</PageHeading>
    <p class="lead">各処理の最近の実行です(新しい順、最大10件)。「今すぐ実行」は定時を待たずに処理を依頼します。</p>
    {JOBS.map((job) => (
      <JobCard key={job.name} {...job} />
    ))}
  </>
);
