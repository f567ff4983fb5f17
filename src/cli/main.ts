import { fail } from './fail.ts';

// Kept here so `feedback --help` answers without loading the store.
const FEEDBACK_HELP_TEXT = `Usage: liveblog-alerts feedback export [--since <ISO date or duration>]

Writes members' "Wrong topic?" reports as labelled JSONL in the corpus format, one update a
line: {"id","title","body","lang","topics","optional","why"}, each reported topic taken out
of "topics" and explained in "why". No member, server or channel id is written.
  --since   only reports made since then: 2026-12-01, 2026-12-01T08:00Z, or 30m, 12h, 7d, 2w
Reads STORE_URL; it can run while the bot does.`;

const HELP = `liveblog-alerts — turns newspaper live blogs into Discord breaking-news alerts

Usage: liveblog-alerts <command> [options]

Commands:
  start                       run the bot (needs DISCORD_TOKEN)
  deploy-commands             register the slash commands (guild-scoped when DISCORD_GUILD_ID is set)
  check <url-or-file> [--json]  read one live blog and print its updates with their topics
  demo                        run the whole bot against a local Discord stand-in (no token, no network)
  bench                       print performance figures measured on this machine
  feedback export [--since]   members' "Wrong topic?" reports as labelled JSONL

Run \`liveblog-alerts <command> --help\` for a command's options.
Settings come from the environment and .env (see .env.example).`;

// Each subcommand is loaded only when asked for, so `--help` and config errors answer at once.
const commands: Record<string, { help: string; run: (args: string[]) => Promise<unknown> }> = {
  start: {
    help: 'Usage: liveblog-alerts start\n\nConnects to Discord and polls live blogs on POLL_CRON until SIGINT/SIGTERM.',
    run: async () => (await import('./start.ts')).runStart(),
  },
  'deploy-commands': {
    help: 'Usage: liveblog-alerts deploy-commands\n\nRegisters the slash commands for DISCORD_CLIENT_ID: in DISCORD_GUILD_ID when set (instant, for testing), globally otherwise.',
    run: async () => (await import('./deploy-commands.ts')).runDeployCommands(),
  },
  check: {
    help: 'Usage: liveblog-alerts check <url-or-file> [--json]\n\nReads one live blog (a URL or a saved file) and prints each update with the topics it matches.\n  --json   one JSON object per line: {"id","title","body","url","published","modified","topics","matched"}',
    run: async (args) => (await import('./check.ts')).runCheck(args),
  },
  demo: {
    help: 'Usage: liveblog-alerts demo\n\nStarts a local Discord stand-in and a local live blog, runs the real bot against them, replays four snapshots of a changing blog and prints every alert as it is delivered. Ends by itself.',
    run: async (args) => (await import('../demo/run-demo.ts')).runDemo(args),
  },
  feedback: {
    help: FEEDBACK_HELP_TEXT,
    run: async (args) => (await import('./feedback.ts')).runFeedback(args),
  },
  bench: {
    help: 'Usage: liveblog-alerts bench [--quick]\n\nMeasures parsing, matching, polling, delivery and memory on this machine and prints a table.',
    run: async (args) => (await import('../bench/run-bench.ts')).runBench(args),
  },
};

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return;
  }
  const command = commands[name];
  if (!command) fail(`unknown command "${name}"\n\n${HELP}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return;
  }
  await command.run(rest);
}

// Output piped into `head` and closed early is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).catch((error: unknown) => fail(error));
