import { Module } from '@nestjs/common';
import { LedgerController } from './api/ledger.controller';
import { LedgerService } from './application/ledger.service';
import { CreateLedger1764144600000 } from './infrastructure/migrations/1764144600000-create-ledger';
import { BankBooks1764146200000 } from './infrastructure/migrations/1764146200000-bank-books';
import { BankAccountMovements1764147500000 } from './infrastructure/migrations/1764147500000-bank-account-movements';

export const LEDGER_MIGRATIONS = [CreateLedger1764144600000, BankBooks1764146200000, BankAccountMovements1764147500000];

@Module({ controllers: [LedgerController], providers: [LedgerService], exports: [LedgerService] })
export class LedgerModule {}
