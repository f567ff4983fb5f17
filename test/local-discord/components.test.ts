import { ComponentType, Events, MessageFlags, type TextChannel } from 'discord.js';
import { afterEach, expect, test } from 'vitest';
import { type Harness, startHarness } from './client.ts';

let harness: Harness;
afterEach(() => harness.close());

/** A bot that answers a button with a private menu, and the menu by changing that message. */
async function botWithControls() {
  harness = await startHarness();
  harness.client.on(Events.InteractionCreate, async (interaction) => {
    if (interaction.isButton() && interaction.customId === 'ask') {
      await interaction.reply({
        content: 'Pick',
        flags: MessageFlags.Ephemeral,
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.StringSelect,
                custom_id: 'pick',
                max_values: 2,
                options: [
                  { label: 'A', value: 'a' },
                  { label: 'B', value: 'b' },
                ],
              },
            ],
          },
        ],
      });
    } else if (interaction.isButton() && interaction.customId === 'later') {
      await interaction.deferUpdate();
      await interaction.editReply({ content: 'changed later' });
    } else if (interaction.isStringSelectMenu()) {
      await interaction.update({
        content: `chose ${interaction.values.join('+')}`,
        components: [],
      });
    }
  });
  const channel = harness.client.channels.cache.get(harness.channel('alerts')) as TextChannel;
  const message = await channel.send({
    content: 'Alert',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: 2, label: 'Ask', custom_id: 'ask' },
          { type: ComponentType.Button, style: 2, label: 'Later', custom_id: 'later' },
        ],
      },
    ],
  });
  const click = (messageId: string, customId: string, values?: string[]) =>
    harness.server.clickComponent({
      guildId: harness.guildId,
      channelId: channel.id,
      userId: harness.userId,
      messageId,
      customId,
      ...(values ? { values } : {}),
    });
  return { message, click, channelId: channel.id };
}

test('a button answered with a private menu, the menu answered by updating its message', async () => {
  const { message, click } = await botWithControls();
  const menu = await click(message.id, 'ask');
  expect(menu.ephemeral).toBe(true);
  const chosen = await click(menu.reply.id, 'pick', ['a', 'b']);
  expect(chosen.updatedMessage).toBe(true);
  expect(chosen.reply).toMatchObject({ id: menu.reply.id, content: 'chose a+b', components: [] });
});

test('a deferred update followed by an edit changes the message the button is on', async () => {
  const { message, click, channelId } = await botWithControls();
  const outcome = await click(message.id, 'later');
  expect(outcome.updatedMessage).toBe(true);
  expect(harness.server.messages(channelId)[0]?.content).toBe('changed later');
});

test('clicks Discord would never send are refused: unknown control, choice not offered, too many', async () => {
  const { message, click } = await botWithControls();
  await expect(click(message.id, 'nope')).rejects.toThrow(/has no component "nope"/);
  await expect(click('123456789012345678', 'ask')).rejects.toThrow(/no message/);
  const menu = await click(message.id, 'ask');
  await expect(click(menu.reply.id, 'pick', ['c'])).rejects.toThrow(/offers no such choice/);
  await expect(click(menu.reply.id, 'pick', [])).rejects.toThrow(/offers no such choice/);
});
