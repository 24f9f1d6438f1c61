import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redact } from './secrets';

/** A parameter problem found before anything is sent. Names the item as n8n's guidelines ask. */
export function parameterError(
	node: INode,
	itemIndex: number,
	message: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(node, `${message} [item ${itemIndex}]`, { itemIndex, description });
}

export interface ApiFailure {
	/** What happened, in the provider's words where it has them. */
	message: string;
	/** How to fix it. */
	hint?: string;
	httpCode?: number | string;
	/** The provider's own error code (Tencent ErrorCode, Easemob error, Thulium code). */
	code?: string | number;
	requestId?: string;
	/** The provider's error body, secret-free, for the error details. */
	body?: JsonObject;
}

/**
 * Builds the NodeApiError shown to the user from facts a transport extracted. It is built from
 * scratch, never from the HTTP library's error, so request options (auth headers, signed URLs)
 * cannot leak into the execution data.
 */
export function apiError(
	node: INode,
	itemIndex: number,
	failure: ApiFailure,
	secrets: ReadonlyArray<string | undefined> = [],
): NodeApiError {
	const clean = (text: string) => redact(text, secrets);
	const parts = [failure.hint, failure.requestId ? `Request ID: ${failure.requestId}` : undefined];
	const description = parts.filter(Boolean).join(' ');
	const body: JsonObject = failure.body
		? (JSON.parse(clean(JSON.stringify(failure.body))) as JsonObject)
		: { message: clean(failure.message) };
	const error = new NodeApiError(node, body, {
		message: `${clean(failure.message)} [item ${itemIndex}]`,
		description: description ? clean(description) : undefined,
		httpCode: failure.httpCode !== undefined ? String(failure.httpCode) : undefined,
		itemIndex,
	});
	return error;
}

/** Anything a transport did not classify (a bug, an unexpected exception): report it plainly. */
export function unexpectedError(
	node: INode,
	itemIndex: number,
	error: unknown,
	secrets: ReadonlyArray<string | undefined> = [],
): NodeOperationError {
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, `${redact(message, secrets)} [item ${itemIndex}]`, { itemIndex });
}

/*
 * An error thrown inside n8n's helpers (e.g. by a credential's preAuthentication) reaches the node
 * wrapped in a NodeApiError. n8n 2.x keeps the original as `cause`; n8n 1.x drops an Error `cause`
 * and keeps only its message (as `message`, or in `messages` when n8n rewrote the message). An error
 * passed through keepFindable() can be found again from the wrapper on both.
 */
const findable: Error[] = [];
const FINDABLE_KEPT = 50;

/** Lets findCause() recognise `error` behind n8n's wrapper on n8n 1.x too; returns it. */
export function keepFindable<T extends Error>(error: T): T {
	const same = findable.findIndex((e) => e.message === error.message);
	if (same >= 0) findable.splice(same, 1);
	findable.push(error);
	if (findable.length > FINDABLE_KEPT) findable.shift();
	return error;
}

/** The first error in `error`'s cause chain that `is` accepts, or the kept error the wrapper stands for. */
export function findCause<T>(error: unknown, is: (candidate: unknown) => candidate is T): T | undefined {
	let current = error as { cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (is(current)) return current;
		current = current.cause as typeof current;
	}
	const wrapper = (error ?? {}) as { message?: unknown; messages?: unknown };
	const texts = [wrapper.message, ...(Array.isArray(wrapper.messages) ? (wrapper.messages as unknown[]) : [])];
	for (let i = findable.length - 1; i >= 0; i--) {
		const kept = findable[i];
		if (texts.includes(kept.message) && is(kept)) return kept;
	}
	return undefined;
}
