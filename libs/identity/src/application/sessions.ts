import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@caravan/config';
import type { Actor } from '@caravan/access';
import type { Method } from '../domain/second-factor';
import { issueAccessToken, TokenKeys, verifyAccessToken } from '../infrastructure/access-token';
import { findSessionState } from '../infrastructure/user.repository';

export interface AccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

interface SessionState {
  active: boolean;
  version: number;
  at: number;
}

/**
 * Who a bearer token is, checked on every request: a valid signature, a lifetime within the
 * configured one, and a person still active whose session version is still the token's. The
 * last two are read from the database at most every AUTH_SESSION_CHECK_SECONDS per person, so
 * a deactivation or a revocation takes effect within seconds, in every API process.
 */
@Injectable()
export class Sessions {
  private readonly states = new Map<string, SessionState>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async issue(actor: Actor, version: number, methods: Method[]): Promise<AccessToken> {
    const ttl = this.config.AUTH_TOKEN_TTL_SECONDS;
    return {
      accessToken: await issueAccessToken(actor, version, this.keys(), ttl, Date.now(), methods),
      tokenType: 'Bearer',
      expiresIn: ttl,
    };
  }

  /** The person a token is, and how they signed in; undefined unless the session still stands. */
  async authenticate(token: string): Promise<{ actor: Actor; methods: Method[] } | undefined> {
    const verified = await verifyAccessToken(token, this.keys(), this.config.AUTH_TOKEN_TTL_SECONDS);
    if (!verified) return undefined;
    const state = await this.state(verified.actor.userId);
    return state.active && state.version === verified.version ? { actor: verified.actor, methods: verified.methods } : undefined;
  }

  /** Drops what this process remembers of a person's session (it just changed). */
  forget(userId: string): void {
    this.states.delete(userId);
  }

  keys(): TokenKeys {
    return {
      current: this.config.AUTH_TOKEN_SECRET,
      previous: this.config.AUTH_TOKEN_PREVIOUS_SECRETS?.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  }

  private async state(userId: string): Promise<SessionState> {
    const known = this.states.get(userId);
    if (known && Date.now() - known.at < this.config.AUTH_SESSION_CHECK_SECONDS * 1000) return known;
    const row = await findSessionState(this.dataSource.manager, userId);
    const state = { active: row?.active === true, version: row?.sessionVersion ?? -1, at: Date.now() };
    if (this.states.size > 10_000) this.states.clear(); // a bounded memory, whatever the number of people
    this.states.set(userId, state);
    return state;
  }
}
