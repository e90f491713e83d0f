// Texts of the portfolio page, in Simplified Chinese and English (typed by the Chinese).

export const zhPortfolio = {
  'portfolio.buckets': '账龄分布',
  'portfolio.bucket': '账龄',
  'portfolio.count': '笔数',
  'portfolio.outstanding': '未还本金',
  'portfolio.total': '合计',
  'portfolio.open': '查看{bucket}的贷款',
  'portfolio.loansIn': '{bucket}的贷款',
  'portfolio.sme': '借款企业',
  'portfolio.counterparty': '买方 / 监管方',
  'portfolio.disbursed': '放款时间',
  'portfolio.chartHint': '点击柱形或表中的账龄查看其中的贷款。',
  'portfolio.utilised': '已占用 {amount}（{share}）',
} as const;

export const enPortfolio: Record<keyof typeof zhPortfolio, string> = {
  'portfolio.buckets': 'Ageing',
  'portfolio.bucket': 'Bucket',
  'portfolio.count': 'Loans',
  'portfolio.outstanding': 'Principal outstanding',
  'portfolio.total': 'Total',
  'portfolio.open': 'Show the loans: {bucket}',
  'portfolio.loansIn': 'Loans: {bucket}',
  'portfolio.sme': 'Borrower',
  'portfolio.counterparty': 'Buyer / custodian',
  'portfolio.disbursed': 'Disbursed',
  'portfolio.chartHint': 'Choose a bar, or a bucket in the table, to see the loans in it.',
  'portfolio.utilised': '{amount} used ({share})',
};
