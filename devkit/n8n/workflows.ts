/** Workflow JSON: loading it from a file and pointing credential references at real ids. */
import fs from 'node:fs';


export interface WorkflowNodeJson {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	disabled?: boolean;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: WorkflowNodeJson[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	staticData?: unknown;
	pinData?: Record<string, unknown>;
	active?: boolean;
	[key: string]: unknown;
}

/** Reads a workflow JSON file; the caller says where (tests keep their own under test/). */
export function loadWorkflow(file: string): WorkflowJson {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as WorkflowJson;
}

export interface CredentialRef {
	id: string;
	name: string;
}

/**
 * Returns a copy whose node credential references of the given types point at the given
 * credentials. A node that declares no reference for a type keeps declaring none.
 */
export function withCredentials(workflow: WorkflowJson, credentials: Record<string, CredentialRef>): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		if (!node.credentials) continue;
		for (const type of Object.keys(node.credentials)) {
			const ref = credentials[type];
			if (ref) node.credentials[type] = { id: ref.id, name: ref.name };
		}
	}
	return copy;
}

/** Replaces `__KEY__` markers anywhere in the workflow's string values (e.g. `__AWORK_URL__`). */
export function withPlaceholders(workflow: WorkflowJson, values: Record<string, string>): WorkflowJson {
	let text = JSON.stringify(workflow);
	for (const [key, value] of Object.entries(values)) {
		text = text.split(`__${key}__`).join(JSON.stringify(value).slice(1, -1));
	}
	return JSON.parse(text) as WorkflowJson;
}
