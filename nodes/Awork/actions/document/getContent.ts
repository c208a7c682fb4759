/**
 * Get Content: the text of a document's current version, as HTML or Markdown. As text it lands
 * in `content`; as a file (awork's streamAsFile) in the item's binary data, ready for a Write
 * File or an upload node. A batch operation only because per-item results carry no binary data.
 */
import {
	NodeOperationError,
	type IBinaryData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { asOperationError, errorItem } from '../../../shared/operations';
import { aworkPath, aworkRequestFull } from '../../transport';
import { forOperation } from '../../descriptions';
import { documentLocator } from '../../descriptions/document';
import { readId } from '../../helpers/parameters';
import { fileNameOf } from '../../helpers/document/contentFile';

export const description = forOperation('document', 'getContent', [
	documentLocator,
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		default: 'html',
		options: [
			{ name: 'HTML', value: 'html' },
			{ name: 'Markdown', value: 'markdown' },
		],
		description: 'The format awork renders the content in',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'File', value: 'file', description: 'The content as a file in the binary data' },
			{ name: 'Text', value: 'text', description: 'The content as text, in the field "content"' },
		],
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		description: 'The name of the binary field to put the file in',
		displayOptions: { show: { output: ['file'] } },
	},
]);

export const runs = 'batch';

type Format = 'html' | 'markdown';

/** awork documents the answer both as a JSON string and as a model with a `content` property; both are read. */
function contentText(this: IExecuteFunctions, body: unknown, documentId: string, itemIndex: number): string {
	if (typeof body === 'string') return body;
	if (body && typeof body === 'object') {
		const model = body as IDataObject;
		const content = model.content ?? model.Content;
		if (typeof content === 'string') return content;
		if (content === null) return '';
	}
	throw new NodeOperationError(this.getNode(), `Document ${documentId}: awork's answer holds no text content`, {
		itemIndex,
		description: 'Expected a text or an object with "content". Try Output "File".',
	});
}

async function readContent(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const documentId = readId.call(this, 'documentId', 'Document', itemIndex);
	const format = this.getNodeParameter('format', itemIndex, 'html') as Format;
	const path = aworkPath`/documents/${documentId}/content`;
	if (this.getNodeParameter('output', itemIndex, 'text') !== 'file') {
		const response = await aworkRequestFull.call(this, 'GET', path, { qs: { format }, itemIndex });
		// 204: the document has no content yet.
		const content = response.statusCode === 204 ? '' : contentText.call(this, response.body, documentId, itemIndex);
		return { json: { documentId, format, content } };
	}
	const field = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (!field) throw new NodeOperationError(this.getNode(), 'Put Output File in Field: the binary field needs a name', { itemIndex });
	const response = await aworkRequestFull.call(this, 'GET', path, { qs: { format, streamAsFile: true }, binaryResponse: true, itemIndex });
	const data = Buffer.isBuffer(response.body) ? response.body : Buffer.from(String(response.body ?? ''), 'utf8');
	const { fileName, mimeType } = fileNameOf(response.headers, documentId, format);
	const binary: IBinaryData = await this.helpers.prepareBinaryData(data, fileName, mimeType);
	return { json: { documentId, format, fileName, fileSize: data.length }, binary: { [field]: binary } };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push({ ...(await readContent.call(this, itemIndex)), pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw asOperationError(this.getNode(), error, itemIndex);
			output.push(errorItem(error, itemIndex, items[itemIndex]));
		}
	}
	return [output];
}
