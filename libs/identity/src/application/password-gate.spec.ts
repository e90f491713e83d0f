import { PasswordGate } from './password-gate';

const tick = () => new Promise((r) => setImmediate(r));

describe('PasswordGate', () => {
  it('runs at most `concurrency` at once, queues some, refuses the rest', async () => {
    const gate = new PasswordGate(2, 1);
    let running = 0;
    let peak = 0;
    const release: Array<() => void> = [];
    const work = () =>
      gate.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => release.push(r));
        running -= 1;
      });
    const admitted = [work(), work(), work()];
    await expect(work()).rejects.toMatchObject({ code: 'AUTH.BUSY', kind: 'too_many' });
    await tick();
    expect(release).toHaveLength(2); // the third waits
    release.splice(0).forEach((r) => r());
    await tick();
    expect(release).toHaveLength(1); // now it runs
    release.splice(0).forEach((r) => r());
    await Promise.all(admitted);
    expect(peak).toBe(2);
  });
});
