/** The one reading of the three document lists (all, of a document space, of a project). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { readLimit } from '../../../shared/operations';
import { aworkRequestAllPages } from '../../transport';
import { and } from '../../transport/filter';
import { nameContainsFilter, readRawFilter } from '../parameters';
import { simplified } from '../simplify';
import { readOrderBy } from '../orderBy';

export async function listDocuments(this: IExecuteFunctions, path: string, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filter = and(
		nameContainsFilter.call(this, filters.nameContains, itemIndex),
		readRawFilter.call(this, filters.rawFilter, itemIndex),
	);
	const documents = (await aworkRequestAllPages.call(this, path, {
		qs: filters.includeTrashed === true ? { includeTrashedDocuments: true } : undefined,
		filter,
		orderBy: readOrderBy.call(this, (this.getNodeParameter('options', itemIndex, {}) as IDataObject).orderBy, itemIndex) ?? 'name',
		limit: readLimit(this, itemIndex),
		itemIndex,
	})) as IDataObject[];
	return simplified.call(this, 'document', documents, itemIndex);
}
