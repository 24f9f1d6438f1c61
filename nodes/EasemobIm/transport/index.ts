import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, JsonObject } from 'n8n-workflow';

import type { ApiFailure } from '../../shared/errors';
import { apiError } from '../../shared/errors';
import { bodyAsObject, describeNetworkError, httpErrorFacts, sendWithCredential } from '../../shared/http';
import type { PaceDefaults } from '../../shared/paceOptions';
import { readPace } from '../../shared/paceOptions';
import type { ItemSession, Pace } from '../../shared/runItems';
import { parseRetryAfter, transient } from '../../shared/retry';
import type { EasemobApp } from './app';
import { easemobApp } from './app';
import { findTokenError } from './token';

export const EASEMOB_CREDENTIAL = 'easemobImApi';

/** Easemob allows 100 calls a second per app for the REST APIs this node uses. */
export const EASEMOB_PACE: PaceDefaults = {
	requestsPerSecond: 100,
	maxRequestsPerSecond: 100,
	maxConcurrent: 10,
	rateNote: 'Easemob allows 100 calls a second per app',
};

/** One Easemob app as used by one node execution. */
export interface EasemobAccount {
	app: EasemobApp;
	pace: Pace;
	secrets: string[];
}

export async function easemobAccount(ctx: IExecuteFunctions, pace: PaceDefaults = EASEMOB_PACE): Promise<EasemobAccount> {
	const credentials = await ctx.getCredentials(EASEMOB_CREDENTIAL);
	const app = easemobApp(credentials);
	const secrets = [String(credentials.clientSecret ?? ''), String(credentials.accessToken ?? '')];
	return { app, secrets, pace: readPace(ctx, `easemob:${app.label}`, pace, secrets) };
}

/**
 * How a call may be repeated after an unclear failure. A message send never is after a 5xx or a
 * timeout: Easemob may have delivered it, and it has no de-duplication key.
 */
export type CallKind = 'read' | 'write' | 'send';

export interface EasemobRequest {
	method: IHttpRequestMethods;
	/** Path below /{org}/{app}, parameter segments already encoded (see `path` in shared/url). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	kind: CallKind;
	/** What a 404 for a missing resource means here, e.g. 'User "u1" was not found'. */
	notFound?: string;
	/** Added to the hint of a failure, e.g. which recipients already got the message. */
	failureNote?: () => string | undefined;
}

function hintFor(status: number, code: string | undefined, description: string): string {
	if (status === 401) return "Easemob did not accept the app token even after fetching a new one. Check that the REST API host is the one shown for this app's data centre in the Easemob console.";
	if (code === 'organization_application_not_found') return 'Copy Org Name and App Name from the AppKey (OrgName#AppName) in the Easemob console.';
	if (status === 429 && code === 'resource_limited') return "Your Easemob plan's quota is used up (e.g. the number of users). Upgrade the plan or remove unused resources; retrying does not help.";
	if (status === 429) return 'Easemob asked to slow down. Lower "Requests Per Second" in the node options.';
	if (status === 403 && /reach limit/i.test(description)) return 'Easemob allows 6,000 messages a minute per app. Wait a minute, or lower "Requests Per Second" in the node options.';
	if (status === 403 && /unopened|not open/i.test(description)) return 'Enable this feature for the app in the Easemob console (it may be a paid add-on).';
	if (status === 403) return 'Easemob does not allow this call for the app or the given IDs. Check the IDs and the app settings in the console.';
	if (status === 404) return 'Check the ID: it may be misspelled, deleted or belong to another app.';
	if (status === 400) return 'Easemob rejected the request. Check the values named above.';
	if (status === 413) return 'The message is too large: Easemob accepts at most 5 KB for body and extension together.';
	if (status >= 500) return 'Easemob had an internal problem. Try again later.';
	return 'Check the node parameters.';
}

/**
 * The app token is fetched by n8n after the account was read (preAuthentication): before a failure
 * is described, the token now stored for the credential joins the secrets, so an answer that echoes
 * it cannot carry it into an error.
 */
async function rememberToken(ctx: IExecuteFunctions, account: EasemobAccount): Promise<void> {
	try {
		const credentials = await ctx.getCredentials(EASEMOB_CREDENTIAL);
		const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
		if (token !== '' && !account.secrets.includes(token)) account.secrets.push(token);
	} catch {
		// The credential was readable moments ago; if it is not now, there is no newer token to hide.
	}
}

