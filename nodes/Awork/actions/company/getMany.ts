import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkRequestAllPages } from '../../transport';
import { and } from '../../transport/filter';
import { readLimit } from '../../../shared/operations';
import { collection, forOperation, nameContainsOption, rawFilterOption, returnAllOrLimit, simplifyOption } from '../../descriptions';
import { simplified } from '../../helpers/simplify';
import { nameContainsFilter, readRawFilter } from '../../helpers/parameters';
import { orderByOption } from '../../descriptions/orderBy';
import { readOrderBy } from '../../helpers/orderBy';

export const description = forOperation('company', 'getMany', [
	...returnAllOrLimit(),
	simplifyOption('company'),
	collection('filters', 'Filters', 'Add Filter', [nameContainsOption, rawFilterOption]),
	collection('options', 'Options', 'Add Option', [orderByOption('name desc')]),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filter = and(
		nameContainsFilter.call(this, filters.nameContains, itemIndex),
		readRawFilter.call(this, filters.rawFilter, itemIndex),
	);
	const companies = (await aworkRequestAllPages.call(this, '/companies', {
		filter,
		orderBy: readOrderBy.call(this, (this.getNodeParameter('options', itemIndex, {}) as IDataObject).orderBy, itemIndex) ?? 'name',
		limit: readLimit(this, itemIndex),
		itemIndex,
	})) as IDataObject[];
	return simplified.call(this, 'company', companies, itemIndex);
}
