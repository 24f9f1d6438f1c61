// CRM customers, tickets, agents and webhooks of the fake Thulium system, as the pages cited at
// each handler document them. Wired into fakeThulium.ts by one line; state lives here.
import type { RecordedRequest, Reply } from './fakeServer';

type Row = Record<string, unknown>;
type ErrorReply = (reply: Reply, status: number, message: string, code: number) => void;

export interface ThuliumCustomer extends Row {
	customer_id: number;
	surname: string;
}

export interface ThuliumTicket extends Row {
	ticket_id: number;
	messages: Row[];
}

const CUSTOMER_FIELDS = [
	'name', 'surname', 'email', 'phone_number', 'company_id', 'type', 'group', 'identifier', 'gender', 'homepage', 'birthdate', 'nip', 'note',
	'pesel', 'job', 'job_title', 'account_manager', 'custom_fields', 'fill_read_only_custom_fields', 'vip', 'address', 'invoice_address', 'mail_drop_address',
];
const TICKET_FIELDS = [
	'to', 'from', 'subject', 'body', 'body_type', 'comment', 'cc', 'attachments', 'source', 'direction', 'user_login', 'customer_id', 'tags',
	'status_id', 'substatus_id', 'category_id', 'ticket_queue_id', 'custom_fields',
];
const INCLUDES = ['include_custom_fields', 'include_address', 'include_invoice_address', 'include_mail_drop_address'];
const AGENT_STATUSES = ['OFF', 'FREE', 'PAUSED', 'INBOUND_CALL', 'OUTBOUND_CALL', 'OUTBOUND_PREVIEW', 'CALL', 'RINGING'];
const MINUTE_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

export class FakeThuliumCrm {
	customers = new Map<number, ThuliumCustomer>();
	tickets = new Map<number, ThuliumTicket>();
	/** Mailboxes defined in the system: a ticket's `to` must be one of them (post_tickets). */
	mailboxes = ['mailbox@foo.bar', 'support@example.com'];
	agents = new Map<string, Row>([
		['jkowalski', { agent_id: 1, login: 'jkowalski', name: 'Jan', surname: 'Kowalski', email: 'jan.kowalski@example.org', active: true, number: 559933, outbound_mode: 'manual', group_id: 3 }],
		['anowak', { agent_id: 2, login: 'anowak', name: 'Anna', surname: 'Nowak', email: 'anna.nowak@example.org', active: true, number: 559934, outbound_mode: 'manual', group_id: 3 }],
	]);
	agentStatuses = new Map<string, Row>([
		['jkowalski', { login: 'jkowalski', status: 'PAUSED', pause_id: 1, last_change: '2014-10-24 10:30:44' }],
		['anowak', { login: 'anowak', status: 'FREE', pause_id: null, last_change: '2014-10-24 09:00:00' }],
	]);
	webhooks: Row[] = [];
	/** Every well-formed request succeeds: unknown ids exist (the adversarial sweep). */
	permissive = false;
	private nextCustomerId = 1000;
	private nextTicketId = 5000;
	private nextWebhookId = 1;

	constructor(private readonly error: ErrorReply) {}

	reset(): void {
		this.customers.clear();
		this.tickets.clear();
		this.webhooks = [];
	}

	addCustomer(fields: Partial<ThuliumCustomer> & { surname: string }): ThuliumCustomer {
		const customer: ThuliumCustomer = { customer_id: ++this.nextCustomerId, name: '', email: '', phone_number: '', company_id: '', identifier: '', type: '', group: '', company_flag: '', account_manager: '', updated_at: '', ...fields };
		this.customers.set(customer.customer_id, customer);
		return customer;
	}

	addTicket(fields: Row = {}): ThuliumTicket {
		const ticket: ThuliumTicket = { ticket_id: ++this.nextTicketId, subject: 'Help', from: 'john.doe@foo.bar', messages: [], created_at: '2014-07-08 08:05', ...fields };
		this.tickets.set(ticket.ticket_id, ticket);
		return ticket;
	}

