import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmStartArguments } from '../../../app/tools/npmStartCommand';

function projectWithStart(start: string): string {
  const root = mkdtempSync(join(tmpdir(), 'npm-start-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', scripts: { start } }));
  return root;
}

describe('npmStartArguments', () => {
  it('gives node the start script flags in order, then the script', () => {
    expect(npmStartArguments(projectWithStart('node --heap-growing-percent=50 --enable-source-maps dist/app/main.js'))).toEqual([
      '--heap-growing-percent=50',
      '--enable-source-maps',
      'dist/app/main.js',
    ]);
  });

  it('gives the script alone when the start script has no flags', () => {
    expect(npmStartArguments(projectWithStart('node dist/app/main.js'))).toEqual(['dist/app/main.js']);
  });

  it('refuses a start script of another shape instead of guessing', () => {
    expect(() => npmStartArguments(projectWithStart('npm run build && node dist/app/main.js'))).toThrow(/start script/);
  });

  it("reads this project's start script: the compiled server", () => {
    expect(npmStartArguments(join(__dirname, '..', '..', '..')).at(-1)).toBe('dist/app/main.js');
  });
});
