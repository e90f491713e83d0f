import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../errors/src';
import { Money, MoneyError } from '../../../money/src';
import type { ConfirmationDecisionCommand } from '../../../temporal/src/contracts/receivable-confirmation.contract';
import { applyTransition, Receivable, registerReceivable, RegisterReceivable } from '../domain/receivable';
import { ConfirmationWorkflows, ReceivableRepository, TransitionRecord } from './ports';

export type RegisterReceivableCommand = Omit<RegisterReceivable, 'amount'> & { amount: string; currency: string };

@Injectable()
export class ReceivablesService {
  constructor(
    private readonly receivables: ReceivableRepository,
    private readonly workflows: ConfirmationWorkflows,
  ) {}

  /** Registers the receivable and starts its confirmation workflow, both or neither. */
  async register(command: RegisterReceivableCommand): Promise<Receivable> {
    const receivable = registerReceivable({ ...command, amount: amountOf(command) }, randomUUID(), new Date());
    await this.receivables.insert(receivable, () => this.workflows.start(receivable));
    return receivable;
  }

  async get(id: string): Promise<Receivable> {
    const receivable = await this.receivables.findById(id);
    if (!receivable) throw new DomainError('RECEIVABLE.NOT_FOUND', `receivable ${id} not found`, 'not_found');
    return receivable;
  }

  /** The debtor's answer goes to the workflow, which validates it and records it. */
  async decide(id: string, command: ConfirmationDecisionCommand): Promise<Receivable> {
    await this.workflows.decide(await this.get(id), command);
    return this.get(id);
  }

  /** Called by the workflow's activities; idempotent by the record's key. */
  transition(id: string, record: TransitionRecord): Promise<Receivable> {
    return this.receivables.transitionOnce(id, record, (current) =>
      applyTransition(current, record.transition, new Date()),
    );
  }
}

function amountOf(command: RegisterReceivableCommand): Money {
  try {
    return Money.of(command.amount, command.currency);
  } catch (e) {
    if (e instanceof MoneyError) throw new DomainError(e.code, e.message, 'invalid', 'amount');
    throw e;
  }
}
