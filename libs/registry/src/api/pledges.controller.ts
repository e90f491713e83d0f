import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsEnum, IsUUID } from 'class-validator';
import { uuidParam } from '@caravan/http';
import { CurrentActor } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { Encumbrance, PledgeRegistry } from '../application/pledge-registry';
import { AssetType, Pledge } from '../domain/pledge';

export class AssetQuery {
  @ApiProperty({ enum: AssetType })
  @IsEnum(AssetType)
  assetType: AssetType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assetId: string;
}

/**
 * The registry's door for people: search and read. Pledges are made and discharged by the
 * financing workflow alone, for an asset its holder applied to finance.
 */
@ApiTags('pledge registry')
@ApiBearerAuth()
@Controller('pledges')
export class PledgesController {
  constructor(private readonly registry: PledgeRegistry) {}

  @Get('search')
  @ApiOperation({ summary: 'Is this asset encumbered, by whom, since when (not for which financing: that is the parties’ business)' })
  @ApiOkResponse({
    schema: {
      example: { encumbered: true, pledge: { pledgeeId: '…', pledgeeName: 'Silk Road Commercial Bank', since: '2026-11-26T08:00:00Z' } },
    },
  })
  search(@Query() query: AssetQuery): Promise<Encumbrance> {
    return this.registry.search(query.assetType, query.assetId);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<Pledge> {
    return this.registry.get(actor, id);
  }
}
