/**
 * The `url` of projects and tasks in awork's web app: `<web address>/projects/<id>` and
 * `<web address>/tasks/<id>`. The web address is the credential's Web Address or, when that is
 * empty, the workspace address awork reports at GET /me; read at most once per node run, and
 * only when an output carries a project or task. The project and task pickers read such a link
 * back ("By URL").
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';
import type { UrlMode } from '../../shared/operations';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { aworkCredentialWebUrl, aworkRequest, type AworkContext } from '../transport';

export type WebUrlKind = 'projects' | 'tasks';

const HTTP_URL = /^https?:\/\/[^\s/]+/i;

const SET_WEB_ADDRESS = 'Set "Web Address" in the awork credential to the address you open awork at, e.g. https://yourcompany.awork.com.';

async function readWebAddress(context: AworkContext): Promise<string> {
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

/**
 * For list search in the editor: the web address, or undefined when none is known, so the list
 * still shows, only without links.
 */
export async function editorWebAddress(context: ILoadOptionsFunctions): Promise<string | undefined> {
	try {
		return await webAddressOfRun(context);
	} catch {
		return undefined;
	}
}

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * The "By URL" mode of a project or task picker: the ID is the GUID after /projects/ or /tasks/,
 * whatever the web address and whatever follows (e.g. /details).
 */
export function webUrlMode(kind: WebUrlKind): UrlMode {
	const thing = kind === 'projects' ? 'project' : 'task';
	return {
		placeholder: `e.g. https://yourcompany.awork.com/${kind}/123e4567-e89b-12d3-a456-426614174000`,
		pattern: { regex: `^https?://\\S+/${kind}/${GUID}(?:[/?#]\\S*)?$`, errorMessage: `Not a link to an awork ${thing} (…/${kind}/<ID>)` },
		extract: `/${kind}/(${GUID})`,
	};
}

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
