/**
 * Static checks of every shipped workflow against the rules users rely on: importable
 * (fixed id), only this package's and n8n's built-in nodes, one Settings node right after each
 * trigger, sticky notes, credentials referenced by type only, a Manual Trigger beside a
 * schedule, and package-node parameters that name real resources and operations.
 * Importing and running them in a real n8n is proven by the e2e suite.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { Awork } from '../../../nodes/Awork/Awork.node';
import { AworkTrigger } from '../../../nodes/AworkTrigger/AworkTrigger.node';
import { IdMapping } from '../../../nodes/IdMapping/IdMapping.node';
import { OnePsa } from '../../../nodes/OnePsa/OnePsa.node';
import { OnePsaIntegrationTrigger } from '../../../nodes/OnePsaIntegrationTrigger/OnePsaIntegrationTrigger.node';
import { OnePsaTrigger } from '../../../nodes/OnePsaTrigger/OnePsaTrigger.node';
import { Hq } from '../../../nodes/Hq/Hq.node';
import { Lexoffice } from '../../../nodes/Lexoffice/Lexoffice.node';
import { SevDesk } from '../../../nodes/SevDesk/SevDesk.node';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: unknown; name: unknown }>;
	disabled?: boolean;
}
interface Workflow {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main?: { node: string }[][] }>;
}

const WORKFLOWS_DIR = path.resolve(__dirname, '../../../workflows');
const PACKAGE_PREFIX = 'n8n-nodes-awork-psa.';
const packageNodes = new Map<string, INodeType>(
	[new Awork(), new AworkTrigger(), new IdMapping(), new OnePsa(), new OnePsaTrigger(), new OnePsaIntegrationTrigger(), new SevDesk(), new Lexoffice(), new Hq()].map((node) => [
		PACKAGE_PREFIX + node.description.name,
		node,
	]),
);
const TRIGGER_TYPES = new Set([
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.scheduleTrigger',
	'n8n-nodes-base.webhook',
	`${PACKAGE_PREFIX}aworkTrigger`,
	`${PACKAGE_PREFIX}onePsaTrigger`,
	`${PACKAGE_PREFIX}onePsaIntegrationTrigger`,
]);

const files = fs.readdirSync(WORKFLOWS_DIR).filter((file) => file.endsWith('.json')).sort();

function optionValues(property: INodeProperties | undefined): string[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).map((option) => String(option.value));
}

/** The operation property that applies to a resource, as the node's displayOptions say. */
function operationsFor(node: INodeType, resource: string | undefined): string[] {
	return node.description.properties
		.filter((p) => p.name === 'operation')
		.filter((p) => !resource || (p.displayOptions?.show?.resource ?? [resource]).includes(resource))
		.flatMap(optionValues);
}

/** Longest expression n8n shows without scrolling its small field; longer logic belongs in a node. */
const MAX_EXPRESSION_LINES = 5;

/** Every expression (a string parameter starting with "=") and Code node body, with where it sits. */
function expressionsOf(node: WorkflowNode): { at: string; text: string }[] {
	const found: { at: string; text: string }[] = [];
	const visit = (value: unknown, at: string): void => {
		if (typeof value === 'string') {
			if (value.startsWith('=') || node.type === 'n8n-nodes-base.code') found.push({ at, text: value });
		} else if (Array.isArray(value)) value.forEach((entry, index) => visit(entry, `${at}[${index}]`));
		else if (value && typeof value === 'object') for (const [key, entry] of Object.entries(value)) visit(entry, at ? `${at}.${key}` : key);
	};
	visit(node.parameters, '');
	return found;
}

/** Index just past the bracket that closes the one at `open` (strings are not skipped: expressions here hold no stray brackets). */
function closingBracket(text: string, open: number): number {
	let depth = 0;
	for (let index = open; index < text.length; index++) {
		if (text[index] === '(') depth++;
		else if (text[index] === ')' && --depth === 0) return index + 1;
	}
	return text.length;
}

/**
 * Self-calling functions: `(() => ...)()`, `((x) => ...)(y)`, `(function () {...})()`. A bracket
 * after a name, `)` or `]` opens an argument list (`.map((x) => ...)`), not a wrapped function.
 */
