/**
 * The `url` of projects and tasks in awork's web app: `<web address>/projects/<id>` and
 * `<web address>/tasks/<id>`. The web address is the credential's Web Address or, when that is
 * empty, the workspace address awork reports at GET /me; read at most once per node run, and
 * only when an output carries a project or task.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { aworkCredentialWebUrl, aworkRequest } from '../transport';

export type WebUrlKind = 'projects' | 'tasks';

const HTTP_URL = /^https?:\/\/[^\s/]+/i;

const SET_WEB_ADDRESS = 'Set "Web Address" in the awork credential to the address you open awork at, e.g. https://yourcompany.awork.com.';

async function readWebAddress(context: IExecuteFunctions): Promise<string> {
	const configured = await aworkCredentialWebUrl.call(context);
	if (configured) {
		// Not echoed, like the Base URL: a secret pasted into the wrong field would land in execution data.
		if (!HTTP_URL.test(configured)) {
			throw new NodeOperationError(context.getNode(), 'The Web Address in the awork credential is not an http(s) URL', {
				description: SET_WEB_ADDRESS,
			});
		}
		return configured.replace(/\/+$/, '');
	}
	const me = (await aworkRequest.call(context, 'GET', '/me')) as IDataObject;
	const reported = String((me?.workspace as IDataObject | null | undefined)?.url ?? '').trim();
	// A link without an address would send people nowhere: better to say what to set.
	if (!HTTP_URL.test(reported)) {
		throw new NodeOperationError(context.getNode(), 'awork reports no web address for this workspace, so project and task links cannot be built', {
			description: SET_WEB_ADDRESS,
		});
	}
	return reported.replace(/\/+$/, '');
}

const webAddressOfRun = oncePerNodeRun(readWebAddress);

/** The link to one project or task, given the web address (without a trailing slash). */
export function webUrlOf(webAddress: string, kind: WebUrlKind, id: unknown): string {
	return `${webAddress}/${kind}/${encodeURIComponent(String(id))}`;
}

/** The records with their `url` added; awork is asked for its address only if there are records. */
export async function withWebUrls(this: IExecuteFunctions, kind: WebUrlKind, records: IDataObject[]): Promise<IDataObject[]> {
	if (records.length === 0) return [];
	const webAddress = await webAddressOfRun(this);
	return records.map((record) => ({ ...record, url: webUrlOf(webAddress, kind, record.id) }));
}

export async function withWebUrl(this: IExecuteFunctions, kind: WebUrlKind, record: IDataObject): Promise<IDataObject> {
	const [withUrl] = await withWebUrls.call(this, kind, [record]);
	return withUrl;
}
