import { ApiProperty } from '@nestjs/swagger';

// GET /financings/:id/decision: what a bank's people read before they recommend, approve or reject.

export class DecisionPersonView {
  @ApiProperty({ type: String, nullable: true, example: '王敏', description: 'Null for the platform’s own steps' }) displayName:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: 'CREDIT_OFFICER', description: 'The role the person acted in' }) role:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: '丝路银行乌鲁木齐分行' }) organisation: string | null;
  @ApiProperty({ description: 'The platform acted (a workflow), not a person' }) system: boolean;
}

export class AssetStepView {
  @ApiProperty({ example: 'receivable.confirm' }) action: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: DecisionPersonView }) by: DecisionPersonView;
}

export class DecisionDocumentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'invoice-HM-2026-001234.pdf' }) name: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
}

export class DecisionReceivableView {
  @ApiProperty({ example: 'HM-2026-001234' }) invoiceNumber: string;
  @ApiProperty({ example: '1250000.00' }) faceValue: string;
  @ApiProperty({ example: '0.00', description: 'Credit notes and returns so far' }) dilutedAmount: string;
  @ApiProperty({ example: '1250000.00', description: 'Face value less dilutions: what may be financed' }) eligibleAmount: string;
  @ApiProperty({ example: '0.8', description: 'The most of the eligible amount the bank advances (its policy at application)' })
  advanceRate: string;
  @ApiProperty({ format: 'date' }) issueDate: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ example: 'PLEDGED' }) status: string;
  @ApiProperty({ example: '国网新疆电力' }) buyer: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the buyer confirmed the invoice' })
  buyerConfirmedAt: string | null;
  @ApiProperty({ type: DecisionPersonView, nullable: true }) buyerConfirmedBy: DecisionPersonView | null;
  @ApiProperty({ type: [DecisionDocumentView] }) documents: DecisionDocumentView[];
}

export class DecisionReceiptView {
  @ApiProperty({ example: 'HBY-2026-000731' }) receiptNumber: string;
  @ApiProperty({ example: 'COAL-5500' }) commodityCode: string;
  @ApiProperty({ example: '动力煤 5500 大卡' }) commodityName: string;
  @ApiProperty({ example: 'Q5500' }) grade: string;
  @ApiProperty({ example: '1000.000' }) quantity: string;
  @ApiProperty({ example: 't' }) unit: string;
  @ApiProperty({ example: 'bay 7' }) location: string;
  @ApiProperty({ example: '812.35', description: 'Price per unit' }) unitPrice: string;
  @ApiProperty({ format: 'date', description: 'The price’s date (the latest on or before today)' }) priceDate: string;
  @ApiProperty({ example: '812350.00', description: 'Quantity × price' }) grossValue: string;
  @ApiProperty({ example: 'PLEDGED' }) status: string;
  @ApiProperty({ example: '哈密保税物流园' }) custodian: string;
}

export class DecisionAssetView {
  @ApiProperty({ enum: ['RECEIVABLE', 'WAREHOUSE_RECEIPT'] }) type: 'RECEIVABLE' | 'WAREHOUSE_RECEIPT';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: DecisionReceivableView, nullable: true }) receivable: DecisionReceivableView | null;
  @ApiProperty({ type: DecisionReceiptView, nullable: true }) receipt: DecisionReceiptView | null;
  @ApiProperty({ type: [AssetStepView], description: 'The asset’s trail, oldest first' }) history: AssetStepView[];
}

export class DecisionCollateralView {
  @ApiProperty({ example: '690497.50', description: 'Receivable: the eligible amount; receipt: its value today after the haircut' })
  value: string;
  @ApiProperty({ type: String, nullable: true, example: '0.15', description: 'The commodity’s haircut; null for a receivable' })
  haircut: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.5793', description: 'Amount / collateral value, four decimals' }) ltv:
    string | null;
  @ApiProperty({ example: '0.7', description: 'The most the amount may be of the value (advance rate or LTV cap) under its terms' })
  maxRatio: string;
  @ApiProperty({ type: String, nullable: true, example: '0.8', description: 'Receipt loans: above this LTV a margin call is made' })
  maintenanceLtv: string | null;
  @ApiProperty({ example: 'CNY' }) currency: string;
}

export class DecisionLimitView {
  @ApiProperty({ example: 'COMMODITY_CONCENTRATION' }) kind: string;
  @ApiProperty({ example: 'COAL-5500', description: 'An organisation’s id or a commodity code' }) subject: string;
  @ApiProperty({ example: '动力煤 5500 大卡', description: 'The organisation’s or the commodity’s name' }) subjectName: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '50000000.00',
    description: 'Null: the bank set no such limit (the financing is refused)',
  })
  limit: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Used without this financing' }) utilisedBefore: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Used with it' }) utilisedAfter: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Limit less used with it (negative: over the limit)' }) availableAfter:
    string | null;
  @ApiProperty({ description: 'Whether the financing has reserved on the limit (at disbursement); before, after = before + amount' })
  reserved: boolean;
  @ApiProperty({ example: 'CNY' }) currency: string;
}

