/**
 * Runs the fake awork in its own process for benchmarks, so the figures of the process under
 * test are not mixed with the server's. Prints one JSON line with the URLs once ready.
 * Usage: node build/bench/fakeAworkProcess.js <timeEntries>
 */
import { startFakeAwork } from '../devkit/fakes/awork';

async function main(): Promise<void> {
	const count = Number(process.argv[2] ?? 0);
	const awork = await startFakeAwork();
	if (count > 0) await awork.fake.generateTimeEntries({ count, billableRatio: 1, billedRatio: 0 });
	process.stdout.write(`${JSON.stringify({ baseUrl: awork.baseUrl, controlUrl: awork.controlUrl, apiKey: awork.fake.apiKey })}\n`);
	process.on('SIGTERM', () => void awork.close().then(() => process.exit(0)));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
