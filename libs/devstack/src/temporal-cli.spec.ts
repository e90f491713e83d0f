import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTemporalCli } from './temporal-cli';

function fakeBinary(dir: string, name = 'temporal'): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('resolveTemporalCli', () => {
  const saved = { PATH: process.env.PATH, TEMPORAL_CLI: process.env.TEMPORAL_CLI };
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'caravan-cli-'));
    delete process.env.TEMPORAL_CLI;
    process.env.PATH = join(root, 'empty-bin');
  });

  afterEach(() => {
    process.env.PATH = saved.PATH;
    if (saved.TEMPORAL_CLI === undefined) delete process.env.TEMPORAL_CLI;
    else process.env.TEMPORAL_CLI = saved.TEMPORAL_CLI;
  });

  it('prefers TEMPORAL_CLI over everything else', async () => {
    const explicit = fakeBinary(join(root, 'explicit'));
    fakeBinary(join(root, 'bin'));
    fakeBinary(join(root, '.tools'));
    process.env.TEMPORAL_CLI = explicit;
    process.env.PATH = join(root, 'bin');
    await expect(resolveTemporalCli(root)).resolves.toEqual({ source: 'TEMPORAL_CLI', path: explicit });
  });

  it('fails clearly when TEMPORAL_CLI points at nothing runnable', async () => {
    process.env.TEMPORAL_CLI = join(root, 'missing');
    await expect(resolveTemporalCli(root)).rejects.toThrow(/TEMPORAL_CLI=.*missing is not an executable file/);
  });

  it('then `temporal` on PATH, before the cached copy', async () => {
    const onPath = fakeBinary(join(root, 'bin'));
    fakeBinary(join(root, '.tools'));
    process.env.PATH = join(root, 'bin');
    await expect(resolveTemporalCli(root)).resolves.toEqual({ source: 'PATH', path: onPath });
  });

  it('then the copy cached under .tools', async () => {
    const cached = fakeBinary(join(root, '.tools'));
    await expect(resolveTemporalCli(root)).resolves.toEqual({ source: 'cache', path: cached });
  });

  it('then go install into .tools, and the SDK download when that fails', async () => {
    // A `go` that fails stands for a machine whose Go cannot build the CLI.
    const bin = join(root, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'go'), '#!/bin/sh\necho "GOBIN=$GOBIN $*" >&2\nexit 1\n');
    chmodSync(join(bin, 'go'), 0o755);
    process.env.PATH = bin;
    const lines: string[] = [];
    await expect(resolveTemporalCli(root, (l) => lines.push(l))).resolves.toEqual({ source: 'sdk download' });
    expect(lines.join('\n')).toContain(`GOBIN=${join(root, '.tools')} install github.com/temporalio/cli/cmd/temporal@v1.5.1`);
  });

  it('reports a successful go install as such', async () => {
    const bin = join(root, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      join(bin, 'go'),
      '#!/bin/sh\nPATH=/usr/bin:/bin\nmkdir -p "$GOBIN" && printf "#!/bin/sh\\n" > "$GOBIN/temporal" && chmod +x "$GOBIN/temporal"\n',
    );
    chmodSync(join(bin, 'go'), 0o755);
    process.env.PATH = bin;
    await expect(resolveTemporalCli(root)).resolves.toEqual({ source: 'go install', path: join(root, '.tools', 'temporal') });
  });
});
