/**
 * The Command Center health figures, computed from what awork's API returns (no requests here).
 * The exact definitions are in docs/client-health.md; keep both in step.
 */
import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

export interface HealthClock {
	/** The reference time ("now"). */
	now: DateTime;
	/** The time zone whose calendar days decide "past a date" (the workflow's time zone). */
	zone: string;
	/** Start of the recent-activity window: now minus the window's days. */
	recentSince: DateTime;
	recentDays: number;
}

export interface AworkMilestone {
	id?: string;
	name?: string;
	dueDate?: string | null;
	projectId?: string;
}

export interface ProjectHealth extends IDataObject {
	id: string;
	name: string;
	projectKey: string | null;
	companyId: string | null;
	status: string | null;
	statusType: string | null;
	closed: boolean;
	progress: number;
	tasksCount: number;
	tasksDoneCount: number;
	startDate: string | null;
	dueDate: string | null;
	overdue: boolean;
	atRisk: boolean;
	atRiskReasons: string[];
	overdueMilestones: IDataObject[];
	updatedOn: string | null;
	closedOn: string | null;
	/** The project in awork's web app; added by Get Client Health (helpers/webUrl.ts). */
	url?: string;
}

function instant(value: unknown): DateTime | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const parsed = DateTime.fromISO(value.trim(), { zone: 'utc' });
	return parsed.isValid ? parsed : undefined;
}

/** Whether the calendar day of `date` (in the clock's zone) has ended at the reference time. */
export function dayIsOver(date: unknown, clock: HealthClock): boolean {
	const parsed = instant(date);
	if (!parsed) return false;
	return parsed.setZone(clock.zone).endOf('day') < clock.now;
}

export function isClosed(project: IDataObject): boolean {
	return (project.projectStatus as IDataObject | null | undefined)?.type === 'closed';
}

/** Share of the project's tasks that are done, 0..1 (0 when the project has no tasks). */
export function progressRatio(project: IDataObject): number {
	const count = Number(project.tasksCount) || 0;
	const done = Number(project.tasksDoneCount) || 0;
	return count > 0 ? Math.min(1, Math.max(0, done / count)) : 0;
}

const percent = (ratio: number) => Math.round(ratio * 1000) / 10;

/** One project's figures. `milestones` are the project's milestones (only read for open, unfinished projects). */
export function projectHealth(project: IDataObject, milestones: AworkMilestone[], clock: HealthClock): ProjectHealth {
	const closed = isClosed(project);
	const ratio = progressRatio(project);
	// awork milestones have no "done" flag: one counts as overdue while its project is open and unfinished.
	const overdueMilestones =
		closed || ratio >= 1
			? []
			: milestones
					.filter((milestone) => dayIsOver(milestone.dueDate, clock))
					.sort((a, b) => String(a.dueDate).localeCompare(String(b.dueDate)))
					.map((milestone) => ({ id: milestone.id ?? null, name: milestone.name ?? null, dueDate: milestone.dueDate ?? null }));
	const atRiskReasons: string[] = [];
	if (!closed && overdueMilestones.length > 0) atRiskReasons.push('overdueMilestones');
	if (!closed && ratio === 0 && dayIsOver(project.startDate, clock)) atRiskReasons.push('noProgressAfterStart');
	const status = project.projectStatus as IDataObject | null | undefined;
	return {
		id: String(project.id),
		name: String(project.name ?? ''),
		projectKey: (project.projectKey as string | undefined) ?? null,
		companyId: (project.companyId as string | undefined) ?? null,
		status: (status?.name as string | undefined) ?? null,
		statusType: (status?.type as string | undefined) ?? null,
		closed,
		progress: percent(ratio),
		tasksCount: Number(project.tasksCount) || 0,
		tasksDoneCount: Number(project.tasksDoneCount) || 0,
		startDate: (project.startDate as string | undefined) ?? null,
		dueDate: (project.dueDate as string | undefined) ?? null,
		overdue: !closed && dayIsOver(project.dueDate, clock),
		atRisk: atRiskReasons.length > 0,
		atRiskReasons,
		overdueMilestones,
		updatedOn: (project.updatedOn as string | undefined) ?? null,
		closedOn: (project.closedOn as string | undefined) ?? null,
	};
}

/**
 * One client's figures from its projects as read (open ones, plus closed ones changed within the
 * recent-activity window). `healthOf` holds the computed figures of each open project by ID.
 */
export function clientHealth(
	company: { id: string; name: string | null },
	projects: IDataObject[],
	healthOf: Map<string, ProjectHealth>,
	clock: HealthClock,
	includeProjects: boolean,
): IDataObject {
	const active = projects.filter((project) => !isClosed(project)).map((project) => healthOf.get(String(project.id))!);
	active.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
	const ratios = projects.filter((project) => !isClosed(project)).map(progressRatio);
	const recent = (value: unknown) => {
		const parsed = instant(value);
		return parsed !== undefined && parsed >= clock.recentSince;
	};
	let lastActivityOn: string | null = null;
	for (const project of projects) {
		const updated = instant(project.updatedOn);
		if (updated && (lastActivityOn === null || updated > instant(lastActivityOn)!)) lastActivityOn = String(project.updatedOn);
	}
	const health: IDataObject = {
		companyId: company.id,
		companyName: company.name,
		activeProjects: active.length,
		overdueProjects: active.filter((project) => project.overdue).length,
		averageProgress: ratios.length ? percent(ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length) : null,
		overdueMilestones: active.reduce((sum, project) => sum + project.overdueMilestones.length, 0),
		atRiskProjects: active.filter((project) => project.atRisk).length,
		recentActivity: {
			days: clock.recentDays,
			since: clock.recentSince.toUTC().toISO({ suppressMilliseconds: true }),
			lastActivityOn,
			projectsUpdated: projects.filter((project) => recent(project.updatedOn)).length,
			projectsClosed: projects.filter((project) => isClosed(project) && recent(project.closedOn)).length,
		},
		referenceTime: clock.now.toUTC().toISO({ suppressMilliseconds: true }),
	};
	if (includeProjects) health.projects = active;
	return health;
}
