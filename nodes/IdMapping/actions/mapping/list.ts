import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readLimit, returnAllOrLimit } from '../../../shared/operations';
import { forOperation, showFor } from '../../descriptions';
import { storeOfRun } from '../../stores/openStore';
import { namespaceFields, readNamespace } from '../../helpers/parameters';

const { show } = showFor('mapping', 'list');

export const description: INodeProperties[] = [
	{
		displayName: 'All Namespaces',
		name: 'allNamespaces',
		type: 'boolean',
		default: true,
		description: 'Whether to list the mappings of every namespace, or of one',
		displayOptions: { show },
	},
	// The namespace fields, shown only when one namespace is asked for.
	...namespaceFields({ ...show, allNamespaces: [false] }),
	...forOperation('mapping', 'list', returnAllOrLimit()),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const store = await storeOfRun(this);
	const all = this.getNodeParameter('allNamespaces', itemIndex) as boolean;
	const namespace = all ? undefined : readNamespace(this, itemIndex);
	const mappings = await store.list({ namespace, limit: readLimit(this, itemIndex) });
	return mappings.map((mapping) => ({ ...mapping }) as IDataObject);
}
