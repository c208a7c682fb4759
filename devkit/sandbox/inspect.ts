/** Reading what the fakes and n8n hold after a workflow ran: awork records, mapping table rows. */
import type { RunningFakeAwork } from '../fakes/awork';
import { httpRequest, type N8nInstance } from '../n8n';

export type AworkView = Record<string, any>;

/** API views of the fake awork's collections (e.g. projects, tasks, taskLists, customFieldDefinitions). */
export async function aworkState(awork: RunningFakeAwork, ...collections: string[]): Promise<Record<string, AworkView[]>> {
	const answer = await httpRequest<{ collections: Record<string, AworkView[]> }>(
		'GET',
		`${awork.controlUrl}/state?collections=${collections.join(',')}`,
	);
	if (answer.status !== 200) throw new Error(`fake awork GET /state -> ${answer.status}: ${answer.text}`);
	return answer.body.collections;
}

/** Requests the fake awork received that change something (POST, PUT, PATCH, DELETE). */
export function aworkWrites(awork: RunningFakeAwork): string[] {
	return awork.fake.server.log.filter((entry) => entry.method !== 'GET').map((entry) => `${entry.method} ${entry.path}`);
}

export interface MappingRow {
	namespace: string;
	externalId: string;
	aworkId: string;
	data: Record<string, unknown> | null;
}

/** The rows of an ID Mapping data table (checkpoints included, namespace "_checkpoint"). */
export async function mappingRows(n8n: N8nInstance, tableName = 'awork_psa_id_mappings'): Promise<MappingRow[]> {
	const tables = await n8n.publicApiRequest<{ data: Array<{ id: string; name: string }> }>(
		'GET',
		`/data-tables?filter=${encodeURIComponent(JSON.stringify({ name: tableName }))}`,
	);
	const table = tables.data.find((candidate) => candidate.name === tableName);
	if (!table) return [];
	const rows: MappingRow[] = [];
	let cursor: string | undefined;
	do {
		const page = await n8n.publicApiRequest<{ data: Array<Record<string, unknown>>; nextCursor?: string | null }>(
			'GET',
			`/data-tables/${table.id}/rows?${cursor ? `cursor=${encodeURIComponent(cursor)}` : 'limit=250'}`,
		);
		for (const row of page.data) {
			rows.push({
				namespace: String(row.namespace),
				externalId: String(row.externalId),
				aworkId: String(row.aworkId),
				data: typeof row.data === 'string' && row.data ? (JSON.parse(row.data) as Record<string, unknown>) : null,
			});
		}
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return rows;
}
