// The exit status of a run (SPEC §6): 0 pass or unknown, 1 fail, 2 bad usage or unreadable input.

import { CONFIDENCE_RANK, type Confidence, type Report } from '../ir/report.js';

export type FailOn = Confidence;
export const FAIL_ON: readonly FailOn[] = ['high', 'medium', 'low'];

/**
 * 1 when the change fails with at least one introduced finding as sure as `failOn`; a fail made
 * only of less certain findings is reported but exits 0, so a pipeline can gate on high only.
 */
export function exitCodeFor(report: Report, failOn: FailOn): 0 | 1 {
  if (report.verdict !== 'fail') return 0;
  const threshold = CONFIDENCE_RANK[failOn];
  return report.findings.some((f) => !f.preexisting && CONFIDENCE_RANK[f.confidence] >= threshold) ? 1 : 0;
}
