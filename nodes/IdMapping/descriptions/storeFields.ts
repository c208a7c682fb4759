/**
 * Where the mappings live. Shown above the resource so the choice is made once per node.
 */
import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_TABLE_NAME } from '../stores/openStore';

export const STATIC_DATA_NOTICE =
	'Workflow static data is saved only by production runs (trigger, webhook, schedule, and "n8n execute" on the command line), never by manual test runs in the editor. It belongs to this workflow alone, and when two executions run at the same time the one that finishes last overwrites the other\'s changes. Use "n8n Data Table" to share mappings between workflows or for parallel runs.';

export const storeFields: INodeProperties[] = [
	{
		displayName: 'Store',
		name: 'store',
		type: 'options',
		noDataExpression: true,
		default: 'staticData',
		options: [
			{
				name: 'Workflow Static Data',
				value: 'staticData',
				description: 'Kept inside this workflow; no setup needed',
			},
			{
				name: 'Data Table',
				value: 'dataTable',
				description: 'A data table of this n8n, shared by every workflow; needs an n8n API key',
			},
		],
	},
	{
		displayName: STATIC_DATA_NOTICE,
		name: 'staticDataNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { store: ['staticData'] } },
	},
	{
		displayName: 'Table Name',
		name: 'tableName',
		type: 'string',
		default: DEFAULT_TABLE_NAME,
		required: true,
		description: 'Name of the data table that holds the mappings and checkpoints',
		displayOptions: { show: { store: ['dataTable'] } },
	},
	{
		displayName: 'Create Table If Missing',
		name: 'createTableIfMissing',
		type: 'boolean',
		default: true,
		description: 'Whether to create the table and its columns when they do not exist yet',
		displayOptions: { show: { store: ['dataTable'] } },
	},
	{
		displayName: 'Table Options',
		name: 'tableOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { store: ['dataTable'] } },
		options: [
			{
				displayName: 'Project ID',
				name: 'projectId',
				type: 'string',
				default: '',
				description: 'The n8n project of the table. Empty: the personal project of the API key\'s owner.',
			},
		],
	},
];
