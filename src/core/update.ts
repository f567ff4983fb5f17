import { z } from 'zod';

/**
 * One entry of a live blog, normalised from whatever format the source serves.
 * Every reader produces these; everything downstream trusts them.
 */
export const UpdateSchema = z.object({
  /** The source it came from: an http(s) URL or a local file path. */
  source: z.string().min(1),
  /** Stable within the source: the format's own id, else a hash of the first words. */
  id: z.string().min(1),
  title: z.string(),
  /** Plain text: HTML stripped, entities decoded, paragraphs separated by a blank line. */
  body: z.string(),
  /** Absolute permalink, when the source gives one. */
  url: z.string().optional(),
  /** ISO 8601 in UTC (`…Z`), when the source gives one. */
  published: z.string().optional(),
  modified: z.string().optional(),
  /** A running summary pinned to the top ("Key points"): stored, never alerted. */
  pinned: z.boolean().default(false),
});

export type Update = z.infer<typeof UpdateSchema>;

/** What one poll of a source found, compared with what was stored before. */
export type ChangeEvent = { kind: 'new'; update: Update } | { kind: 'edited'; update: Update };
