/** Binds each collection to its list spec (render, links, computed properties) for one store. */
import { companySpec } from './models/companies';
import { customFieldDefinitionSpec } from './models/customFields';
import { documentSpaceSpec, documentSpec } from './models/documents';
import { projectSpec } from './models/projects';
import { commentSpec, milestoneSpec, taskListSpec, taskSpec, taskStatusSpec } from './models/tasks';
import { timeEntrySpec } from './models/timeEntries';
import { userSpec } from './models/users';
import { webhookSpec } from './models/webhooks';
import { projectStatusSpec, projectTemplateSpec, projectTypeSpec, typeOfWorkSpec } from './models/workspaceSettings';
import type { SpecRegistry } from './query/paths';
import type { AworkStore } from './store';
import type { AworkFakeConfig } from './config';

export function createRegistry(store: AworkStore, dateShape: () => AworkFakeConfig['timeEntryDateShape'] = () => 'instant'): SpecRegistry {
	return {
		store,
		specs: {
			users: userSpec(),
			companies: companySpec(store),
			projectStatuses: projectStatusSpec(),
			projectTypes: projectTypeSpec(),
			projectTemplates: projectTemplateSpec(store),
			typesOfWork: typeOfWorkSpec(),
			projects: projectSpec(store),
			taskStatuses: taskStatusSpec(),
			taskLists: taskListSpec(store),
			tasks: taskSpec(store),
			comments: commentSpec(store),
			milestones: milestoneSpec(),
			timeEntries: timeEntrySpec(store, dateShape),
			customFieldDefinitions: customFieldDefinitionSpec(store),
			webhooks: webhookSpec(),
			documentSpaces: documentSpaceSpec(),
			documents: documentSpec(store),
		},
	};
}
