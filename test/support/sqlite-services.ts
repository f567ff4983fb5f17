import { createServices, type Services } from '../../src/app/services.ts';
import { createSourceAccess } from '../../src/app/source-access.ts';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import type { KeyValueStore } from '../../src/store/key-value.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { RecordingSender } from './recording-sender.ts';

export interface SqliteServices {
  services: Services;
  store: KeyValueStore;
}

/**
 * The real services on a SQLite file, fetching loopback sources, with one guild whose one
 * channel carries every topic; alerts go to the recording sender.
 */
export async function startSqliteServices(options: {
  file: string;
  sources: string[];
  sender: RecordingSender;
  guildId: string;
  channelId: string;
}): Promise<SqliteServices> {
  const config = parseConfig({
    STORE_URL: `sqlite://${options.file}`,
    SOURCES: options.sources.join(','),
    ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
  });
  const store = await openStore(config.STORE_URL);
  const services = await createServices(config, {
    store,
    access: createSourceAccess(config),
    sender: options.sender,
    logger: silentLogger(),
  });
  await services.settings.update(options.guildId, (s) => {
    s.channels = [{ channelId: options.channelId, topics: 'all', announcement: false }];
  });
  return { services, store };
}
