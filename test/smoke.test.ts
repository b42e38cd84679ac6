import Parser from 'tree-sitter';
import C from 'tree-sitter-c';
test('tree-sitter parses C under jest ESM', () => {
  const p = new Parser();
  p.setLanguage(C as unknown as Parser.Language);
  expect(p.parse('int x;').rootNode.type).toBe('translation_unit');
});
