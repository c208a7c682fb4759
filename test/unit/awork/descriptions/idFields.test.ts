/**
 * Over the built descriptions of every node the package ships: an ID the node can list (it has a
 * listSearch or loadOptions method for that thing) is picked from that list, not typed into a
 * plain text field; and every picker names a method the node has.
 */
import path from 'node:path';
import type { INodeProperties, INodePropertyCollection, INodeType, INodeTypeDescription } from 'n8n-workflow';

const ROOT = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SHIPPED = (require(path.join(ROOT, 'package.json')) as { n8n: { nodes: string[] } }).n8n.nodes;

/** Each node of package.json's n8n.nodes, loaded from its source (dist/nodes/X/X.node.js -> nodes/X/X.node.ts). */
function shippedNodes(): INodeType[] {
	return SHIPPED.map((built) => {
		const source = path.join(ROOT, built.replace(/^dist\//, '').replace(/\.js$/, ''));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = Object.values(require(source) as Record<string, unknown>).find((value) => typeof value === 'function') as new () => INodeType;
		return new exported();
	});
}

/** The words of a camelCase name or a label, singular and lower case ("TypesOfWork" -> type of work). */
function thingWords(text: string): string[] {
	return text
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((word) => {
			const lower = word.toLowerCase();
			if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
			if (lower.endsWith('ses')) return lower.slice(0, -2);
			if (lower.endsWith('s') && !lower.endsWith('ss') && !lower.endsWith('us')) return lower.slice(0, -1);
			return lower;
		});
}

/** What a list method lists: searchTaskStatuses -> task status. */
const listedThing = (method: string) => thingWords(method.replace(/^(search|get)(?=[A-Z])/, '')).join(' ');

/**
 * What an ID parameter points at, from its name (`parentId`) and label ("Parent Task ID"):
 * every tail of the words, so `filterContactId` is a contact and "Parent Task ID" a task.
 */
function pointedAt(parameter: INodeProperties): string[] {
	const sources: string[] = [];
	if (/[a-z]Id$/.test(parameter.name)) sources.push(parameter.name.slice(0, -2));
	if (/\sID$/.test(parameter.displayName)) sources.push(parameter.displayName.slice(0, -3));
	return sources.flatMap((source) => {
		const words = thingWords(source);
		return words.map((_, start) => words.slice(start).join(' '));
	});
}

interface IdField {
	node: string;
	operation: string;
	parameter: string;
	method: string;
}

type Property = INodeProperties | INodePropertyCollection;

function operationsOf(property: Property, inherited: string): string {
	const shown = 'displayOptions' in property ? property.displayOptions?.show : undefined;
	if (!shown?.operation) return inherited;
	return `${(shown.resource ?? ['*']).join('|')}:${shown.operation.join('|')}`;
}

/** Every property, also inside collections and fixed collections, with its path and operations. */
function* allProperties(properties: Property[], at = '', operation = '*'): Generator<{ property: Property; at: string; operation: string }> {
	for (const property of properties) {
		const here = at ? `${at}.${property.name}` : property.name;
		const shownFor = operationsOf(property, operation);
		yield { property, at: here, operation: shownFor };
		const nested = ('options' in property ? property.options : 'values' in property ? property.values : undefined) ?? [];
		const children = (nested as Array<Property | { value: unknown }>).filter((child): child is Property => 'displayName' in child && 'name' in child && !('value' in child));
		yield* allProperties(children, here, shownFor);
	}
}

/** Plain text or number parameters holding the ID of something the node has a list method for. */
function plainIdFields(description: INodeTypeDescription, methods: INodeType['methods']): IdField[] {
	const listMethods = [...Object.keys(methods?.listSearch ?? {}), ...Object.keys(methods?.loadOptions ?? {})];
	const found: IdField[] = [];
	for (const { property, at, operation } of allProperties(description.properties)) {
		if (!('type' in property) || (property.type !== 'string' && property.type !== 'number')) continue;
		const things = pointedAt(property);
		const method = listMethods.find((candidate) => things.includes(listedThing(candidate)));
		if (method) found.push({ node: description.name, operation, parameter: at, method });
	}
	return found;
}

/** Pickers and option lists whose method the node does not have. */
function missingMethods(description: INodeTypeDescription, methods: INodeType['methods']): string[] {
	const missing: string[] = [];
	for (const { property, at } of allProperties(description.properties)) {
		if (!('type' in property)) continue;
		const wanted = [
			...(property.modes ?? []).flatMap((mode) => (mode.typeOptions?.searchListMethod ? [['listSearch', mode.typeOptions.searchListMethod]] : [])),
			...(property.typeOptions?.loadOptionsMethod ? [['loadOptions', property.typeOptions.loadOptionsMethod]] : []),
		] as Array<['listSearch' | 'loadOptions', string]>;
		for (const [kind, name] of wanted) {
			if (!(methods?.[kind] as Record<string, unknown> | undefined)?.[name]) missing.push(`${description.name} ${at}: ${kind}.${name}`);
		}
	}
	return missing;
}

const nodes = shippedNodes();

describe('ID parameters of the shipped nodes', () => {
	it('loads every node package.json ships', () => {
		expect(nodes.map((node) => node.description.name)).toEqual(expect.arrayContaining(['awork', 'onePsa', 'sevDesk', 'lexoffice', 'hq', 'idMapping']));
		expect(nodes).toHaveLength(SHIPPED.length);
	});

	it('finds a plain ID field where a list method exists (check of the check)', () => {
		const description = {
			name: 'probe',
			properties: [
				{ displayName: 'Task ID', name: 'taskId', type: 'string', default: '', displayOptions: { show: { resource: ['task'], operation: ['get'] } } },
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					default: {},
					displayOptions: { show: { resource: ['task'], operation: ['create'] } },
					options: [
						{ displayName: 'Parent Task ID', name: 'parentId', type: 'string', default: '' },
						{ displayName: 'Status ID', name: 'taskStatusId', type: 'string', default: '' },
						{ displayName: 'External ID', name: 'externalId', type: 'string', default: '' },
					],
				},
				{ displayName: 'Type of Work ID', name: 'typeOfWorkId', type: 'number', default: 0 },
			],
		} as unknown as INodeTypeDescription;
		const methods = { listSearch: { searchTasks: jest.fn() }, loadOptions: { getTaskStatuses: jest.fn(), getTypesOfWork: jest.fn() } } as unknown as INodeType['methods'];
		expect(plainIdFields(description, methods)).toEqual([
			{ node: 'probe', operation: 'task:get', parameter: 'taskId', method: 'searchTasks' },
			{ node: 'probe', operation: 'task:create', parameter: 'additionalFields.parentId', method: 'searchTasks' },
			{ node: 'probe', operation: 'task:create', parameter: 'additionalFields.taskStatusId', method: 'getTaskStatuses' },
			{ node: 'probe', operation: '*', parameter: 'typeOfWorkId', method: 'getTypesOfWork' },
		]);
	});

	it.each(nodes.map((node) => [node.description.name, node] as const))('%s: no plain text field for an ID it can list', (_name, node) => {
		expect(plainIdFields(node.description, node.methods)).toEqual([]);
	});

	it.each(nodes.map((node) => [node.description.name, node] as const))('%s: every picker and option list names a method the node has', (_name, node) => {
		expect(missingMethods(node.description, node.methods)).toEqual([]);
	});
});
