/**
 * Search by Email: the users with this email address among their contact infos. awork's user
 * list has no email filter, so the users are read (1,000 a page) and matched here, ignoring case.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkRequestAllPages } from '../../transport';
import { forOperation, simplifyOption } from '../../descriptions';
import { simplified } from '../../helpers/simplify';

export const description = forOperation('user', 'searchByEmail', [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. carla@example.com',
		required: true,
		default: '',
	},
	{
		displayName: 'Include Archived',
		name: 'showArchived',
		type: 'boolean',
		default: false,
		description: 'Whether to search archived users too',
	},
	simplifyOption('user'),
]);

export const runs = 'perItem';

/** Whether one of the user's contact infos of type email is this address (already lower case). */
const hasEmail = (wanted: string) => (user: unknown) => {
	const infos = ((user as IDataObject).userContactInfos as IDataObject[] | null | undefined) ?? [];
	return infos.some((info) => String(info?.type ?? '').toLowerCase() === 'email' && String(info?.value ?? '').trim().toLowerCase() === wanted);
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const email = String(this.getNodeParameter('email', itemIndex, '') ?? '').trim();
	if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
		throw new NodeOperationError(this.getNode(), `Email: "${email}" is not an email address`, { itemIndex });
	}
	const showArchived = this.getNodeParameter('showArchived', itemIndex, false) as boolean;
	const users = (await aworkRequestAllPages.call(this, '/users', {
		qs: showArchived ? { showArchived: true } : undefined,
		orderBy: 'lastName',
		keep: hasEmail(email.toLowerCase()),
		itemIndex,
	})) as IDataObject[];
	return simplified.call(this, 'user', users, itemIndex);
}
