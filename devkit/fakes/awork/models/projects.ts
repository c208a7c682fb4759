/** Projects: stored fields, calculated counters and the nested models awork embeds. */
import type { ListSpec } from '../query/paths';
import type { AworkStore, Rec } from '../store';
import { fill, nestedCompany, nestedStatus, nestedType, newId, renderCustomFields, stamps, versioned } from './common';
import { PROJECT_STATUS_TYPES } from './workspaceSettings';

/** Project keys: 1-32 letters, digits, dashes or underscores; stored upper case. */
export const PROJECT_KEY = /^[A-Z0-9_-]{1,32}$/;

/** A free key derived from the project name (awork generates one when none is given). */
export function generateProjectKey(store: AworkStore, name: string): string {
	const words = name
		.toUpperCase()
		.split(/[^A-Z0-9]+/)
		.filter(Boolean);
	let base =
		words.length > 1
			? words
					.map((w) => w[0])
					.join('')
					.slice(0, 4)
			: (words[0] ?? '').slice(0, 4);
	if (!base) base = 'PRJ';
	const taken = new Set([...store.projects.values()].map((p) => p.projectKey));
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

export function defaultProjectStatusId(store: AworkStore): string | null {
	const statuses = [...store.projectStatuses.values()];
	return (statuses.find((s) => s.type === 'not-started') ?? statuses[0])?.id ?? null;
}

export function buildProject(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	const name = typeof input.name === 'string' ? input.name : 'Project';
	const rec = fill(
		{
			id: newId(),
			name,
			isPrivate: false,
			description: null,
			startDate: null,
			dueDate: null,
			companyId: null,
			timeBudget: null,
			isBillableByDefault: false,
			projectTypeId: null,
			color: null,
			deductNonBillableHours: false,
			isProjectKeyVisible: null,
			projectStatusId: defaultProjectStatusId(store),
			projectTemplateId: null,
			publicProjectTemplateId: null,
			workflowId: null,
			projectKey: null,
			hasImage: false,
			...stamps(store),
			closedOn: null,
			closedBy: null,
			createdByProjectTemplateId: null,
			tags: [],
			members: [],
			customFields: [],
			...versioned(),
			teams: [],
			isExternal: false,
			isRetainer: false,
			isMultiAssignmentAllowed: true,
		},
		input,
	);
	rec.projectKey = typeof rec.projectKey === 'string' && rec.projectKey ? rec.projectKey.toUpperCase() : generateProjectKey(store, name);
	return rec;
}

export function projectSpec(store: AworkStore): ListSpec {
	const tasks = (rec: Rec) => store.aggregates().projectTasks.get(rec.id) ?? { count: 0, done: 0, planned: 0 };
	const tracked = (rec: Rec) => {
		const t = store.aggregates().projectTracked.get(rec.id) ?? { all: 0, billable: 0 };
		// awork: without deductNonBillableHours only billable time counts.
		return rec.deductNonBillableHours ? t.all : t.billable;
	};
	return {
		collection: 'projects',
		links: {
			projectStatus: { collection: 'projectStatuses', idOf: (rec) => rec.projectStatusId },
			projectType: { collection: 'projectTypes', idOf: (rec) => rec.projectTypeId },
			company: { collection: 'companies', idOf: (rec) => rec.companyId },
		},
		computed: {
			tasksCount: (rec) => tasks(rec).count,
			tasksDoneCount: (rec) => tasks(rec).done,
			plannedDuration: (rec) => tasks(rec).planned,
			totalPlannedDurationWithHierarchy: (rec) => tasks(rec).planned,
			trackedDuration: tracked,
		},
		render: (rec) => {
			const status = store.projectStatuses.get(rec.projectStatusId);
			const counters = tasks(rec);
			return {
				...rec,
				projectType: nestedType(store.projectTypes.get(rec.projectTypeId)),
				projectStatus: status
					? { ...nestedStatus(status), typeOrder: PROJECT_STATUS_TYPES.indexOf(status.type) + 2, isExternal: false }
					: null,
				company: nestedCompany(store.companies.get(rec.companyId), true),
				plannedDuration: counters.planned,
				totalPlannedDurationWithHierarchy: counters.planned,
				tasksCount: counters.count,
				tasksDoneCount: counters.done,
				trackedDuration: tracked(rec),
				customFields: renderCustomFields(store, rec.customFields),
			};
		},
	};
}

/** The small project model inside time entries (ProjectModelForTimeTrackings). */
export function projectForTimeTracking(store: AworkStore, rec: Rec | undefined) {
	if (!rec) return null;
	return {
		id: rec.id,
		name: rec.name,
		projectStatus: nestedStatus(store.projectStatuses.get(rec.projectStatusId)),
		company: nestedCompany(store.companies.get(rec.companyId)),
		projectType: nestedType(store.projectTypes.get(rec.projectTypeId)),
		projectKey: rec.projectKey,
		isPrivate: rec.isPrivate,
		hasImage: rec.hasImage,
		isExternal: false,
		isBillableByDefault: rec.isBillableByDefault,
		createdBy: rec.createdBy,
	};
}

/** The project model inside tasks (NestedProjectModelForTasks). */
export function projectForTask(store: AworkStore, rec: Rec | undefined) {
	if (!rec) return null;
	return {
		id: rec.id,
		name: rec.name,
		projectKey: rec.projectKey,
		projectStatus: nestedStatus(store.projectStatuses.get(rec.projectStatusId)),
		company: nestedCompany(store.companies.get(rec.companyId)),
		companyId: rec.companyId,
		projectType: nestedType(store.projectTypes.get(rec.projectTypeId)),
		hasImage: rec.hasImage,
		isPrivate: rec.isPrivate,
		isBillableByDefault: rec.isBillableByDefault,
		members: (rec.members as Rec[]).map((m) => ({
			id: m.id,
			userId: m.userId,
			projectRoleId: m.projectRoleId,
			projectRoleName: m.projectRoleName,
			isResponsible: m.isResponsible,
			isExternal: false,
		})),
		color: rec.color,
		createdBy: rec.createdBy,
		teams: [],
		customFields: renderCustomFields(store, rec.customFields),
		isExternal: false,
	};
}
