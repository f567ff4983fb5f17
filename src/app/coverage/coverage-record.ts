import { z } from 'zod';
import { CoverageFollowSchema } from '../../core/coverage.ts';

const CandidateCheckSchema = z.object({
  url: z.string(),
  title: z.string(),
  verdict: z.enum(['live', 'ended', 'not-live-blog', 'failed', 'too-large']),
  detail: z.string().optional(),
  blog: z
    .object({
      url: z.string(),
      title: z.string(),
      startedAt: z.string().optional(),
      endsAt: z.string().optional(),
      newestUpdateAt: z.string().optional(),
      updates: z.number(),
    })
    .optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  checkedAt: z.string(),
});

const DiscoverySchema = z.object({
  at: z.string(),
  /** Links the page listed (looked at), and how many of them looked like live blogs. */
  links: z.number(),
  candidates: z.number(),
  /** Candidates fetched this time, and those left for later polls by the per-poll bound. */
  checked: z.number(),
  deferred: z.number(),
  cut: z.boolean().default(false),
});

/** What the bot keeps of one coverage source between polls. */
export const CoverageRecordSchema = z.object({
  source: z.string(),
  site: z.string(),
  section: z.string(),
  format: z.enum(['html', 'rss', 'atom', 'jsonfeed']),
  follow: CoverageFollowSchema,
  /** The verdict on each candidate checked lately, so it is not fetched every poll. */
  checks: z.array(CandidateCheckSchema).default([]),
  /** The live-looking links its page listed last time it changed, best first. */
  listed: z.array(z.object({ url: z.string(), title: z.string(), score: z.number() })).default([]),
  lastDiscovery: DiscoverySchema.optional(),
});
export type CoverageRecord = z.infer<typeof CoverageRecordSchema>;
export type Discovery = z.infer<typeof DiscoverySchema>;
