/** The one reading of a comment list (of a project or of a task): oldest first, up to the limit. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { readLimit } from '../../shared/operations';
import { aworkRequestAllPages } from '../transport';

export async function listComments(this: IExecuteFunctions, path: string, itemIndex: number): Promise<IDataObject[]> {
	return (await aworkRequestAllPages.call(this, path, { orderBy: 'createdOn', limit: readLimit(this, itemIndex), itemIndex })) as IDataObject[];
}
