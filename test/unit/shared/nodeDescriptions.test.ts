/**
 * How every node of the package reads in the editor, checked on the descriptions n8n loads (each
 * node class under nodes/ and each credential under credentials/), after n8n's UX guidelines:
 * - every operation has an action label (the node panel's list) and a description;
 * - one name per idea: lists and searches are "Get Many", find-or-create is "Get or Create";
 * - parameter names, drop-down values, node and credential names in title case, actions in
 *   sentence case;
 * - the brand rule: names follow title case, as n8n's node linter demands for credentials and
 *   parameters, so awork is "Awork" in every name (node, trigger, credential, parameter); in
 *   descriptions, actions, hints and placeholders it is "awork", as the brand writes it. n8n is
 *   never "N8n": a name that would need it says what it is without it (e.g. "Data Table");
 * - placeholders are examples starting with "e.g." (a collection's is its "Add ..." button).
 * Each check lists every place that breaks it, so one run shows all there is to fix.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

const ROOT = path.resolve(__dirname, '../../..');

/** Every class a file exports whose instances have `description` (nodes) or `properties` (credentials). */
function instancesIn<T>(directory: string, suffix: string, has: (instance: Record<string, unknown>) => boolean): Array<{ file: string; instance: T }> {
	const files = fs
		.readdirSync(directory, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith(suffix))
		.sort();
	return files.flatMap((file) =>
		Object.values(jest.requireActual<Record<string, unknown>>(path.join(directory, file)))
			.filter((exported): exported is new () => T => typeof exported === 'function')
			.map((Class) => new Class())
			.filter((instance) => has(instance as Record<string, unknown>))
			.map((instance) => ({ file, instance })),
	);
}

const NODES = instancesIn<INodeType>(path.join(ROOT, 'nodes'), '.node.ts', (instance) => typeof instance.description === 'object').map(
	({ instance }) => instance.description as INodeTypeDescription,
);
const CREDENTIALS = instancesIn<ICredentialType>(path.join(ROOT, 'credentials'), '.credentials.ts', (instance) => Array.isArray(instance.properties)).map(
	({ instance }) => instance,
);

type Choice = INodePropertyOptions;
type Group = INodePropertyCollection;

const isChoice = (entry: unknown): entry is Choice => typeof entry === 'object' && entry !== null && 'value' in entry;
const isGroup = (entry: unknown): entry is Group => typeof entry === 'object' && entry !== null && 'values' in entry;

/** Every text the editor shows for one element, with where it sits (for the failure list). */
interface Shown {
	where: string;
	kind: 'parameter' | 'choice' | 'group' | 'mode' | 'node' | 'credential';
	/** What the element is titled: a parameter's displayName, a drop-down value's name. */
	title: string;
	texts: Array<{ field: string; text: string }>;
	placeholder?: string;
	/** The parameter's type, for placeholders and notices. */
	type?: string;
}

function textsOf(element: Record<string, unknown>, fields: string[]): Shown['texts'] {
	return fields.filter((field) => typeof element[field] === 'string' && element[field] !== '').map((field) => ({ field, text: element[field] as string }));
}

/** Walks parameters, their drop-down values, collection options, fixed-collection groups and locator modes. */
function walk(properties: INodeProperties[], where: string, out: Shown[]): Shown[] {
	for (const property of properties) {
		const shownFor = property.displayOptions?.show;
		const scope = shownFor?.resource || shownFor?.operation ? ` [${[shownFor?.resource, shownFor?.operation].filter(Boolean).join(' > ')}]` : '';
		const here = `${where} > ${property.displayName}${scope}`;
		out.push({
			where: here,
			kind: 'parameter',
			title: property.displayName,
			texts: textsOf(property as never, ['displayName', 'description', 'hint', 'placeholder']),
			placeholder: typeof property.placeholder === 'string' ? property.placeholder : undefined,
			type: property.type,
		});
		for (const mode of property.modes ?? []) {
			out.push({
				where: `${here} > ${mode.displayName}`,
				kind: 'mode',
				title: mode.displayName,
				texts: textsOf(mode as never, ['displayName', 'hint', 'placeholder']),
				placeholder: mode.placeholder,
			});
		}
		for (const entry of property.options ?? []) {
			if (isChoice(entry)) {
				out.push({ where: `${here} > ${entry.name}`, kind: 'choice', title: entry.name, texts: textsOf(entry as never, ['name', 'description', 'action']) });
			} else if (isGroup(entry)) {
				out.push({ where: `${here} > ${entry.displayName}`, kind: 'group', title: entry.displayName, texts: textsOf(entry as never, ['displayName']) });
				walk(entry.values, `${here} > ${entry.displayName}`, out);
			} else {
				walk([entry as INodeProperties], here, out);
			}
		}
	}
	return out;
}

