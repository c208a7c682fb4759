/**
 * The requests behind Get Client Health: one paged project read with a filter; milestones per
 * open, unfinished project (a few projects) or in one paged workspace read of the milestones due
 * before now (many projects); a company read only when it is needed for a name.
 */
import type { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest, aworkRequestAllPages } from '../../../transport';
import { and, datetime, eq, ge, guid, lt, ne, or, text } from '../../../transport/filter';
import { isClosed, progressRatio, type AworkMilestone } from './definitions';

/** Milestone reads in flight at once; the transport's pacer keeps the rate within awork's limits. */
const MILESTONE_READS_IN_PARALLEL = 4;

/** Above this many projects to check, one workspace-wide read of past milestones costs fewer requests. */
export const MILESTONE_READS_PER_PROJECT_UP_TO = 8;

/**
 * Open projects, plus closed ones changed since `recentSince` (they count as recent activity),
 * of one company or of all.
 */
export async function readHealthProjects(
	this: IExecuteFunctions,
	companyId: string | undefined,
	recentSince: DateTime,
	itemIndex: number,
): Promise<IDataObject[]> {
	const filter = and(
		companyId ? eq('companyId', guid(companyId)) : undefined,
		or(ne('projectStatus/type', text('closed')), ge('updatedOn', datetime(recentSince.toJSDate()))),
	);
	return (await aworkRequestAllPages.call(this, '/projects', { filter, orderBy: 'name,id', itemIndex })) as IDataObject[];
}

/** Milestones by project ID, only for projects whose milestones can be overdue (open, unfinished). */
export async function readMilestones(
	this: IExecuteFunctions,
	projects: IDataObject[],
	now: DateTime,
	itemIndex: number,
): Promise<Map<string, AworkMilestone[]>> {
	const wanted = projects.filter((project) => !isClosed(project) && progressRatio(project) < 1).map((project) => String(project.id));
	const milestones = new Map<string, AworkMilestone[]>();
	if (wanted.length > MILESTONE_READS_PER_PROJECT_UP_TO) {
		// Only milestones due before now can be overdue; the caller decides by calendar day.
		const due = (await aworkRequestAllPages.call(this, '/projectmilestones', {
			filter: lt('dueDate', datetime(now.toJSDate())),
			orderBy: 'dueDate,id',
			itemIndex,
		})) as AworkMilestone[];
		const wantedById = new Map(wanted.map((id) => [id.toLowerCase(), id]));
		for (const milestone of due) {
			const projectId = wantedById.get(String(milestone.projectId ?? '').toLowerCase());
			if (projectId) milestones.set(projectId, [...(milestones.get(projectId) ?? []), milestone]);
		}
		return milestones;
	}
	let next = 0;
	const worker = async () => {
		while (next < wanted.length) {
			const projectId = wanted[next++];
			const answer = await aworkRequest.call(this, 'GET', aworkPath`/projects/${projectId}/milestones`, { itemIndex });
			milestones.set(projectId, Array.isArray(answer) ? (answer as AworkMilestone[]) : []);
		}
	};
	await Promise.all(Array.from({ length: Math.min(MILESTONE_READS_IN_PARALLEL, wanted.length) }, worker));
	return milestones;
}

export async function readProject(this: IExecuteFunctions, projectId: string, itemIndex: number): Promise<IDataObject> {
	return (await aworkRequest.call(this, 'GET', aworkPath`/projects/${projectId}`, { itemIndex })) as IDataObject;
}

export async function readCompany(this: IExecuteFunctions, companyId: string, itemIndex: number): Promise<IDataObject> {
	return (await aworkRequest.call(this, 'GET', aworkPath`/companies/${companyId}`, { itemIndex })) as IDataObject;
}

/** Every company of the workspace (for "all clients" including those without open projects). */
export async function readCompanies(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return (await aworkRequestAllPages.call(this, '/companies', { orderBy: 'name,id', itemIndex })) as IDataObject[];
}