function selfCallingFunctions(text: string): string[] {
	const calls: string[] = [];
	const wrappedFunction = /\(\s*(?:async\s+)?(?:function\b|\([^()]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/g;
	for (let match = wrappedFunction.exec(text); match; match = wrappedFunction.exec(text)) {
		const before = text.slice(0, match.index).trimEnd().slice(-1);
		if (/[\w$)\]]/.test(before)) continue;
		const end = closingBracket(text, match.index);
		if (text.slice(end).trimStart().startsWith('(')) calls.push(text.slice(match.index, match.index + 40));
	}
	return calls;
}

describe('shipped workflows', () => {
	it('ship at least the four workflows of the integration', () => {
		expect(files).toEqual(
			expect.arrayContaining([
				'project-creation-on-approval.json',
				'invoicing-export.json',
				'escalate-task-to-ticket.json',
				'link-task-to-ticket.json',
			]),
		);
	});

	describe.each(files)('%s', (file) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) as Workflow;
		const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
		const triggers = workflow.nodes.filter((node) => TRIGGER_TYPES.has(node.type));

		it('has a fixed id and name, which n8n import:workflow needs', () => {
			expect(workflow.id).toMatch(/^[A-Za-z0-9]{16}$/);
			expect(workflow.name.trim()).not.toBe('');
		});

		it('uses only this package’s nodes and n8n’s built-in nodes', () => {
			for (const node of workflow.nodes) {
				const known = packageNodes.has(node.type) || node.type.startsWith('n8n-nodes-base.');
				expect({ node: node.name, type: node.type, known }).toEqual({ node: node.name, type: node.type, known: true });
			}
		});

		it('starts with one Set node named Settings after every trigger', () => {
			const settings = workflow.nodes.filter((node) => node.name === 'Settings');
			expect(settings).toHaveLength(1);
			expect(settings[0].type).toBe('n8n-nodes-base.set');
			expect(triggers.length).toBeGreaterThan(0);
			for (const trigger of triggers) {
				const next = (workflow.connections[trigger.name]?.main ?? []).flat().map((c) => c.node);
				expect({ trigger: trigger.name, next }).toEqual({ trigger: trigger.name, next: ['Settings'] });
			}
		});

		it('explains its setup in sticky notes', () => {
			const notes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
			expect(notes.length).toBeGreaterThan(0);
			expect(notes.some((note) => String(note.parameters.content ?? '').length > 80)).toBe(true);
		});

		it('references credentials by type only, never by a real id', () => {
			for (const node of workflow.nodes) {
				for (const [type, ref] of Object.entries(node.credentials ?? {})) {
					expect({ node: node.name, type, id: ref.id ?? null }).toEqual({ node: node.name, type, id: null });
					const allowed = packageNodes.get(node.type)?.description.credentials?.map((c) => c.name) ?? [];
					if (packageNodes.has(node.type)) expect(allowed).toContain(type);
				}
			}
		});

		it('carries a Manual Trigger, listed first, when it runs on a schedule', () => {
			if (!triggers.some((node) => node.type === 'n8n-nodes-base.scheduleTrigger')) return;
			expect(triggers[0].type).toBe('n8n-nodes-base.manualTrigger');
		});

		it('gives every package node a resource and operation the node has', () => {
			for (const node of workflow.nodes) {
				const nodeType = packageNodes.get(node.type);
				if (!nodeType) continue;
				const resources = optionValues(nodeType.description.properties.find((p) => p.name === 'resource'));
				const resource = node.parameters.resource as string | undefined;
				if (resources.length) expect({ node: node.name, resource: resources.includes(resource ?? defaultOf(nodeType, 'resource')) }).toEqual({ node: node.name, resource: true });
				const operations = operationsFor(nodeType, resource ?? defaultOf(nodeType, 'resource'));
				if (operations.length) {
					const operation = (node.parameters.operation as string | undefined) ?? defaultOf(nodeType, 'operation', resource);
					expect({ node: node.name, operation, known: operations.includes(operation) }).toEqual({ node: node.name, operation, known: true });
				}
			}
		});

		it(`keeps logic in nodes: no expression over ${MAX_EXPRESSION_LINES} lines, no self-calling function`, () => {
			const offences: string[] = [];
			for (const node of workflow.nodes) {
				for (const { at, text } of expressionsOf(node)) {
					const lines = text.split('\n').length;
					if (lines > MAX_EXPRESSION_LINES) offences.push(`${node.name} ${at}: ${lines} lines`);
					for (const call of selfCallingFunctions(text)) offences.push(`${node.name} ${at}: calls itself: ${call}`);
				}
			}
			expect(offences).toEqual([]);
		});

		it('connects only nodes that exist', () => {
			for (const [from, outputs] of Object.entries(workflow.connections)) {
				expect(byName.has(from)).toBe(true);
				for (const target of (outputs.main ?? []).flat()) expect({ from, to: target.node, exists: byName.has(target.node) }).toEqual({ from, to: target.node, exists: true });
			}
		});
	});
});

function defaultOf(node: INodeType, name: string, resource?: string): string {
	const property = node.description.properties.find(
		(p) => p.name === name && (!resource || (p.displayOptions?.show?.resource ?? [resource]).includes(resource)),
	);
	return String(property?.default ?? '');
}
