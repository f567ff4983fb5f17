import type { CoverageView } from '../../app/coverage/coverage-tracker.ts';
import type { CandidateCheck } from '../../sources/coverage/confirm.ts';
import type { CoverageInspection } from '../../sources/coverage/inspect.ts';
import type { Speaker } from '../replies.ts';
import { clip, safeText } from '../safe-text.ts';
import { discordTime, markdownLink } from '../time-and-links.ts';

const blogLink = (blog: { title: string; url: string }) =>
  markdownLink(safeText(clip(blog.title, 120)), blog.url) ?? safeText(clip(blog.title, 120));

/** The answer to `/alerts source add` for a coverage page: what it is and what it follows. */
export function coverageAddedLines(inspection: CoverageInspection, speaker: Speaker): string[] {
  const { say } = speaker;
  const { page, following } = inspection;
  const names = { site: safeText(clip(page.site, 80)), section: safeText(clip(page.section, 100)) };
  const lines = [
    following
      ? say('coverage.added', {
          ...names,
          blog: blogLink(following),
          when: discordTime(following.startedAt, 'f') ?? '?',
        })
      : say('coverage.addedNone', names),
  ];
  if (inspection.checks.length > 0) {
    lines.push(
      say('coverage.candidates', {
        checked: inspection.checks.length,
        candidates: page.candidates.length,
        outcomes: inspection.checks.map((check) => outcome(check, speaker)).join('; '),
      }),
    );
  }
  return lines;
}

function outcome(check: Pick<CandidateCheck, 'title' | 'verdict'>, speaker: Speaker): string {
  return `${safeText(clip(check.title, 80))} — ${speaker.say(`coverage.verdict.${check.verdict}`)}`;
}

/** Under a coverage source in `/alerts source list` and `/alerts status`. */
export function coverageLines(view: CoverageView, speaker: Speaker): string[] {
  const { say } = speaker;
  const [current, ...older] = view.following;
  const details = [
    say('coverage.line', {
      site: safeText(clip(view.site, 80)),
      section: safeText(clip(view.section, 100)),
    }),
    current
      ? say('coverage.following', {
          blog: blogLink(current),
          when: discordTime(current.startedAt ?? current.foundAt, 'f') ?? '?',
        })
      : say('coverage.nothingYet'),
    ...older.map((blog) => say('coverage.alsoFollowing', { blog: blogLink(blog) })),
  ];
  if (view.lastSwitchAt)
    details.push(say('coverage.switched', { when: discordTime(view.lastSwitchAt) ?? '?' }));
  if (view.noLiveBlog) details.push(say('coverage.noLiveBlog', { hours: view.quietHours }));
  const lines = [`-# ${details.join(' · ')}`];
  const discovery = view.lastDiscovery;
  if (discovery) {
    lines.push(
      `-# ${say('coverage.checked', {
        when: discordTime(discovery.at) ?? '?',
        links: discovery.links,
        candidates: discovery.candidates,
        checked: discovery.checked,
        deferred: discovery.deferred,
      })}`,
    );
  }
  for (const refused of view.refused) {
    lines.push(
      `-# ${say('coverage.refused', {
        title: safeText(clip(refused.title, 80)),
        reason: safeText(clip(refused.detail ?? say(`coverage.verdict.${refused.verdict}`), 160)),
      })}`,
    );
  }
  return lines;
}
