/** The parameters and create form of a new project: Create and Create If Missing share them. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { idLocator } from '../../descriptions';
import { readId } from '../parameters';
import { normaliseProjectKey, projectFields, projectKeyProperty, readProjectFields } from './fields';

/** Name, source (scratch or template) and fields: shared with Create If Missing. */
export function projectCreateProperties(keyRequired: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Website Relaunch - ACME GmbH',
		},
		{ ...projectKeyProperty, required: keyRequired },
		{
			displayName: 'Create From',
			name: 'createFrom',
			type: 'options',
			options: [
				{ name: 'Scratch', value: 'scratch' },
				{ name: 'Project Template', value: 'template', description: 'Copies statuses, task lists and tasks of a template' },
			],
			default: 'scratch',
		},
		idLocator('projectTemplateId', 'Project Template', 'searchProjectTemplates', {
			displayOptions: { show: { createFrom: ['template'] } },
		}),
		projectFields('additionalFields', 'Additional Fields', true),
	];
}

/** awork's create form (ExtendedProjectForm) from the parameters of one item. */
export function readProjectCreateBody(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const name = String(this.getNodeParameter('name', itemIndex) ?? '').trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'Name: a project needs a name', { itemIndex });
	const body: IDataObject = {
		name,
		...readProjectFields.call(this, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, itemIndex),
	};
	const key = this.getNodeParameter('projectKey', itemIndex, '') as string;
	if (key) body.projectKey = normaliseProjectKey.call(this, key, itemIndex);
	if (this.getNodeParameter('createFrom', itemIndex, 'scratch') === 'template') {
		body.projectTemplateId = readId.call(this, 'projectTemplateId', 'Project Template', itemIndex);
	}
	return body;
}