	/** Handles the request if it is one of these endpoints; false leaves it to the caller. */
	handle(req: RecordedRequest, rest: string[], reply: Reply, objectBody: (req: RecordedRequest, reply: Reply) => Row | undefined, forbidden: Set<string>): boolean {
		const route = `${req.method} ${rest.map((part, i) => (i === 1 && rest[0] !== 'batch' ? ':id' : part)).join('/')}`;
		const known = [
			'GET customers', 'GET customers/:id', 'POST customers', 'PUT batch/customers', 'POST tickets', 'GET tickets/:id', 'POST tickets/:id/agent_response',
			'GET agents/:id', 'GET agents/:id/status', 'GET webhooks', 'POST webhooks',
		];
		if (!known.includes(route)) return false;
		// A method the API user may not call answers 403 (https://support.thulium.com/en/show/103).
		if (forbidden.has(route)) {
			this.error(reply, 403, 'Access denied to this method', 403);
			return true;
		}
		switch (route) {
			case 'GET customers':
				this.listCustomers(req, reply);
				break;
			case 'GET customers/:id':
				this.getCustomer(rest[1], req, reply);
				break;
			case 'POST customers': {
				const body = objectBody(req, reply);
				if (body) this.createCustomer(body, reply);
				break;
			}
			case 'PUT batch/customers': {
				const body = objectBody(req, reply);
				if (body) this.updateCustomers(body, reply);
				break;
			}
			case 'POST tickets': {
				const body = objectBody(req, reply);
				if (body) this.createTicket(body, reply);
				break;
			}
			case 'GET tickets/:id':
				this.getTicket(rest[1], req, reply);
				break;
			case 'POST tickets/:id/agent_response': {
				const body = objectBody(req, reply);
				if (body) this.agentResponse(rest[1], body, reply);
				break;
			}
			case 'GET agents/:id':
				this.getAgent(rest[1], reply, false);
				break;
			case 'GET agents/:id/status':
				this.getAgent(rest[1], reply, true);
				break;
			case 'GET webhooks':
				// https://api.thulium.com/docs/api/webhooks/get_webhooks: every webhook, a bare array.
				reply.json(200, this.webhooks);
				break;
			case 'POST webhooks': {
				const body = objectBody(req, reply);
				if (body) this.createWebhook(body, reply);
				break;
			}
		}
		return true;
	}

	/** Query booleans are "true"/"false" (https://api.thulium.com/docs/api/chats/get_chats); anything else is a validation error. */
	private booleans(req: RecordedRequest, reply: Reply, names: string[]): boolean {
		for (const name of names) {
			const value = req.query.get(name);
			if (value !== null && value !== 'true' && value !== 'false') {
				this.error(reply, 400, `Field ${name} must be true or false.`, 123);
				return false;
			}
		}
		return true;
	}

	/** A customer as GET customers/:id shows it: the include_* parts only when asked for. */
	private view(customer: ThuliumCustomer, req: RecordedRequest): Row {
		const { custom_fields: custom, address, invoice_address: invoice, mail_drop_address: mailDrop, ...rest } = customer;
		const out: Row = { ...rest, phone_numbers: customer.phone_number ? [customer.phone_number] : [] };
		if (req.query.get('include_custom_fields') === 'true') out.custom_fields = custom ?? {};
		if (req.query.get('include_address') === 'true') out.address = address ?? {};
		if (req.query.get('include_invoice_address') === 'true') out.invoice_address = invoice ?? {};
		if (req.query.get('include_mail_drop_address') === 'true') out.mail_drop_address = mailDrop ?? {};
		return out;
	}

	private customerOf(idText: string, reply: Reply): ThuliumCustomer | undefined {
		const id = Number(idText);
		const customer = /^\d+$/.test(idText) ? this.customers.get(id) : undefined;
		if (customer) return customer;
		if (this.permissive && /^\d+$/.test(idText)) return { customer_id: id, surname: 'Kowalski' };
		this.error(reply, 404, 'Customer not found.', 404);
		return undefined;
	}

	/**
	 * GET customers/:id (https://api.thulium.com/docs/api/crm/get_customers_id): include_custom_fields,
	 * include_address, include_invoice_address, include_mail_drop_address; an unknown id is 404.
	 */
	private getCustomer(id: string, req: RecordedRequest, reply: Reply): void {
		if (!this.booleans(req, reply, INCLUDES)) return;
		const customer = this.customerOf(id, reply);
		if (customer) reply.json(200, this.view(customer, req));
	}

