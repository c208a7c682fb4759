import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkRequestAllPages } from '../../transport';
import { and, eq, guid, text } from '../../transport/filter';
import { customFieldsByNameOptions, withCustomFieldsByName } from '../../helpers/customFieldsByName';
import { readLimit } from '../../../shared/operations';
import { collection, forOperation, nameContainsOption, optionalIdLocator, rawFilterOption, PROJECT_STATUS_TYPES, returnAllOrLimit, simplifyOption } from '../../descriptions';
import { simplified } from '../../helpers/simplify';
import { nameContainsFilter, optionalGuid, readRawFilter } from '../../helpers/parameters';
import { withWebUrls } from '../../helpers/webUrl';
import { orderByOption } from '../../descriptions/orderBy';
import { readOrderBy } from '../../helpers/orderBy';

export const description = forOperation('project', 'getMany', [
	...returnAllOrLimit(),
	simplifyOption('project'),
	collection('filters', 'Filters', 'Add Filter', [
		optionalIdLocator('companyId', 'Company', 'searchCompanies', 'Only projects of this client (company)'),
		nameContainsOption,
		rawFilterOption,
		{
			displayName: 'Status Type',
			name: 'statusType',
			type: 'options',
			options: PROJECT_STATUS_TYPES,
			default: 'progress',
		},
	]),
	customFieldsByNameOptions(
		'Whether to add customFieldsByName to each project: its custom field values keyed by field name, e.g. {"PSA Contract": "ctr_1001"} (reads the field definitions once per run)',
		[orderByOption('projectStatus/type,name')],
	),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const companyId = optionalGuid.call(this, filters.companyId, 'Company', itemIndex);
	const filter = and(
		filters.statusType ? eq('projectStatus/type', text(String(filters.statusType))) : undefined,
		companyId ? eq('companyId', guid(companyId)) : undefined,
		nameContainsFilter.call(this, filters.nameContains, itemIndex),
		readRawFilter.call(this, filters.rawFilter, itemIndex),
	);
	const projects = (await aworkRequestAllPages.call(this, '/projects', {
		filter,
		orderBy: readOrderBy.call(this, (this.getNodeParameter('options', itemIndex, {}) as IDataObject).orderBy, itemIndex),
		limit: readLimit(this, itemIndex),
		itemIndex,
	})) as IDataObject[];
	const withUrls = await withWebUrls.call(this, 'projects', await withCustomFieldsByName.call(this, projects, itemIndex));
	return simplified.call(this, 'project', withUrls, itemIndex);
}
