/** `check` on a coverage page: the live blogs it links, which one the bot would follow, and why. */
import type { CandidateCheck } from '../sources/coverage/confirm.ts';
import type { CoverageInspection } from '../sources/coverage/inspect.ts';

/** Candidates `check` fetches: more than a poll does, still bounded. */
export const CHECK_CANDIDATES = 10;

export function printCoverage(inspection: CoverageInspection, json: boolean): void {
  const { page, following } = inspection;
  if (json) {
    for (const check of inspection.checks) {
      console.log(
        JSON.stringify({
          ...summary(check),
          follow: check.url === following?.url,
          why: why(check, inspection),
        }),
      );
    }
    return;
  }
  console.log(
    `${page.url}: coverage page (${page.format}) — ${page.site} — ${page.section}\n` +
      `${page.links} links${page.cut ? ' (more not looked at)' : ''}, ${page.candidates.length} look like live blogs, ` +
      `${inspection.checks.length} checked${inspection.unchecked > 0 ? `, ${inspection.unchecked} not checked (bound)` : ''}\n`,
  );
  if (page.candidates.length === 0)
    console.log('No live blog is listed: the bot would follow the first one that appears.');
  for (const check of inspection.checks) {
    const mark = check.url === following?.url ? '→ follow' : '  skip  ';
    console.log(
      `${mark}  ${check.title}\n          ${check.url}\n          ${why(check, inspection)}\n`,
    );
  }
}

function summary(check: CandidateCheck) {
  return {
    url: check.url,
    title: check.title,
    verdict: check.verdict,
    startedAt: check.blog?.startedAt ?? null,
    endsAt: check.blog?.endsAt ?? null,
    newestUpdateAt: check.blog?.newestUpdateAt ?? null,
    updates: check.blog?.updates ?? null,
  };
}

function why(check: CandidateCheck, inspection: CoverageInspection): string {
  const blog = check.blog;
  switch (check.verdict) {
    case 'live':
      return check.url === inspection.following?.url
        ? `the newest live blog (started ${blog?.startedAt ?? 'at an unknown time'}, ${blog?.updates ?? 0} updates, newest ${blog?.newestUpdateAt ?? 'undated'})`
        : `a live blog older than the newest (started ${blog?.startedAt ?? 'at an unknown time'}); followed only if it was already followed`;
    case 'ended':
      return `a live blog whose coverage has ended (${blog?.endsAt ?? ''})`;
    default:
      return `${check.verdict}: ${check.detail ?? ''}`;
  }
}
