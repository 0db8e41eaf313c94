/** Script parameters of the running deployment, as the core's ParamReader. */
import * as runtime from 'N/runtime';
import type { ParamReader } from '../core/config';

export function currentScriptParams(): ParamReader {
  const script = runtime.getCurrentScript();
  return (name) => script.getParameter({ name });
}
