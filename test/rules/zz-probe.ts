import Parser from 'tree-sitter';
import C from 'tree-sitter-c';
const shared = process as unknown as { __tsProbe?: Parser };
export function probeParse(text: string) {
  if (!shared.__tsProbe) { const p = new Parser(); p.setLanguage(C as unknown as Parser.Language); shared.__tsProbe = p; }
  return shared.__tsProbe.parse(text);
}
