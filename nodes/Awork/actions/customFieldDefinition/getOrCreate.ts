/**
 * Get or Create: a definition is identified by name and entity, so running this again returns
 * the existing one (created: false) instead of a duplicate.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { asOperationError } from '../../../shared/operations';
import { aworkFailureOf, aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { customFieldDefinitions, rememberDefinition, type CustomFieldDefinition } from '../../helpers/customFields';

const TYPES = ['boolean', 'client', 'coloredSelect', 'date', 'datetime', 'link', 'number', 'select', 'text', 'user'];

export const description = forOperation('customFieldDefinition', 'getOrCreate', [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. External Project Link' },
	{
		displayName: 'Entity',
		name: 'entity',
		type: 'options',
		options: [
			{ name: 'Project', value: 'project' },
			{ name: 'Task', value: 'task' },
		],
		default: 'project',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: TYPES.map((type) => ({ name: type.charAt(0).toUpperCase() + type.slice(1).replace(/([A-Z])/g, ' $1'), value: type })),
		default: 'text',
	},
]);

/**
 * The definition of that name and entity. Should parallel runs have created several, always the
 * oldest, so that every run writes its values into the same field.
 */
function findDefinition(definitions: CustomFieldDefinition[], name: string, entity: string) {
	const matches = definitions.filter((definition) => definition.entity === entity && definition.name.toLowerCase() === name.toLowerCase());
	const created = (definition: CustomFieldDefinition) => String((definition as unknown as IDataObject).createdOn ?? '');
	return matches.sort((a, b) => created(a).localeCompare(created(b)) || a.id.localeCompare(b.id))[0];
}

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = String(this.getNodeParameter('name', itemIndex) ?? '').trim();
	const entity = this.getNodeParameter('entity', itemIndex) as string;
	const type = this.getNodeParameter('type', itemIndex) as string;
	if (!name) throw new NodeOperationError(this.getNode(), 'Name: the custom field needs a name', { itemIndex });
	const definitions = await customFieldDefinitions.call(this);
	const existing = findDefinition(definitions, name, entity);
	if (existing) {
		if (existing.type !== type) {
			throw new NodeOperationError(
				this.getNode(),
				`Type: the ${entity} custom field "${existing.name}" already exists with type "${existing.type}", not "${type}"`,
				{ itemIndex, description: 'Choose the existing type, or a different name for a new field.' },
			);
		}
		return { ...existing, created: false };
	}
	// Project definitions are ordered workspace-wide and awork requires an order for them.
	const order = Math.max(0, ...definitions.filter((d) => d.entity === entity).map((d) => Number(d.order) || 0)) + 1;
	try {
		const created = (await aworkRequest.call(this, 'POST', '/customfielddefinitions', {
			body: { name, entity, type, order },
			itemIndex,
		})) as unknown as CustomFieldDefinition;
		// A parallel run may have created the same field a moment earlier: both settle on the oldest.
		const reread = (await aworkRequest.call(this, 'GET', '/customfielddefinitions', { itemIndex })) as CustomFieldDefinition[];
		const winner = findDefinition(reread, name, entity) ?? created;
		rememberDefinition.call(this, winner);
		return { ...winner, created: winner.id === created.id } as unknown as IDataObject;
	} catch (error) {
		const failure = aworkFailureOf(error);
		if (failure?.status !== 400 && failure?.outcome !== 'unknown') throw asOperationError(this.getNode(), error, itemIndex);
		// Someone created it meanwhile, or our create landed but its answer was lost: read again.
		const reread = (await aworkRequest.call(this, 'GET', '/customfielddefinitions', { itemIndex })) as CustomFieldDefinition[];
		const found = findDefinition(reread, name, entity);
		if (!found || found.type !== type) throw asOperationError(this.getNode(), error, itemIndex);
		rememberDefinition.call(this, found);
		return { ...found, created: failure?.outcome === 'unknown' } as unknown as IDataObject;
	}
}
