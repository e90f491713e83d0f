import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsEnum, IsString, IsUUID, Length } from 'class-validator';
import { uuidParam } from '../../../http/src/params';
import { CurrentActor, Roles } from '../../../identity/src/api/auth.decorators';
import type { Actor } from '../../../identity/src/domain/actor';
import { Role } from '../../../identity/src/domain/organisation';
import { Encumbrance, PledgeRegistry } from '../application/pledge-registry';
import { AssetType, Pledge } from '../domain/pledge';

export class PledgeDto {
  @ApiProperty({ enum: AssetType, example: AssetType.RECEIVABLE })
  @IsEnum(AssetType)
  assetType: AssetType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assetId: string;

  @ApiProperty({ example: 'RF-2026-000123', description: 'The financing this asset backs' })
  @IsString()
  @Length(1, 128)
  financingRef: string;
}

export class AssetQuery {
  @ApiProperty({ enum: AssetType })
  @IsEnum(AssetType)
  assetType: AssetType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assetId: string;
}

const BANK_CREDIT = [Role.CREDIT_OFFICER, Role.BACK_OFFICE];

@ApiTags('pledge registry')
@ApiBearerAuth()
@Controller('pledges')
export class PledgesController {
  constructor(private readonly registry: PledgeRegistry) {}

  @Post()
  @Roles(...BANK_CREDIT)
  @ApiOperation({ summary: "Pledge an asset to the caller's bank for a financing" })
  @ApiCreatedResponse({ description: 'the live pledge' })
  @ApiConflictResponse({ description: 'REGISTRY.ASSET_ENCUMBERED: the asset already backs a live financing' })
  pledge(@CurrentActor() actor: Actor, @Body() body: PledgeDto): Promise<Pledge> {
    return this.registry.pledge(actor, body);
  }

  @Get('search')
  @ApiOperation({ summary: 'Is this asset encumbered, by whom, since when' })
  @ApiOkResponse({ schema: { example: { encumbered: true, pledge: { id: '…', pledgeeId: '…', pledgeeName: 'Silk Road Commercial Bank', since: '2026-11-26T08:00:00Z', financingRef: 'RF-2026-000123' } } } })
  search(@Query() query: AssetQuery): Promise<Encumbrance> {
    return this.registry.search(query.assetType, query.assetId);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<Pledge> {
    return this.registry.get(actor, id);
  }

  @Post(':id/discharge')
  @HttpCode(200)
  @Roles(...BANK_CREDIT)
  @ApiOperation({ summary: 'Discharge a live pledge (its financing closed); the asset is free again' })
  discharge(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<Pledge> {
    return this.registry.discharge(actor, id);
  }
}
