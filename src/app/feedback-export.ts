import type { FeedbackReport } from '../core/feedback.ts';

/** One line of the labelled corpus (test/fixtures/corpus/README.md), from members' reports. */
export interface ExportedUpdate {
  id: string;
  title: string;
  body: string;
  lang?: 'en' | 'uk' | 'ru';
  topics: string[];
  optional: string[];
  why: string;
}

/** A guess a maintainer checks anyway: Latin is English; Cyrillic by its telling letters. */
export function guessLanguage(text: string): ExportedUpdate['lang'] {
  const cyrillic = (text.match(/[\u0400-\u04ff]/g) ?? []).length;
  const latin = (text.match(/[a-z]/gi) ?? []).length;
  if (cyrillic === 0) return latin > 0 ? 'en' : undefined;
  if (cyrillic < latin) return 'en';
  const uk = (text.match(/[іїєґ]/gi) ?? []).length;
  const ru = (text.match(/[ыэъё]/gi) ?? []).length;
  if (uk > ru) return 'uk';
  if (ru > uk) return 'ru';
  return undefined;
}

/**
 * Members' reports as labelled updates: one line per update, its matched built-in topics
 * minus every topic members reported wrong, the reports told in `why`. Guild keyword topics
 * are left out (they mean nothing outside their server), and so is everything about who
 * reported: no member, guild or channel id leaves the bot this way.
 */
export function exportFeedback(
  reports: readonly FeedbackReport[],
  builtinTopicIds: ReadonlySet<string>,
): ExportedUpdate[] {
  const byUpdate = new Map<string, FeedbackReport[]>();
  for (const report of reports) {
    if (!builtinTopicIds.has(report.topicId)) continue;
    byUpdate.set(report.updateKey, [...(byUpdate.get(report.updateKey) ?? []), report]);
  }
  const lines: ExportedUpdate[] = [];
  for (const [updateKey, group] of byUpdate) {
    const newest = group.reduce((a, b) => (a.reportedAt >= b.reportedAt ? a : b));
    const matched = new Set(
      group.flatMap((r) => Object.keys(r.matched)).filter((id) => builtinTopicIds.has(id)),
    );
    const reported = [...new Set(group.map((r) => r.topicId))].sort();
    const reasons = reported.map((topicId) => {
      const count = group.filter((r) => r.topicId === topicId).length;
      const words = [...new Set(group.flatMap((r) => r.matched[topicId] ?? []))];
      const said = words.length > 0 ? `, matched ${words.map((w) => `"${w}"`).join(', ')}` : '';
      return `${topicId} reported wrong by ${count} member${count === 1 ? '' : 's'}${said}`;
    });
    const { title, body } = newest.update;
    const lang = guessLanguage(`${title} ${body}`);
    lines.push({
      id: `feedback-${updateKey}`,
      title,
      body,
      ...(lang ? { lang } : {}),
      topics: [...matched].filter((id) => !reported.includes(id)).sort(),
      optional: [],
      why: `Members' "Wrong topic?" reports (${newest.update.url ?? newest.update.source}): ${reasons.join('; ')}. Review before adding to the dev set.`,
    });
  }
  return lines;
}

const DURATION = /^(\d+)\s*(m|min|h|d|w)$/i;
const UNIT_MS: Record<string, number> = {
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** `--since`: an ISO date ("2026-12-01", "2026-12-01T08:00Z") or a duration back ("7d", "12h"). */
export function parseSince(value: string, now: Date): Date {
  const duration = DURATION.exec(value.trim());
  if (duration) {
    const unit = UNIT_MS[duration[2]!.toLowerCase()]!;
    return new Date(now.getTime() - Number(duration[1]) * unit);
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    const time = Date.parse(value.trim());
    if (!Number.isNaN(time)) return new Date(time);
  }
  throw new Error(
    `--since "${value}" is neither an ISO date (2026-12-01, 2026-12-01T08:00Z) nor a duration (30m, 12h, 7d, 2w)`,
  );
}
