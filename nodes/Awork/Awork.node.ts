import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { routeOperation } from '../shared/operations';
import * as comment from './actions/comment';
import * as company from './actions/company';
import * as customFieldDefinition from './actions/customFieldDefinition';
import * as document from './actions/document';
import * as project from './actions/project';
import * as task from './actions/task';
import * as taskList from './actions/taskList';
import * as timeEntry from './actions/timeEntry';
import * as user from './actions/user';
import * as workspace from './actions/workspace';
import type { AworkOperations } from './actions/node.type';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

const operations: AworkOperations = {
	comment: comment.operations,
	company: company.operations,
	customFieldDefinition: customFieldDefinition.operations,
	document: document.operations,
	project: project.operations,
	task: task.operations,
	taskList: taskList.operations,
	timeEntry: timeEntry.operations,
	user: user.operations,
	workspace: workspace.operations,
};

export class Awork implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Awork',
		name: 'awork',
		icon: { light: 'file:awork.svg', dark: 'file:awork.dark.svg' },
		group: ['transform'],
		// 1.1: Get and Get Many of projects, tasks and companies offer Simplify, on by default.
		// Nodes saved as 1 keep returning the full objects, as before.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and read projects, tasks, custom fields and time entries in awork',
		defaults: { name: 'Awork' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// Mark Billed with "Add Report Output" has a second output, Report.
		outputs: `={{ $parameter["operation"] === "markBilled" && ($parameter["options"] || {})["addReport"] === true ? [{ "type": "${NodeConnectionTypes.Main}", "displayName": "Time Entries" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Report" }] : [{ "type": "${NodeConnectionTypes.Main}" }] }}`,
		// To Invoice Positions works on its input only: it asks for no credential.
		credentials: [
			{ name: 'aworkPsaApi', required: true, displayOptions: { show: { authentication: ['apiKey'] }, hide: { operation: ['toInvoicePositions'] } } },
			{ name: 'aworkPsaOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] }, hide: { operation: ['toInvoicePositions'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Key', value: 'apiKey' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'apiKey',
				displayOptions: { hide: { operation: ['toInvoicePositions'] } },
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Comment', value: 'comment', description: 'Comments on projects and tasks' },
					{ name: 'Company', value: 'company' },
					{ name: 'Custom Field Definition', value: 'customFieldDefinition' },
					{ name: 'Document', value: 'document', description: 'Docs in document spaces and projects, and their content' },
					{ name: 'Project', value: 'project' },
					{ name: 'Task', value: 'task' },
					{ name: 'Task List', value: 'taskList' },
					{ name: 'Time Entry', value: 'timeEntry' },
					{ name: 'User', value: 'user', description: 'The people of the workspace, by ID or email' },
					{ name: 'Workspace', value: 'workspace', description: 'Users, types of work, templates and statuses' },
				],
				default: 'project',
			},
			...project.description,
			...customFieldDefinition.description,
			...taskList.description,
			...task.description,
			...timeEntry.description,
			...company.description,
			...workspace.description,
			...document.description,
			...user.description,
			...comment.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations);
	}
}
