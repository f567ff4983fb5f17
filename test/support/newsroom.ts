import { type BlogPost, liveBlogPage } from './live-blog-page.ts';

/** What a story is written to be about; `quiet` stories match no topic. */
export type StoryKind = 'air-raid' | 'aid' | 'diplomacy' | 'frontline' | 'quiet';

const CITIES = ['Kharkiv', 'Odesa', 'Dnipro', 'Zaporizhzhia', 'Sumy', 'Mykolaiv', 'Poltava'];

/** Each kind of story in words the built-in topics are meant to find (and quiet ones none). */
const TEMPLATES: Record<StoryKind, (city: string) => { title: string; lead: string }> = {
  'air-raid': (city) => ({
    title: `Air raid alert declared in ${city} region`,
    lead: `Sirens sounded across ${city} region as the air force warned of incoming drones.`,
  }),
  aid: (city) => ({
    title: `Germany pledges new military aid package for Ukraine after talks in ${city}`,
    lead: 'Berlin will send ammunition and generators to Kyiv, the defence ministry said.',
  }),
  diplomacy: (city) => ({
    title: `Foreign ministers to hold peace talks, ${city} delegation says`,
    lead: 'Diplomats said the summit in Geneva would discuss a possible ceasefire.',
  }),
  frontline: (city) => ({
    title: `Heavy fighting near ${city} as Russian troops advance`,
    lead: 'Ukrainian forces repelled several assaults on positions near the town.',
  }),
  quiet: (city) => ({
    title: `Weather: a sunny afternoon in ${city}`,
    lead: 'Temperatures will reach 12C with light winds, forecasters said.',
  }),
};

/** A later paragraph that makes any story an air-raid alert as well. */
const AIR_RAID_ADDENDUM = 'Later: an air raid alert was declared in the region and sirens sounded.';

export interface Story {
  id: number;
  kind: StoryKind;
  /** 1 when first published; each edit adds one. The alert must end up showing the last. */
  revision: number;
  /** An edit made it an air-raid story too. */
  airRaidAdded: boolean;
  /** Published before the bot first read the blog: history, never alerted. */
  history: boolean;
}

/** The marker a story's text carries for its revision, as the alert shows it. */
export const revisionMarker = (story: Pick<Story, 'id' | 'revision'>) =>
  `Update ${story.id}, revision ${story.revision}:`;

/** A live blog's newsroom: publishes stories and edits them, and renders the page. */
export class Newsroom {
  private readonly stories = new Map<number, Story>();
  /** Minutes after the blog's start at which each story was published. */
  private readonly published = new Map<number, number>();
  private nextId = 1001;
  private readonly start = Date.UTC(2024, 10, 18, 8, 0, 0);
  private clockMinutes = 0;

  all(): Story[] {
    return [...this.stories.values()];
  }

  get(id: number): Story | undefined {
    return this.stories.get(id);
  }

  publish(kind: StoryKind, options: { history?: boolean } = {}): Story {
    const story: Story = {
      id: this.nextId++,
      kind,
      revision: 1,
      airRaidAdded: false,
      history: options.history ?? false,
    };
    this.clockMinutes += 3;
    this.stories.set(story.id, story);
    this.published.set(story.id, this.clockMinutes);
    return story;
  }

  /** A correction: new wording, same id; `addAirRaid` also adds an air-raid paragraph. */
  edit(id: number, options: { addAirRaid?: boolean } = {}): Story {
    const story = this.stories.get(id);
    if (!story) throw new Error(`no story ${id}`);
    story.revision += 1;
    if (options.addAirRaid) story.airRaidAdded = true;
    this.clockMinutes += 1;
    return story;
  }

  /** The story's current text, as the blog shows it. */
  text(story: Story): { title: string; body: string; paragraphs: string[] } {
    const city = CITIES[story.id % CITIES.length] ?? 'Kyiv';
    const { title, lead } = TEMPLATES[story.kind](city);
    const paragraphs = [
      `${revisionMarker(story)} ${lead}`,
      'Officials are expected to give more details later today.',
      ...(story.airRaidAdded ? [AIR_RAID_ADDENDUM] : []),
    ];
    return { title, body: paragraphs.join('\n\n'), paragraphs };
  }

  page(): string {
    const posts: BlogPost[] = this.all().map((story) => {
      const published = new Date(this.start + (this.published.get(story.id) ?? 0) * 60_000);
      return {
        id: story.id,
        title: this.text(story).title,
        paragraphs: this.text(story).paragraphs,
        published,
        modified: new Date(published.getTime() + (story.revision - 1) * 60_000),
      };
    });
    const now = new Date(this.start + this.clockMinutes * 60_000);
    return liveBlogPage(posts, [`${this.stories.size} updates so far today.`], now);
  }
}
