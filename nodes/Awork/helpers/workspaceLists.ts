/**
 * The workspace's reference lists (users, types of work, templates, statuses). They are all the
 * same recipe, a paged GET, so one table describes them instead of six near-identical files.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequestAllPages } from '../transport';
import { readLimit, type ItemOperation } from '../../shared/operations';
import type { AworkOperationNames, AworkOperations } from '../actions/node.type';
import { forOperation, projectLocator, returnAllOrLimit } from '../descriptions';
import { readId } from './parameters';

/** The workspace operations that read a list (the others create). */
type WorkspaceOperation = Exclude<AworkOperationNames['workspace'], `create${string}`>;

interface WorkspaceList {
	operation: WorkspaceOperation;
	name: string;
	/** What the operation lists, for the editor. */
	description: string;
	/** The endpoint; a function when the list belongs to a chosen project. */
	path: string | ((projectId: string) => string);
	orderBy?: string;
	/** Adds showArchived=true on request. */
	archivable?: boolean;
}

export const WORKSPACE_LISTS: WorkspaceList[] = [
	{ operation: 'getUsers', name: 'Users', description: 'List the users of the workspace', path: '/users', orderBy: 'lastName', archivable: true },
	{ operation: 'getTypesOfWork', name: 'Types of Work', description: 'List the types of work time is tracked on', path: '/typeofwork', orderBy: 'name', archivable: true },
	{ operation: 'getProjectTemplates', name: 'Project Templates', description: 'List the templates projects can be created from', path: '/projecttemplates', orderBy: 'name' },
	{ operation: 'getProjectTypes', name: 'Project Types', description: 'List the project types of the workspace', path: '/projecttypes', orderBy: 'name', archivable: true },
	{ operation: 'getProjectStatuses', name: 'Project Statuses', description: 'List the project statuses of the workspace', path: '/projectstatuses', orderBy: 'order', archivable: true },
	{
		operation: 'getTaskStatuses',
		name: 'Task Statuses',
		description: 'List the task statuses of one project',
		path: (projectId) => aworkPath`/projects/${projectId}/taskstatuses`,
		orderBy: 'order',
	},
	{
		operation: 'getProjectStatusesOfProject',
		name: 'Project Statuses of a Project',
		description: "List the project statuses one project uses: its workflow's, else the workspace's and its own",
		path: (projectId) => aworkPath`/projects/${projectId}/projectstatuses`,
		orderBy: 'order',
	},
];

function listOperation(list: WorkspaceList): ItemOperation {
	const perProject = typeof list.path === 'function';
	return {
		runs: 'perItem',
		description: forOperation('workspace', list.operation, [
			...(perProject ? [projectLocator] : []),
			...returnAllOrLimit(),
			...(list.archivable
				? [{ displayName: 'Include Archived', name: 'showArchived', type: 'boolean' as const, default: false, description: 'Whether to include archived entries' }]
				: []),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const path = typeof list.path === 'function' ? list.path(readId.call(this, 'projectId', 'Project', itemIndex)) : list.path;
			const showArchived = list.archivable && (this.getNodeParameter('showArchived', itemIndex, false) as boolean);
			return (await aworkRequestAllPages.call(this, path, {
				qs: showArchived ? { showArchived: true } : undefined,
				orderBy: list.orderBy,
				limit: readLimit(this, itemIndex),
				itemIndex,
			})) as IDataObject[];
		},
	};
}

const listOf = (operation: WorkspaceOperation) => listOperation(WORKSPACE_LISTS.find((list) => list.operation === operation)!);

/** Spelt out so that a list without an operation, or the reverse, fails to compile. */
export const operations: Pick<AworkOperations['workspace'], WorkspaceOperation> = {
	getUsers: listOf('getUsers'),
	getTypesOfWork: listOf('getTypesOfWork'),
	getProjectTemplates: listOf('getProjectTemplates'),
	getProjectTypes: listOf('getProjectTypes'),
	getProjectStatuses: listOf('getProjectStatuses'),
	getTaskStatuses: listOf('getTaskStatuses'),
	getProjectStatusesOfProject: listOf('getProjectStatusesOfProject'),
};
