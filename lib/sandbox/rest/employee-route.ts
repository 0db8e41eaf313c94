/**
 * `/services/rest/record/v1/<type>[/{id | eid:{externalId}}]` for the login records of the core's
 * registry (employee, vendor, partner, customer): the collection (paged, filtered with `q`), create,
 * read, update, upsert by external id and delete, with NetSuite's answers. One route per type.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordTypeEntry, type CanonicalRecord, type UserRecordType } from '../../core';
import {
  NetSuiteError,
  type Account,
  type EmployeeWrite,
  type RecordAccount,
  type RecordFilter,
  type WriteContext,
} from '../account/account-types';
import { KeyedLock } from '../account/keyed-lock';
import { pageLinks } from './collection';
import { employeeJson, parseEmployeeBody } from './employee-json';
import { intParam, invalidContent, invalidParameter, invalidUrlPath, nonexistentId } from './errors';
import { decodeSegment, parseJson, readBody, sendJson } from './http-io';
import { parseRecordFilter } from './record-filter';

export interface EmployeeRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The path segment after `<type>/`, still percent-encoded; undefined for the collection. */
  ref: string | undefined;
  ctx: WriteContext;
}

const MAX_LIMIT = 1000;

/** What a route needs of the account, for one record type. */
export interface RecordStore {
  get(id: string): CanonicalRecord | null;
  findByExternalId(externalId: string): string | null;
  list(limit: number, offset: number, filter?: RecordFilter): { ids: string[]; totalResults: number };
  create(write: EmployeeWrite, ctx: WriteContext): Promise<string>;
  update(id: string, write: EmployeeWrite, ctx: WriteContext, eventType: 'edit' | 'xedit'): Promise<void>;
  delete(id: string, ctx: WriteContext): Promise<void>;
}

/** The employee through the `Account` seam (the REST layer's original one). */
export function employeeStore(account: Account): RecordStore {
  return {
    get: (id) => account.getEmployee(id),
    findByExternalId: (eid) => account.findEmployeeByExternalId(eid),
    list: (limit, offset, filter) => account.listEmployees(limit, offset, filter),
    create: (write, ctx) => account.createEmployee(write, ctx),
    update: (id, write, ctx, eventType) => account.updateEmployee(id, write, ctx, eventType),
    delete: (id, ctx) => account.deleteEmployee(id, ctx),
  };
}

/** Any registry type through the generic account operations. */
export function recordStore(account: RecordAccount, type: string): RecordStore {
  return {
    get: (id) => account.getRecord(type, id),
    findByExternalId: (eid) => account.findRecordByExternalId(type, eid),
    list: (limit, offset, filter) => account.listRecords(type, limit, offset, filter),
    create: (write, ctx) => account.createRecord(type, write, ctx),
    update: (id, write, ctx, eventType) => account.updateRecord(type, id, write, ctx, eventType),
    delete: (id, ctx) => account.deleteRecord(type, id, ctx),
  };
}

/** `?replace=roles`: the roles sublist is set to exactly the lines sent. */
const replacesRoles = (url: URL) => (url.searchParams.get('replace') ?? '').split(',').includes('roles');

export class EmployeeRoute {
  // Upserts of one external id run one at a time: one creates, the others find it and update.
  private readonly upserts = new KeyedLock();
  private readonly collection: string;

  constructor(
    private readonly account: RecordStore,
    private readonly maxBody: number,
    private readonly type: UserRecordType = recordTypeEntry('employee'),
  ) {
    this.collection = `/services/rest/record/v1/${type.id}`;
  }

  private collectionUrl(url: URL): string {
    return `${url.origin}${this.collection}`;
  }

