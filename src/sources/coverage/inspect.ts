/**
 * A one-off look at a coverage page, for `/alerts source add` and `liveblog-alerts check`:
 * its best candidates checked (a bounded number), and which live blog a new coverage
 * source would follow first — the newest that is still live.
 */
import {
  type CandidateCheck,
  type CandidateFetch,
  checkCandidate,
  type LiveBlogFound,
} from './confirm.ts';
import type { CoveragePage } from './recognise.ts';

export interface CoverageInspection {
  page: CoveragePage;
  checks: CandidateCheck[];
  /** Live-looking links not checked because of the bound. */
  unchecked: number;
  /** What it would follow now. */
  following?: LiveBlogFound;
}

export async function inspectCoverage(
  page: CoveragePage,
  fetch: CandidateFetch,
  options: { now: Date; maxChecks: number },
): Promise<CoverageInspection> {
  const checks: CandidateCheck[] = [];
  for (const candidate of page.candidates.slice(0, options.maxChecks)) {
    checks.push(await checkCandidate(candidate, fetch, options.now));
  }
  const live = checks
    .flatMap((check) => (check.verdict === 'live' && check.blog ? [check.blog] : []))
    .sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''));
  const following = live.at(-1);
  return {
    page,
    checks,
    unchecked: Math.max(0, page.candidates.length - checks.length),
    ...(following ? { following } : {}),
  };
}
