/**
 * `npm run demo` as a user runs it (compiled, as a child process, real n8n): the printed owner
 * logs in, the shipped workflows are imported and the webhook-triggered ones published, the
 * sample approval creates one awork project, the export bills exactly the closed, billable
 * entries of contracted projects, the invoice-draft workflow then makes exactly one sevDesk draft
 * whose positions bill exactly the closed, billable entries of the client without a PSA contract
 * (each entry billed once), the printed "Try next" commands work (one ticket), and Ctrl-C stops n8n. Its lines are its own
 * ([demo], never [e2e]); with n8n cached it names the cache instead of warning of a long first run. With the service variables
 * set it uses those services instead of the sandboxes and seeds nothing there; with DEMO_EXIT_AFTER_SETUP=1 it ends saying
 * that n8n stopped, offering no URL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { startFakeAwork, type RunningFakeAwork } from '../../devkit/fakes/awork';
import { DEFAULT_TENANT, startFakeOnePsa, type RunningFakeOnePsa } from '../../devkit/fakes/onepsa';
import { freePort, httpRequest, n8nCacheDir, REPO_ROOT, waitFor } from '../../devkit/n8n';

const DEMO_JS = path.join(REPO_ROOT, 'build', 'scripts', 'demo.js');
const SERVICE_VARIABLES = ['AWORK_BASE_URL', 'AWORK_API_KEY', 'ONEPSA_API_URL', 'ONEPSA_TENANT_ID', 'ONEPSA_INTEGRATION_KEY', 'ONEPSA_API_KEY', 'ONEPSA_WEBHOOK_SECRET'];

interface DemoSummary {
	n8n: { baseUrl: string; port: number; owner: { email: string; password: string } };
	services: {
		awork: { mode: string; controlUrl?: string };
		onePsa: { mode: string; controlUrl?: string; webhookSecret: string };
		sevDesk?: { mode: string; baseUrl: string; controlUrl: string };
	};
	workflows: Array<{ file: string; id: string; published: boolean; activation: string }>;
	approval?: { status: number; projectId?: string; answer: unknown };
	time?: { exportable: string[]; toInvoice: string[]; other: string[] };
	export?: { ok: boolean; summary: unknown[]; error?: string };
	invoiceDraft?: { ok: boolean; summary?: Record<string, unknown>; invoices: Array<Record<string, unknown>>; error?: string };
	notes: string[];
	storyWorked: boolean;
}

class DemoProcess {
	output = '';

	readonly exited: Promise<number | null>;

	private readonly child: ChildProcess;

	constructor(env: Record<string, string>) {
		const base = { ...process.env };
		for (const name of SERVICE_VARIABLES) delete base[name];
		this.child = spawn(process.execPath, [DEMO_JS], { cwd: REPO_ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
		this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
		this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
	}

	async waitForOutput(text: string, timeoutMs = 300_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!this.output.includes(text)) {
			if (this.child.exitCode !== null || this.child.signalCode !== null) {
				throw new Error(`the demo exited (${this.child.exitCode ?? this.child.signalCode}) before printing "${text}":\n${this.output}`);
			}
			if (Date.now() > deadline) throw new Error(`the demo did not print "${text}" within ${timeoutMs} ms:\n${this.output}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	signal(signal: NodeJS.Signals): void {
		this.child.kill(signal);
	}
}

/** Sends what a printed `curl [-X M] [-H 'k: v']... [-d 'body'] URL` line would send. */
async function sendCurl(line: string) {
	const headers = Object.fromEntries([...line.matchAll(/-H '([^:]+): ([^']*)'/g)].map((match) => [match[1], match[2]]));
	const body = /-d '([^']*)'/.exec(line)?.[1];
	return await httpRequest(/-X (\w+)/.exec(line)?.[1] ?? 'GET', line.trim().split(' ').pop()!, { headers, body });
}

