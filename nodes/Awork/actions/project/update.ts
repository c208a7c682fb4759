import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, projectLocator } from '../../descriptions';
import { readId } from '../../helpers/parameters';
import { projectFields, readProjectFields } from '../../helpers/project/fields';
import { withWebUrl } from '../../helpers/webUrl';

/** What PUT /projects/{id} accepts (ProjectPutForm); awork resets what a PUT leaves out. */
const PUT_FIELDS = [
	'name',
	'isPrivate',
	'description',
	'startDate',
	'dueDate',
	'companyId',
	'timeBudget',
	'isBillableByDefault',
	'projectTypeId',
	'color',
	'deductNonBillableHours',
	'isProjectKeyVisible',
];

const updateFields = projectFields('updateFields', 'Update Fields', false);
updateFields.options = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	...(updateFields.options ?? []),
];

export const description = forOperation('project', 'update', [projectLocator, updateFields]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = readProjectFields.call(this, fields, itemIndex);
	if (typeof fields.name === 'string' && fields.name.trim()) changes.name = fields.name.trim();
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: choose at least one field to change', { itemIndex });
	}
	const path = aworkPath`/projects/${projectId}`;
	// A PUT replaces the whole form, so start from the current values to keep what is not changed.
	const current = (await aworkRequest.call(this, 'GET', path, { itemIndex })) as IDataObject;
	const body: IDataObject = {};
	for (const field of PUT_FIELDS) if (current[field] !== undefined) body[field] = current[field];
	Object.assign(body, changes);
	const project = (await aworkRequest.call(this, 'PUT', path, { body, itemIndex })) as IDataObject;
	return await withWebUrl.call(this, 'projects', project);
}
