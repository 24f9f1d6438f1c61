import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Pace } from './runItems';
import { sharedRateLimiter } from './rateLimiter';

export interface PaceDefaults {
	requestsPerSecond: number;
	/** The highest rate a user may set: the provider's documented limit. */
	maxRequestsPerSecond: number;
	maxConcurrent: number;
	/** Why this default, shown in the field description. */
	rateNote: string;
}

/** The pace entries every operation's Options collection offers. */
export function paceOptionFields(defaults: PaceDefaults): INodeProperties[] {
	const { maxConcurrent, requestsPerSecond } = defaults;
	return [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
			default: maxConcurrent,
			description: 'How many requests may be waiting for an answer at the same time. Items still come out in input order.',
		},
		{
			displayName: 'Requests Per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0.1, maxValue: defaults.maxRequestsPerSecond, numberPrecision: 1 },
			default: requestsPerSecond,
			description: `Most requests this node starts per second (${defaults.rateNote})`,
		},
		{
			displayName: 'Share of the Rate Limit (%)',
			name: 'rateLimitShare',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
			default: 100,
			description:
				"How much of the platform's limits each n8n process may use. With several processes on the same app (n8n queue mode with 2 workers: 50), or other software using it too, give each its share. Without it, each process still slows down by itself when the platform refuses calls.",
		},
	];
}

/**
 * The Options collection of an operation: the pace settings every operation has, after the
 * operation's own options (if any).
 */
export function optionsCollection(defaults: PaceDefaults, own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...own, ...paceOptionFields(defaults)],
	};
}

function numberOption(options: IDataObject, name: string, fallback: number, min: number, max: number): number {
	const value = Number(options[name]);
	if (!Number.isFinite(value) || value <= 0) return fallback;
	return Math.min(max, Math.max(min, value));
}

/**
 * Reads the pace settings for one provider account. They are node-wide: read once per run, from the
 * first item (an expression in them sees the first item).
 */
export function readPace(
	ctx: IExecuteFunctions,
	limiterKey: string,
	defaults: PaceDefaults,
	secrets: ReadonlyArray<string | undefined> = [],
): Pace {
	const options =
		ctx.getInputData().length > 0 ? (ctx.getNodeParameter('options', 0, {}) as IDataObject) : ({} as IDataObject);
	return {
		limiter: sharedRateLimiter(limiterKey),
		requestsPerSecond: numberOption(options, 'requestsPerSecond', defaults.requestsPerSecond, 0.1, defaults.maxRequestsPerSecond),
		maxConcurrent: Math.round(numberOption(options, 'maxConcurrentRequests', defaults.maxConcurrent, 1, 100)),
		share: numberOption(options, 'rateLimitShare', 100, 1, 100) / 100,
		secrets,
	};
}
