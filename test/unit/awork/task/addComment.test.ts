import { AworkTestBed, json, paired } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

function seedTask(name = 'Printer offline') {
	const [project] = bed.seed({ projects: [{ name: 'Support' }] }).projects;
	const [task] = bed.seed({ tasks: [{ name, projectId: String(project.id), baseType: 'projecttask' }] }).tasks;
	return String(task.id);
}

const commentsOf = (taskId: string) => [...bed.store.comments.values()].filter((comment) => comment.entityId === taskId);

describe('awork node: task comments', () => {
	it('posts one comment per item on the task', async () => {
		const taskId = seedTask();
		const result = await bed.run(
			{ resource: 'task', operation: 'addComment', taskId, message: '={{ $json.text }}' },
			{ input: [{ json: { text: 'First note' } }, { json: { text: 'Second note' } }] },
		);
		expect(result.error).toBeUndefined();
		expect(bed.requestsTo('POST', /\/comments$/).map((entry) => entry.body)).toEqual([{ message: 'First note' }, { message: 'Second note' }]);
		expect(commentsOf(taskId).map((comment) => comment.message)).toEqual(['First note', 'Second note']);
		expect(json(result).map((item) => item.created)).toEqual([true, true]);
		expect(paired(result)).toEqual([0, 1]);
	});

	it('with Skip If Already Posted, posts a text once however often it runs, and a new text again', async () => {
		const taskId = seedTask();
		const run = (message: string) => bed.run({ resource: 'task', operation: 'addComment', taskId, message, skipIfPosted: true });
		const first = await run('Ticket T-9 was not found');
		const again = await run('  Ticket T-9 was not found ');
		const other = await run('Ticket T-10 was not found');
		expect([first, again, other].map((result) => json(result)[0].created)).toEqual([true, false, true]);
		expect(json(again)[0].id).toBe(json(first)[0].id);
		expect(commentsOf(taskId).map((comment) => comment.message)).toEqual(['Ticket T-9 was not found', 'Ticket T-10 was not found']);
		// The check reads the task's comments; without the option it does not.
		expect(bed.requestsTo('GET', /\/comments$/)).toHaveLength(3);
	});

	it('finds an earlier copy among many comments of the task', async () => {
		const taskId = seedTask();
		bed.seed({ comments: Array.from({ length: 25 }, (_, i) => ({ entityId: taskId, message: i === 3 ? 'Known text' : `Note ${i}` })) });
		const result = await bed.run({ resource: 'task', operation: 'addComment', taskId, message: 'Known text', skipIfPosted: true });
		expect(json(result)[0]).toMatchObject({ created: false, message: 'Known text' });
		expect(commentsOf(taskId)).toHaveLength(25);
	});

	it('names the parameter when the message is empty, and reports an unknown task', async () => {
		const taskId = seedTask();
		const empty = await bed.run({ resource: 'task', operation: 'addComment', taskId, message: '   ' });
		expect(empty.error?.message).toBe('Message: the comment needs a text');
		const unknown = await bed.run({
			resource: 'task',
			operation: 'addComment',
			taskId: '00000000-0000-4000-8000-000000000000',
			message: 'Hello',
		});
		expect(unknown.error).toBeDefined();
		expect(commentsOf(taskId)).toHaveLength(0);
	});
});
