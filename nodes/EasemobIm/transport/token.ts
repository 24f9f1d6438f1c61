import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { findCause, keepFindable } from '../../shared/errors';
import { bodyAsObject, describeNetworkError } from '../../shared/http';
import { redact } from '../../shared/secrets';
import { easemobApp } from './app';

/**
 * Easemob bans accounts that ask for app tokens too often, and n8n asks the credential for a new
 * token on every request while none is stored and after every 401. So token requests go through
 * one module-level single flight per app and client: concurrent callers share one request, and a
 * caller still holding an older token gets the token fetched moments ago instead of a new one.
 */

/** A freshly fetched token is handed to callers with an older (or no) token for this long. */
const REUSE_MS = 10 * 60_000;
/** A token this young is not replaced: a 401 for it means a wrong host, which a new token won't fix. */
const MIN_REFRESH_MS = 1000;
/** A refused client ID/secret is not asked again for this long (every item would ask otherwise). */
const FAILURE_MS = 60_000;

/** Why no token could be had; the transport shows it as the item's error. */
export class EasemobTokenError extends Error {
	readonly easemobTokenFailure = true;

	constructor(
		message: string,
		readonly hint: string,
		// Not named `httpCode`/`code`: n8n's credential tester would show a generic HTTP text or the
		// bare Easemob code instead of this message.
		readonly httpStatus?: number,
		readonly easemobCode?: string,
		readonly body?: IDataObject,
	) {
		super(message);
		this.name = 'EasemobTokenError';
	}
}

interface TokenState {
	token?: string;
	fetchedAt: number;
	inFlight?: Promise<string>;
	failure?: { error: EasemobTokenError; at: number };
}

const states = new Map<string, TokenState>();

function isTokenError(candidate: unknown): candidate is EasemobTokenError {
	return (candidate as { easemobTokenFailure?: unknown } | undefined)?.easemobTokenFailure === true;
}

/** Finds the token failure inside the error n8n wrapped it in (on n8n 1.x as well, see findCause). */
export function findTokenError(error: unknown): EasemobTokenError | undefined {
	return findCause(error, isTokenError);
}

const CONSOLE = 'In the Easemob console open Applications → your app → Basic information';

function tokenFailure(status: number, body: IDataObject, secrets: string[]): EasemobTokenError {
	const code = typeof body.error === 'string' ? body.error : undefined;
	const detail = typeof body.error_description === 'string' ? body.error_description : undefined;
	const said = redact([code, detail].filter(Boolean).join(': '), secrets) || `HTTP ${status}`;
	const clean = JSON.parse(redact(JSON.stringify(body), secrets)) as IDataObject;
	if (status === 400 && code === 'invalid_grant') {
		return new EasemobTokenError(`Easemob refused the Client ID or Client Secret (${said})`, `${CONSOLE} and copy Client ID and ClientSecret into the credential again.`, status, code, clean);
	}
	if (status === 400) {
		return new EasemobTokenError(`Easemob refused the token request (${said})`, `${CONSOLE} and fill in Client ID and Client Secret.`, status, code, clean);
	}
	if (status === 404) {
		return new EasemobTokenError(`Easemob knows no app with this Org Name and App Name on this host (${said})`, `${CONSOLE}: the AppKey is OrgName#AppName, and the REST API host must be the one shown for the app's data centre.`, status, code, clean);
	}
	if (status === 429) {
		return new EasemobTokenError(`Easemob is limiting token requests (${said})`, 'Wait a minute before running the workflow again.', status, code, clean);
	}
	return new EasemobTokenError(`Easemob did not issue an app token (${said})`, `Check the REST API host in the credential (${CONSOLE}). If it is right, try again later.`, status, code, clean);
}

async function requestToken(helpers: IHttpRequestHelper['helpers'], credentials: ICredentialDataDecryptedObject): Promise<string> {
	const app = easemobApp(credentials);
	const clientId = String(credentials.clientId ?? '').trim();
	const clientSecret = String(credentials.clientSecret ?? '').trim();
	let response: { statusCode: number; body: unknown } | undefined;
	let networkCode: unknown;
	try {
		response = (await helpers.httpRequest({
			method: 'POST',
			url: `${app.appUrl}/token`,
			body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		networkCode = describeNetworkError(error).code ?? 'unknown';
	}
	if (!response) {
		throw new EasemobTokenError(
			`Easemob could not be reached for an app token${typeof networkCode === 'string' && networkCode !== 'unknown' ? ` (${networkCode})` : ''}`,
			`Check the REST API host in the credential and that ${app.baseUrl} is reachable from n8n.`,
		);
	}
	const body = bodyAsObject(response.body);
	if (response.statusCode >= 200 && response.statusCode < 300 && typeof body.access_token === 'string' && body.access_token !== '') {
		return body.access_token;
	}
	if (response.statusCode >= 200 && response.statusCode < 300) {
		throw new EasemobTokenError('Easemob answered the token request without a token', 'Check that the REST API host is an Easemob host.');
	}
	throw tokenFailure(response.statusCode, body, [clientSecret]);
}

function stateKey(credentials: ICredentialDataDecryptedObject): string {
	const app = easemobApp(credentials);
	const secretPrint = createHash('sha256').update(String(credentials.clientSecret ?? '').trim()).digest('hex').slice(0, 16);
	return [app.label, String(credentials.clientId ?? '').trim(), secretPrint].join('\n');
}

/**
 * An app token for the credential. `heldToken` is the token the caller has (empty when none):
 * only a caller holding the newest token gets a new one fetched.
 */
export async function easemobAppToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	heldToken: string,
): Promise<string> {
	const key = stateKey(credentials);
	let state = states.get(key);
	if (!state) {
		state = { fetchedAt: 0 };
		states.set(key, state);
	}
	if (state.inFlight) return await state.inFlight;
	const now = Date.now();
	if (state.token && state.token !== heldToken && now - state.fetchedAt < REUSE_MS) return state.token;
	if (state.token && state.token === heldToken && now - state.fetchedAt < MIN_REFRESH_MS) return state.token;
	if (state.failure && now - state.failure.at < FAILURE_MS) throw keepFindable(state.failure.error);
	const current = state;
	const flight = requestToken(helpers, credentials).then(
		(token) => {
			current.token = token;
			current.fetchedAt = Date.now();
			current.failure = undefined;
			return token;
		},
		(error: unknown) => {
			// Remember refusals (4xx), not network trouble: a fixed host or a retry may work.
			if (error instanceof EasemobTokenError && error.httpStatus !== undefined && error.httpStatus < 500 && error.httpStatus !== 429) {
				current.failure = { error, at: Date.now() };
			}
			throw error instanceof EasemobTokenError ? keepFindable(error) : error;
		},
	);
	current.inFlight = flight;
	try {
		return await flight;
	} finally {
		if (current.inFlight === flight) current.inFlight = undefined;
	}
}
