/** Mark Billed: sets isBilled to true on the time entries of all input items, in as few requests as possible. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { markBilledProperties, markTimeEntries } from '../../helpers/timeEntry/markBilled';

export const description = markBilledProperties('markBilled');

export const runs = 'batch';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	return await markTimeEntries.call(this, items, true);
}