export class DecisionScheduleLineView {
  @ApiProperty() number: number;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ example: '500000.00' }) principal: string;
  @ApiProperty({ example: '1812.50' }) interest: string;
  @ApiProperty({ example: '501812.50' }) payment: string;
}

export class DecisionPriceView {
  @ApiProperty({ enum: ['BOOKED', 'IF_ACCEPTED_TODAY'], description: 'The booked schedule, or the terms re-based to start today' })
  basis: 'BOOKED' | 'IF_ACCEPTED_TODAY';
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate: string | null;
  @ApiProperty({ example: '0.0435' }) annualRate: string;
  @ApiProperty({ example: '0.001' }) upfrontFeeRate: string;
  @ApiProperty({ example: '0.0653' }) penaltyRate: string;
  @ApiProperty({ example: '1000.00' }) fee: string;
  @ApiProperty({ example: '7370.83' }) totalInterest: string;
  @ApiProperty({ example: '1008370.83', description: 'Principal, interest and fees' }) totalPayable: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: [DecisionScheduleLineView] }) lines: DecisionScheduleLineView[];
}

export class DecisionStepView {
  @ApiProperty({ example: 'recommended', description: 'counterparty.confirmed, recommended, approved, approval.not.counted or rejected' })
  step: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: DecisionPersonView }) by: DecisionPersonView;
  @ApiProperty({ type: String, nullable: true, example: 'Buyer pays on time; exposure within appetite' }) comment: string | null;
}

export class DecisionDeadlineView {
  @ApiProperty({ example: 'approval', description: 'What is awaited: a step of the financing, or the invoice’s payment (asset.due)' })
  what: string;
  @ApiProperty({ example: '2026-12-09T08:00:00.000Z', description: 'By when: a date-time, or a date for the invoice' }) by: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who is awaited' }) organisation: string | null;
  @ApiProperty({ type: [String], example: ['APPROVER'] }) roles: string[];
}

export class PartyRiskView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: '哈密丝路物流有限公司' }) name: string;
  @ApiProperty({ description: 'Its other financings with this bank, any stage' }) financings: number;
  @ApiProperty({ description: 'Of them, repaying now' }) repaying: number;
  @ApiProperty({ example: '600000.00', description: 'Principal outstanding on them' }) outstanding: string;
  @ApiProperty({ description: 'The most days any of them is past due now' }) daysPastDueNow: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '1-30',
    description: 'The worst ageing bucket any of them ever reached; null: none booked',
  })
  worstAgeingEver: string | null;
  @ApiProperty({
    description: 'Its receivables the debtor ever disputed (as creditor for an SME, as debtor for a buyer), on the whole platform',
  })
  disputedReceivables: number;
}

export class DecisionRiskView {
  @ApiProperty({ type: PartyRiskView }) sme: PartyRiskView;
  @ApiProperty({ type: PartyRiskView, nullable: true, description: 'Receivable financing: the buyer who pays' })
  buyer: PartyRiskView | null;
}

export class DecisionPartyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class FinancingDecisionView {
  @ApiProperty({ format: 'uuid' }) financingId: string;
  @ApiProperty({ example: 'WR-2026-000012' }) ref: string;
  @ApiProperty({ enum: ['RECEIVABLE_FINANCING', 'WAREHOUSE_RECEIPT_LOAN'] }) product: string;
  @ApiProperty({ example: 'AWAITING_APPROVAL' }) stage: string;
  @ApiProperty({ example: '400000.00' }) amount: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: DecisionPartyView }) sme: DecisionPartyView;
  @ApiProperty({ type: DecisionPartyView, description: 'The buyer (receivable) or the custodian (receipt) who confirms' })
  counterparty: DecisionPartyView;
  @ApiProperty({ type: DecisionAssetView }) asset: DecisionAssetView;
  @ApiProperty({ type: DecisionCollateralView }) collateral: DecisionCollateralView;
  @ApiProperty({ type: [DecisionLimitView], description: 'Every limit the eligibility check counts the financing against' })
  limits: DecisionLimitView[];
  @ApiProperty({ type: DecisionPriceView, nullable: true, description: 'Null when a due date lies beyond the working-day calendar' })
  price: DecisionPriceView | null;
  @ApiProperty({ type: DecisionStepView, nullable: true, description: 'The buyer’s acknowledgement of the assignment, or the custodian’s' })
  confirmation: DecisionStepView | null;
  @ApiProperty({ type: DecisionStepView, nullable: true }) recommendation: DecisionStepView | null;
  @ApiProperty({ type: [DecisionStepView], description: 'Every approval and rejection, oldest first' }) decisions: DecisionStepView[];
  @ApiProperty({ type: [DecisionDeadlineView] }) deadlines: DecisionDeadlineView[];
  @ApiProperty({ type: DecisionRiskView }) risk: DecisionRiskView;
}
