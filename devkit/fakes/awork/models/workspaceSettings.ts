/** Workspace-wide settings: project statuses, project types, types of work, project templates. */
import type { ListSpec } from '../query/paths';
import type { AworkStore, Rec, TemplateContent } from '../store';
import { fill, newId, stamps } from './common';

/** awork's project status types, in their display order. */
export const PROJECT_STATUS_TYPES = ['not-started', 'progress', 'stuck', 'closed'];
export const TASK_STATUS_TYPES = ['todo', 'progress', 'review', 'stuck', 'done'];

export function buildProjectStatus(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	return fill(
		{
			id: newId(),
			name: 'Status',
			type: 'progress',
			order: store.projectStatuses.size,
			...stamps(store),
			projectTemplateId: null,
			projectId: null,
			workflowId: null,
			isExternal: false,
		},
		input,
	);
}

export function buildProjectType(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	return fill(
		{ id: newId(), name: 'Project type', description: null, icon: 'work', isArchived: false, isPreset: false, ...stamps(store) },
		input,
	);
}

export function buildTypeOfWork(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	return fill({ id: newId(), name: 'Type of work', description: null, icon: 'work', isArchived: false, ...stamps(store) }, input);
}

/**
 * A project template. Seed input may carry `taskStatuses`, `taskLists` ([{name, tasks: [{name, ...}]}])
 * and `customFieldDefinitionIds`: what POST /projects copies into a project created from it.
 */
export function buildProjectTemplate(store: AworkStore, input: Record<string, unknown> = {}): { rec: Rec; content: TemplateContent } {
	const { taskStatuses, taskLists, customFieldDefinitionIds, ...fields } = input as Record<string, any>;
	const rec = fill(
		{
			id: newId(),
			name: 'Project template',
			description: null,
			...stamps(store),
			isBillableByDefault: 'auto',
			defaultTaskListIdForEmails: null,
			hasImage: false,
			copyImageToProjectOnCreation: false,
			projectTypeId: null,
			workflowId: null,
			timeBudget: 0,
			hasRelativeTasks: false,
		},
		fields,
	);
	const content: TemplateContent = {
		taskStatuses: Array.isArray(taskStatuses) ? taskStatuses : [],
		taskLists: (Array.isArray(taskLists) ? taskLists : []).map((list: any, i: number) => ({
			name: String(list.name ?? `List ${i + 1}`),
			order: list.order ?? i,
			tasks: Array.isArray(list.tasks) ? list.tasks : [],
		})),
		customFieldDefinitionIds: Array.isArray(customFieldDefinitionIds) ? customFieldDefinitionIds : [],
	};
	return { rec, content };
}

export function projectStatusSpec(): ListSpec {
	return { collection: 'projectStatuses', render: (rec) => ({ ...rec }) };
}

export function projectTypeSpec(): ListSpec {
	return { collection: 'projectTypes', render: (rec) => ({ ...rec }) };
}

export function typeOfWorkSpec(): ListSpec {
	return { collection: 'typesOfWork', render: (rec) => ({ ...rec }) };
}

export function projectTemplateSpec(store: AworkStore): ListSpec {
	return {
		collection: 'projectTemplates',
		render: (rec) => ({ ...rec, projectStatuses: [...store.projectStatuses.values()].map((s) => ({ ...s })) }),
	};
}
