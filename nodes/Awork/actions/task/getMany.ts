import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequestAllPages } from '../../transport';
import { and, eq, text } from '../../transport/filter';
import { readLimit } from '../../../shared/operations';
import { collection, forOperation, nameContainsOption, projectLocator, rawFilterOption, returnAllOrLimit, simplifyOption } from '../../descriptions';
import { simplified } from '../../helpers/simplify';
import { nameContainsFilter, readId, readRawFilter } from '../../helpers/parameters';
import { TASK_STATUS_TYPES } from '../../descriptions/task';
import { withWebUrls } from '../../helpers/webUrl';
import { orderByOption } from '../../descriptions/orderBy';
import { readOrderBy } from '../../helpers/orderBy';

export const description = forOperation('task', 'getMany', [
	projectLocator,
	...returnAllOrLimit(),
	simplifyOption('task'),
	collection('filters', 'Filters', 'Add Filter', [
		nameContainsOption,
		rawFilterOption,
		{ displayName: 'Status Type', name: 'statusType', type: 'options', options: TASK_STATUS_TYPES, default: 'todo' },
	]),
	collection('options', 'Options', 'Add Option', [orderByOption('dueOn desc,name')]),
]);

/** The project's tasks (GET /projects/{id}/projecttasks), optionally filtered. */
export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filter = and(
		filters.statusType ? eq('taskStatus/type', text(String(filters.statusType))) : undefined,
		nameContainsFilter.call(this, filters.nameContains, itemIndex),
		readRawFilter.call(this, filters.rawFilter, itemIndex),
	);
	const tasks = (await aworkRequestAllPages.call(this, aworkPath`/projects/${projectId}/projecttasks`, {
		filter,
		orderBy: readOrderBy.call(this, (this.getNodeParameter('options', itemIndex, {}) as IDataObject).orderBy, itemIndex),
		limit: readLimit(this, itemIndex),
		itemIndex,
	})) as IDataObject[];
	return simplified.call(this, 'task', await withWebUrls.call(this, 'tasks', tasks), itemIndex);
}
