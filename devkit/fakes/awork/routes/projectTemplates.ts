/** What a new project gets: its task statuses and, from a template, task lists, tasks and custom fields. */
import { buildTask, buildTaskList, buildTaskStatus } from '../models/tasks';
import type { Rec } from '../store';
import type { AworkContext } from './http';

export function createProjectContent(ctx: AworkContext, project: Rec, template: Rec | undefined): void {
	const { store } = ctx;
	const content = template ? store.templateContents.get(template.id) : undefined;
	const statuses = content?.taskStatuses.length ? content.taskStatuses : store.defaultTaskStatuses;
	const created = statuses.map((status, i) =>
		store.insert('taskStatuses', buildTaskStatus(store, { ...status, order: status.order ?? i, projectId: project.id })),
	);
	if (!content) return;
	const todo = created.find((s) => s.type === 'todo') ?? created[0];
	const typeOfWorkId = store.typesOfWork.keys().next().value ?? null;
	content.taskLists.forEach((listTemplate, listIndex) => {
		const list = store.insert(
			'taskLists',
			buildTaskList(store, { name: listTemplate.name, order: listTemplate.order ?? listIndex, projectId: project.id }),
		);
		listTemplate.tasks.forEach((taskTemplate, taskIndex) => {
			const { id: _ignored, lists: _lists, ...fields } = taskTemplate;
			store.insert(
				'tasks',
				buildTask(store, {
					typeOfWorkId,
					...fields,
					baseType: 'projecttask',
					entityId: project.id,
					projectId: project.id,
					taskStatusId: todo?.id ?? null,
					lists: [{ id: list.id, order: taskIndex }],
				}),
			);
		});
	});
	const links = content.customFieldDefinitionIds.map((customFieldDefinitionId, order) => ({ customFieldDefinitionId, order }));
	if (links.length) store.customFieldLinks.set(project.id, links);
}
