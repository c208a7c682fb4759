/**
 * Get Client Health's "Project Context" output: one project as a context panel shows it, the
 * project first, then its client and the client's other open projects. Built from the figures
 * of health/definitions.ts, so the numbers are the same as in the client view.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ProjectHealth } from './definitions';

/** What a project in a list shows. */
const SUMMARY_FIELDS = ['id', 'name', 'projectKey', 'status', 'statusType', 'progress', 'startDate', 'dueDate', 'overdue', 'atRisk', 'atRiskReasons', 'url'];
/** What the project the context is about shows in addition. */
const DETAIL_FIELDS = ['closed', 'tasksCount', 'tasksDoneCount', 'overdueMilestones'];
const CLIENT_FIGURES = ['activeProjects', 'overdueProjects', 'averageProgress', 'overdueMilestones', 'atRiskProjects', 'recentActivity'];

function pick(record: IDataObject, fields: string[]): IDataObject {
	return Object.fromEntries(fields.map((field) => [field, record[field]]));
}

/** `health` is the client's figures (companyId null for a project without a client). */
export function projectContext(health: IDataObject, project: ProjectHealth): IDataObject {
	const others = ((health.projects as ProjectHealth[] | undefined) ?? []).filter((other) => other.id !== project.id);
	return {
		project: pick(project, [...SUMMARY_FIELDS, ...DETAIL_FIELDS]),
		flags: { overdue: project.overdue, atRisk: project.atRisk },
		client: health.companyId ? { id: health.companyId, name: health.companyName, ...pick(health, CLIENT_FIGURES) } : null,
		otherActiveProjects: others.map((other) => pick(other, SUMMARY_FIELDS)),
		generatedAt: health.referenceTime,
	};
}
