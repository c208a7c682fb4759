/**
 * Project > Get Client Health: the Command Center figures per client (company): open projects,
 * overdue projects, average progress, overdue milestones, at-risk projects and recent activity.
 * Definitions: docs/client-health.md and health/definitions.ts.
 */
import { DateTime } from 'luxon';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { collection, forOperation, idLocator } from '../../descriptions';
import { readId } from '../../helpers/parameters';
import { readDate } from '../../../shared/dates';
import { clientHealth, isClosed, projectHealth, type HealthClock, type ProjectHealth } from '../../helpers/project/health/definitions';
import { readCompanies, readCompany, readHealthProjects, readMilestones, readProject } from '../../helpers/project/health/reads';
import { projectContext } from '../../helpers/project/health/context';
import { withWebUrls } from '../../helpers/webUrl';

export const description = forOperation('project', 'getClientHealth', [
	{
		displayName: 'Clients',
		name: 'healthScope',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'All Clients', value: 'all', description: 'One item per company that has open projects' },
			{ name: 'Client of a Project', value: 'projectClient', description: 'The company of one project, with that project’s own figures under "project"' },
			{ name: 'One Client', value: 'company', description: 'One item for the chosen company' },
		],
		default: 'company',
	},
	{ ...idLocator('companyId', 'Company', 'searchCompanies'), displayOptions: { show: { healthScope: ['company'] } } },
	{ ...idLocator('projectId', 'Project', 'searchProjects'), displayOptions: { show: { healthScope: ['projectClient'] } } },
	{
		displayName: 'Output',
		name: 'projectClientOutput',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Client Health', value: 'clientHealth', description: 'The client’s figures, with the project’s own under "project"' },
			{
				name: 'Project Context',
				value: 'projectContext',
				description: 'The project first: {project, flags, client (null without one), otherActiveProjects, generatedAt}',
			},
		],
		default: 'clientHealth',
		displayOptions: { show: { healthScope: ['projectClient'] } },
	},
	collection('healthOptions', 'Options', 'Add Option', [
		{
			displayName: 'Include Clients Without Open Projects',
			name: 'includeIdleClients',
			type: 'boolean',
			default: false,
			description: 'Whether "All Clients" also lists companies without open projects (reads the companies once more)',
		},
		{
			displayName: 'Include Projects',
			name: 'includeProjects',
			type: 'boolean',
			default: true,
			description: 'Whether each client lists its open projects with their own figures under "projects"',
		},
		{
			displayName: 'Recent Activity (Days)',
			name: 'recentActivityDays',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 14,
			description: 'How far back "recentActivity" looks for changed and closed projects',
		},
		{
			displayName: 'Reference Time',
			name: 'referenceTime',
			type: 'dateTime',
			default: '',
			description: 'The "now" the figures are computed for; empty means the current time. Days end in the workflow’s time zone.',
		},
	]),
]);

function readClock(this: IExecuteFunctions, options: IDataObject, itemIndex: number): HealthClock {
	const zone = this.getTimezone();
	const now = (readDate(this, options.referenceTime, 'Reference Time', itemIndex) ?? DateTime.now()).setZone(zone);
	const recentDays = Number(options.recentActivityDays ?? 14);
	if (!Number.isFinite(recentDays) || recentDays < 1) {
		throw new NodeOperationError(this.getNode(), `Recent Activity (Days): "${String(options.recentActivityDays)}" must be 1 or more`, { itemIndex });
	}
	// Whole 24-hour days, so a daylight saving change does not move the window.
	return { now, zone, recentDays, recentSince: now.toUTC().minus({ hours: recentDays * 24 }) };
}

const companyOf = (project: IDataObject) => ({
	id: String(project.companyId),
	name: ((project.company as IDataObject | null | undefined)?.name as string | undefined) ?? null,
});

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scope = this.getNodeParameter('healthScope', itemIndex) as 'all' | 'company' | 'projectClient';
	const options = this.getNodeParameter('healthOptions', itemIndex, {}) as IDataObject;
	const clock = readClock.call(this, options, itemIndex);
	const includeProjects = options.includeProjects !== false;

	let project: IDataObject | undefined;
	let companyId: string | undefined;
	if (scope === 'company') companyId = readId.call(this, 'companyId', 'Company', itemIndex);
	if (scope === 'projectClient') {
		project = await readProject.call(this, readId.call(this, 'projectId', 'Project', itemIndex), itemIndex);
		companyId = (project.companyId as string | null | undefined) ?? undefined;
	}

	// A project without a client has no other projects to compare with: only its own figures.
	const projects = scope === 'projectClient' && !companyId ? [] : await readHealthProjects.call(this, companyId, clock.recentSince, itemIndex);
	const clientProjects = projects.filter((candidate) => candidate.companyId);
	const measured = project && !clientProjects.some((candidate) => candidate.id === project!.id) ? [...clientProjects, project] : clientProjects;
	const milestones = await readMilestones.call(this, measured, clock.now, itemIndex);
	const measuredHealth = await withWebUrls.call(
		this,
		'projects',
		measured.map((candidate) => projectHealth(candidate, milestones.get(String(candidate.id)) ?? [], clock)),
	);
	const healthOf = new Map<string, ProjectHealth>(measuredHealth.map((health) => [String(health.id), health as ProjectHealth]));

	const byCompany = new Map<string, { company: { id: string; name: string | null }; projects: IDataObject[] }>();
	for (const candidate of clientProjects) {
		const company = companyOf(candidate);
		const group = byCompany.get(company.id) ?? { company, projects: [] };
		group.projects.push(candidate);
		byCompany.set(company.id, group);
	}

	if (scope === 'all') {
		if (options.includeIdleClients) {
			for (const company of await readCompanies.call(this, itemIndex)) {
				const id = String(company.id);
				if (!byCompany.has(id)) byCompany.set(id, { company: { id, name: (company.name as string) ?? null }, projects: [] });
			}
		}
		const groups = [...byCompany.values()].filter((group) => options.includeIdleClients || group.projects.some((p) => !isClosed(p)));
		groups.sort((a, b) => String(a.company.name ?? '').localeCompare(String(b.company.name ?? '')) || a.company.id.localeCompare(b.company.id));
		return groups.map((group) => clientHealth(group.company, group.projects, healthOf, clock, includeProjects));
	}

	let health: IDataObject;
	if (!companyId) {
		health = { ...clientHealth({ id: '', name: null }, [], healthOf, clock, includeProjects), companyId: null };
	} else {
		let group = byCompany.get(companyId);
		if (!group) {
			const company = project?.company ? companyOf(project) : { id: companyId, name: ((await readCompany.call(this, companyId, itemIndex)).name as string) ?? null };
			group = { company, projects: [] };
		}
		health = clientHealth(group.company, group.projects, healthOf, clock, includeProjects);
	}
	if (!project) return [health];
	const projectFigures = healthOf.get(String(project.id))!;
	if (this.getNodeParameter('projectClientOutput', itemIndex, 'clientHealth') === 'projectContext') return [projectContext(health, projectFigures)];
	return [{ ...health, project: projectFigures }];
}
