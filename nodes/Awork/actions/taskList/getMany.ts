import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequestAllPages } from '../../transport';
import { and } from '../../transport/filter';
import { readLimit } from '../../../shared/operations';
import { collection, forOperation, nameContainsOption, projectLocator, returnAllOrLimit } from '../../descriptions';
import { nameContainsFilter, readId } from '../../helpers/parameters';
import { orderByOption } from '../../descriptions/orderBy';
import { readOrderBy } from '../../helpers/orderBy';

export const description = forOperation('taskList', 'getMany', [
	projectLocator,
	...returnAllOrLimit(),
	collection('options', 'Options', 'Add Option', [
		nameContainsOption,
		{ displayName: 'Show Archived', name: 'showArchived', type: 'boolean', default: false, description: 'Whether to include archived lists' },
		orderByOption('name'),
	]),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const lists = (await aworkRequestAllPages.call(this, aworkPath`/projects/${projectId}/tasklists`, {
		qs: options.showArchived ? { showArchived: true } : undefined,
		filter: and(nameContainsFilter.call(this, options.nameContains, itemIndex)),
		orderBy: readOrderBy.call(this, options.orderBy, itemIndex) ?? 'order',
		limit: readLimit(this, itemIndex),
		itemIndex,
	})) as IDataObject[];
	return lists.map((list) => ({ ...list, projectId }));
}
