/**
 * Setting custom field values on projects and tasks: finds the definitions by ID or by name,
 * puts each value in the property awork expects for its type (CustomFieldPostForm) and, for
 * tasks, links the definitions to the task's project first, as awork requires.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { asOperationError } from '../../shared/operations';
import { readDate, utcIso } from '../../shared/dates';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { aworkFailureOf, aworkPath, aworkRequest, isGuid, type AworkContext } from '../transport';

export interface CustomFieldDefinition {
	id: string;
	name: string;
	entity: 'task' | 'project';
	type: string;
	order?: number;
	selectionOptions?: Array<{ id: string; value: string }>;
}

export function customFieldsProperty(entity: 'project' | 'task'): INodeProperties {
	return {
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'definition',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomFieldDefinitions' },
						default: '',
						description: `The ${entity} custom field; an expression may also give its exact name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Text or link: any text. Number: e.g. 12.5. Date: ISO date such as 2026-01-31. Boolean: true or false. Select: the option text or ID. User/client: the ID. Leave empty to clear the field.',
					},
				],
			},
		],
	};
}

/** All custom field definitions of the workspace, read once per run. */
const definitionsOfRun = oncePerNodeRun(
	// Not a paged endpoint in awork's API: one GET answers all definitions.
	async (context: AworkContext) => (await aworkRequest.call(context, 'GET', '/customfielddefinitions')) as CustomFieldDefinition[],
);

export async function customFieldDefinitions(this: AworkContext): Promise<CustomFieldDefinition[]> {
	return await definitionsOfRun(this);
}

/** Keeps a definition created in this run visible to later items. */
export function rememberDefinition(this: AworkContext, definition: CustomFieldDefinition): void {
	definitionsOfRun.update(this, (list) => [...list, definition]);
}

function resolveDefinition(
	this: IExecuteFunctions,
	definitions: CustomFieldDefinition[],
	entity: 'project' | 'task',
	reference: string,
	itemIndex: number,
): CustomFieldDefinition {
	const ref = reference.trim();
	const ofEntity = definitions.filter((definition) => definition.entity === entity);
	const byId = isGuid(ref) ? ofEntity.find((definition) => definition.id.toLowerCase() === ref.toLowerCase()) : undefined;
	if (byId) return byId;
	let matches = ofEntity.filter((definition) => definition.name === ref);
	if (matches.length === 0) matches = ofEntity.filter((definition) => definition.name.toLowerCase() === ref.toLowerCase());
	if (matches.length === 1) return matches[0];
	const names = ofEntity.map((definition) => `"${definition.name}"`).join(', ') || 'none';
	throw new NodeOperationError(
		this.getNode(),
		matches.length > 1
			? `Custom Fields: the name "${ref}" matches ${matches.length} ${entity} custom fields; use the field ID instead`
			: `Custom Fields: there is no ${entity} custom field "${ref}"`,
		{ itemIndex, description: `${entity} custom fields in this workspace: ${names}. Create missing ones with Custom Field Definition > Get or Create.` },
	);
}

function fieldError(this: IExecuteFunctions, definition: CustomFieldDefinition, value: unknown, expected: string, itemIndex: number) {
	return new NodeOperationError(
		this.getNode(),
		`Custom Fields: "${String(value)}" is not a valid value for "${definition.name}" (${definition.type}); expected ${expected}`,
		{ itemIndex },
	);
}

