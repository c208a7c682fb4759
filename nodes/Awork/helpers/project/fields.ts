/** The project fields Create, Create If Missing and Update share, and how they map to awork's form. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { collection, optionalIdLocator } from '../../descriptions';
import { compact, hoursToSeconds, optionalGuid, positiveNumber, toAworkDate } from '../parameters';

const PROJECT_KEY = /^[A-Za-z0-9_-]{1,32}$/;

export const projectKeyProperty: INodeProperties = {
	displayName: 'Project Key',
	name: 'projectKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. PSA-2026-0042',
	description:
		'Unique key of the project in the workspace: 1-32 letters, numbers, dashes or underscores. awork stores it in upper case.',
};

/** Fields a user may set on create and update. `forCreate` adds the ones only a create accepts. */
export function projectFields(name: string, displayName: string, forCreate: boolean): INodeProperties {
	const options: INodeProperties[] = [
		optionalIdLocator('companyId', 'Company', 'searchCompanies', 'The client (company) the project is for'),
		{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
		{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
		{
			displayName: 'Is Billable by Default',
			name: 'isBillableByDefault',
			type: 'boolean',
			default: true,
			description: 'Whether time tracked on the project is billable unless marked otherwise',
		},
		{
			displayName: 'Project Type Name or ID',
			name: 'projectTypeId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getProjectTypes' },
			default: '',
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '' },
		{
			displayName: 'Time Budget (Hours)',
			name: 'timeBudgetHours',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Planned time budget in hours; sent to awork in seconds',
		},
	];
	if (forCreate) {
		options.push({
			displayName: 'Status Name or ID',
			name: 'projectStatusId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getProjectStatuses' },
			default: '',
			description: 'Initial status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		});
	}
	return collection(name, displayName, 'Add Field', options.sort((a, b) => a.displayName.localeCompare(b.displayName)));
}

/** Maps the collection's values to awork's project form fields (only those that are set). */
export function readProjectFields(this: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {
		companyId: optionalGuid.call(this, fields.companyId, 'Company', itemIndex),
		projectTypeId: optionalGuid.call(this, fields.projectTypeId, 'Project Type', itemIndex),
		projectStatusId: optionalGuid.call(this, fields.projectStatusId, 'Status', itemIndex),
		description: fields.description,
		isBillableByDefault: fields.isBillableByDefault,
	};
	if (fields.startDate) body.startDate = toAworkDate.call(this, fields.startDate, 'Start Date', itemIndex);
	if (fields.dueDate) body.dueDate = toAworkDate.call(this, fields.dueDate, 'Due Date', itemIndex);
	if (fields.timeBudgetHours !== undefined && fields.timeBudgetHours !== '') {
		body.timeBudget = hoursToSeconds(positiveNumber.call(this, fields.timeBudgetHours, 'Time Budget (Hours)', itemIndex));
	}
	return compact(body);
}

/** Checks a project key and returns it the way awork stores it (upper case). */
export function normaliseProjectKey(this: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const key = String(value ?? '').trim();
	if (!PROJECT_KEY.test(key)) {
		throw new NodeOperationError(this.getNode(), `Project Key: "${key}" is not a valid awork project key`, {
			itemIndex,
			description: 'Use 1-32 letters, numbers, dashes or underscores, e.g. PSA-2026-0042.',
		});
	}
	return key.toUpperCase();
}
