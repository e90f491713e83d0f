import { Controller, Get, Param, ParseEnumPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { Page, pageOf, PageQuery } from '@caravan/http';
import type { AgeingBucket } from '../domain/loan-book';
import { AGEING_BUCKETS, PortfolioService } from '../application/portfolio.service';

const BANK_STAFF = [Role.CREDIT_OFFICER, Role.APPROVER, Role.TREASURY, Role.BACK_OFFICE];

class BucketView {
  @ApiProperty({ enum: AGEING_BUCKETS }) bucket: AgeingBucket;
  @ApiProperty({ description: 'Open loans in the bucket' }) count: number;
  @ApiProperty({ example: '1000000.00', description: 'Their principal outstanding' }) outstanding: string;
}

class PortfolioTotal {
  @ApiProperty() count: number;
  @ApiProperty({ example: '1000000.00' }) outstanding: string;
}

export class PortfolioView {
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: [BucketView], description: 'Every bucket, in ageing order, empty ones with zeros' }) buckets: BucketView[];
  @ApiProperty({ type: PortfolioTotal }) total: PortfolioTotal;
}

export class PortfolioLoanView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ref: string;
  @ApiProperty() product: string;
  @ApiProperty({ description: 'The borrowing SME' }) sme: string;
  @ApiProperty({ nullable: true, type: String, description: 'The buyer (receivables) or custodian (warehouse receipts)' })
  counterparty: string | null;
  @ApiProperty({ example: '1000000.00' }) amount: string;
  @ApiProperty({ example: '750000.00', description: 'Principal outstanding' }) outstanding: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ enum: AGEING_BUCKETS }) ageing: AgeingBucket;
  @ApiProperty({ nullable: true, type: String }) disbursedAt: string | null;
}

class PortfolioLoanPage {
  @ApiProperty({ type: [PortfolioLoanView] }) items: PortfolioLoanView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

@ApiTags('financing')
@ApiBearerAuth()
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get()
  @Roles(...BANK_STAFF)
  @ApiOperation({ summary: "The caller's bank's open loans (being repaid) by ageing bucket: count and principal outstanding" })
  @ApiOkResponse({ type: PortfolioView })
  buckets(@CurrentActor() actor: Actor): Promise<PortfolioView> {
    return this.portfolio.buckets(actor);
  }

  @Get('buckets/:bucket/loans')
  @Roles(...BANK_STAFF)
  @ApiOperation({ summary: 'The loans behind one ageing bucket, most principal outstanding first' })
  @ApiParam({ name: 'bucket', enum: AGEING_BUCKETS })
  @ApiOkResponse({ type: PortfolioLoanPage })
  async loans(
    @CurrentActor() actor: Actor,
    @Param('bucket', new ParseEnumPipe(Object.fromEntries(AGEING_BUCKETS.map((b) => [b, b])))) bucket: AgeingBucket,
    @Query() query: PageQuery,
  ): Promise<PortfolioLoanPage> {
    return pageOf(await this.portfolio.loans(actor, bucket, query), query, (r) => r) as Page<PortfolioLoanView>;
  }
}