const controlJson = async <T>(url: string): Promise<T> => (await httpRequest<T>('GET', url)).body;

describe('npm run demo', () => {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-e2e-'));
	const running: DemoProcess[] = [];

	beforeAll(() => {
		// What `npm run demo` compiles after `npm run build` (the global setup built and packed the package).
		const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'scripts/demo/tsconfig.json'], { cwd: REPO_ROOT, encoding: 'utf8' });
		if (tsc.status !== 0) throw new Error(`compiling the demo failed:\n${tsc.stdout}\n${tsc.stderr}`);
	}, 120_000);

	afterAll(async () => {
		for (const demo of running) demo.signal('SIGKILL');
		fs.rmSync(workDir, { recursive: true, force: true });
	});

	it('runs the story against the sandboxes, prints a working login, and stops on Ctrl-C', async () => {
		const port = await freePort();
		const summaryFile = path.join(workDir, 'sandbox.json');
		const demo = new DemoProcess({ DEMO_N8N_PORT: String(port), DEMO_SUMMARY_FILE: summaryFile });
		running.push(demo);
		await demo.waitForOutput('Running until Ctrl-C.');
		const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as DemoSummary;

		// The global setup installed n8n: the cache is warm, so no first-run warning; no harness [e2e] lines.
		expect(demo.output).toContain(`n8n is cached at ${n8nCacheDir()}`);
		expect(demo.output).not.toContain('First run');
		expect(demo.output).not.toContain('[e2e]');
		expect(demo.output.split('\n')[0]).toMatch(/^- starting the awork sandbox/);

		// The printed owner logs in to the printed editor.
		const [, email, password] = /Log in:\s+email (\S+)\s+password (\S+)/.exec(demo.output) ?? [];
		expect(demo.output).toContain(`port ${port}`);
		expect(demo.output).toContain(`Editor:  http://127.0.0.1:${port}/`);
		const login = await httpRequest('POST', `http://127.0.0.1:${port}/rest/login`, {
			headers: { 'browser-id': 'demo-e2e' },
			body: { emailOrLdapLoginId: email, password },
		});
		expect(login.status).toBe(200);

		// Every shipped workflow is imported; the ones with webhook triggers are published.
		const files = fs.readdirSync(path.join(REPO_ROOT, 'workflows')).filter((file) => file.endsWith('.json')).sort();
		expect(summary.workflows.map((workflow) => workflow.file)).toEqual(files);
		for (const workflow of summary.workflows) {
			const json = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', workflow.file), 'utf8')) as { nodes: Array<{ type: string }> };
			const webhookTriggered = json.nodes.some((node) => /\.(onePsaTrigger|onePsaIntegrationTrigger|aworkTrigger|webhook)$/.test(node.type));
			expect([workflow.file, workflow.published]).toEqual([workflow.file, webhookTriggered]);
		}

		// The approval created one project, from the template, with the PSA's link and contract.
		const awork = summary.services.awork.controlUrl!;
		const psa = summary.services.onePsa.controlUrl!;
		expect(summary.approval?.status).toBe(200);
		const projectId = summary.approval!.projectId!;
		const state = await controlJson<{ collections: Record<string, Array<Record<string, any>>> }>(
			`${awork}/state?collections=projects,customFieldDefinitions`,
		);
		const { projects, customFieldDefinitions } = state.collections;
		const taskLists = await controlJson<Array<{ projectId: string; name: string }>>(`${awork}/state/taskLists?raw=true`);
		// The approval made exactly one project; the others are the sample time's (internal, and the sevDesk client's).
		expect(projects.filter((project) => !['Internal tooling', 'Globex brand refresh', 'Globex newsletter'].includes(project.name)).map((project) => project.id)).toEqual([projectId]);
		const project = projects.find((candidate) => candidate.id === projectId)!;
		expect(project.projectKey).toBe('PSA-Q-DEMO-1001');
		expect(taskLists.filter((list) => list.projectId === projectId).map((list) => list.name).sort()).toEqual(['Build', 'Concept', 'Launch']);
		const contractField = customFieldDefinitions.find((definition) => definition.name === 'PSA Contract');
		const contractValue = project.customFields.find((field: Record<string, unknown>) => field.customFieldDefinitionId === contractField?.id);
		expect(contractValue?.textValue).toBe('ctr_acme_support');
		expect(demo.output).toContain(`answered 200, awork project id ${projectId}`);

		// The export put exactly the closed, billable entries of the contracted project into the PSA and billed them.
		expect(summary.export).toMatchObject({ ok: true });
		const exportable = [...summary.time!.exportable].sort();
		expect(exportable).toHaveLength(3);
		const psaState = await controlJson<{ timeEntries: Array<{ externalId: string; hours: number; contractId: string }> }>(`${psa}/state`);
		expect(psaState.timeEntries.map((entry) => entry.externalId).sort()).toEqual(exportable);
		expect(new Set(psaState.timeEntries.map((entry) => entry.contractId))).toEqual(new Set(['ctr_acme_support']));
		expect(psaState.timeEntries.reduce((sum, entry) => sum + entry.hours, 0)).toBeCloseTo(2 + 1.5 + 3);
		expect(demo.output).toContain('Acme website relaunch - Acme GmbH: contract ctr_acme_support, 3 entries, 6.5 h -> 3 exported, 3 billed');
		expect(demo.output).toContain('Internal tooling: NO contract, 1 entry, 0.75 h -> reported, left unbilled');
		// The sevDesk client's time has no contract: the export reports it and leaves it to the draft.
		expect(demo.output).toContain('Globex brand refresh: NO contract, 2 entries, 5.5 h -> reported, left unbilled');
		expect(demo.output).toContain('Globex newsletter: NO contract, 1 entry, 2 h -> reported, left unbilled');

		// Then one sevDesk draft, for the client's contact (502, "Globex Ltd", found by name), whose
		// positions bill exactly that client's closed, billable entries: its reference is the hash
		// of exactly those entry IDs, and the positions' hours are theirs.
		const toInvoice = [...summary.time!.toInvoice].sort();
		expect(toInvoice).toHaveLength(3);
		expect(summary.invoiceDraft).toMatchObject({ ok: true });
		type SevDeskInvoice = { id: string; invoiceNumber: string; status: string; contact: { id: string }; customerInternalNote: string; positions: Array<{ name: string; quantity: string; price: string }> };
		const sevDesk = await controlJson<{ invoices: SevDeskInvoice[] }>(`${summary.services.sevDesk!.controlUrl}/state`);
		expect(sevDesk.invoices).toHaveLength(1);
		const [draft] = sevDesk.invoices;
		expect([draft.contact.id, draft.status]).toEqual(['502', '100']);
		expect(draft.customerInternalNote).toBe(`awork-${createHash('sha256').update(toInvoice.join(','), 'utf8').digest('hex').slice(0, 24)}`);
		expect(draft.positions.map((position) => [position.name, Number(position.quantity), Number(position.price)]).sort()).toEqual([
			['Globex brand refresh', 5.5, 100],
			['Globex newsletter', 2, 100],
		]);
		const confirmed = summary.invoiceDraft!.invoices;
		expect(confirmed.map((invoice) => [invoice.id, invoice.created])).toEqual([[draft.id, true]]);
		expect([...(confirmed[0].timeEntryIds as string[])].sort()).toEqual(toInvoice);
		expect(summary.invoiceDraft!.summary).toMatchObject({ markedBilled: 3, notBilled: [], entriesWithoutClient: 1 });
		expect(demo.output).toContain('Globex Ltd: sevDesk contact 502 (found by name), 3 entries -> 3 billed');
		expect(demo.output).toContain(`draft ${draft.invoiceNumber} (ID ${draft.id}), new, 3 entries: ${new URL(summary.services.sevDesk!.baseUrl).origin}/#/fi/detail/type/RE/id/${draft.id}`);
		expect(demo.output).toContain('Globex brand refresh: 5.5 hours x 100 (2 entries)');
		expect(demo.output).toContain('Globex newsletter: 2 hours x 100 (1 entry)');

		// Billed in awork: exactly the export's and the draft's entries, each sent to awork once.
		const billed = await controlJson<Array<{ id: string }>>(`${awork}/state/timeEntries?filterby=${encodeURIComponent('isBilled eq true')}`);
		expect(billed.map((entry) => entry.id).sort()).toEqual([...exportable, ...toInvoice].sort());
		const requests = await controlJson<Array<{ method: string; path: string; status: number; body?: { timeEntryIds?: string[]; isBilled?: boolean } }>>(`${awork}/requests`);
		const billings = requests
			.filter((entry) => entry.method === 'POST' && /\/timeentries\/batch\/setisbilled$/i.test(entry.path) && entry.status < 300 && entry.body?.isBilled === true)
			.flatMap((entry) => entry.body!.timeEntryIds ?? []);
		expect(billings.sort()).toEqual([...exportable, ...toInvoice].sort());
		expect(summary.storyWorked).toBe(true);

		// The printed "Try next" commands work: tagging a task and awork's webhook escalate it to a
		// PSA ticket; the PSA's project context for the approved quote names the new project.
		const curl = (part: string) => sendCurl(demo.output.split('\n').find((line) => line.trim().startsWith('curl ') && line.includes(part))!);
		expect((await curl('/addtags')).status).toBe(200);
		expect((await curl('/webhooks/deliver')).status).toBe(200);
		const taskId = /tasks\/([0-9a-f-]{36})\/addtags/.exec(demo.output)![1];
		const ticket = await waitFor(
			async () => {
				const { tickets } = await controlJson<{ tickets: Array<{ number: string; links: Array<{ id: string }> }> }>(`${psa}/state`);
				return tickets.find((candidate) => candidate.links.some((link) => link.id === taskId));
			},
			{ timeoutMs: 60_000, describe: () => `a PSA ticket linked to task ${taskId}` },
		);
		expect(ticket.number).toMatch(/^T-\d+$/);
		// One escalation: the task_updated after the ticket number was written finds the number and opens no second ticket.
		await new Promise((resolve) => setTimeout(resolve, 5000));
		const { tickets } = await controlJson<{ tickets: Array<{ links: Array<{ id: string }> }> }>(`${psa}/state`);
		expect(tickets.filter((candidate) => candidate.links.some((link) => link.id === taskId))).toHaveLength(1);
		const context = await curl('/project-context/');
		expect(context.status).toBe(200);
		expect((context.body as { project: { id: string } }).project.id).toBe(projectId);

		// Ctrl-C: n8n and the sandboxes stop, the demo exits 0.
		demo.signal('SIGINT');
		expect(await demo.exited).toBe(0);
		expect(demo.output).toContain('Stopping n8n and the sandboxes...');
		await expect(httpRequest('GET', `http://127.0.0.1:${port}/healthz`, { timeoutMs: 2000 })).rejects.toThrow();
		await expect(httpRequest('GET', `${awork}/state/projects`, { timeoutMs: 2000 })).rejects.toThrow();
	}, 420_000);

	it('names the missing variable when only part of a real service is configured, and a busy DEMO_N8N_PORT', async () => {
		const partial = new DemoProcess({ AWORK_BASE_URL: 'https://api.awork.com/api/v1' });
		running.push(partial);
		expect(await partial.exited).toBe(1);
		expect(partial.output).toContain('To use a real awork, also set AWORK_API_KEY (or unset the others to use the sandbox).');

		const blocker = net.createServer();
		const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
		try {
			const busy = new DemoProcess({ DEMO_N8N_PORT: String(port) });
			running.push(busy);
			expect(await busy.exited).toBe(1);
			expect(busy.output).toContain(`DEMO_N8N_PORT=${port} is in use; choose another port or unset it.`);
		} finally {
			blocker.close();
		}
	}, 60_000);

	describe('with real services named in the environment', () => {
		let awork: RunningFakeAwork;
		let psa: RunningFakeOnePsa;

		beforeAll(async () => {
			// Fakes started here play the "real" services: the demo must use them, not its sandboxes.
			awork = await startFakeAwork();
			psa = await startFakeOnePsa();
		});

		afterAll(async () => {
			await awork?.close();
			await psa?.close();
		});

		it('uses them, seeds nothing there, skips the export, and exits after setup when asked', async () => {
			const summaryFile = path.join(workDir, 'real.json');
			const demo = new DemoProcess({
				AWORK_BASE_URL: awork.baseUrl,
				AWORK_API_KEY: awork.fake.apiKey,
				ONEPSA_API_URL: psa.baseUrl,
				ONEPSA_TENANT_ID: DEFAULT_TENANT.tenantId,
				ONEPSA_INTEGRATION_KEY: DEFAULT_TENANT.integrationKey,
				DEMO_EXIT_AFTER_SETUP: '1',
				DEMO_SUMMARY_FILE: summaryFile,
			});
			running.push(demo);
			const exitCode = await demo.exited;
			expect({ exitCode, output: demo.output }).toMatchObject({ exitCode: 0 });
			const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as DemoSummary;

			expect(summary.services.awork).toMatchObject({ mode: 'real' });
			expect(summary.services.onePsa).toMatchObject({ mode: 'real' });
			expect(demo.output).toContain(`awork:        REAL ${awork.baseUrl} (the sandbox is not started and nothing was seeded there)`);
			expect(demo.output).toContain(`The One PSA:  REAL ${psa.baseUrl}`);
			// No secret given: one is made up, printed for Hub, and the approval was signed with it.
			expect(demo.output).toContain(`Webhook secret (paste it into Hub -> Settings -> Webhooks): ${summary.services.onePsa.webhookSecret}`);
			expect(demo.output).toMatch(/port \d+/);

			// Nothing seeded: no template or time entry in "real" awork; the PSA holds no time. The only
			// company is the one the approval made for the PSA company and linked to its project.
			expect(awork.fake.store.projectTemplates.size + awork.fake.store.timeEntries.size).toBe(0);
			expect([...awork.fake.store.companies.values()].map((company) => company.id)).toEqual(
				[...awork.fake.store.projects.values()].map((project) => project.companyId),
			);
			expect(psa.fake.state().timeEntries).toEqual([]);
			expect(summary.export).toBeUndefined();
			expect(demo.output).toContain('the export did not run');
			// Real awork: no billing sandbox and no draft (it would mark real time billed).
			expect(summary.services.sevDesk).toBeUndefined();
			expect(summary.invoiceDraft).toBeUndefined();
			expect(demo.output).toContain('awork is real, so no sevDesk draft was made');

			// The approval still ran, signed with that secret, against the "real" awork.
			expect(summary.approval?.status).toBe(200);
			expect([...awork.fake.store.projects.values()].map((project) => project.id)).toEqual([summary.approval!.projectId]);
			// The demo stopped its n8n before exiting, and said so instead of offering the editor.
			await expect(httpRequest('GET', `${summary.n8n.baseUrl}/healthz`, { timeoutMs: 2000 })).rejects.toThrow();
			expect(demo.output).toMatch(/The demo finished in \d+ s; n8n and the sandboxes are stopped/);
			expect(demo.output).not.toContain('Ready in');
			expect(demo.output).not.toContain('Open http');
			expect(demo.output).not.toContain('Log in:');
			expect(demo.output).not.toContain('Try next');
			expect(demo.output).not.toContain('[e2e]');
		}, 420_000);
	});
});
