/** A minute of the morning the feedback tests' live blog is written. */
export const at = (minute: number) => new Date(Date.UTC(2024, 10, 18, 9, minute));

/** Two live-blog posts for "Wrong topic?" tests: one with a single topic, one with several. */
export const REPORTED_POSTS = [
  {
    id: 701,
    title: 'Air raid alert declared across Kyiv region',
    paragraphs: ['Sirens sounded in Kyiv as the air force warned of incoming drones.'],
    published: at(1),
    modified: at(1),
  },
  {
    id: 702,
    title: 'Missile strike damages power plant; emergency blackouts in Kharkiv',
    paragraphs: [
      'A missile strike hit a thermal power plant in Kharkiv overnight and the grid operator ordered emergency power cuts.',
      'An air raid alert remained in force across the region.',
    ],
    published: at(2),
    modified: at(2),
  },
];
