import Decimal from 'decimal.js';
import { api, Schema } from '../api';
import type { Trial } from '../api-answers';
import { formatDate, formatMoney, formatRate } from '../format';
import { useI18n } from '../i18n';
import { Field, useLoad } from '../ui';

type Pricing = Schema<'PricingDto'>;
type Amortisation = NonNullable<Schema<'ApplicationDto'>['method']>;
type Frequency = NonNullable<Schema<'ApplicationDto'>['repaymentFrequency']>;

const FIRST_METHODS: Amortisation[] = ['BULLET', 'EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL'];

/** The bank's product in force for the chosen product kind: what the SME may choose and how it counts. */
export function useProduct(bankId: string, product: Schema<'ApplicationDto'>['product']): Pricing | undefined {
  const products = useLoad(
    () => (bankId ? api.GET('/banks/{bankId}/products', { params: { path: { bankId } } }) : Promise.resolve(undefined)),
    [bankId],
  );
  return products.data?.pricing[product];
}

/** What a warehouse receipt loan's repayment is chosen from: the product's offer (the first three methods, monthly, when it names none). */
export function repaymentChoices(pricing: Pricing | undefined) {
  return {
    methods: (pricing?.options?.amortisations ?? FIRST_METHODS) as Amortisation[],
    frequencies: (pricing?.options?.repaymentFrequencies ?? ['MONTHLY']) as Frequency[],
    maxInstalments: pricing?.options?.maxInstalments ?? 60,
  };
}

export interface RepaymentForm {
  method: Amortisation;
  instalments: string;
  repaymentFrequency: Frequency;
}

/** A warehouse receipt loan's repayment: method, frequency (when the product offers more than one) and instalments. */
export function RepaymentFields({
  form,
  set,
  error,
  pricing,
}: {
  form: RepaymentForm;
  set: (name: keyof RepaymentForm) => (e: { target: { value: string } }) => void;
  error: unknown;
  pricing: Pricing | undefined;
}) {
  const { t } = useI18n();
  const { methods, frequencies, maxInstalments } = repaymentChoices(pricing);
  return (
    <>
      <Field label={t('apply.method')} name="method" error={error}>
        {(p) => (
          <select {...p} value={form.method} onChange={set('method')}>
            {methods.map((m) => (
              <option key={m} value={m}>
                {t(`method.${m}` as never)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {frequencies.length > 1 && (
        <Field label={t('apply.frequency')} name="repaymentFrequency" error={error}>
          {(p) => (
            <select {...p} value={form.repaymentFrequency} onChange={set('repaymentFrequency')}>
              {frequencies.map((f) => (
                <option key={f} value={f}>
                  {t(`frequency.${f}` as never)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('apply.instalments')} name="instalments" error={error}>
        {(p) => <input {...p} type="number" min={1} max={maxInstalments} value={form.instalments} onChange={set('instalments')} />}
      </Field>
    </>
  );
}

/** The terms beside the figures: fees, penalty and compound interest, how interest counts, and how long the quote holds. */
export function ProductTerms({ pricing, trial }: { pricing: Pricing | undefined; trial: Trial }) {
  const { t, language } = useI18n();
  const rate = trial.terms.annualRate;
  // a multiple of the contract rate, exactly (a float would print 9.000000000000001%)
  const times = (multiple: string | undefined) => (multiple ? formatRate(new Decimal(rate).times(multiple).toFixed()) : undefined);
  const penalty = times(pricing?.penaltyMultiple) ?? formatRate(pricing?.penaltyRate ?? null);
  const compound = pricing?.compoundRate ? formatRate(pricing.compoundRate) : times(pricing?.compoundMultiple);
  const periodFees = (pricing?.fees ?? []).filter((f) => f.kind === 'PER_PERIOD');
  return (
    <dl className="facts" data-testid="product-terms">
      <dt>{t('terms.interest')}</dt>
      <dd>{`${t(`interestType.${pricing?.interestType ?? 'DECLINING'}` as never)} · ${trial.terms.dayCount}`}</dd>
      {periodFees.length > 0 && (
        <>
          <dt>{t('terms.periodFee')}</dt>
          <dd>{periodFees.map((f) => (f.amount ? formatMoney(f.amount) : formatRate(f.rate ?? null))).join(' + ')}</dd>
        </>
      )}
      <dt>{t('terms.penalty')}</dt>
      <dd data-testid="trial-penalty">
        {t('terms.penaltyText', { rate: penalty, days: String(pricing?.graceDays ?? trial.terms.graceDays) })}
      </dd>
      {compound && (
        <>
          <dt>{t('terms.compound')}</dt>
          <dd>{compound}</dd>
        </>
      )}
      <dt>{t('terms.validity')}</dt>
      <dd data-testid="trial-validity">{t('terms.validityText', { date: formatDate(trial.validThrough, language) })}</dd>
      <dt>{t('terms.rebase')}</dt>
      <dd>{t('terms.rebaseText')}</dd>
    </dl>
  );
}
