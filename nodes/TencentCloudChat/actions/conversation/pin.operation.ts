import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executePinning, pinningDescription } from './pinning';

export const description = pinningDescription('pin');

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executePinning(this, true);
}
