import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { Public } from '@caravan/access';

type Check = 'up' | 'down';

async function probe(check: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)));
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: Client,
  ) {}

  @Get()
  @HttpCode(200)
  @ApiOkResponse({
    description: 'PostgreSQL and Temporal both answer',
    schema: { example: { status: 'up', checks: { database: 'up', temporal: 'up' } } },
  })
  @ApiServiceUnavailableResponse({ description: 'one of them does not' })
  async health(): Promise<{ status: Check; checks: Record<string, Check> }> {
    const [database, temporal] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    const body = { status: database === 'up' && temporal === 'up' ? ('up' as const) : ('down' as const), checks: { database, temporal } };
    if (body.status === 'down') throw new ServiceUnavailableException(body);
    return body;
  }
}
