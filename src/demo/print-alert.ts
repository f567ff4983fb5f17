import type { APIEmbed } from 'discord.js';

interface ShownMessage {
  content: string;
  embeds: unknown[];
  components: unknown[];
  crossposted?: boolean;
  editedAt?: string | null;
}

/** An alert as a member would read it, laid out for a terminal. */
export function formatAlert(
  message: ShownMessage,
  where: string,
  names: { roles: Map<string, string> },
): string {
  const embed = (message.embeds[0] ?? {}) as APIEmbed;
  const content = message.content.replace(
    /<@&(\d+)>/g,
    (_, id: string) => `@${names.roles.get(id) ?? id}`,
  );
  const lines = [
    `┌─ ${where}${message.crossposted ? '  (published to following servers)' : ''}${message.editedAt ? '  (edited)' : ''}`,
    ...content.split('\n').map((line) => `│ ${line}`),
  ];
  if (embed.title) lines.push(`│ ▌ ${embed.title}`);
  if (embed.url) lines.push(`│ ▌ ${embed.url}`);
  for (const line of wrap(embed.description ?? '', 76)) lines.push(`│ ▌ ${line}`);
  for (const field of embed.fields ?? [])
    lines.push(`│ ▌ ${field.name}: ${field.value.replace(/\n/g, ' · ')}`);
  const footer = [embed.footer?.text, embed.timestamp].filter(Boolean).join(' • ');
  if (footer) lines.push(`│ ▌ ${footer}`);
  const buttons = (message.components as { components?: { label?: string; url?: string }[] }[])
    .flatMap((row) => row.components ?? [])
    .map((b) => (b.url ? `[${b.label}](${b.url})` : `[${b.label}]`));
  if (buttons.length > 0) lines.push(`│ ${buttons.join(' ')}`);
  lines.push('└─');
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + word.length + 1 > width) {
        out.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
  }
  return out;
}
