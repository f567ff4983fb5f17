import { z } from 'zod';
import { FEEDBACK_RATE, type FeedbackReport, FeedbackReportSchema } from '../core/feedback.ts';
import type { KeyValueStore } from '../store/key-value.ts';
import { RECORD_VERSION, type Records } from '../store/records.ts';

/** Reports are kept half a year: long enough for a maintainer to review and export them. */
export const FEEDBACK_KEEP_MS = 183 * 86_400_000;
const PER_GUILD = 100;
const OVERALL = 5000;
const CAS_ATTEMPTS = 25;

const reportKey = (r: Pick<FeedbackReport, 'guildId' | 'updateKey' | 'topicId' | 'memberId'>) =>
  `feedback:report:${r.guildId}:${r.updateKey}:${r.topicId}:${r.memberId}`;
const guildIndexKey = (guildId: string) => `feedback:guild:${guildId}`;
const OVERALL_INDEX = 'feedback:all';
const rateKey = (memberId: string) => `feedback:rate:${memberId}`;

const KeysSchema = z.array(z.string());
const TimesSchema = z.array(z.number());

export type ReportOutcome = 'recorded' | 'duplicate' | 'rate-limited';

/**
 * Members' "Wrong topic?" reports. One record per guild, update, topic and member (a second
 * click changes nothing); a newest-first index per guild for `/alerts feedback`, and one
 * overall index for the export. Every shared list changes by compare-and-set, so several
 * bot processes on one store never lose each other's reports.
 */
export class FeedbackStore {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly records: Records,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(report: FeedbackReport): Promise<ReportOutcome> {
    const valid = FeedbackReportSchema.parse(report);
    const key = reportKey(valid);
    if (await this.kv.get(key)) return 'duplicate';
    if (!(await this.takeRateSlot(valid.memberId))) return 'rate-limited';
    const envelope = { v: RECORD_VERSION, data: valid };
    if (!(await this.kv.add(key, envelope, FEEDBACK_KEEP_MS))) return 'duplicate';
    await this.prepend(guildIndexKey(valid.guildId), key, PER_GUILD);
    await this.prepend(OVERALL_INDEX, key, OVERALL);
    return 'recorded';
  }

  /** The guild's reports, newest first: never another guild's. */
  async recentForGuild(guildId: string, limit: number): Promise<FeedbackReport[]> {
    const keys = (await this.records.read(guildIndexKey(guildId), KeysSchema)) ?? [];
    const found = await this.records.readMany(keys.slice(0, limit), FeedbackReportSchema);
    return found.filter((r): r is FeedbackReport => r?.guildId === guildId);
  }

  /** Every guild's reports made at or after `since`, newest first. */
  async since(since: Date): Promise<FeedbackReport[]> {
    const keys = (await this.records.read(OVERALL_INDEX, KeysSchema)) ?? [];
    const found = await this.records.readMany(keys, FeedbackReportSchema);
    return found.filter(
      (r): r is FeedbackReport => r !== undefined && Date.parse(r.reportedAt) >= since.getTime(),
    );
  }

  /** One report more for this member in the window, unless the window is full. */
  private takeRateSlot(memberId: string): Promise<boolean> {
    const nowMs = this.now().getTime();
    return this.changeList(
      rateKey(memberId),
      TimesSchema,
      (times) => {
        const recent = times.filter((at) => at > nowMs - FEEDBACK_RATE.windowMs);
        return recent.length >= FEEDBACK_RATE.reports ? undefined : [...recent, nowMs];
      },
      FEEDBACK_RATE.windowMs,
    );
  }

  private prepend(indexKey: string, key: string, cap: number): Promise<boolean> {
    return this.changeList(indexKey, KeysSchema, (keys) =>
      [key, ...keys.filter((k) => k !== key)].slice(0, cap),
    );
  }

  /** Read, change, compare-and-set, again if someone else wrote in between. */
  private async changeList<T>(
    key: string,
    schema: z.ZodType<T[]>,
    change: (current: T[]) => T[] | undefined,
    ttlMs?: number,
  ): Promise<boolean> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
      const stored = await this.kv.getVersioned(key);
      const envelope = stored?.value as { v?: number; data?: unknown } | undefined;
      const parsed = schema.safeParse(envelope?.v === RECORD_VERSION ? envelope.data : []);
      const next = change(parsed.success ? parsed.data : []);
      if (next === undefined) return false;
      const value = { v: RECORD_VERSION, data: next };
      if (await this.kv.compareAndSet(key, stored?.version, value, ttlMs)) return true;
    }
    throw new Error(`feedback: ${key} kept changing under this process; try again`);
  }
}
