/**
 * The workflows this package ships (`workflows/*.json`), prepared for a test n8n: credential
 * references bound by type, values of the "Settings" node changed, webhook IDs made unique.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, type WorkflowJson, type WorkflowNodeJson } from '../n8n';

export const SHIPPED_WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');

/** Which credential each of this package's node types asks for (IdMapping only with the Data Table store). */
export const CREDENTIAL_OF_NODE_TYPE: Record<string, string> = {
	'n8n-nodes-awork-psa.awork': 'aworkPsaApi',
	'n8n-nodes-awork-psa.aworkTrigger': 'aworkPsaApi',
	'n8n-nodes-awork-psa.onePsa': 'onePsaApi',
	'n8n-nodes-awork-psa.onePsaTrigger': 'onePsaApi',
	'n8n-nodes-awork-psa.onePsaIntegrationTrigger': 'onePsaApi',
	'n8n-nodes-awork-psa.idMapping': 'idMappingN8nApi',
	'n8n-nodes-awork-psa.sevDesk': 'sevDeskPsaApi',
	'n8n-nodes-awork-psa.lexoffice': 'lexofficePsaApi',
	'n8n-nodes-awork-psa.hq': 'hqPsaApi',
};

export function shippedWorkflowPath(file: string): string {
	return path.join(SHIPPED_WORKFLOWS_DIR, file);
}

/** Reads `workflows/<file>`. */
export function loadShippedWorkflow(file: string): WorkflowJson {
	return JSON.parse(fs.readFileSync(shippedWorkflowPath(file), 'utf8')) as WorkflowJson;
}

export function nodeNamed(workflow: WorkflowJson, name: string): WorkflowNodeJson {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`Workflow "${workflow.name}" has no node "${name}"`);
	return node;
}

interface Assignment {
	id: string;
	name: string;
	value: unknown;
	type: string;
}

function settingsAssignments(workflow: WorkflowJson): Assignment[] {
	const settings = nodeNamed(workflow, 'Settings');
	const assignments = (settings.parameters.assignments as { assignments?: Assignment[] } | undefined)?.assignments;
	if (!assignments) throw new Error(`The Settings node of "${workflow.name}" has no assignments`);
	return assignments;
}

/** The values of the "Settings" node as written in the JSON (expressions stay expressions). */
export function settingsOf(workflow: WorkflowJson): Record<string, unknown> {
	return Object.fromEntries(settingsAssignments(workflow).map((assignment) => [assignment.name, assignment.value]));
}

/** A copy whose "Settings" node holds the given values; a name the node does not have is an error. */
export function withSettings(workflow: WorkflowJson, values: Record<string, unknown>): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const assignments = settingsAssignments(copy);
	for (const [name, value] of Object.entries(values)) {
		const assignment = assignments.find((candidate) => candidate.name === name);
		if (!assignment) throw new Error(`The Settings node of "${workflow.name}" has no value "${name}"`);
		assignment.value = value;
	}
	return copy;
}

/**
 * A copy whose package nodes point at the given credentials (type -> {id, name}), whatever the
 * JSON declares: a node gets the credential of its type even when the JSON leaves it unset.
 * IdMapping nodes only get one when they use the Data Table store.
 */
export function bindCredentials(workflow: WorkflowJson, credentials: Record<string, { id: string; name: string }>): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		const type = CREDENTIAL_OF_NODE_TYPE[node.type];
		if (!type || !credentials[type]) continue;
		if (type === 'idMappingN8nApi' && node.parameters.store !== 'dataTable') continue;
		node.credentials = { ...(node.credentials ?? {}), [type]: { ...credentials[type] } };
	}
	return copy;
}

/** A copy with new webhook IDs, so the same workflow can be active twice in one n8n. */
export function withFreshWebhookIds(workflow: WorkflowJson): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) if (node.webhookId) node.webhookId = randomUUID();
	return copy;
}

/** The production webhook path of a trigger node, e.g. "<webhookId>/onepsa". */
export function webhookPathOf(workflow: WorkflowJson, nodeName: string, suffix: string): string {
	const node = nodeNamed(workflow, nodeName);
	if (!node.webhookId) throw new Error(`Node "${nodeName}" has no webhookId`);
	return `${node.webhookId}/${suffix}`;
}
