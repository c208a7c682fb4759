/**
 * A credential URL as error messages may show it: the origin (scheme, host, port), never a
 * `user:password@`, a query or a fragment, and the path only when it is one the API expects.
 * A key pasted into a URL field must not end up in execution data.
 */
export function urlForMessages(raw: string, expectedPath?: RegExp): string {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		return '(not a URL)';
	}
	if (!/^https?:$/.test(url.protocol)) return `${url.protocol}//…`;
	const path = url.pathname.replace(/\/+$/, '');
	if (path === '') return url.origin;
	return expectedPath?.test(path) ? `${url.origin}${path}` : `${url.origin}/…`;
}
