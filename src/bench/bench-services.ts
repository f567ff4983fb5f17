import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertSender } from '../app/alert-sender.ts';
import { createServices, type Services } from '../app/services.ts';
import { createSourceAccess, type SourceAccess } from '../app/source-access.ts';
import { type Config, parseConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import type { KeyValueStore } from '../store/key-value.ts';
import { openStore } from '../store/open-store.ts';

/** The services without Discord: a sender that accepts everything at once. */
export const acceptingSender: AlertSender = {
  post: async (_view, _target, nonce) => `m${nonce}`,
  findPosted: async () => undefined,
  edit: async () => undefined,
  publish: async () => undefined,
  notice: async () => undefined,
};

export interface BenchServices {
  config: Config;
  store: KeyValueStore;
  access: SourceAccess;
  services: Services;
  close(): Promise<void>;
}

/** The real services on a real SQLite file in a fresh temporary folder. */
export async function openBenchServices(env: Record<string, string>): Promise<BenchServices> {
  const dir = mkdtempSync(join(tmpdir(), 'lba-bench-'));
  const config = parseConfig({ STORE_URL: `sqlite://${join(dir, 'bench.sqlite')}`, ...env });
  const store = await openStore(config.STORE_URL);
  const access = createSourceAccess(config);
  try {
    const services = await createServices(config, {
      store,
      access,
      sender: acceptingSender,
      logger: silentLogger(),
    });
    return {
      config,
      store,
      access,
      services,
      async close() {
        await services.poller.idle();
        await services.worker.stop();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
