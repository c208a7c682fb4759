/**
 * Parameters shared by the awork operations: where a parameter shows, the ID pickers (resource
 * locators) and the list options.
 */
import type { INodeProperties } from 'n8n-workflow';
import { describeOperations, listOrIdLocator } from '../../shared/operations';
import type { AworkOperationNames } from '../actions/node.type';

export { returnAllOrLimit } from '../../shared/operations';

/** Shows the given parameters only for one awork resource and operation (names checked by the compiler). */
export const { forOperation, operationSelector } = describeOperations<AworkOperationNames>();

const GUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** A resource locator: pick from a searchable list, or give the awork ID. */
export function idLocator(name: string, displayName: string, searchListMethod: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	const id = { placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000', pattern: { regex: GUID_REGEX, errorMessage: 'Not a valid awork ID (GUID)' } };
	return listOrIdLocator({ name, label: displayName, searchMethod: searchListMethod, id, required: true }, extra);
}

/** An optional locator inside a collection (filters, additional fields). */
export function optionalIdLocator(name: string, displayName: string, searchListMethod: string, description: string): INodeProperties {
	const locator = idLocator(name, displayName, searchListMethod, { description });
	delete locator.required;
	return locator;
}

/** The project picker of every operation that works inside one project. */
export const projectLocator = idLocator('projectId', 'Project', 'searchProjects');

/** A collection of optional values, such as Filters ("Add Filter") or Additional Fields ("Add Field"). */
export function collection(name: string, displayName: string, placeholder: string, options: INodeProperties[]): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

export const nameContainsOption: INodeProperties = { displayName: 'Name Contains', name: 'nameContains', type: 'string', default: '' };

export const rawFilterOption: INodeProperties = {
	displayName: 'Raw Filter (Expert)',
	name: 'rawFilter',
	type: 'string',
	default: '',
	placeholder: "e.g. tolower(name) eq 'website'",
	description:
		'An awork filterby expression, ANDed with the other filters. It is sent as written, so only use values you trust; quote text with single quotes and double any quote inside.',
};
