import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** Cruises from one file written for the occasion; returns the rules it breaks. */
function brokenRules(file: string, source: string): string[] {
  const path = resolve(root, file);
  writeFileSync(path, source);
  try {
    const run = spawnSync(
      resolve(root, 'node_modules/.bin/depcruise'),
      ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', file],
      { cwd: root, encoding: 'utf8' },
    );
    const { summary } = JSON.parse(run.stdout) as { summary: { violations: Array<{ rule: { name: string } }> } };
    return [...new Set(summary.violations.map((v) => v.rule.name))].sort();
  } finally {
    rmSync(path, { force: true });
  }
}

/** The architecture rules CI runs (`npm run lint`) do catch what they are there for. */
describe('the architecture rules', () => {
  it('refuse a deep import into another library', () => {
    const source = `import { IdentityService } from '../../identity/src/application/identity.service';\nexport const deep = IdentityService;\n`;
    expect(brokenRules('libs/audit/src/zz-architecture-probe.ts', source)).toEqual(['one-door-between-libraries']);
  });

  it('refuse an import cycle', () => {
    const other = resolve(root, 'libs/audit/src/zz-architecture-other.ts');
    writeFileSync(other, `import { one } from './zz-architecture-probe';\nexport const two = () => one;\n`);
    try {
      const source = `import { two } from './zz-architecture-other';\nexport const one = () => two;\n`;
      expect(brokenRules('libs/audit/src/zz-architecture-probe.ts', source)).toEqual(['no-cycles']);
    } finally {
      rmSync(other, { force: true });
    }
  });

  it('keep workflow code to the workflow doors', () => {
    const source = `import { FinancingModule } from '@caravan/financing';\nexport const node = FinancingModule;\n`;
    expect(brokenRules('workflows/zz-architecture-probe.ts', source)).toContain('workflows-load-only-workflow-doors');
  });
});
