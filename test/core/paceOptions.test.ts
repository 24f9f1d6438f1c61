import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { paceOptionFields, readPace } from '../../nodes/shared/paceOptions';
import type { PaceDefaults } from '../../nodes/shared/paceOptions';

const defaults: PaceDefaults = { requestsPerSecond: 200, maxRequestsPerSecond: 200, maxConcurrent: 20, rateNote: 'test' };

function context(options: IDataObject, items = 3) {
	const reads: Array<[string, number]> = [];
	const ctx = {
		getInputData: () => Array.from({ length: items }, () => ({ json: {} })),
		getNodeParameter: (name: string, itemIndex: number) => {
			reads.push([name, itemIndex]);
			return options;
		},
	} as unknown as IExecuteFunctions;
	return { ctx, reads };
}

describe('pace options', () => {
	it('offer a share of the rate limit, in percent, 100 by default', () => {
		const share = paceOptionFields(defaults).find((field) => field.name === 'rateLimitShare');
		expect(share).toMatchObject({ displayName: 'Share of the Rate Limit (%)', type: 'number', default: 100 });
	});

	it('are read once per run, from the first item', () => {
		const { ctx, reads } = context({ rateLimitShare: 50, requestsPerSecond: 100 }, 50);
		const pace = readPace(ctx, 'pace-options-test', defaults);
		expect(reads).toEqual([['options', 0]]);
		expect(pace.share).toBe(0.5);
		expect(pace.requestsPerSecond).toBe(100);
	});

	it('keep the share within 1 to 100 % and default to the whole limit', () => {
		expect(readPace(context({}).ctx, 'k', defaults).share).toBe(1);
		expect(readPace(context({ rateLimitShare: 500 }).ctx, 'k', defaults).share).toBe(1);
		expect(readPace(context({ rateLimitShare: 0.2 }).ctx, 'k', defaults).share).toBe(0.01);
		expect(readPace(context({ rateLimitShare: 'x' }).ctx, 'k', defaults).share).toBe(1);
	});
});
