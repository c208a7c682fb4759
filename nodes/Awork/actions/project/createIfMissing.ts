/**
 * Create If Missing: the project key is the identity, so running this twice (a replayed webhook,
 * a retried execution) finds the first project instead of creating a second one.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { asOperationError } from '../../../shared/operations';
import { aworkFailureOf, aworkPath, aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { projectCreateProperties, readProjectCreateBody } from '../../helpers/project/create';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('project', 'createIfMissing', projectCreateProperties(true));

async function findByKey(this: IExecuteFunctions, key: string, itemIndex: number): Promise<IDataObject | undefined> {
	try {
		return (await aworkRequest.call(this, 'GET', aworkPath`/projects/key/${key}`, { itemIndex })) as IDataObject;
	} catch (error) {
		if (aworkFailureOf(error)?.status === 404) return undefined;
		throw asOperationError(this.getNode(), error, itemIndex);
	}
}

async function findOrCreateProject(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readProjectCreateBody.call(this, itemIndex);
	const key = body.projectKey as string;
	const existing = await findByKey.call(this, key, itemIndex);
	if (existing) return { ...existing, created: false };
	try {
		const project = (await aworkRequest.call(this, 'POST', '/projects', { body, itemIndex })) as IDataObject;
		return { ...project, created: true };
	} catch (error) {
		const failure = aworkFailureOf(error);
		// Another run won the race (400 duplicate key), or our create landed but the answer was lost.
		const raced = failure?.status === 400;
		if (!raced && failure?.outcome !== 'unknown') throw asOperationError(this.getNode(), error, itemIndex);
		const found = await findByKey.call(this, key, itemIndex);
		if (!found) throw asOperationError(this.getNode(), error, itemIndex);
		return { ...found, created: !raced };
	}
}

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await withWebUrl.call(this, 'projects', await findOrCreateProject.call(this, itemIndex));
}
