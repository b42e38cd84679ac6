import { probeParse } from './zz-probe.js';
test('probe', () => { const t = probeParse('int f(void) { return 1; }'); expect(t.rootNode.namedChildren.length).toBe(1); expect(t.rootNode.namedChildren[0].type).toBe('function_definition'); });
