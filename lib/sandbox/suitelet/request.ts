/**
 * The `context.request` (http.ServerRequest, section_4314608702) and `context.response`
 * (http.ServerResponse) a Suitelet gets. Sublist values posted by a rendered form arrive as
 * `<sublist>:<line>:<field>` parameters; `getLineCount` and `getSublistValue` read them.
 */
import type { ScriptEnv } from '../runtime/script-env';
import { formModel } from '../runtime/modules/ui-serverwidget';
import type { Exchange } from './exchange';

export interface SuiteletRequest {
  method: string;
  /** Query and form parameters (form fields win). */
  parameters: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  url: string;
}

/** The parameter a rendered form posts for one sublist cell. */
export function sublistParam(sublist: string, line: number, field: string): string {
  return `${sublist}:${line}:${field}`;
}

export function serverRequest(env: ScriptEnv, request: SuiteletRequest): Record<string, unknown> {
  const visible: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.parameters)) if (!k.includes(':')) visible[k] = v;
  const group = (o: unknown, ...names: string[]) => {
    const options = (o ?? {}) as Record<string, unknown>;
    for (const n of names)
      if (options[n] === undefined || options[n] === null || options[n] === '')
        throw env.raise('SSS_MISSING_REQD_ARGUMENT', `Missing a required argument: ${n}`);
    return options;
  };
  return Object.freeze({
    method: request.method,
    parameters: Object.freeze(visible),
    headers: Object.freeze({ ...request.headers }),
    body: request.body,
    url: request.url,
    clientIpAddress: '127.0.0.1',
    getLineCount(o: unknown) {
      const sublist = String(group(o, 'group').group);
      const lines = new Set<number>();
      for (const k of Object.keys(request.parameters)) {
        const m = /^([^:]+):(\d+):/.exec(k);
        if (m?.[1] === sublist) lines.add(Number(m[2]));
      }
      return lines.size === 0 ? -1 : lines.size;
    },
    getSublistValue(o: unknown) {
      const options = group(o, 'group', 'name');
      if (options.line === undefined || options.line === null)
        throw env.raise('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: line');
      return request.parameters[sublistParam(String(options.group), Number(options.line), String(options.name))] ?? '';
    },
  });
}

export function serverResponse(env: ScriptEnv, exchange: Exchange): Record<string, unknown> {
  const text = (o: unknown) => (typeof o === 'string' ? o : String((o as { output?: unknown })?.output ?? ''));
  return Object.freeze({
    write(o: unknown) {
      exchange.written.push(text(o));
    },
    writeLine(o: unknown) {
      exchange.written.push(`${text(o)}\n`);
    },
    writePage(o: unknown) {
      const page = formModel(o) ?? formModel((o as { pageObject?: unknown })?.pageObject);
      if (!page)
        throw env.raise('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: pageObject (a serverWidget form)');
      exchange.page = page;
    },
    setHeader(o: unknown) {
      const { name, value } = (o ?? {}) as { name?: unknown; value?: unknown };
      if (!name) throw env.raise('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: name');
      exchange.headers[String(name).toLowerCase()] = String(value ?? '');
    },
  });
}