function shownOfNode(node: INodeTypeDescription): Shown[] {
	const outputs = Array.isArray(node.outputNames) ? node.outputNames : [];
	return walk(node.properties, node.displayName, [
		{
			where: node.displayName,
			kind: 'node',
			title: node.displayName,
			texts: [...textsOf(node as never, ['displayName', 'description']), { field: 'defaults.name', text: String(node.defaults.name ?? '') }, ...outputs.map((text) => ({ field: 'output', text }))],
		},
	]);
}

function shownOfCredential(credential: ICredentialType): Shown[] {
	return walk(credential.properties, `${credential.displayName} (credential)`, [
		{ where: `${credential.displayName} (credential)`, kind: 'credential', title: credential.displayName, texts: textsOf(credential as never, ['displayName']) },
	]);
}

const SHOWN: Shown[] = [...NODES.flatMap(shownOfNode), ...CREDENTIALS.flatMap(shownOfCredential)];

/** Each resource's operations: the drop-down values of the "operation" parameter shown for it. */
function operationsOf(node: INodeTypeDescription): Array<{ resource: string; operation: Choice }> {
	const resource = node.properties.find((property) => property.name === 'resource');
	const selectors = node.properties.filter((property) => property.name === 'operation');
	if (!resource) return selectors.flatMap((selector) => (selector.options ?? []).filter(isChoice).map((operation) => ({ resource: '-', operation })));
	return (resource.options ?? []).filter(isChoice).flatMap((choice) =>
		selectors
			.filter((selector) => (selector.displayOptions?.show?.resource ?? []).includes(choice.value))
			.flatMap((selector) => (selector.options ?? []).filter(isChoice).map((operation) => ({ resource: choice.name, operation }))),
	);
}

const OPERATIONS = NODES.flatMap((node) => operationsOf(node).map((entry) => ({ node: node.displayName, ...entry })));
const operationLabel = ({ node, resource, operation }: (typeof OPERATIONS)[number]) => `${node} / ${resource} / ${operation.name} (${String(operation.value)})`;

/** Lower-case words a title keeps lower case (not as its first word). */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'if', 'in', 'into', 'of', 'on', 'or', 'per', 'than', 'the', 'to', 'via', 'vs', 'with']);
/** Words a title keeps as written, even first: an inner capital, an abbreviation, API field names. */
const OWN_SPELLING = new Set(['sevDesk', 'e.g.', 'helloHQ', 'filterby', 'orderby']);

