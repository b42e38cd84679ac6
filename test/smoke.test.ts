// The native binding works under jest ESM, also when other test files in the same worker loaded it first.
import { parseC } from '../src/c/parser.js';

test('tree-sitter parses C under jest ESM', () => {
  expect(parseC('int x;').tree.rootNode.type).toBe('translation_unit');
});
