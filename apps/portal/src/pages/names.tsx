// How the portal names who and what: a person by name and the role they acted in, the platform
// by a word, a commodity by its name, a pledged asset by its receipt or invoice number — never
// an e-mail address, a code or a fragment of an id where a name exists.

import { useEffect, useState } from 'react';
import { api } from '../api';
import type { StepActor } from '../api-answers';
import { I18n, useI18n } from '../i18n';

/** Who did a step, as people say it. */
export function actorText(actor: StepActor, { t, label }: Pick<I18n, 't' | 'label'>): string {
  if (actor.kind === 'SYSTEM') return t('actor.SYSTEM');
  if (!actor.name) return t('actor.unknown');
  return t('actor.person', {
    name: actor.name,
    role: actor.role ? label('role', actor.role) : '—',
    organisation: actor.organisation ?? '—',
  });
}

// the registry changes seldom: read once per page load, shared by every page that names goods
let registry: Promise<Map<string, string>> | undefined;

/** A commodity's name by its code (the code itself until the registry is read, or when it has none). */
export function useCommodityNames(): (code: string) => string {
  const [names, setNames] = useState<Map<string, string>>();
  useEffect(() => {
    let live = true;
    registry ??= api.GET('/commodities').then(
      (list) => new Map(list.map((c) => [c.code, c.name])),
      () => ((registry = undefined), new Map()),
    );
    void registry.then((found) => live && setNames(found));
    return () => void (live = false);
  }, []);
  return (code) => names?.get(code) ?? code;
}

/** A financing's asset by its number (仓单 HBY-2026-000731, 发票 HM-2026-001234); its kind and a short id when the reader may not open it. */
export function AssetName({ assetType, assetId }: { assetType: string; assetId: string }) {
  const { t, label } = useI18n();
  const [number, setNumber] = useState<string>();
  useEffect(() => {
    let live = true;
    const path = { params: { path: { id: assetId } } };
    const named =
      assetType === 'WAREHOUSE_RECEIPT'
        ? api.GET('/warehouse-receipts/{id}', path).then((r) => t('asset.receipt', { number: r.receiptNumber }))
        : api.GET('/receivables/{id}', path).then((r) => t('asset.invoice', { number: r.invoiceNumber }));
    named.then(
      (text) => live && setNumber(text),
      () => live && setNumber(undefined),
    );
    return () => void (live = false);
  }, [assetType, assetId, t]);
  return (
    <span data-testid="asset-name">
      {number ?? (
        <>
          {label('asset', assetType)} <span className="muted">{assetId.slice(0, 8)}</span>
        </>
      )}
    </span>
  );
}
