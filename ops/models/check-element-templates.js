// Validates the element templates in processes/element-templates/ against Camunda Modeler's schema
// (@camunda/element-templates-json-schema, pinned in package.json). Run by `npm run lint:bpmn`.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const folder = path.join(__dirname, '..', '..', 'processes', 'element-templates');
let failed = 0;
for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
  const templates = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
  if (!validate(templates)) {
    failed++;
    console.error(`${file}: ${ajv.errorsText(validate.errors)}`);
  }
}
if (failed > 0) {
  process.exit(1);
}
console.log('element templates: valid');
