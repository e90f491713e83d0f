import { Global, Module } from '@nestjs/common';
import { DualControlController } from './api/dual-control.controller';
import { DualControl } from './application/dual-control';
import { CreateDualControl1764146500000 } from './infrastructure/migrations/1764146500000-create-dual-control';

export const DUAL_CONTROL_MIGRATIONS = [CreateDualControl1764146500000];

/** Global: every context that hands changes to a second person registers them here. */
@Global()
@Module({ controllers: [DualControlController], providers: [DualControl], exports: [DualControl] })
export class DualControlModule {}
