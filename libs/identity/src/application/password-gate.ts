import { AuthErrors } from '../domain/identity.errors';

/**
 * At most a few password hashes at a time: each takes 32 MiB and a tenth of a second, so a
 * login flood would otherwise take the server's memory and cores. Past the queue it is refused.
 */
export class PasswordGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency = 4,
    private readonly queue = 64,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw AuthErrors.BUSY('too many sign-ins at once: try again in a moment');
      await new Promise<void>((resume) => this.waiting.push(resume));
    }
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

/** One gate for every password hash of this process: sign-ins, new people, new passwords. */
export const PASSWORD_GATE = new PasswordGate();
