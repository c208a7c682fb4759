import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getContent from './getContent';
import * as getMany from './getMany';
import * as getManyOfDocumentSpace from './getManyOfDocumentSpace';
import * as getManyOfProject from './getManyOfProject';

export const operations: AworkOperations['document'] = {
	create,
	delete: del,
	get,
	getContent,
	getMany,
	getManyOfDocumentSpace,
	getManyOfProject,
};

export const description: INodeProperties[] = [
	operationSelector('document', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a document',
			description: 'Create a document, optionally with HTML or Markdown content; returns the new document',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a document',
			description: 'Move a document to the trash (with its child documents); returns deleted: true, or an error naming the document if awork has none such',
		},
		{ name: 'Get', value: 'get', action: 'Get a document', description: 'Get one document (name, space, project, access)' },
		{
			name: 'Get Content',
			value: 'getContent',
			action: 'Get the content of a document',
			description: 'Get the text of a document as HTML or Markdown, as text or as a file',
		},
		{ name: 'Get Many', value: 'getMany', action: 'Get many documents', description: 'List the documents the credential can see' },
		{
			name: 'Get Many of a Document Space',
			value: 'getManyOfDocumentSpace',
			action: 'Get many documents of a document space',
			description: 'List the documents of one document space',
		},
		{
			name: 'Get Many of a Project',
			value: 'getManyOfProject',
			action: 'Get many documents of a project',
			description: 'List the documents of one project',
		},
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
