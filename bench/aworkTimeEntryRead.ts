/**
 * awork transport, paging: read N time entries with the Awork node (Time Entry > Get Many,
 * Return All) in n8n's engine, against the fake awork running in a child process with its
 * real rate limits on. Reports the request count (floor: ceil(N / 1000)), wall time and the
 * peak RSS of this process.
 *
 * Run: npm run build:test && node build/bench/aworkTimeEntryRead.js [entries]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import axios from 'axios';
import { Awork } from '../nodes/Awork/Awork.node';
import { AworkPsaApi } from '../credentials/AworkPsaApi.credentials';
import { runNode } from '../devkit/engine/runNode';

export interface AworkReadBenchResult {
	name: string;
	entries: number;
	itemsReturned: number;
	requests: number;
	requestFloor: number;
	rateLimited: number;
	wallMs: number;
	rssBeforeMb: number;
	peakRssMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function startFakeProcess(entries: number) {
	const child = spawn(process.execPath, [path.join(__dirname, 'fakeAworkProcess.js'), String(entries)], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const firstLine = await new Promise<string>((resolve, reject) => {
		createInterface({ input: child.stdout! }).once('line', resolve);
		child.once('exit', (code) => reject(new Error(`fake awork exited with ${code}`)));
	});
	const info = JSON.parse(firstLine) as { baseUrl: string; controlUrl: string; apiKey: string };
	return { ...info, stop: () => child.kill('SIGTERM') };
}

export async function runAworkReadBench(entries = 100_000): Promise<AworkReadBenchResult> {
	const fake = await startFakeProcess(entries);
	try {
		await axios.delete(`${fake.controlUrl}/requests`);
		const rssBefore = process.memoryUsage().rss;
		let peakRss = rssBefore;
		const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
		const start = process.hrtime.bigint();
		const result = await runNode({
			node: new Awork(),
			mode: 'trigger',
			parameters: { resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: { isBillable: 'any', isBilled: 'any' } },
			credentials: { aworkPsaApi: { apiKey: fake.apiKey, baseUrl: fake.baseUrl } },
			credentialTypes: [new AworkPsaApi()],
		});
		const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
		clearInterval(sampler);
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
		if (result.error) throw result.error;
		const log = (await axios.get(`${fake.controlUrl}/requests`)).data as { path: string; status: number }[];
		const reads = log.filter((entry) => entry.path.endsWith('/timeentries'));
		return {
			name: 'awork time entries read (Get Many, Return All)',
			entries,
			itemsReturned: result.items.length,
			requests: reads.length,
			requestFloor: Math.ceil(entries / 1000),
			rateLimited: log.filter((entry) => entry.status === 429).length,
			wallMs: Math.round(wallMs),
			rssBeforeMb: mb(rssBefore),
			peakRssMb: mb(peakRss),
		};
	} finally {
		fake.stop();
	}
}

if (require.main === module) {
	runAworkReadBench(Number(process.argv[2] ?? 100_000))
		.then((result) => console.log(JSON.stringify(result, null, 2)))
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}
