/** The users Set Assignees and Remove Assignees take: a list of user pickers. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { idLocator } from '../../descriptions';
import { optionalGuid } from '../parameters';

export function usersProperty(description: string): INodeProperties {
	return {
		displayName: 'Users',
		name: 'users',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add User',
		default: {},
		description,
		options: [{ displayName: 'User', name: 'user', values: [idLocator('userId', 'User', 'searchUsers')] }],
	};
}

/** The chosen user IDs (lower case, each once); an entry that is not a GUID fails naming its position. */
export function readUserIds(this: IExecuteFunctions, itemIndex: number): string[] {
	const entries = this.getNodeParameter('users.user', itemIndex, []) as IDataObject[];
	const ids = entries.map((entry, index) => optionalGuid.call(this, entry.userId, `Users (${index + 1})`, itemIndex));
	return [...new Set(ids.filter((id): id is string => id !== undefined))];
}
