/**
 * A newsroom that runs one live blog a day, on loopback: a tag page and its RSS feed list
 * the day's blog among ordinary articles; day 2's blog appears beside day 1's, and day 1's
 * is later ended (coverageEndTime). Times are real (relative to now), because the bot under
 * test reads its own clock.
 */
import {
  articleDocument,
  type BlogEntry,
  liveBlogDocument,
  type NewsroomSite,
  sectionFeed,
  sectionPage,
  startNewsroomSite,
} from './newsroom-site.ts';

export const SECTION_PATH = '/world/ukraine';
export const FEED_PATH = '/world/ukraine/rss';
export const dayPath = (day: number) =>
  `/world/live/2024/nov/${17 + day}/russia-ukraine-war-live-day-${day}`;
const ARTICLES = [
  {
    path: '/world/2024/nov/18/grain-corridor-talks',
    title: 'Grain corridor talks resume in Istanbul',
  },
  {
    path: '/world/2024/nov/18/winter-energy-analysis',
    title: 'Analysis: a hard winter for the grid',
  },
  {
    path: '/world/2024/nov/17/kyiv-metro-reopens',
    title: 'Kyiv metro station reopens after repairs',
  },
];

export type EntryKind = 'air-raid' | 'aid' | 'quiet';

const TEXT: Record<EntryKind, (n: number) => { title: string; body: string }> = {
  'air-raid': (n) => ({
    title: `Air raid alert declared in Kharkiv region (${n})`,
    body: `Sirens sounded across Kharkiv region as the air force warned of incoming drones. Entry ${n}.`,
  }),
  aid: (n) => ({
    title: `Germany pledges new military aid package for Ukraine (${n})`,
    body: `Berlin will send ammunition and generators to Kyiv, the defence ministry said. Entry ${n}.`,
  }),
  quiet: (n) => ({
    title: `Weather: a sunny afternoon in Odesa (${n})`,
    body: `Temperatures will reach 12C with light winds, forecasters said. Entry ${n}.`,
  }),
};

export interface DayEntry extends BlogEntry {
  day: number;
  kind: EntryKind;
}

export class CoverageNewsroom {
  readonly entries: DayEntry[] = [];
  private readonly started = new Map<number, Date>();
  private readonly ended = new Map<number, Date>();
  private listed: number[] = [];
  private next = 1;

  private constructor(readonly site: NewsroomSite) {}

  static async start(): Promise<CoverageNewsroom> {
    const room = new CoverageNewsroom(await startNewsroomSite());
    for (const article of ARTICLES) {
      room.site.publish(
        article.path,
        articleDocument({ url: room.site.url(article.path), title: article.title, body: 'Text.' }),
      );
    }
    return room;
  }

  /** Starts day `day`'s blog (not yet listed), `hoursAgo` before now. */
  startDay(day: number, hoursAgo: number): void {
    this.started.set(day, new Date(Date.now() - hoursAgo * 3_600_000));
    this.publishDay(day);
  }

  /** The section page and feed list these days' blogs (newest first) among the articles. */
  list(...days: number[]): void {
    this.listed = days;
    this.publishListings();
  }

  /** A new entry on day `day`'s blog, published `minutesAgo` before now. */
  post(day: number, kind: EntryKind, minutesAgo = 0): DayEntry {
    const n = this.next++;
    const entry: DayEntry = {
      id: `d${day}-e${n}`,
      day,
      kind,
      ...TEXT[kind](n),
      published: new Date(Date.now() - minutesAgo * 60_000),
    };
    this.entries.push(entry);
    this.publishDay(day);
    return entry;
  }

  /** Day `day`'s blog declares its coverage over. */
  end(day: number): void {
    this.ended.set(day, new Date(Date.now() - 1_000));
    this.publishDay(day);
  }

  url(path: string): string {
    return this.site.url(path);
  }

  private publishDay(day: number): void {
    const path = dayPath(day);
    const endsAt = this.ended.get(day);
    this.site.publish(
      path,
      liveBlogDocument({
        url: this.site.url(path),
        title: `Russia-Ukraine war live: day ${day}`,
        startedAt: this.started.get(day) ?? new Date(),
        ...(endsAt ? { endsAt } : {}),
        entries: this.entries.filter((entry) => entry.day === day),
      }),
    );
  }

  private publishListings(): void {
    const blogs = [...this.listed].sort((a, b) => b - a);
    const cards = [
      ...blogs.map((day) => ({
        href: dayPath(day),
        title: `Russia-Ukraine war live: day ${day}`,
        live: true,
      })),
      ...ARTICLES.map((article) => ({ href: article.path, title: article.title })),
    ];
    this.site.publish(
      SECTION_PATH,
      sectionPage({ site: 'Example News', section: 'Ukraine', cards }),
    );
    const published = (day: number) => this.started.get(day) ?? new Date();
    this.site.publish(
      FEED_PATH,
      sectionFeed({
        base: this.site.origin,
        site: 'Example News',
        section: 'Ukraine',
        items: [
          ...blogs.map((day) => ({
            href: dayPath(day),
            title: `Russia-Ukraine war live: day ${day} – live`,
            published: published(day),
          })),
          ...ARTICLES.map((article, i) => ({
            href: article.path,
            title: article.title,
            published: new Date(Date.now() - (i + 1) * 3_600_000),
          })),
        ],
      }),
      'application/rss+xml; charset=utf-8',
    );
  }
}
