import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { contactLocator, locatorId, showFor } from '../../descriptions';
import { contactView } from '../../helpers/views';
import { callSevDesk } from '../../transport';

export const description: INodeProperties[] = [contactLocator({ displayOptions: showFor('contact', 'get'), description: 'The sevDesk contact (customer)' })];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = locatorId(this, 'contactId', itemIndex);
	const answer = await callSevDesk<{ objects?: unknown }>(this, { endpoint: 'getContact', pathParams: { contactId }, itemIndex, accept: [400, 404] });
	const objects = answer.body?.objects;
	const contact = Array.isArray(objects) ? (objects[0] as IDataObject | undefined) : undefined;
	if (answer.status >= 400 || !contact) {
		throw new NodeOperationError(this.getNode(), `sevDesk has no contact with ID ${JSON.stringify(contactId)}`, {
			description: 'Check "Contact": pick it from the list or pass the ID of an existing sevDesk contact.',
			itemIndex,
		});
	}
	return contactView(contact);
}
