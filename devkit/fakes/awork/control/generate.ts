/** Fast bulk time entries for benchmarks: POST /__control/timeentries/generate. */
import { seededRandom } from '../../shared/fakeServer';
import { buildProject } from '../models/projects';
import { buildTaskStatus } from '../models/tasks';
import { entryInstants } from '../models/timeEntries';
import { newId, resourceVersion, type AworkStore, type Rec } from '../store';

export interface GenerateOptions {
	count: number;
	/** Projects to spread the entries over (default: all projects; one is created when there are none). */
	projectIds?: string[];
	/** Tasks to book on (default: a random task of the entry's project when it has tasks, else none). */
	taskIds?: string[];
	userIds?: string[];
	typeOfWorkIds?: string[];
	/** Start instants are spread uniformly over [from, to). Default: the last 30 days. */
	from?: string;
	to?: string;
	/** Share of billable entries (default 0.8). */
	billableRatio?: number;
	/** Share of the billable entries already billed (default 0.25). */
	billedRatio?: number;
	minDurationSeconds?: number;
	maxDurationSeconds?: number;
	timezone?: string;
	seed?: number;
}

function pick<T>(items: T[], random: () => number): T {
	return items[Math.floor(random() * items.length)];
}

/**
 * When a generated entry was last written: when its time ended, but at least ten minutes ago. A
 * generated backlog is old work, never a change made just before a run reads it (that is what
 * Mark Billed's Leave Unbilled If Changed Since looks for), even for an entry that runs past now.
 */
function writtenOn(startMs: number, duration: number, now: string): string {
	return new Date(Math.min(startMs + duration * 1000, Date.parse(now) - WRITTEN_BEFORE_NOW_MS)).toISOString();
}

/** How long before now a generated or seeded entry was written at the latest. */
export const WRITTEN_BEFORE_NOW_MS = 10 * 60_000;

export function generateTimeEntries(store: AworkStore, options: GenerateOptions) {
	const started = Date.now();
	const count = Math.floor(Number(options.count));
	if (!Number.isFinite(count) || count < 1) throw new Error('count must be a positive number');
	const random = seededRandom(options.seed ?? 42);
	const to = options.to ? Date.parse(options.to) : Date.now();
	const from = options.from ? Date.parse(options.from) : to - 30 * 86400000;
	if (Number.isNaN(from) || Number.isNaN(to) || to <= from) throw new Error('from/to must be dates with from < to');
	let projectIds = (options.projectIds ?? [...store.projects.keys()]).map((id) => id.toLowerCase());
	if (!projectIds.length) {
		const project = store.insert('projects', buildProject(store, { name: 'Benchmark project', isBillableByDefault: true }));
		store.defaultTaskStatuses.forEach((s, order) =>
			store.insert('taskStatuses', buildTaskStatus(store, { ...s, order, projectId: project.id })),
		);
		projectIds = [project.id];
	}
	const userIds = options.userIds ?? [...store.users.keys()];
	const typeOfWorkIds = options.typeOfWorkIds ?? [...store.typesOfWork.keys()];
	if (!userIds.length || !typeOfWorkIds.length) throw new Error('generating needs at least one user and one type of work');
	const tasksByProject = new Map<string, string[]>();
	if (!options.taskIds) {
		for (const task of store.tasks.values()) {
			if (task.projectId) tasksByProject.set(task.projectId, [...(tasksByProject.get(task.projectId) ?? []), task.id]);
		}
	}
	const taskProject = new Map<string, string | null>(
		(options.taskIds ?? []).map((id) => [id.toLowerCase(), store.tasks.get(id.toLowerCase())?.projectId ?? null]),
	);
	const billableRatio = options.billableRatio ?? 0.8;
	const billedRatio = options.billedRatio ?? 0.25;
	const minDuration = options.minDurationSeconds ?? 900;
	const maxDuration = options.maxDurationSeconds ?? 14400;
	const timezone = options.timezone ?? 'Europe/Berlin';
	const stamp = new Date().toISOString();
	const version = resourceVersion();
	let firstId = '';
	let lastId = '';
	for (let i = 0; i < count; i++) {
		let projectId: string | null = pick(projectIds, random);
		let taskId: string | null = null;
		if (options.taskIds?.length) {
			taskId = pick(options.taskIds, random).toLowerCase();
			projectId = taskProject.get(taskId) ?? projectId;
		} else {
			const tasks = tasksByProject.get(projectId);
			if (tasks?.length) taskId = pick(tasks, random);
		}
		const startMs = Math.floor((from + random() * (to - from)) / 60000) * 60000;
		const duration = Math.round((minDuration + random() * (maxDuration - minDuration)) / 60) * 60;
		const isBillable = random() < billableRatio;
		const rec: Rec = {
			id: newId(),
			isBillable,
			isBilled: isBillable && random() < billedRatio,
			taskId,
			projectId,
			note: null,
			startDateUtc: new Date(startMs).toISOString(),
			endDateUtc: new Date(startMs + duration * 1000).toISOString(),
			timezone,
			duration,
			breakDuration: null,
			typeOfWorkId: pick(typeOfWorkIds, random),
			userId: pick(userIds, random),
			// Written when its time was tracked (its end), not now: a generated backlog is old work.
			createdOn: writtenOn(startMs, duration, stamp),
			createdBy: store.meUserId,
			updatedOn: writtenOn(startMs, duration, stamp),
			updatedBy: store.meUserId,
			resourceVersion: version,
			isExternal: false,
		};
		store.timeEntries.set(rec.id, rec);
		// Its derived times are worked out when it is written, as for any change, not when first read.
		entryInstants(rec);
		if (!firstId) firstId = rec.id;
		lastId = rec.id;
	}
	store.changed();
	return { created: count, totalTimeEntries: store.timeEntries.size, firstId, lastId, ms: Date.now() - started };
}
