import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreditLimitsController } from './api/credit-limits.controller';
import { CreditLimitsService } from './application/credit-limits.service';
import { CreditLimitEntity, LimitReservationEntity } from './infrastructure/credit-limit.entity';
import { CreateCreditLimits1764144300000 } from './infrastructure/migrations/1764144300000-create-credit-limits';
import { LimitsPrivileges1764146100000 } from './infrastructure/migrations/1764146100000-app-privileges';

export const LIMITS_MIGRATIONS = [CreateCreditLimits1764144300000, LimitsPrivileges1764146100000];

@Module({
  imports: [TypeOrmModule.forFeature([CreditLimitEntity, LimitReservationEntity])],
  controllers: [CreditLimitsController],
  providers: [CreditLimitsService],
  exports: [CreditLimitsService],
})
export class LimitsModule {}