/** The words of a title that should start with a capital and do not. */
function titleSlips(title: string): string[] {
	// Text in quotes or parentheses names a value or field, e.g. Output "Project Context".
	const words = title.replace(/"[^"]*"|`[^`]*`/g, ' ').split(/[\s/]+/).filter(Boolean);
	return words.filter((raw, index) => {
		const word = raw.replace(/^[("'[]+|[)"'\]:,.?!]+$/g, '');
		if (!/^[a-z]/.test(word) || OWN_SPELLING.has(word) || OWN_SPELLING.has(raw)) return false;
		return index === 0 || !SMALL_WORDS.has(word);
	});
}

/** Whether a name or a text writes a brand the way the rule above says it must not. */
function brandSlips(text: string, isName: boolean): boolean {
	if (/\bN8n\b|\bN8N\b(?!_)/.test(text)) return true;
	// A text may quote a name ("Awork ID"); outside quotes it says awork.
	return !isName && /\bAwork\b/.test(text.replace(/"[^"]*"|`[^`]*`/g, ' '));
}

/** Capitalised words inside an action label (sentence case) that are no name. */
const PROPER_WORDS = new Set(['PSA', 'The', 'One', 'ID', 'IDs', 'HQ', 'Lexoffice', 'API', 'URL', 'JSON', 'Company', 'Project']);
function sentenceSlips(action: string): string[] {
	return action
		.split(/\s+/)
		.slice(1)
		.map((raw) => raw.replace(/^[("']+|[)"':,.]+$/g, ''))
		.filter((word) => /^[A-Z][a-z]/.test(word) && !PROPER_WORDS.has(word));
}

describe('node descriptions read well in the editor (n8n UX guidelines)', () => {
	it('finds every node and credential of the package', () => {
		expect(NODES.map((node) => node.name).sort()).toEqual(
			['awork', 'aworkTrigger', 'hq', 'idMapping', 'lexoffice', 'onePsa', 'onePsaIntegrationTrigger', 'onePsaTrigger', 'sevDesk'].sort(),
		);
		expect(CREDENTIALS.length).toBe(fs.readdirSync(path.join(ROOT, 'credentials')).filter((file) => file.endsWith('.credentials.ts')).length);
		expect(OPERATIONS.length).toBeGreaterThan(60);
	});

	it('the checks below catch the slips they are for', () => {
		expect(titleSlips('Create If missing')).toEqual(['missing']);
		expect(titleSlips('In progress')).toEqual(['progress']);
		expect(titleSlips('of the Project')).toEqual(['of']);
		expect(titleSlips('Output "Project context" of the Time Entry (Expert)')).toEqual([]);
		expect(sentenceSlips('Get Many Projects')).toEqual(['Many', 'Projects']);
		expect(sentenceSlips('Check PSA bookings against awork')).toEqual([]);
		expect(titleSlips('Look Up by awork ID')).toEqual(['awork']);
		expect([brandSlips('Awork ID', true), brandSlips('Awork ID', false), brandSlips('ID Mapping N8n API', true)]).toEqual([false, true, true]);
		expect(brandSlips('Turn on "Replace Mapping That Holds the Awork ID" in awork', false)).toBe(false);
	});

	it('gives every operation an action label and a description', () => {
		const missing = OPERATIONS.flatMap((entry) => [
			...(entry.operation.action?.trim() ? [] : [`${operationLabel(entry)}: no action`]),
			...(entry.operation.description?.trim() ? [] : [`${operationLabel(entry)}: no description`]),
		]);
		expect(missing).toEqual([]);
	});

	it('writes action labels in sentence case', () => {
		const slips = OPERATIONS.filter(({ operation }) => operation.action && (/^[^A-Z]/.test(operation.action) || sentenceSlips(operation.action).length)).map(
			(entry) => `${operationLabel(entry)}: "${entry.operation.action}"`,
		);
		expect(slips).toEqual([]);
	});

	it('uses one name for one idea: Get Many for lists and searches, Get or Create for find-or-create', () => {
		const RENAMED: Record<string, string> = { Search: 'Get Many', List: 'Get Many', 'Create If Missing': 'Get or Create' };
		const slips = OPERATIONS.filter(({ operation }) => RENAMED[operation.name]).map((entry) => `${operationLabel(entry)}: call it "${RENAMED[entry.operation.name]}"`);
		// A workspace list is "Get Many <Things>", not "Get <Things>".
		const workspace = OPERATIONS.filter(({ node, resource, operation }) => node === 'Awork' && resource === 'Workspace' && /^Get (?!Many )/.test(operation.name)).map(
			(entry) => `${operationLabel(entry)}: call it "Get Many ..."`,
		);
		expect(OPERATIONS.filter(({ node, resource }) => node === 'Awork' && resource === 'Workspace').length).toBeGreaterThan(5);
		expect([...slips, ...workspace]).toEqual([]);
	});

	it('writes node, credential and parameter names and drop-down values in title case', () => {
		const slips = SHOWN.filter((shown) => shown.type !== 'notice' && titleSlips(shown.title).length).map(
			(shown) => `${shown.where}: ${titleSlips(shown.title).map((word) => `"${word}"`).join(', ')}`,
		);
		expect(slips).toEqual([]);
	});

	it('writes awork as "Awork" in names and as "awork" in texts, and n8n never as "N8n"', () => {
		const NAME_FIELDS = new Set(['displayName', 'name', 'defaults.name', 'output']);
		const slips = SHOWN.flatMap((shown) =>
			shown.texts
				.filter(({ field, text }) => brandSlips(text, NAME_FIELDS.has(field) && shown.type !== 'notice'))
				.map(({ field, text }) => `${shown.where} (${field}): "${text}"`),
		);
		expect(slips).toEqual([]);
	});

	it('gives examples as placeholders ("e.g. ..."), and collections an "Add ..." button', () => {
		const slips = SHOWN.filter((shown) => shown.placeholder !== undefined && shown.placeholder !== '').flatMap((shown) => {
			const placeholder = shown.placeholder!;
			const isButton = shown.type === 'collection' || shown.type === 'fixedCollection';
			const ok = isButton ? /^Add [A-Z]/.test(placeholder) && titleSlips(placeholder).length === 0 : placeholder.startsWith('e.g. ');
			return ok ? [] : [`${shown.where}: "${placeholder}"`];
		});
		expect(slips).toEqual([]);
	});
});