/** Sends one request to the app through the item's session (rate slot, retries). */
export async function easemobRequest(
	ctx: IExecuteFunctions,
	account: EasemobAccount,
	session: ItemSession,
	request: EasemobRequest,
): Promise<IDataObject> {
	const node = ctx.getNode();
	const { itemIndex } = session;
	const fail = (failure: ApiFailure) => {
		const note = request.failureNote?.();
		return apiError(node, itemIndex, note ? { ...failure, hint: [failure.hint, note].filter(Boolean).join(' ') } : failure, account.secrets);
	};
	return await session.call(async () => {
		let response;
		try {
			response = await sendWithCredential(ctx, EASEMOB_CREDENTIAL, {
				method: request.method,
				url: `${account.app.appUrl}${request.path}`,
				qs: request.qs,
				body: request.body as IDataObject,
				headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
				// A 401 must reach n8n, which then fetches a new token and repeats the request once (on
				// n8n 1.x too: see sendWithCredential).
				ignoreHttpStatusErrors: { ignore: true, except: [401] },
				timeout: 30_000,
			});
		} catch (error) {
			await rememberToken(ctx, account);
			const tokenError = findTokenError(error);
			if (tokenError) {
				const failure = fail({ message: tokenError.message, hint: tokenError.hint, httpCode: tokenError.httpStatus, code: tokenError.easemobCode, body: tokenError.body as JsonObject | undefined });
				// Only network trouble on the token endpoint is worth another try.
				if (tokenError.httpStatus === undefined) throw transient(failure, { maxRetries: 1 });
				throw failure;
			}
			const problem = describeNetworkError(error);
			if (problem.kind === 'http') {
				const body = bodyAsObject(httpErrorFacts(error).body);
				const code = typeof body.error === 'string' ? body.error : undefined;
				const said = [code, typeof body.error_description === 'string' ? body.error_description : undefined].filter(Boolean).join(': ');
				throw fail({
					message: `Easemob refused the app token${said ? ` (${said})` : ` (HTTP ${problem.httpStatus})`}`,
					hint: hintFor(problem.httpStatus ?? 401, code, said),
					httpCode: problem.httpStatus,
					code,
					body: { httpCode: problem.httpStatus ?? 401, ...(body as JsonObject) },
				});
			}
			const failure = fail({
				message: `Easemob could not be reached: ${problem.message}`,
				code: problem.code,
				hint:
					request.kind === 'send' && !problem.notSent
						? 'The message may or may not have been delivered, so it was not sent again. Check the recipient before sending it again.'
						: `Check the REST API host in the credential and that ${account.app.baseUrl} is reachable from n8n.`,
			});
			if (problem.kind !== 'cancelled' && problem.kind !== 'tls' && (request.kind !== 'send' || problem.notSent)) throw transient(failure);
			throw failure;
		}

		const { statusCode, headers } = response;
		const body = bodyAsObject(response.body);
		if (statusCode >= 200 && statusCode < 300) return body;
		await rememberToken(ctx, account);

		const code = typeof body.error === 'string' ? body.error : undefined;
		const description = typeof body.error_description === 'string' ? body.error_description : '';
		const said = [code, description].filter(Boolean).join(': ') || `HTTP ${statusCode}`;
		let message = `Easemob: ${said}`;
		if (statusCode === 404 && request.notFound && code !== 'organization_application_not_found') message = `${request.notFound} (${said})`;
		else if (code === 'organization_application_not_found') message = `Easemob knows no app with this Org Name and App Name (${said})`;
		else if (statusCode === 429 && code !== 'resource_limited') message = `Easemob rate limit reached (${said})`;

		const failure = fail({
			message,
			hint:
				request.kind === 'send' && statusCode >= 500
					? `${hintFor(statusCode, code, description)} The message may have been delivered, so it was not sent again.`
					: hintFor(statusCode, code, description),
			httpCode: statusCode,
			code,
			body: { httpCode: statusCode, ...(body as JsonObject) },
		});
		if (statusCode === 429 && code !== 'resource_limited') {
			throw transient(failure, { rateLimited: true, retryAfterMs: parseRetryAfter(headers['retry-after']) });
		}
		if (statusCode === 409) throw transient(failure, { retryAfterMs: 1000 });
		// 408: Easemob did not take the request in time, so it was not processed.
		if ((statusCode >= 500 && request.kind !== 'send') || statusCode === 408) throw transient(failure);
		throw failure;
	});
}
