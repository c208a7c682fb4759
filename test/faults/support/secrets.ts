/**
 * Looks for secrets where n8n keeps what workflows did: every stored execution with its data
 * (public API), the database files themselves (execution data, static data, anything a node
 * wrote), n8n's own files (event log, config) and the log of the server and of every CLI run
 * (which prints each run's node outputs). Credentials are stored encrypted, so a secret found in
 * plain text anywhere is a leak.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { N8nInstance } from '../../../devkit/n8n';
import { DEFAULT_TENANT } from '../../../devkit/fakes/onepsa';
import type { WorkflowSandbox } from '../../../devkit/sandbox';

export type Secrets = Record<string, string>;

/** The secrets of a workflow sandbox's credentials, by name. */
export async function sandboxSecrets(sandbox: WorkflowSandbox): Promise<Secrets> {
	const mapping = await sandbox.n8n.restRequest<{ data?: { apiKey?: string } }>('GET', `/credentials/${sandbox.credentials.idMappingN8nApi}?includeData=true`);
	const secrets: Secrets = {
		'awork API key': sandbox.awork.fake.apiKey,
		'PSA integration key': DEFAULT_TENANT.integrationKey,
		'PSA webhook secret': sandbox.webhookSecret,
	};
	// The n8n API key of the ID Mapping credential, when the REST answer shows it (it may be redacted).
	const apiKey = mapping.data?.apiKey;
	if (apiKey && !/^_*$|CREDENTIAL_BLANKING|\*{3,}/.test(apiKey)) secrets['n8n API key (ID Mapping)'] = apiKey;
	return secrets;
}

export interface SecretHit {
	secret: string;
	where: string;
}

function filesUnder(dir: string, out: string[] = []): string[] {
	if (!fs.existsSync(dir)) return out;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		// The installed package and n8n's node cache hold code, not data.
		if (entry.isDirectory() && (entry.name === 'nodes' || entry.name === 'node_modules' || entry.name === '.cache')) continue;
		if (entry.isDirectory()) filesUnder(full, out);
		else if (entry.isFile()) out.push(full);
	}
	return out;
}

export async function findSecrets(n8n: N8nInstance, secrets: Secrets): Promise<SecretHit[]> {
	const hits: SecretHit[] = [];
	const look = (where: string, text: string | Buffer) => {
		for (const [name, value] of Object.entries(secrets)) {
			if (!value) continue;
			const found = typeof text === 'string' ? text.includes(value) : text.includes(Buffer.from(value, 'utf8'));
			if (found) hits.push({ secret: name, where });
		}
	};
	// Stored executions with their data, through the public API.
	let cursor: string | undefined;
	let pages = 0;
	do {
		const query = new URLSearchParams({ includeData: 'true', limit: '50' });
		if (cursor) query.set('cursor', cursor);
		const page = await n8n.publicApiRequest<{ data: Array<{ id: string; workflowId: string }>; nextCursor?: string | null }>(
			'GET',
			`/executions?${query.toString()}`,
		);
		for (const execution of page.data) look(`execution ${execution.id} (workflow ${execution.workflowId})`, JSON.stringify(execution));
		cursor = page.nextCursor ?? undefined;
		pages++;
	} while (cursor && pages < 200);
	// The user folder: SQLite database and WAL, event log, config.
	for (const file of filesUnder(n8n.userFolder)) look(path.relative(n8n.userFolder, file), fs.readFileSync(file));
	// Server log and every CLI run's output (node outputs).
	look(`log ${path.basename(n8n.logFile)}`, n8n.log());
	return hits;
}

export async function expectNoSecrets(n8n: N8nInstance, secrets: Secrets): Promise<void> {
	expect(Object.keys(secrets).length).toBeGreaterThanOrEqual(3);
	const hits = await findSecrets(n8n, secrets);
	expect(hits).toEqual([]);
}