/** The CustomFieldPostForm entry for one value, in the value property awork reads for the field's type. */
function customFieldValue(this: IExecuteFunctions, definition: CustomFieldDefinition, value: unknown, itemIndex: number): IDataObject {
	const entry: IDataObject = { customFieldDefinitionId: definition.id };
	const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	const text = typeof value === 'string' ? value.trim() : String(value);
	switch (definition.type) {
		case 'text':
		case 'link':
			if (!empty && String(value).length > 750) throw fieldError.call(this, definition, `${String(value).slice(0, 20)}…`, 'at most 750 characters', itemIndex);
			entry.textValue = empty ? null : String(value);
			return entry;
		case 'number': {
			const number = typeof value === 'number' ? value : Number(text.replace(',', '.'));
			if (!empty && !Number.isFinite(number)) throw fieldError.call(this, definition, value, 'a number', itemIndex);
			entry.numberValue = empty ? null : number;
			return entry;
		}
		case 'date':
		case 'datetime': {
			const date = readDate(this, value, `Custom Field "${definition.name}"`, itemIndex);
			entry.dateValue = date ? utcIso(date) : null;
			return entry;
		}
		case 'boolean': {
			const lower = text.toLowerCase();
			if (!empty && !['true', 'false', '1', '0', 'yes', 'no'].includes(lower)) throw fieldError.call(this, definition, value, 'true or false', itemIndex);
			entry.booleanValue = empty ? null : ['true', '1', 'yes'].includes(lower);
			return entry;
		}
		case 'select':
		case 'coloredSelect': {
			const option = (definition.selectionOptions ?? []).find((o) => o.id?.toLowerCase() === text.toLowerCase() || o.value === text);
			if (!empty && !option) {
				const known = (definition.selectionOptions ?? []).map((o) => `"${o.value}"`).join(', ');
				throw fieldError.call(this, definition, value, `one of ${known || 'its options'}`, itemIndex);
			}
			entry.selectionOptionIdValue = empty ? null : option!.id;
			return entry;
		}
		case 'user':
		case 'client':
			if (!empty && !isGuid(text)) throw fieldError.call(this, definition, value, `the ${definition.type}'s ID`, itemIndex);
			entry[definition.type === 'user' ? 'userIdValue' : 'clientIdValue'] = empty ? null : text.toLowerCase();
			return entry;
		default:
			throw fieldError.call(this, definition, value, 'a type this node supports', itemIndex);
	}
}

/** Builds the setcustomfields body from the node's Custom Fields parameter for one item. */
export async function readCustomFieldValues(this: IExecuteFunctions, entity: 'project' | 'task', itemIndex: number): Promise<IDataObject[]> {
	const fields = ((this.getNodeParameter('customFields', itemIndex, {}) as IDataObject).field ?? []) as IDataObject[];
	if (fields.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Custom Fields: add at least one field to set', { itemIndex });
	}
	const definitions = await customFieldDefinitions.call(this);
	const seen = new Set<string>();
	return fields.map(({ definition: reference, value }) => {
		const definition = resolveDefinition.call(this, definitions, entity, String(reference ?? ''), itemIndex);
		if (seen.has(definition.id)) {
			throw new NodeOperationError(this.getNode(), `Custom Fields: "${definition.name}" is listed twice`, { itemIndex });
		}
		seen.add(definition.id);
		return customFieldValue.call(this, definition, value, itemIndex);
	});
}

/** Task custom fields only accept values once their definition is linked to the task's project. */
export async function linkDefinitionsToProject(this: IExecuteFunctions, projectId: string, definitionIds: string[], itemIndex: number): Promise<string[]> {
	const linked = (await aworkRequest.call(this, 'GET', aworkPath`/projects/${projectId}/customfielddefinitions`, {
		itemIndex,
	})) as CustomFieldDefinition[];
	const linkedIds = new Set(linked.map((definition) => definition.id.toLowerCase()));
	let order = Math.max(0, ...linked.map((definition) => Number(definition.order) || 0));
	const added: string[] = [];
	for (const id of definitionIds.filter((definitionId) => !linkedIds.has(definitionId.toLowerCase()))) {
		try {
			await aworkRequest.call(this, 'POST', aworkPath`/projects/${projectId}/linkcustomfielddefinition`, {
				body: { customFieldDefinitionId: id, order: ++order },
				itemIndex,
				// Linking twice is refused with already-exist-error, which is handled below.
				retrySafe: true,
			});
			added.push(id);
		} catch (error) {
			if (aworkFailureOf(error)?.code !== 'already-exist-error') throw asOperationError(this.getNode(), error, itemIndex);
		}
	}
	return added;
}
