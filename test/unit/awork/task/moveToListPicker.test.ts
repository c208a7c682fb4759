/** The Task List picker of Task > Move to Another Task List: the lists of the chosen task's project. */
import * as listSearch from '../../../../nodes/Awork/methods/listSearch';
import { aworkEditorContext } from '../editorContext';
import { AworkTestBed, byId } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

describe('awork node: Move to Another Task List, task list picker', () => {
	it("lists the task's project's lists in board order, searched by name, and nothing without a task", async () => {
		const [relaunch, other] = bed.seed({ projects: [{ name: 'Relaunch' }, { name: 'Other' }] }).projects.map((project) => String(project.id));
		const lists = bed.seed({
			taskLists: [
				{ name: 'Review', projectId: relaunch, order: 2 },
				{ name: 'Inbox', projectId: relaunch, order: 0 },
				{ name: 'Elsewhere', projectId: other, order: 1 },
			],
		}).taskLists;
		const [task] = bed.seed({ tasks: [{ name: 'Design', baseType: 'projecttask', projectId: relaunch }] }).tasks;
		const all = await listSearch.searchTaskListsOfTask.call(aworkEditorContext(bed, { taskId: byId(String(task.id)) }));
		expect(all.results).toEqual([
			{ name: 'Inbox', value: lists[1].id },
			{ name: 'Review', value: lists[0].id },
		]);
		const searched = await listSearch.searchTaskListsOfTask.call(aworkEditorContext(bed, { taskId: byId(String(task.id)) }), 'rev');
		expect(searched.results.map((result) => result.name)).toEqual(['Review']);
		bed.clearLog();
		expect((await listSearch.searchTaskListsOfTask.call(aworkEditorContext(bed))).results).toEqual([]);
		expect((await listSearch.searchTaskListsOfTask.call(aworkEditorContext(bed, { taskId: byId('not-a-guid') }))).results).toEqual([]);
		expect(bed.requests).toEqual([]);
	});
});