  handle(r: EmployeeRequest): Promise<void> | void {
    if (r.ref !== undefined) return this.item(r, r.ref);
    const method = r.req.method ?? 'GET';
    if (method === 'GET') return this.list(r);
    if (method !== 'POST')
      throw new NetSuiteError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on the ${this.type.id} collection.`);
    return this.create(r);
  }

  private async body(req: IncomingMessage) {
    return parseEmployeeBody(parseJson(await readBody(req, this.maxBody)), this.type);
  }

  private list({ res, url }: EmployeeRequest): void {
    const limit = intParam(url, 'limit', MAX_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT)
      throw invalidParameter(`Invalid value for the limit parameter: 1 to ${MAX_LIMIT}.`, 'limit');
    const offset = intParam(url, 'offset', 0);
    const q = url.searchParams.get('q');
    const { ids, totalResults } = this.account.list(limit, offset, q === null ? undefined : parseRecordFilter(q));
    const items = ids.map((id) => ({ links: [{ rel: 'self', href: `${this.collectionUrl(url)}/${id}` }], id }));
    const links = pageLinks(url, limit, offset, items.length, totalResults);
    sendJson(res, 200, {
      links,
      count: items.length,
      hasMore: offset + items.length < totalResults,
      items,
      offset,
      totalResults,
    });
  }

  private async create({ req, res, url, ctx }: EmployeeRequest): Promise<void> {
    const id = await this.account.create({ values: await this.body(req), replaceRoles: true }, ctx);
    res.writeHead(204, { location: `${this.collectionUrl(url)}/${id}` }).end();
  }

  private async upsert({ req, res, url, ctx }: EmployeeRequest, decoded: string): Promise<void> {
    if (!decoded.startsWith('eid:') || decoded.length === 4) {
      throw new NetSuiteError(
        400,
        'INVALID_REQUEST',
        `PUT (upsert) needs an external id in the path: ${this.type.id}/eid:<externalId>.`,
      );
    }
    const values = await this.body(req);
    const externalId = decoded.slice(4);
    if ('externalId' in values && values.externalId !== externalId)
      throw invalidContent('The body may not change the external id of the path.', 'externalId');
    const id = await this.upserts.run(externalId, async () => {
      const existing = this.account.findByExternalId(externalId);
      if (existing === null) return this.account.create({ values: { ...values, externalId }, replaceRoles: true }, ctx);
      await this.account.update(existing, { values, replaceRoles: replacesRoles(url) }, ctx, 'edit');
      return existing;
    });
    res.writeHead(204, { location: `${this.collectionUrl(url)}/${id}` }).end();
  }

  /** `123` or `eid:<externalId>` → the internal id; 404 when there is none. */
  private resolve(decoded: string): string {
    if (decoded.startsWith('eid:')) {
      const id = this.account.findByExternalId(decoded.slice(4));
      if (id === null) throw nonexistentId();
      return id;
    }
    if (!/^\d{1,15}$/.test(decoded))
      throw invalidUrlPath(
        'Invalid record id: an internal id is a number; an external id is written eid:<externalId>.',
        decoded.slice(0, 60),
      );
    if (!this.account.get(decoded)) throw nonexistentId();
    return decoded;
  }

  private async item(r: EmployeeRequest, ref: string): Promise<void> {
    const { req, res, url, ctx } = r;
    const method = req.method ?? 'GET';
    const decoded = decodeSegment(ref);
    if (method === 'PUT') return this.upsert(r, decoded);
    const id = this.resolve(decoded);
    if (method === 'GET') {
      const record = this.account.get(id);
      if (!record) throw nonexistentId();
      sendJson(res, 200, {
        id,
        ...employeeJson(
          record,
          `${this.collectionUrl(url)}/${id}`,
          url.searchParams.get('expandSubResources') === 'true',
          this.type,
        ),
      });
    } else if (method === 'PATCH') {
      await this.account.update(id, { values: await this.body(req), replaceRoles: replacesRoles(url) }, ctx, 'edit');
      res.writeHead(204).end();
    } else if (method === 'DELETE') {
      await this.account.delete(id, ctx);
      res.writeHead(204).end();
    } else
      throw new NetSuiteError(
        405,
        'METHOD_NOT_ALLOWED',
        `${method} is not allowed on ${/^[aeiou]/.test(this.type.id) ? 'an' : 'a'} ${this.type.id}.`,
      );
  }
}
