import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@caravan/identity';
import { WarehouseReceiptsController } from './api/warehouse-receipts.controller';
import { WarehouseReceiptsService } from './application/warehouse-receipts.service';
import { CreateWarehouseReceipts1764144400000 } from './infrastructure/migrations/1764144400000-create-warehouse-receipts';
import { CommodityEntity, CommodityPriceEntity, WarehouseReceiptEntity } from './infrastructure/warehouse-receipt.entities';
import { WarehouseReceiptPledges } from './infrastructure/warehouse-receipt-pledges';
import { WarehouseReceiptPrivileges1764146100000 } from './infrastructure/migrations/1764146100000-app-privileges';

export const WAREHOUSE_RECEIPTS_MIGRATIONS = [CreateWarehouseReceipts1764144400000, WarehouseReceiptPrivileges1764146100000];

@Module({
  imports: [TypeOrmModule.forFeature([CommodityEntity, CommodityPriceEntity, WarehouseReceiptEntity]), IdentityModule],
  controllers: [WarehouseReceiptsController],
  providers: [WarehouseReceiptsService, WarehouseReceiptPledges],
  exports: [WarehouseReceiptsService, WarehouseReceiptPledges],
})
export class WarehouseReceiptsModule {}
