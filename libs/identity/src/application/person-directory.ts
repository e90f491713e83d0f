import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@caravan/access';
import { findPeopleByEmail } from '../infrastructure/user.repository';

/** A person as other contexts name them: never their e-mail, which stays identity's. */
export interface PersonName {
  email: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
}

/** What other contexts may ask about people: who the addresses their records hold belong to, many at once. */
export abstract class PersonDirectory {
  /** The people of these e-mail addresses (any case); an address of nobody is left out. */
  abstract byEmail(emails: readonly string[]): Promise<PersonName[]>;
}

@Injectable()
export class People extends PersonDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  byEmail(emails: readonly string[]): Promise<PersonName[]> {
    if (emails.length === 0) return Promise.resolve([]);
    return findPeopleByEmail(this.dataSource.manager, emails);
  }
}