	/**
	 * GET customers (https://api.thulium.com/docs/api/crm/get_customers): exact-match filters
	 * identifier, email, phone_number, nip, company_id, company_flag, type, group and
	 * custom_fields[Name] / custom_fields[Name][n] (alternatives); limit default 100, at most 1000;
	 * offset; order (fields, "-" descending). The page's response example is not public: the answer
	 * is the {count, result} envelope of the other list endpoints (get_chats); the node reads both.
	 */
	private listCustomers(req: RecordedRequest, reply: Reply): void {
		if (!this.booleans(req, reply, [...INCLUDES, 'company_flag'])) return;
		const limitText = req.query.get('limit');
		const offsetText = req.query.get('offset');
		if ((limitText !== null && !/^\d+$/.test(limitText)) || (offsetText !== null && !/^\d+$/.test(offsetText))) {
			return this.error(reply, 400, 'Fields limit and offset must be integers.', 140);
		}
		const limit = limitText === null || Number(limitText) === 0 ? 100 : Math.min(1000, Number(limitText));
		const offset = offsetText === null ? 0 : Number(offsetText);
		const custom = new Map<string, string[]>();
		for (const [key, value] of req.query.entries()) {
			const match = /^custom_fields\[([^\]]+)\](?:\[\d+\])?$/.exec(key);
			if (match) custom.set(match[1], [...(custom.get(match[1]) ?? []), value]);
		}
		const filters = ['identifier', 'email', 'phone_number', 'nip', 'company_id', 'type', 'group'];
		let matches = [...this.customers.values()].filter((c) => {
			for (const name of filters) {
				const wanted = req.query.get(name);
				if (wanted !== null && String(c[name] ?? '') !== wanted) return false;
			}
			const flag = req.query.get('company_flag');
			if (flag !== null && (c.company_flag === true) !== (flag === 'true')) return false;
			for (const [name, values] of custom) {
				const have = (c.custom_fields as Row | undefined)?.[name];
				if (!values.includes(String(have ?? ''))) return false;
			}
			return true;
		});
		const order = req.query.get('order');
		if (order) {
			const keys = order.split(',');
			matches = matches.sort((a, b) => {
				for (const key of keys) {
					const field = key.replace(/^-/, '');
					const sign = key.startsWith('-') ? -1 : 1;
					const [x, y] = [a[field], b[field]] as Array<string | number>;
					if (x !== y) return (x < y ? -1 : 1) * sign;
				}
				return 0;
			});
		} else matches = matches.sort((a, b) => a.customer_id - b.customer_id);
		reply.json(200, { count: matches.length, result: matches.slice(offset, offset + limit).map((c) => this.view(c, req)) });
	}

	/** Unknown fields and a surname that is not text are validation errors (400, response_codes). */
	private checkFields(body: Row, allowed: string[], reply: Reply): boolean {
		const unknown = Object.keys(body).find((key) => !allowed.includes(key));
		if (unknown) {
			this.error(reply, 400, `Unknown field ${unknown}.`, 150);
			return false;
		}
		return true;
	}

	/**
	 * POST customers (https://api.thulium.com/docs/api/crm/post_customers): surname required (400
	 * without it); the other fields optional. 201 with the new customer's id (reference §11: returns
	 * customer_id). No key lets Thulium recognise a repeated request: each one adds a customer.
	 */
	private createCustomer(body: Row, reply: Reply): void {
		if (!this.checkFields(body, CUSTOMER_FIELDS, reply)) return;
		if (typeof body.surname !== 'string' || body.surname.trim() === '') return this.error(reply, 400, 'Field surname is required.', 151);
		if (body.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(body.email))) return this.error(reply, 400, 'Wrong format of e-mail address.', 152);
		const customer = this.addCustomer({ ...(body as Partial<ThuliumCustomer>), surname: body.surname });
		reply.json(201, { customer_id: customer.customer_id });
	}

	/**
	 * PUT batch/customers (https://api.thulium.com/docs/api/crm_batch/put_batch_customers): customers
	 * required, each with customer_id required and the fields of post_customers optional. Thulium
	 * documents no PUT customers/:id. response_codes: PUT answers 204, or 207 with a status per object
	 * when they differ; the 207 body is not published, so here it is a list of
	 * {customer_id, status, errors[]} for the customers that failed (an unknown id: 404) and a 204
	 * when all succeeded. Unchanged fields keep their value.
	 */
	private updateCustomers(body: Row, reply: Reply): void {
		if (!this.checkFields(body, ['customers'], reply)) return;
		if (!Array.isArray(body.customers) || body.customers.length === 0) return this.error(reply, 400, 'Field customers is required.', 160);
		const failed: Row[] = [];
		for (const entry of body.customers as Row[]) {
			if (!entry || typeof entry !== 'object' || !this.checkFields(entry, ['customer_id', ...CUSTOMER_FIELDS], reply)) return;
			const id = Number(entry.customer_id);
			if (!Number.isInteger(id)) return this.error(reply, 400, 'Field customer_id is required.', 161);
			const fields = { ...entry };
			delete fields.customer_id;
			const customer = this.customers.get(id);
			if (!customer && !this.permissive) failed.push({ customer_id: id, status: 404, errors: [{ message: 'Customer not found.', code: 404 }] });
			else if (customer) Object.assign(customer, fields, { updated_at: '2026-01-01 00:00:00' });
		}
		if (failed.length > 0) return reply.json(207, failed);
		reply.empty(204);
	}

	/**
	 * POST tickets (https://api.thulium.com/docs/api/tickets/post_tickets): to, subject and body
	 * required; to is one of the system's mailboxes; body_type HTML|PLAIN (default PLAIN); source
	 * email|phone|sms|chat|www; direction in_behalf_of|out; cc and tags lists. Answers {ticket_id}
	 * (201 for a POST, response_codes). Each request that arrives adds a ticket.
	 */
	private createTicket(body: Row, reply: Reply): void {
		if (!this.checkFields(body, TICKET_FIELDS, reply)) return;
		for (const name of ['to', 'subject', 'body']) {
			if (typeof body[name] !== 'string' || (body[name] as string).trim() === '') return this.error(reply, 400, `Field ${name} is required.`, 170);
		}
		if (!this.permissive && !this.mailboxes.includes(String(body.to))) return this.error(reply, 400, 'Mailbox not found.', 171);
		const choices: Array<[string, string[]]> = [['body_type', ['HTML', 'PLAIN']], ['source', ['email', 'phone', 'sms', 'chat', 'www']], ['direction', ['in_behalf_of', 'out']]];
		for (const [name, allowed] of choices) {
			if (body[name] !== undefined && !allowed.includes(String(body[name]))) return this.error(reply, 400, `Field ${name} must be one of: ${allowed.join(', ')}.`, 172);
		}
		for (const name of ['cc', 'tags']) if (body[name] !== undefined && !Array.isArray(body[name])) return this.error(reply, 400, `Field ${name} must be an array.`, 173);
		const ticket = this.addTicket({
			from: body.from ?? '',
			ticket_queue_name: body.to,
			ticket_queue_id: body.ticket_queue_id ?? 32,
			subject: body.subject,
			status_id: String(body.status_id ?? '1'),
			customer_id: body.customer_id ?? null,
			user_login: body.user_login ?? '',
			messages: [{ message_id: 1, user_login: '', type: 'MAIL', body: body.body, comment: body.comment ?? '', system_comment: '', created_at: '2026-01-01 00:00', attachments: [] }],
		});
		reply.json(201, { ticket_id: ticket.ticket_id });
	}

	private ticketOf(idText: string, reply: Reply): ThuliumTicket | undefined {
		const ticket = /^\d+$/.test(idText) ? this.tickets.get(Number(idText)) : undefined;
		if (ticket) return ticket;
		if (this.permissive && /^\d+$/.test(idText)) return { ticket_id: Number(idText), messages: [] };
		this.error(reply, 404, 'Ticket not found.', 404);
		return undefined;
	}

	/** GET tickets/:id (https://api.thulium.com/docs/api/tickets/get_tickets_id): include_custom_fields; messages typed MAIL, REPLY or COMMENT. */
	private getTicket(id: string, req: RecordedRequest, reply: Reply): void {
		if (!this.booleans(req, reply, ['include_custom_fields'])) return;
		const ticket = this.ticketOf(id, reply);
		if (!ticket) return;
		const { custom_fields: custom, ...rest } = ticket;
		reply.json(200, req.query.get('include_custom_fields') === 'true' ? { ...rest, custom_fields: custom ?? {} } : rest);
	}

	/**
	 * POST tickets/:id/agent_response (https://api.thulium.com/docs/api/tickets/post_tickets_id_agent_response):
	 * body and user_login required, body_type HTML|PLAIN (default HTML), date YYYY-MM-DD HH:mm,
	 * attachments; the agent must exist. Answers [] and adds a REPLY message; every request adds one.
	 */
	private agentResponse(id: string, body: Row, reply: Reply): void {
		if (!this.checkFields(body, ['body', 'body_type', 'user_login', 'date', 'attachments'], reply)) return;
		if (typeof body.body !== 'string' || body.body === '') return this.error(reply, 400, 'Field body is required.', 180);
		if (typeof body.user_login !== 'string' || body.user_login === '') return this.error(reply, 400, 'Field user_login is required.', 181);
		if (body.body_type !== undefined && !['HTML', 'PLAIN'].includes(String(body.body_type))) return this.error(reply, 400, 'Field body_type must be one of: HTML, PLAIN.', 182);
		if (body.date !== undefined && !MINUTE_DATE.test(String(body.date))) return this.error(reply, 400, 'Field date must be a date in format YYYY-MM-DD HH:mm.', 183);
		const ticket = this.ticketOf(id, reply);
		if (!ticket) return;
		if (!this.permissive && !this.agents.has(body.user_login)) return this.error(reply, 400, 'User not found.', 184);
		ticket.messages.push({ message_id: ticket.messages.length + 1, user_login: body.user_login, type: 'REPLY', body: body.body, comment: '', system_comment: '', created_at: body.date ?? '2026-01-01 00:00', attachments: [] });
		reply.json(201, []);
	}

	/**
	 * GET agents/:login (https://api.thulium.com/docs/api/agents/get_agents_login) and
	 * GET agents/:login/status (https://api.thulium.com/docs/api/agents/get_agents_login_status:
	 * status one of OFF, FREE, PAUSED, INBOUND_CALL, OUTBOUND_CALL, OUTBOUND_PREVIEW, CALL, RINGING).
	 * An unknown login is 404.
	 */
	private getAgent(login: string, reply: Reply, status: boolean): void {
		const row = (status ? this.agentStatuses : this.agents).get(login);
		if (row) {
			if (status && !AGENT_STATUSES.includes(String(row.status))) throw new Error(`fake: undocumented agent status ${String(row.status)}`);
			return reply.json(200, row);
		}
		if (this.permissive) return reply.json(200, status ? { login, status: 'OFF', pause_id: null, last_change: '2026-01-01 00:00:00' } : { agent_id: 9, login, active: true });
		this.error(reply, 404, 'Agent not found.', 404);
	}

	/**
	 * POST webhooks (https://api.thulium.com/docs/api/webhooks/post_webhooks): actions (a list of
	 * event names) and subscription_url required; http_auth_user and http_auth_password optional.
	 * Answers the webhook with its id (and the password, as the page shows). Each request adds one.
	 */
	private createWebhook(body: Row, reply: Reply): void {
		if (!this.checkFields(body, ['actions', 'subscription_url', 'http_auth_user', 'http_auth_password'], reply)) return;
		if (!Array.isArray(body.actions) || body.actions.length === 0) return this.error(reply, 400, 'Field actions is required.', 190);
		if (typeof body.subscription_url !== 'string' || body.subscription_url === '') return this.error(reply, 400, 'Field subscription_url is required.', 191);
		const webhook = { id: this.nextWebhookId++, actions: body.actions, subscription_url: body.subscription_url, http_auth_user: body.http_auth_user ?? '', http_auth_password: body.http_auth_password ?? '' };
		this.webhooks.push(webhook);
		reply.json(201, webhook);
	}
}
