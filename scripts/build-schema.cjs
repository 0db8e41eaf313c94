#!/usr/bin/env node
/**
 * Generates schema/suitehooks-event.schema.json from the TypeScript event types (schema/events.ts)
 * with ts-json-schema-generator. `npm run schema` writes it; test/docs/schema.test.ts regenerates it
 * in memory and fails when the committed file differs.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { createGenerator } = require('ts-json-schema-generator');

const root = join(__dirname, '..');
const SCHEMA_FILE = join(root, 'schema', 'suitehooks-event.schema.json');

function generateSchema() {
  const schema = createGenerator({
    path: join(root, 'schema', 'events.ts'),
    tsconfig: join(root, 'tsconfig.json'),
    type: 'SuitehooksEvent',
    additionalProperties: false,
    sortProps: true,
    topRef: true,
  }).createSchema('SuitehooksEvent');
  return {
    $schema: schema.$schema,
    title: 'suitehooks event',
    description: 'The JSON body of every webhook suitehooks sends (docs/events.md).',
    ...schema,
  };
}

module.exports = { generateSchema, SCHEMA_FILE };

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, `${JSON.stringify(generateSchema(), null, 2)}\n`);
  console.log(`wrote ${SCHEMA_FILE}`);
}
