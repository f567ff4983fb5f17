import type {
  APIActionRowComponent,
  APIButtonComponentWithURL,
  APIEmbed,
  APIMessageTopLevelComponent,
} from 'discord.js';
import { describe, expect, test } from 'vitest';
import type { AlertView } from '../../src/core/alert.ts';
import { renderAlert, renderAlertEdit } from '../../src/discord/render.ts';
import { BUILTIN_TOPICS } from '../support/memory-context.ts';

const [airRaid, aid] = BUILTIN_TOPICS as [AlertView['topics'][number], AlertView['topics'][number]];

function view(overrides: Partial<AlertView> = {}, update: Partial<AlertView['update']> = {}) {
  return {
    update: {
      source: 'https://www.theguardian.com/world/live/2024/ukraine',
      id: 'block-1',
      title: 'Sirens across Kyiv as missiles approach',
      body: 'Air defence is working over the capital. Residents are urged to take shelter.',
      url: 'https://www.theguardian.com/world/live/2024/ukraine?page=with:block-1#block-1',
      published: '2024-05-01T10:00:00Z',
      pinned: false,
      ...update,
    },
    sourceName: 'theguardian.com',
    topics: [
      { ...aid, phrases: ['weapons'] },
      { ...airRaid, phrases: ['sirens', 'missiles'] },
    ],
    roleIds: ['111111111111111111'],
    locale: 'en',
    ...overrides,
  } satisfies AlertView;
}

const embedOf = (body: { embeds?: APIEmbed[] }) => body.embeds![0]!;
const buttonOf = (body: { components?: APIMessageTopLevelComponent[] }) =>
  (body.components![0] as APIActionRowComponent<APIButtonComponentWithURL>).components[0]!;
const mentionsIn = (text: string) => text.match(/<@[&!]?\d+>|@everyone|@here/g) ?? [];

describe('renderAlert', () => {
  test('feed text with mentions and markdown can neither ping nor format', () => {
    const hostile = '@everyone <@123> <@&456> @here **bold** [click](https://evil.example)';
    const body = renderAlert(view({}, { title: hostile, body: hostile }));
    expect(body.allowed_mentions).toEqual({ parse: [], roles: ['111111111111111111'] });
    expect(mentionsIn(body.content!)).toEqual(['<@&111111111111111111>']);
    expect(body.content).toContain('\\*\\*bold\\*\\*');
    expect(body.content).toContain('\\[click]');
    const embed = embedOf(body);
    for (const text of [embed.title!, embed.description!]) {
      expect(mentionsIn(text)).toEqual([]);
      expect(text).toContain('\\*\\*bold\\*\\*');
    }
  });

  test('does not repeat a headline the body opens with', () => {
    const title = 'Sirens across Kyiv as missiles approach';
    const body = renderAlert(view({}, { title, body: `${title}.\n\nAir defence is working.` }));
    expect(embedOf(body).title).toBe(title);
    expect(embedOf(body).description).toBe('Air defence is working.');
  });

  test('with no roles, nothing at all may be mentioned', () => {
    const body = renderAlert(view({ roleIds: [] }, { title: '@everyone look' }));
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [] });
    expect(mentionsIn(body.content!)).toEqual([]);
  });

  test('the urgent topic leads: its emoji starts the line and its colour is the embed’s', () => {
    const body = renderAlert(view());
    expect(body.content).toMatch(
      /^<@&111111111111111111> 🚨 \*\*Air raid · Aid\*\* — Sirens across Kyiv/,
    );
    expect(embedOf(body).color).toBe(airRaid.color);
    const field = embedOf(body).fields![0]!;
    expect(field.name).toBe('Topics');
    expect(field.value.split('\n')).toEqual([
      '🚨 **Air raid** `air-raid` — matched “sirens”, “missiles”',
      '🤝 **Aid** `aid` — matched “weapons”',
    ]);
  });

  test('the embed links the permalink, names the source and carries the publication time', () => {
    const body = renderAlert(view());
    const embed = embedOf(body);
    expect(embed.title).toBe('Sirens across Kyiv as missiles approach');
    expect(embed.url).toBe(view().update.url);
    expect(embed.author?.name).toBe('theguardian.com');
    expect(embed.timestamp).toBe('2024-05-01T10:00:00.000Z');
    const button = buttonOf(body);
    expect(button).toMatchObject({ label: 'Read the full update', url: view().update.url });
  });

  test('a long body is cut at a sentence or word, marked with …, and the title fits 256', () => {
    const sentence = 'Russian forces launched another wave of drones overnight against the city. ';
    const body = renderAlert(view({}, { title: 'Long '.repeat(100), body: sentence.repeat(20) }));
    const embed = embedOf(body);
    expect(embed.title!.length).toBeLessThanOrEqual(256);
    expect(embed.title).toMatch(/Long…$/);
    expect(embed.description!.length).toBeLessThanOrEqual(700);
    expect(embed.description).toMatch(/city\. …$/);
  });

  test('without an http(s) permalink there is no button and no embed url', () => {
    const body = renderAlert(view({}, { url: 'javascript:alert(1)' }));
    expect(body.components).toEqual([]);
    expect(embedOf(body).url).toBeUndefined();
  });

  test('an untitled update takes its headline from the body', () => {
    const body = renderAlert(view({}, { title: '' }));
    expect(embedOf(body).title).toBe(
      'Air defence is working over the capital. Residents are urged to take shelter.',
    );
  });

  test('fixed labels follow the view’s locale', () => {
    const body = renderAlert(view({ locale: 'uk' }));
    expect(body.content).toContain('**Повітряна тривога · Допомога**');
    const button = buttonOf(body);
    expect(button.label).toBe('Читати повністю');
    expect(embedOf(body).fields![0]!.name).toBe('Теми');
  });

  test('an edit renders the same alert and says it was edited', () => {
    const edit = renderAlertEdit(view());
    expect(edit.allowed_mentions).toEqual({ parse: [], roles: ['111111111111111111'] });
    expect(edit.embeds![0]!.footer?.text).toContain('Edited');
    expect(edit.embeds![0]!.title).toBe(embedOf(renderAlert(view())).title);
  });
});
