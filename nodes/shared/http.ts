import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

export interface HttpResponse {
	statusCode: number;
	body: unknown;
	headers: IDataObject;
}

/** Why a request got no HTTP answer, in words a user can act on. */
export interface NetworkProblem {
	kind: 'timeout' | 'refused' | 'reset' | 'dns' | 'cancelled' | 'tls' | 'http' | 'other';
	code?: string;
	/** Set when n8n itself threw for an HTTP status (e.g. a 401 that survived a token refresh). */
	httpStatus?: number;
	message: string;
	/** The request certainly never reached the provider, so repeating it cannot duplicate anything. */
	notSent: boolean;
}

interface ErrorLike {
	code?: unknown;
	message?: unknown;
	httpCode?: unknown;
	cause?: ErrorLike;
	response?: { status?: unknown };
}

export function describeNetworkError(error: unknown): NetworkProblem {
	const outer = (error ?? {}) as ErrorLike;
	const chain: ErrorLike[] = [];
	for (let e: ErrorLike | undefined = outer; e && chain.length < 5; e = e.cause) chain.push(e);
	const code = chain.map((e) => e.code).find((c): c is string => typeof c === 'string' && /^[A-Z_]+$/.test(c));
	const status = Number(outer.httpCode ?? chain.map((e) => e.response?.status).find((s) => s !== undefined));
	// The status line arrived, then the connection closed mid-body: a success status with an error,
	// or any status whose body stream was aborted (what the body said is unknown).
	const cutShort = chain.some((e) => e.code === 'ERR_BAD_RESPONSE' && /aborted/i.test(String(e.message)));
	if (cutShort || (Number.isInteger(status) && status >= 200 && status < 300)) {
		return { kind: 'reset', code, message: 'The connection was closed before the whole answer arrived', notSent: false };
	}
	if (Number.isInteger(status) && status >= 100) {
		return { kind: 'http', httpStatus: status, code, message: `HTTP ${status}`, notSent: false };
	}
	switch (code) {
		case 'ECONNREFUSED':
			return { kind: 'refused', code, message: 'The server refused the connection', notSent: true };
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return { kind: 'dns', code, message: 'The server address could not be resolved', notSent: true };
		case 'ECONNABORTED':
		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT':
		case 'UND_ERR_HEADERS_TIMEOUT':
		case 'UND_ERR_BODY_TIMEOUT':
			return { kind: 'timeout', code, message: 'The server did not answer in time', notSent: false };
		case 'ECONNRESET':
		case 'EPIPE':
		case 'UND_ERR_SOCKET':
			return { kind: 'reset', code, message: 'The connection was closed before the answer arrived', notSent: false };
		case 'ERR_CANCELED':
			return { kind: 'cancelled', code, message: 'The request was cancelled', notSent: false };
		case 'CERT_HAS_EXPIRED':
		case 'DEPTH_ZERO_SELF_SIGNED_CERT':
		case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
		case 'ERR_TLS_CERT_ALTNAME_INVALID':
			return { kind: 'tls', code, message: 'The server\'s TLS certificate was not accepted', notSent: true };
		default: {
			const text = chain.map((e) => e.message).find((m): m is string => typeof m === 'string' && m !== '');
			return { kind: 'other', code, message: text ?? 'The request failed without an answer', notSent: false };
		}
	}
}

/**
 * Sends one authenticated request and returns status, body and headers for every HTTP status
 * (the transport decides what a status means). Throws only when there is no HTTP answer.
 */
export async function sendWithCredential(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	credentialType: string,
	options: IHttpRequestOptions,
): Promise<HttpResponse> {
	const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, {
		json: true,
		ignoreHttpStatusErrors: true,
		...options,
		returnFullResponse: true,
	})) as { statusCode: number; body: unknown; headers?: IDataObject };
	return { statusCode: response.statusCode, body: response.body, headers: response.headers ?? {} };
}

/** JSON bodies arrive parsed; an empty or text body becomes `{}` or a `{ text }` object. */
export function bodyAsObject(body: unknown): IDataObject {
	if (body === undefined || body === null || body === '') return {};
	if (typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	if (typeof body === 'string') {
		try {
			const parsed = JSON.parse(body) as unknown;
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
		} catch {
			// not JSON: keep the text below
		}
		return { text: body.slice(0, 500) };
	}
	return { value: body as IDataObject[] };
}
