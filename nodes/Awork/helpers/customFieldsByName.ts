/**
 * A task's or project's custom field values keyed by the field's name, so a workflow can write
 * `$json.customFieldsByName["PSA Ticket"]` instead of matching definition IDs itself.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { collection } from '../descriptions';
import { customFieldDefinitions, type CustomFieldDefinition } from './customFields';

/** The value of one custom field in the property awork uses for its type (select: the option text). */
function valueOf(definition: CustomFieldDefinition | undefined, field: IDataObject): unknown {
	switch (definition?.type) {
		case 'text':
		case 'link':
			return field.textValue ?? null;
		case 'number':
			return field.numberValue ?? null;
		case 'date':
		case 'datetime':
			return field.dateValue ?? null;
		case 'boolean':
			return field.booleanValue ?? null;
		case 'select':
		case 'coloredSelect': {
			const option = (field.selectionOption as IDataObject | null | undefined) ?? {};
			const known = definition.selectionOptions?.find((o) => o.id === field.selectionOptionIdValue);
			return option.value ?? known?.value ?? field.selectionOptionIdValue ?? null;
		}
		case 'user':
			return field.userIdValue ?? null;
		case 'client':
			return field.clientIdValue ?? null;
		default: {
			// Unknown type: the first value property that is set.
			const properties = ['textValue', 'numberValue', 'dateValue', 'booleanValue', 'selectionOptionIdValue', 'userIdValue', 'clientIdValue'];
			const property = properties.find((name) => field[name] !== undefined && field[name] !== null);
			return property ? field[property] : null;
		}
	}
}

export function customFieldsByName(values: unknown, definitions: CustomFieldDefinition[]): IDataObject {
	const byId = new Map(definitions.map((definition) => [definition.id.toLowerCase(), definition]));
	const result: IDataObject = {};
	for (const field of Array.isArray(values) ? (values as IDataObject[]) : []) {
		const definition = byId.get(String(field.customFieldDefinitionId ?? '').toLowerCase());
		const name = definition?.name ?? String(field.customFieldDefinitionId);
		result[name] = valueOf(definition, field) as IDataObject[keyof IDataObject];
	}
	return result;
}

/** The "Options" collection with "Add Custom Fields by Name", described for what the operation outputs. */
export function customFieldsByNameOptions(description: string, otherOptions: INodeProperties[] = []): INodeProperties {
	return collection('options', 'Options', 'Add Option', [
		{ displayName: 'Add Custom Fields by Name', name: 'customFieldsByName', type: 'boolean', default: false, description },
		...otherOptions,
	]);
}

/** Adds customFieldsByName to each record when the option asks for it (definitions read once per run). */
export async function withCustomFieldsByName(this: IExecuteFunctions, records: IDataObject[], itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (!options.customFieldsByName) return records;
	const definitions = await customFieldDefinitions.call(this);
	return records.map((record) => ({ ...record, customFieldsByName: customFieldsByName(record.customFields, definitions) }));
}
