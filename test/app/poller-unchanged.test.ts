import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createServices } from '../../src/app/services.ts';
import { createSourceAccess } from '../../src/app/source-access.ts';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/open-store.ts';
import { snapshot } from '../support/bot-harness.ts';
import { RecordingSender } from '../support/recording-sender.ts';

it('does not read again a page whose bytes did not change, even without ETag or Last-Modified', async () => {
  let page = snapshot('t0.html');
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/live`;
  const config = parseConfig({
    STORE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'lba-unchanged-')), 'u.sqlite')}`,
    SOURCES: url,
    ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
  });
  const store = await openStore(config.STORE_URL);
  const services = await createServices(config, {
    store,
    access: createSourceAccess(config),
    sender: new RecordingSender(),
    logger: silentLogger(),
  });
  try {
    const outcomes = [];
    for (const next of ['t0.html', 't0.html', 't1.html', 't1.html']) {
      page = snapshot(next);
      const [result] = await services.poller.pollAll();
      outcomes.push(result?.outcome);
    }
    expect(outcomes).toEqual(['read', 'unchanged', 'read', 'unchanged']);
  } finally {
    await services.worker.stop();
    await store.close();
    server.close();
  }
});
