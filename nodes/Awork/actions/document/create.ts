/**
 * Create: a new document, optionally with content in HTML or Markdown. awork takes this as a
 * form (multipart/form-data), the content as a UTF-8 file part.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkRequest } from '../../transport';
import type { MultipartFields } from '../../transport/multipart';
import { collection, forOperation, optionalIdLocator } from '../../descriptions';
import { parentDocumentOption } from '../../descriptions/document';
import { AWORK_NAME_MAX_LENGTH, optionalGuid } from '../../helpers/parameters';
import { requiredText } from '../../helpers/requiredText';

const CONTENT_TYPES = { html: 'text/html', markdown: 'text/markdown' } as const;
const EXTENSIONS = { html: 'html', markdown: 'md' } as const;

export const description = forOperation('document', 'create', [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Kick-off notes',
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		placeholder: 'e.g. <h1>Agenda</h1><p>Scope and timeline</p>',
		description: 'The text of the document; leave empty for an empty document',
	},
	{
		displayName: 'Content Format',
		name: 'contentFormat',
		type: 'options',
		default: 'html',
		options: [
			{ name: 'HTML', value: 'html' },
			{ name: 'Markdown', value: 'markdown' },
		],
		description: 'How awork reads the content',
	},
	collection('additionalFields', 'Additional Fields', 'Add Field', [
		optionalIdLocator('documentSpaceId', 'Document Space', 'searchDocumentSpaces', 'The document space the document belongs to'),
		{ displayName: 'Emoji', name: 'emoji', type: 'string', default: '', placeholder: 'e.g. 📝', description: 'Shown next to the name' },
		parentDocumentOption,
		{
			displayName: 'Private',
			name: 'isPrivate',
			type: 'boolean',
			default: false,
			description: 'Whether only you can see the document (your private docs)',
		},
		optionalIdLocator('projectId', 'Project', 'searchProjects', 'The project the document belongs to'),
		optionalIdLocator('taskId', 'Task', 'searchTasks', 'The task the document belongs to'),
	]),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredText.call(this, 'name', 'Name', AWORK_NAME_MAX_LENGTH, itemIndex);
	const content = String(this.getNodeParameter('content', itemIndex, '') ?? '');
	const format = this.getNodeParameter('contentFormat', itemIndex, 'html') as keyof typeof CONTENT_TYPES;
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const guid = (key: string, label: string) => optionalGuid.call(this, extra[key], label, itemIndex);
	const emoji = typeof extra.emoji === 'string' && extra.emoji.trim() ? extra.emoji.trim() : undefined;
	const form: MultipartFields = {
		name,
		documentSpaceId: guid('documentSpaceId', 'Document Space'),
		parentId: guid('parentId', 'Parent Document'),
		projectId: guid('projectId', 'Project'),
		taskId: guid('taskId', 'Task'),
		emoji,
		isPrivate: typeof extra.isPrivate === 'boolean' ? extra.isPrivate : undefined,
	};
	if (content.trim()) {
		form.contentFormat = format;
		form.content = { data: Buffer.from(content, 'utf8'), fileName: `content.${EXTENSIONS[format]}`, contentType: `${CONTENT_TYPES[format]}; charset=utf-8` };
	}
	return (await aworkRequest.call(this, 'POST', '/documents', { form, itemIndex })) as IDataObject;
}
