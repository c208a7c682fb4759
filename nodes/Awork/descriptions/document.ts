/** Parameters the document operations share: the document and document space pickers, list filters. */
import type { INodeProperties } from 'n8n-workflow';
import { collection, idLocator, nameContainsOption, optionalIdLocator, rawFilterOption } from './index';
import { orderByOption } from './orderBy';

export const documentLocator = idLocator('documentId', 'Document', 'searchDocuments');

export const documentSpaceLocator = idLocator('documentSpaceId', 'Document Space', 'searchDocumentSpaces');

export const parentDocumentOption = optionalIdLocator(
	'parentId',
	'Parent Document',
	'searchDocuments',
	'The document the new one is nested under',
);

/** The Filters of the document lists; `trashed` adds "Include Trashed" (only GET /documents has it). */
/** Options of the document lists: their order (by name unless set). */
export const documentListOptions: INodeProperties = collection('options', 'Options', 'Add Option', [orderByOption('updatedOn desc')]);

export function documentFilters({ trashed = false } = {}): INodeProperties {
	return collection('filters', 'Filters', 'Add Filter', [
		...(trashed
			? [
					{
						displayName: 'Include Trashed',
						name: 'includeTrashed',
						type: 'boolean' as const,
						default: false,
						description: 'Whether to include documents that were deleted (moved to the trash)',
					},
				]
			: []),
		nameContainsOption,
		rawFilterOption,
	]);
}
