/**
 * The sandbox's REST API on a real account, as third parties meet it (issue 17, items 11 and 13):
 * `netsuite-rest` (TBA) follows `next` links of a `?q=` list, and REST SuiteQL reads only what the
 * caller's role may.
 */
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { createDevCredentials } from '../../lib/sandbox/rest/credentials';
import { startRestServer, type RestServer } from '../../lib/sandbox/rest/server';
import { TbaAuth } from '../../lib/client/auth/tba';
import { Secret } from '../../lib/client/secret';
import { DELIVERY_RECORD, DEPLOYMENT, PARAM } from '../../lib/core';

jest.setTimeout(30_000);

interface NsResponse {
  statusCode: number;
  data: { links: { rel: string; href: string }[]; items: { id: string }[] } | null;
}
interface NsRest {
  request(o: { path: string; method?: string }): Promise<NsResponse>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NetsuiteRest = require('netsuite-rest') as new (o: Record<string, string>) => NsRest;

const ENDPOINT = 'https://hooks.example.com/in?token=do-not-show';
const admin = createDevCredentials();
const salesRep = createDevCredentials('4', '15');

let account: SandboxAccount;
let server: RestServer;

beforeAll(async () => {
  account = await SandboxAccount.create({
    params: { [DEPLOYMENT.userEvent]: { [PARAM.endpointUrl]: ENDPOINT } },
  });
  server = await startRestServer(account, {
    credentials: {
      m2m: admin.registry.m2m,
      tba: [...admin.registry.tba, ...salesRep.registry.tba],
    },
  });
});

afterAll(async () => {
  await server?.close();
  await account?.close();
});

describe('netsuite-rest (TBA) follows next links of a ?q= list', () => {
  it('visits every page: links keep the request’s %20, which the package signs as sent', async () => {
    const api = new NetsuiteRest({
      consumer_key: admin.client.tba.consumerKey,
      consumer_secret_key: admin.client.tba.consumerSecret,
      token: admin.client.tba.tokenId,
      token_secret: admin.client.tba.tokenSecret,
      realm: account.accountId,
      base_url: server.url,
    });
    const prefix = `${server.url}/services/rest/`;
    const q = encodeURIComponent('id ANY_OF [1, 2, 3, 4]');
    const seen: string[] = [];
    const followed: string[] = [];
    let path: string | undefined = `record/v1/employee?q=${q}&limit=1`;
    while (path) {
      // The package throws on a non-2xx answer (a 401 on page 2 when a link's encoding changed).
      const res: NsResponse = await api.request({ path });
      expect(res.statusCode).toBe(200);
      seen.push(...res.data!.items.map((i) => i.id));
      const next = res.data!.links.find((l) => l.rel === 'next')?.href;
      if (next) followed.push(next);
      path = next?.slice(prefix.length);
    }
    expect(seen).toEqual(['1', '2', '3', '4']);
    expect(followed).toHaveLength(3);
    for (const href of followed) expect(href.startsWith(`${prefix}record/v1/employee?q=${q}&`)).toBe(true);
  });
});

describe('REST SuiteQL applies the caller’s role', () => {
  async function suiteql(who: typeof admin, q: string) {
    const auth = new TbaAuth(
      {
        consumerKey: who.client.tba.consumerKey,
        consumerSecret: new Secret(who.client.tba.consumerSecret),
        tokenId: who.client.tba.tokenId,
        tokenSecret: new Secret(who.client.tba.tokenSecret),
      },
      account.accountId,
    );
    const url = `${server.url}/services/rest/query/v1/suiteql`;
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: await auth.authorization('POST', url),
        prefer: 'transient',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ q }),
    });
    return { status: res.status, text: await res.text() };
  }

  it('a Sales Rep cannot read script deployments (their parameters hold the endpoint URL); an administrator can', async () => {
    const q = 'SELECT scriptid, params FROM scriptdeployment';
    const rep = await suiteql(salesRep, q);
    expect(rep.status).toBe(400);
    expect(rep.text).toMatch(/no permission to read the record type \\"scriptdeployment\\"/);
    expect(rep.text).not.toContain('do-not-show');
    // Not through a join or a subquery either.
    const joined = await suiteql(salesRep, 'SELECT e.id FROM employee e WHERE EXISTS (SELECT 1 FROM scriptdeployment)');
    expect(joined.status).toBe(400);
    const own = await suiteql(admin, q);
    expect(own.status).toBe(200);
    expect(own.text).toContain('do-not-show');
  });

  it('a Sales Rep reads a custom record type only once its role is granted it', async () => {
    const q = `SELECT id FROM ${DELIVERY_RECORD}`;
    expect((await suiteql(salesRep, q)).status).toBe(400);
    account.setRecordPermission(DELIVERY_RECORD, '15', 'VIEW');
    try {
      expect((await suiteql(salesRep, q)).status).toBe(200);
    } finally {
      account.setRecordPermission(DELIVERY_RECORD, '15', null);
    }
    expect((await suiteql(salesRep, q)).status).toBe(400);
  });

  it('standard tables whose role permissions the sandbox does not model are for administrators only', async () => {
    for (const table of ['role', 'employee', 'department']) {
      expect((await suiteql(salesRep, `SELECT id FROM ${table}`)).status).toBe(400);
      expect((await suiteql(admin, `SELECT id FROM ${table}`)).status).toBe(200);
    }
  });
});
