import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Simplify, as n8n's guidelines word it: shared by Get History and Get Group History. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/**
 * What Simplify keeps of a stored message's content (one-to-one and group history alike): when it
 * was sent (ISO), its element types, and its text (a custom message's description or data).
 */
export function readableContent(message: IDataObject): IDataObject {
	const elements = Array.isArray(message.MsgBody) ? (message.MsgBody as IDataObject[]) : [];
	const text = elements
		.map((element) => {
			const content = (element.MsgContent ?? {}) as IDataObject;
			if (element.MsgType === 'TIMTextElem') return String(content.Text ?? '');
			if (element.MsgType === 'TIMCustomElem') return String(content.Desc ?? content.Data ?? '');
			return '';
		})
		.filter(Boolean)
		.join('\n');
	const seconds = Number(message.MsgTimeStamp);
	return {
		sentAt: Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined,
		messageTypes: elements.map((element) => element.MsgType),
		text,
	};
}
