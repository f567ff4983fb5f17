/**
 * How to add a topic
 * ------------------
 * Create `alerts/<id>.ts` whose default export is a plain object (data, no code):
 *
 *   import type { TopicDefinitionInput } from '../src/topics/definition.ts';
 *   export default {
 *     id: 'evacuation',                      // = the file name; lowercase a-z, 0-9, '-'
 *     name: { en: 'Evacuation', uk: 'Евакуація' },
 *     description: { en: 'Evacuation orders and routes', uk: 'Накази й маршрути евакуації' },
 *     emoji: '🚌',
 *     color: 0x3b82f6,                       // embed colour, 0xRRGGBB
 *     urgency: 'normal',                     // 'urgent' only for what cannot wait (air raids)
 *     include: { en: ['evacuation order', 'ordered to evacuate'], uk: ['евакуація'], ru: [] },
 *     exclude: { en: ['evacuation drill'], uk: [], ru: [] },
 *   } satisfies TopicDefinitionInput;
 *
 * The bot lists the alerts folder at start, so the file is the whole change; a mistake stops
 * the start with the file and field named. Phrases (any language, all lists are searched):
 * - words match as whole words after normalising case, inflection ("strike" finds "struck",
 *   "тривога" finds "тривоги"), British/American spelling, apostrophes and dashes; Ukrainian
 *   consonant changes ("у тривозі") are not guessed, so list such forms too;
 * - "#" stands for any number ("# killed" finds "40 killed" and "two killed");
 * - "a | b" means either; "a + b" means both somewhere in the same sentence
 *   ("missile | drone + hit | struck"); the operators need spaces around them;
 * - an exclude phrase cancels the topic in the sentence where it occurs, not the whole update.
 * Describe the topic's language (synonyms, typical news phrasing in en/uk/ru); never copy
 * test sentences. `npm test` checks precision and recall on test/fixtures/labelled.
 */
import { z } from 'zod';
import { phraseProblem } from './phrase.ts';

const phrase = z.string({ error: 'expected a string' }).superRefine((value, ctx) => {
  const problem = phraseProblem(value);
  if (problem)
    ctx.addIssue({ code: 'custom', message: `phrase ${JSON.stringify(value)} ${problem}` });
});

const phraseList = z.array(phrase, { error: 'expected an array of strings' }).default([]);

const PhraseListsSchema = z.strictObject(
  { en: phraseList, uk: phraseList, ru: phraseList },
  { error: 'expected an object { en, uk, ru } of phrase lists' },
);

const text = (max: number) =>
  z
    .string({ error: 'expected a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

const TranslatedSchema = (max: number) =>
  z.strictObject({ en: text(max), uk: text(max) }, { error: 'expected an object { en, uk }' });

export const TopicDefinitionSchema = z
  .strictObject({
    id: z
      .string({ error: 'expected a string' })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase a-z, 0-9 and "-"' })
      .max(32, { error: 'must be at most 32 characters' }),
    name: TranslatedSchema(50),
    description: TranslatedSchema(200),
    emoji: text(16),
    color: z
      .int({ error: 'expected an integer 0xRRGGBB' })
      .min(0, { error: 'expected an integer 0xRRGGBB' })
      .max(0xffffff, { error: 'expected an integer 0xRRGGBB' }),
    urgency: z.enum(['urgent', 'normal'], { error: "expected 'urgent' or 'normal'" }),
    include: PhraseListsSchema,
    exclude: PhraseListsSchema.default({ en: [], uk: [], ru: [] }),
  })
  .superRefine((def, ctx) => {
    const count = def.include.en.length + def.include.uk.length + def.include.ru.length;
    if (count === 0) {
      ctx.addIssue({ code: 'custom', path: ['include'], message: 'needs at least one phrase' });
    }
  });

export type TopicDefinition = z.infer<typeof TopicDefinitionSchema>;
/** What an alerts/*.ts file writes (defaults not yet applied). */
export type TopicDefinitionInput = z.input<typeof TopicDefinitionSchema>;
