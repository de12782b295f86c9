import { describe, expect, it } from 'vitest';
import { emfMetrics, METRICS_NAMESPACE } from '../../functions/common/metrics.js';

describe('Operations: business metrics in CloudWatch embedded metric format', () => {
  it('a count is one EMF line CloudWatch reads as a metric of the namespace, without dimensions', () => {
    const lines: string[] = [];
    const metrics = emfMetrics(
      (line) => lines.push(line),
      () => 1_764_550_800_000,
    );
    metrics.count('LoginsFailed');
    metrics.count('HoldsRegistered', 0);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        _aws: {
          Timestamp: 1_764_550_800_000,
          CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [[]], Metrics: [{ Name: 'LoginsFailed', Unit: 'Count' }] }],
        },
        LoginsFailed: 1,
      },
    ]);
  });

  it('a job run duration is in milliseconds with the job as its dimension', () => {
    const lines: string[] = [];
    emfMetrics(
      (line) => lines.push(line),
      () => 0,
    ).jobRunDuration('pickup-notices', 1234.6);
    const entry = JSON.parse(lines[0] ?? '{}');
    expect(entry._aws.CloudWatchMetrics[0]).toEqual({ Namespace: METRICS_NAMESPACE, Dimensions: [['job']], Metrics: [{ Name: 'JobRunDuration', Unit: 'Milliseconds' }] });
    expect(entry).toMatchObject({ job: 'pickup-notices', JobRunDuration: 1235 });
  });
});
