/**
 * Checks an event body against the published JSON Schema (schema/suitehooks-event.schema.json,
 * docs/events.md) with Ajv, so every event the sandbox's receiver verifies is also held to the
 * contract receivers in other languages validate against.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../../schema/suitehooks-event.schema.json';

const validate = addFormats(new Ajv({ allErrors: true })).compile(schema);

/** Why `body` does not match the schema (`<JSON pointer> <message>` each); empty when it does. */
export function eventSchemaProblems(body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
