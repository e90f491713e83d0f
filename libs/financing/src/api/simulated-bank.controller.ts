import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { CurrentActor, OrganisationKind, Role, Roles } from '@caravan/access';
import { OrganisationDirectory } from '@caravan/identity';
import type { Actor } from '@caravan/access';
import { SimulatedBanks, SimulatedPayment } from '../infrastructure/simulated-bank';
import { FinancingErrors } from '../domain/financing.errors';

export class FaultsDto {
  @ApiProperty({ format: 'uuid', description: 'The bank whose simulated gateway misbehaves' }) @IsUUID() bankId: string;
  @ApiProperty({ example: 1, description: 'Refuse the next N payment instructions' }) @IsInt() @Min(0) @Max(1000) failNext: number;
  @ApiProperty({ example: 0, description: 'Settle each instruction only after this many ms' })
  @IsInt()
  @Min(0)
  @Max(600000)
  delayMs: number;
}

/** The simulated gateways that stand in for the banks' payment systems: the operator's faults, a bank's own payments. */
@ApiTags('financing')
@ApiBearerAuth()
@Controller()
export class SimulatedBankController {
  constructor(
    private readonly banks: SimulatedBanks,
    private readonly organisations: OrganisationDirectory,
  ) {}

  @Put('simulated-bank/faults')
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: "A bank's simulated gateway: refuse the next N instructions, or settle after a delay" })
  async faults(@Body() body: FaultsDto) {
    if ((await this.organisations.kindOf(body.bankId)) !== OrganisationKind.BANK) {
      throw FinancingErrors.NOT_A_BANK('bankId must name a bank on the platform', 'bankId');
    }
    await this.banks.setFaults(body.bankId, body.failNext, body.delayMs);
    return body;
  }

  @Get('simulated-bank/payments/:instructionId')
  @Roles(Role.TREASURY, Role.BACK_OFFICE, Role.ADMIN, Role.AUDITOR)
  @ApiOperation({
    summary: "A payment the bank's simulated gateway was instructed to make (PENDING, SETTLED, FAILED); the bank's own only",
  })
  payment(@CurrentActor() actor: Actor, @Param('instructionId') instructionId: string): Promise<SimulatedPayment> {
    return this.banks.payment(actor, instructionId);
  }
}
