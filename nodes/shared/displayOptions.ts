import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

/**
 * updateDisplayOptions, with the resource and operation conditions checked first. n8n shows a
 * parameter as soon as one of its conditions reads a field holding an expression, so a field that
 * also depends on, say, Conversation Type would otherwise count as shown (and required) in every
 * operation whose Conversation Type is an expression, not just its own.
 */
export function operationDisplayOptions(displayOptions: IDisplayOptions, properties: INodeProperties[]): INodeProperties[] {
	const first = Object.keys(displayOptions.show ?? {});
	return updateDisplayOptions(displayOptions, properties).map((property) => {
		const show = property.displayOptions?.show;
		if (!show) return property;
		const ordered: NonNullable<IDisplayOptions['show']> = {};
		for (const key of first) if (key in show) ordered[key] = show[key];
		for (const [key, value] of Object.entries(show)) if (!(key in ordered)) ordered[key] = value;
		return { ...property, displayOptions: { ...property.displayOptions, show: ordered } };
	});
}
