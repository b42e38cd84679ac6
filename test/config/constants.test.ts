// The zod-free defaults the CLI and engine use must be exactly what the schema gives an empty file.
import { buildConfigSchema } from '../../src/config/schema.js';
import { defaultConfig } from '../../src/config/constants.js';

test('plain defaults equal the schema defaults', () => {
  expect(defaultConfig()).toEqual(buildConfigSchema([]).parse({}));
});
