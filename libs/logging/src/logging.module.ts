import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../../config/src';

/** JSON logs, one line per event, request-scoped in the API; the health probe is not logged. */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  }),
});
