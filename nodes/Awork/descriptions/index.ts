/**
 * Parameters shared by the awork operations: where a parameter shows, the ID pickers (resource
 * locators) and the list options.
 */
import type { INodeProperties } from 'n8n-workflow';
import { describeOperations, listOrIdLocator } from '../../shared/operations';
import type { AworkOperationNames } from '../actions/node.type';
import type { SimplifiedKind } from '../helpers/simplify';
import { webUrlMode, type WebUrlKind } from '../helpers/webUrl';

export { returnAllOrLimit } from '../../shared/operations';

/** Shows the given parameters only for one awork resource and operation (names checked by the compiler). */
export const { forOperation, operationSelector } = describeOperations<AworkOperationNames>();

const GUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** The things that have a page in awork's web app, by the list search that finds them: their pickers take a link too. */
const WEB_PAGES: Record<string, WebUrlKind> = { searchProjects: 'projects', searchTasks: 'tasks' };

/** A resource locator: pick from a searchable list, paste the awork link (projects, tasks), or give the awork ID. */
export function idLocator(name: string, displayName: string, searchListMethod: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	const id = { placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000', pattern: { regex: GUID_REGEX, errorMessage: 'Not a valid awork ID (GUID)' } };
	const webPage = WEB_PAGES[searchListMethod];
	const url = webPage ? webUrlMode(webPage) : undefined;
	return listOrIdLocator({ name, label: displayName, searchMethod: searchListMethod, id, url, required: true }, extra);
}

/** An optional locator inside a collection (filters, additional fields). */
export function optionalIdLocator(
	name: string,
	displayName: string,
	searchListMethod: string,
	description: string,
	{ byUrl = false } = {},
): INodeProperties {
	const locator = idLocator(name, displayName, searchListMethod, { description });
	delete locator.required;
	// n8n reads the ID out of a link only for a value read by its own name or path (readOptionalId),
	// not from a whole collection's value: so By URL only where the operation reads it that way.
	if (!byUrl) locator.modes = locator.modes?.filter((mode) => mode.name !== 'url');
	return locator;
}

/** The project picker of every operation that works inside one project. */
export const projectLocator = idLocator('projectId', 'Project', 'searchProjects');

/** The task picker of every operation on one task (its list searches the chosen project, else all the user sees). */
export const taskLocator = idLocator('taskId', 'Task', 'searchTasks');

/** The time entry picker (its list: the latest entries first). */
export const timeEntryLocator = idLocator('timeEntryId', 'Time Entry', 'searchTimeEntries');

const SIMPLIFIED_KEEPS: Record<SimplifiedKind, string> = {
	project: 'ID, name, key, status, company, start and due date, time budget, tracked time, whether billable by default, and url',
	task: 'ID, name, identifier, description, status, project, assignees, due date, planned and tracked time, parent task, and url',
	company: 'ID, name, description, industry, tag names, project counts, and when it was created and last changed',
	document: 'ID, name, document space, project, task, parent document, whether private, and when it was created, last changed and moved to the trash',
	user: 'ID, first and last name, first email address, status, whether deactivated or external, and tag names',
};

/**
 * Option "Simplify" of the project, task and company reads (helpers/simplify.ts), on by default
 * from node version 1.1. n8n fills a new parameter's default into nodes saved before it existed,
 * so version 1 nodes do not get it and keep their full output.
 */
export function simplifyOption(kind: SimplifiedKind): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simple',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		hint: `Keeps ${SIMPLIFIED_KEEPS[kind]}`,
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
	};
}

/** The kinds of project status awork knows (ProjectStatus type). */
export const PROJECT_STATUS_TYPES = [
	{ name: 'Closed', value: 'closed' },
	{ name: 'In Progress', value: 'progress' },
	{ name: 'Not Started', value: 'not-started' },
	{ name: 'Stuck', value: 'stuck' },
];

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
