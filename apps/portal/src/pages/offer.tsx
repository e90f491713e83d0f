import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Space } from 'antd';
import Decimal from 'decimal.js';
import { openFile } from '../api';
import type { FinancingDetail } from '../api-answers';
import { formatDate, formatMoney, formatRate, formatTotal } from '../format';
import { useI18n } from '../i18n';
import { DataTable, ErrorNote, Section, useAction, useAsk } from '../ui';
import type { Act } from './financing-steps';

// The SME's side of an offer and after it: every cost before accepting (what the fee does to
// the total), the bank's contract read and agreed to, a last confirmation naming the amounts;
// then every payment and the surplus paid back.

type Offer = NonNullable<FinancingDetail['offer']>;

/** What the offer costs: rates, fee, interest, the total payable and how it adds up. */
function OfferCosts({ f, offer }: { f: FinancingDetail; offer: Offer }) {
  const { t, language } = useI18n();
  const s = offer.schedule;
  const money = (amount: string) => formatMoney(amount, f.currency);
  const received = new Decimal(f.amount).minus(s.fee).toFixed(2);
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        title={t('offer.costs')}
        items={[
          { key: 'principal', label: t('offer.principal'), children: money(f.amount) },
          { key: 'start', label: t('offer.start'), children: formatDate(offer.startDate, language) },
          { key: 'rate', label: t('offer.rate'), children: <span data-testid="offer-rate">{formatRate(offer.annualRate)}</span> },
          { key: 'dayCount', label: t('offer.dayCount'), children: offer.dayCount },
          { key: 'feeRate', label: t('offer.feeRate'), children: formatRate(offer.upfrontFeeRate) },
          { key: 'fee', label: t('offer.fee'), children: <span data-testid="offer-fee">{money(s.fee)}</span> },
          { key: 'interest', label: t('offer.interest'), children: <span data-testid="offer-interest">{money(s.totalInterest)}</span> },
          { key: 'payable', label: t('offer.payable'), children: <strong data-testid="offer-payable">{money(s.totalPayable)}</strong> },
          { key: 'received', label: t('offer.received'), children: money(received) },
          { key: 'instalments', label: t('offer.instalments'), children: s.lines.length },
          { key: 'penalty', label: t('offer.penaltyRate'), children: formatRate(offer.penaltyRate) },
        ]}
      />
      <p data-testid="offer-equation">
        {t('offer.equation', {
          payable: money(s.totalPayable),
          principal: money(s.totalPrincipal),
          interest: money(s.totalInterest),
          fee: money(s.fee),
        })}
      </p>
      <p className="muted">{t('offer.feeNote', { received: money(received) })}</p>
    </>
  );
}

/** The offer: its costs, the contract to read and agree to, and acceptance after a confirmation naming the amounts. */
export function OfferPanel({ f, act }: { f: FinancingDetail; act: Act }) {
  const { t } = useI18n();
  const ask = useAsk();
  const opening = useAction();
  // the sha256 of the contract version agreed to: a new version in force unticks the box
  const [agreed, setAgreed] = useState<string>();
  const contract = f.contract;
  const offer = f.offer;
  const agrees = contract ? agreed === contract.sha256 : true;
  const accept = async () => {
    const s = offer?.schedule ?? f.state?.schedule;
    const money = (amount: string | undefined) => formatMoney(amount, f.currency);
    const sure = await ask({
      title: t('offer.confirmTitle'),
      message: t('offer.confirmText', {
        amount: money(f.amount),
        received: s ? money(new Decimal(f.amount).minus(s.fee).toFixed(2)) : '—',
        payable: money(s?.totalPayable),
      }),
      confirm: t('financing.accept'),
    });
    // the start date of the schedule shown: the API refuses the acceptance once the offer starts another day
    if (sure !== null) await act('accept', { startDate: offer?.startDate, ...(contract ? { contractSha256: agreed } : {}) });
  };
  return (
    <Section title={t('financing.offer')}>
      <p>
        {t('financing.offerText', {
          amount: formatMoney(f.amount, f.currency),
          payable: formatMoney((offer?.schedule ?? f.state?.schedule)?.totalPayable, f.currency),
        })}
      </p>
      {offer && <OfferCosts f={f} offer={offer} />}
      <h3>{t('offer.contract')}</h3>
      {contract ? (
        <Space direction="vertical">
          <Button
            type="link"
            onClick={() => opening.run(() => openFile('/financings/{id}/contract', { path: { id: f.id } }))}
            data-testid="contract-open"
          >
            {t('offer.contractOpen', { version: contract.version })}
          </Button>
          <ErrorNote error={opening.error} />
          <Checkbox checked={agrees} onChange={(e) => setAgreed(e.target.checked ? contract.sha256 : undefined)}>
            {t('offer.agree', { version: contract.version })}
          </Checkbox>
        </Space>
      ) : (
        <Alert type="info" showIcon message={t('offer.contractNone')} />
      )}
      <p>
        <Button type="primary" disabled={!agrees} onClick={() => void accept()}>
          {t('financing.accept')}
        </Button>{' '}
        {!agrees && <span className="muted">{t('offer.agreeFirst')}</span>}
      </p>
    </Section>
  );
}

/** After the offer: the contract kept with the financing, every payment with what it paid, and the surplus paid back. */
export function PaymentsMade({ f }: { f: FinancingDetail }) {
  const { t, language } = useI18n();
  const money = (amount: string) => formatMoney(amount, f.currency);
  const kept = f.contract?.kept;
  return (
    <Section title={t('payments.title')}>
      {kept && (
        <p>
          <Button type="link" onClick={() => void openFile('/financings/{id}/contract', { path: { id: f.id } })}>
            {t('offer.contractKept', {
              version: kept.version,
              who: kept.acceptedBy.replace(/ \(.*\)$/, ''),
              at: formatDate(kept.acceptedAt, language),
            })}
          </Button>
        </p>
      )}
      {f.payments.length === 0 ? (
        <p>{t('payments.none')}</p>
      ) : (
        <DataTable
          caption={t('payments.caption')}
          columns={[
            { label: t('payments.valueDate') },
            { label: t('payments.reference') },
            { label: t('payments.amount'), numeric: true },
            { label: t('payments.penalty'), numeric: true },
            { label: t('payments.interest'), numeric: true },
            { label: t('payments.principal'), numeric: true },
            { label: t('payments.surplus'), numeric: true },
          ]}
        >
          {f.payments.map((p) => (
            <tr key={p.reference} data-payment={p.reference}>
              <td>{formatDate(p.valueDate, language)}</td>
              <td>
                <code>{p.reference}</code>
              </td>
              <td className="num">{money(p.amount)}</td>
              <td className="num">{money(p.penalty)}</td>
              <td className="num">{money(p.interest)}</td>
              <td className="num">{money(p.principal)}</td>
              <td className="num">{money(p.surplus)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {f.stage === 'CLOSED' && (
        <p>
          {t('payments.surplusReturned')}:{' '}
          <strong data-testid="surplus-returned">
            {formatTotal(f.surplusPayouts.filter((s) => s.status === 'PAID').map((s) => ({ amount: s.amount, currency: f.currency })))}
          </strong>
        </p>
      )}
    </Section>
  );
}
