/** Custom field definitions and the value forms awork accepts for each type. */
import type { ListSpec } from '../query/paths';
import type { AworkStore, Rec } from '../store';
import { fill, newId, stamps } from './common';

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'datetime', 'select', 'coloredSelect', 'link', 'boolean', 'user', 'client'];

/** Which value property carries the value of each custom field type (CustomFieldPostForm). */
export const VALUE_PROPERTY: Record<string, string> = {
	text: 'textValue',
	link: 'textValue',
	number: 'numberValue',
	date: 'dateValue',
	datetime: 'dateValue',
	select: 'selectionOptionIdValue',
	coloredSelect: 'selectionOptionIdValue',
	boolean: 'booleanValue',
	user: 'userIdValue',
	client: 'clientIdValue',
};

export const VALUE_PROPERTIES = [
	'userIdValue',
	'clientIdValue',
	'numberValue',
	'selectionOptionIdValue',
	'textValue',
	'dateValue',
	'booleanValue',
];

export function buildCustomFieldDefinition(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	const rec = fill(
		{
			id: newId(),
			name: 'Custom field',
			entity: 'task',
			type: 'text',
			...stamps(store),
			order: null,
			isExternal: false,
			selectionOptions: [],
		},
		input,
	);
	rec.selectionOptions = (rec.selectionOptions as Rec[]).map((option, i) => ({
		id: typeof option.id === 'string' ? option.id : newId(),
		value: option.value,
		color: option.color ?? null,
		order: option.order ?? i,
	}));
	return rec;
}

export function customFieldDefinitionSpec(_store: AworkStore): ListSpec {
	return {
		collection: 'customFieldDefinitions',
		render: (rec) => ({ ...rec, selectionOptions: (rec.selectionOptions as Rec[]).map((o) => ({ ...o })) }),
	};
}

export function linkedProjectIds(store: AworkStore, definitionId: string): string[] {
	const ids: string[] = [];
	for (const [projectId, links] of store.customFieldLinks) {
		if (links.some((l) => l.customFieldDefinitionId === definitionId)) ids.push(projectId);
	}
	return ids;
}
