// The fake Salesforce as its own process, for tests that run Koma in another process (the crash
// test, the end-to-end tests): `node fakeSalesforceServer.cjs [--port N] [--rotate]`. Prints one
// line, FAKE_SALESFORCE_URL=http://127.0.0.1:PORT, then serves until SIGTERM or SIGINT. Control it
// over HTTP: POST /__fake/faults, DELETE /__fake/faults, POST /__fake/down, POST /__fake/up,
// GET /__fake/records?type=Task, POST|PATCH /__fake/records, GET /__fake/stats, POST /__fake/options.
import { startFakeSalesforce } from './fakeSalesforce';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(option('--port') ?? process.env.FAKE_SALESFORCE_PORT ?? 0);
  const fake = await startFakeSalesforce({ port, rotateRefreshTokens: process.argv.includes('--rotate') });
  process.stdout.write(`FAKE_SALESFORCE_URL=${fake.url}\n`);
  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('fake Salesforce could not start:', error);
  process.exit(1);
});
