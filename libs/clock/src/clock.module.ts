import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@caravan/config';
import { BusinessClock } from './business-clock';

/** One business clock for every context, in the configured time zone. */
@Global()
@Module({
  providers: [
    { provide: BusinessClock, inject: [AppConfig], useFactory: (config: AppConfig) => new BusinessClock(config.BUSINESS_TIMEZONE) },
  ],
  exports: [BusinessClock],
})
export class ClockModule {}
