// GENERATED FILE, do not edit: the API's OpenAPI document (GET /docs/openapi.json) as TypeScript
// types, by openapi-typescript (openapiTS + astToString), then Prettier. The portal's transport
// (api.ts, openapi-fetch) checks paths, methods, parameters and bodies against it.
// test/integration/api-types.test.ts fails while it differs from what the API documents; after
// changing a controller or a DTO, regenerate it (with UPDATE_API_TYPES=1 in the environment that
// test writes this file instead of comparing):
//   UPDATE_API_TYPES=1 npx jest test/integration/api-types.test.ts

export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approval-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Changes awaiting (or given) a second person's approval: policy changes, hand-recorded payments, reversals, large write-offs */
    get: operations['DualControlController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approval-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['DualControlController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approval-requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve: the change takes effect now. Never one’s own request; the role must be a checker’s for its kind */
    post: operations['DualControlController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approval-requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['DualControlController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approval-requests/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The person who asked withdraws the request */
    post: operations['DualControlController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Exchange e-mail and password for a short-lived bearer token; too many failures of an account or an address answer 429 for a while */
    post: operations['IdentityController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/second-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start enrolling an authenticator app: a seed (and its otpauth URI, for a QR code), confirmed by a first code */
    post: operations['IdentityController_startSecondFactor'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/second-factor/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the authenticator app with its first code: every session ends; sign in again, with a code */
    post: operations['IdentityController_confirmSecondFactor'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change one’s password: every session ends, sign in again */
    post: operations['IdentityController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sessions/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out everywhere: every token issued so far stops working within seconds */
    post: operations['IdentityController_signOutEverywhere'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password with the one-time code an operator admin handed over */
    post: operations['IdentityController_completeReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['IdentityController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organisations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The directory of counterparties: every organisation, its kind and name */
    get: operations['IdentityController_list'];
    put?: never;
    /** Onboard an organisation (platform operator) */
    post: operations['IdentityController_onboard'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organisations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['IdentityController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organisations/{id}/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An organisation's people: admins see any, others their own */
    get: operations['IdentityController_users'];
    put?: never;
    /** Add a person to an organisation, with roles that fit its kind */
    post: operations['IdentityController_addUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organisations/{id}/users/{userId}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deactivate a person: they cannot sign in, and their tokens stop working within seconds */
    post: operations['IdentityController_deactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organisations/{id}/users/{userId}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['IdentityController_reactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organisations/{id}/users/{userId}/second-factor/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clear a lost second factor: the person enrols again at their next sign-in */
    post: operations['IdentityController_resetSecondFactor'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organisations/{id}/users/{userId}/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a password reset: a one-time code, valid 30 minutes, for the admin to hand over (never a password) */
    post: operations['IdentityController_startReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sso/providers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The banks whose officers sign in through their own provider */
    get: operations['SingleSignOnController_providers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sso/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Begin signing in through one’s bank: the provider’s address to send the browser to (authorization code flow with PKCE) */
    post: operations['SingleSignOnController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sso/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Finish signing in through one’s bank with the query string the browser came back with: a bearer token */
    post: operations['SingleSignOnController_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organisations/{id}/sso': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A bank’s sign-in provider settings in force (the client secret never shown) */
    get: operations['SingleSignOnController_settings'];
    /** Propose a bank’s sign-in provider and the roles its groups hold: in force once a second operator admin approves */
    put: operations['SingleSignOnController_propose'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/receivables/{id}/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A receivable's documents (who may see the receivable may see them) */
    get: operations['ReceivablesController_listDocuments'];
    put?: never;
    /** Attach a document (the raw body, at most 10 MB): invoice scan, waybill */
    post: operations['ReceivablesController_attach'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/receivables/{id}/documents/{documentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a document */
    get: operations['ReceivablesController_document'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/receivables': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Receivables the caller may see: an SME its own, a debtor those it owes, a bank those pledged to it */
    get: operations['ReceivablesController_list'];
    put?: never;
    /** Register a receivable owed to the caller's SME */
    post: operations['ReceivablesController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/receivables/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReceivablesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/receivables/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit it to the debtor for confirmation (starts the confirmation workflow) */
    post: operations['ReceivablesController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/receivables/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The debtor confirms the debt (确权) */
    post: operations['ReceivablesController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/receivables/{id}/dispute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The debtor disputes the debt, with a reason */
    post: operations['ReceivablesController_dispute'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/receivables/{id}/dilutions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a credit note or a return, reducing the eligible amount */
    post: operations['ReceivablesController_dilute'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/receivables/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw it (registered, submitted or disputed only) */
    post: operations['ReceivablesController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/commodities/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Define a commodity, its unit and haircut (platform operator) */
    put: operations['WarehouseReceiptsController_defineCommodity'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/commodities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WarehouseReceiptsController_commodities'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/commodities/{code}/prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A commodity's recorded prices, newest first (the valuation takes the latest on or before its date) */
    get: operations['WarehouseReceiptsController_priceHistory'];
    put?: never;
    /** Record the price of a commodity on a date (one per date; a second replaces it) */
    post: operations['WarehouseReceiptsController_price'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/warehouse-receipts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Receipts the caller may see: custody, ownership, or a pledge to the caller’s bank */
    get: operations['WarehouseReceiptsController_list'];
    put?: never;
    /** Issue a receipt for goods in the caller’s custody */
    post: operations['WarehouseReceiptsController_issue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/warehouse-receipts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WarehouseReceiptsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/warehouse-receipts/{id}/valuation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Value on a date: latest price on or before it × quantity, less the haircut */
    get: operations['WarehouseReceiptsController_valuation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/warehouse-receipts/{id}/split': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Split into smaller receipts for exactly the same goods */
    post: operations['WarehouseReceiptsController_split'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/warehouse-receipts/{id}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The goods leave the yard */
    post: operations['WarehouseReceiptsController_release'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/warehouse-receipts/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a receipt issued in error */
    post: operations['WarehouseReceiptsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pledges/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Is this asset encumbered, by whom, since when (not for which financing: that is the parties’ business) */
    get: operations['PledgesController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pledges/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PledgesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/credit-limits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Limits with utilisation: a bank its own, the operator all */
    get: operations['CreditLimitsController_list'];
    put?: never;
    /** Set a limit of the caller's bank (per core enterprise, per SME, per debtor, per commodity) */
    post: operations['CreditLimitsController_set'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/credit-limits/reservations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reserve an amount on every listed limit, all or none; idempotent by reference */
    post: operations['CreditLimitsController_reserve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/credit-limits/reservations/{reference}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Release part or all of a reservation */
    post: operations['CreditLimitsController_release'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ledger/balances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Balances per account, for a financing or the bank's whole book */
    get: operations['LedgerController_balances'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ledger/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A financing's journal entries, oldest first */
    get: operations['LedgerController_entries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ledger/entries/{id}/reversal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask to reverse an entry (entries are never edited): posted when a second person approves the request (POST /approval-requests/{id}/approve) */
    post: operations['LedgerController_reverse'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/trial': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 试算: a quote, kept: the schedule, interest and fee these terms book from today, the most that can be financed, the bank’s policy version priced with and the last business date the quote holds (validThrough) */
    post: operations['FinancingsController_trial'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/quotes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A quote the caller’s SME asked for (any other reads as not found) */
    get: operations['FinancingsController_quote'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['FinancingsController_list'];
    put?: never;
    /** Apply with a quote the SME holds (unexpired, unused, the same bank, product, asset and amount): starts the financing workflow (eligibility, confirmations, approval, disbursement, repayment) on the quote’s policy version and terms */
    post: operations['FinancingsController_apply'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The financing, its state and schedule; who must act next and by when (awaiting); while it is repaid, the payment instructions (collection account, reference, what is awaited); each instalment with its status and what was paid when; surplus payouts */
    get: operations['FinancingsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** For the financing’s bank: what a decision rests on (asset and its documents and trail, collateral, haircut, LTV, every limit before and after, the price and schedule, the counterparty’s confirmation, the recommendation and decisions with names and roles, deadlines, the parties’ record). Anyone else: not found */
    get: operations['FinancingsController_decision'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/documents/{documentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** For the financing’s bank: a document of the financed receivable (its decision view lists them). Anyone else: not found */
    get: operations['FinancingsController_document'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every step of the financing: what, who, when; a step awaiting someone names the party, roles and deadline (detail.awaits) */
    get: operations['FinancingsController_timeline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The buyer acknowledges the assignment notice, or the custodian confirms control of the goods */
    post: operations['FinancingsController_acknowledge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/recommend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The maker recommends it for approval */
    post: operations['FinancingsController_recommend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A checker approves; refused for one’s own recommendation or twice; not counted above one’s authority */
    post: operations['FinancingsController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['FinancingsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The SME withdraws its application (before approval) */
    post: operations['FinancingsController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The SME accepts the offer (the detail’s offer: the terms re-based to start today) and the bank’s contract it read (its sha256, kept with the financing); the loan is booked from that start date and disbursement starts */
    post: operations['FinancingsController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record by hand a payment no statement line shows: allocated (penalty → fee → interest → principal) once a second person approves the request. A payment on a statement is matched instead (POST /reconciliation/matches) */
    post: operations['FinancingsController_pay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/release-goods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Release part of the pledged goods, never below the LTV line (warehouse-receipt loans) */
    post: operations['FinancingsController_releaseGoods'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/collateral': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pledge another receipt as more collateral (cures a margin call) */
    post: operations['FinancingsController_topUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financing-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bank's policy in force: version, since when, who proposed and who approved it */
    get: operations['FinancingPolicyController_policy'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/banks/{bankId}/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A bank's loan products in force, as an SME may apply for them: rates, fees, penalty and compound terms, the conventions each counts by (interest type, day count, rounding, due-date roll, …), the repayments it may choose and the rate bounds, with the policy version */
    get: operations['FinancingPolicyController_products'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financing-policy/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version the bank adopted, newest first (including ones not yet in force) */
    get: operations['FinancingPolicyController_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financing-policy/proposals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Propose the bank's authority matrix, deadlines, ratios and pricing: adopted when another person, an approver, approves the request */
    post: operations['FinancingPolicyController_propose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financing-contract': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload the bank's financing contract (the raw PDF body, at most 5 MB) as its next version */
    post: operations['FinancingContractController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financing-contract/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of the bank's contract, newest first: who uploaded and who adopted it, its sha256 */
    get: operations['FinancingContractController_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financing-contract/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of the bank’s contract, as uploaded (the checker reads it before adopting) */
    get: operations['FinancingContractController_version'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financings/{id}/contract': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The financing’s contract, for its SME and its bank: before acceptance the bank’s contract in force, after it the very version the SME accepted */
    get: operations['FinancingContractController_contract'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/portfolio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's bank's open loans (being repaid) by ageing bucket: count and principal outstanding */
    get: operations['PortfolioController_buckets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/portfolio/buckets/{bucket}/loans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The loans behind one ageing bucket, most principal outstanding first */
    get: operations['PortfolioController_loans'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StatementsController_list'];
    put?: never;
    /** Import a bank statement file (the raw body), streamed; all of it or nothing */
    post: operations['StatementsController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statements/csv-mappings/{account}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How an account of the caller's bank lays its CSV export out, as last saved */
    get: operations['StatementsController_mapping'];
    /** Save how an account's CSV export is laid out (columns, separators, date format) */
    put: operations['StatementsController_saveMapping'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statements/exceptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The exceptions queue: unmatched lines, oldest first, with their age and nearest candidates (queue=done: the lines a person matched or wrote off since) */
    get: operations['StatementsController_exceptions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reconciliation runs, newest first (daily and on demand) */
    get: operations['ReconciliationController_list'];
    put?: never;
    /** Start a reconciliation run now; follow its progress at GET /reconciliation/runs/{id} */
    post: operations['ReconciliationController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A run's progress: lines processed of the total, matched, suggested */
    get: operations['ReconciliationController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per account and day: matched / unmatched / written-off counts and sums, bank and ledger balances, their difference */
    get: operations['ReconciliationController_report'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bank's accounts, the ledger account each reconciles against, and the name payers write as its holder */
    get: operations['ReconciliationController_accounts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/accounts/{account}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Register an account of the bank: which ledger account its statements reconcile against */
    put: operations['ReconciliationController_mapAccount'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/matches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Match decisions, newest first (made, suggested, reversed) */
    get: operations['ReconciliationController_decisions'];
    put?: never;
    /** Match statement lines to expected movements by hand; a difference within tolerance is written off (201), one beyond it awaits a second person (202, an approval request) */
    post: operations['ReconciliationController_match'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/matches/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReconciliationController_decision'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/matches/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make a suggested match (202 when what it writes off needs a second person) */
    post: operations['ReconciliationController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/matches/{id}/reverse': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Undo a match, write-off or suggestion: the lines go back to the exceptions queue */
    post: operations['ReconciliationController_reverse'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/lines/{id}/write-off': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Write off a line nothing will explain, with a reason: within tolerance at once (201), beyond it once a second person approves (202) */
    post: operations['ReconciliationController_writeOff'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/expected-movements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the bank awaits on its statements: each payment it instructs or awaits, its reference, amount and what remains, value-date window, payer, status, financing and account, earliest window first */
    get: operations['AwaitedController_movements'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reconciliation/accounts/{account}/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A bank account's standing rules: which lines are its bank's charges or interest, booked without a loan */
    get: operations['StatementRulesController_list'];
    put?: never;
    /** Propose a rule for an account of the bank: lines with its bank transaction code or text are booked to bank charges or bank interest by each run (the books then agree with the bank). Takes a second person */
    post: operations['StatementRulesController_propose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulated-bank/faults': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** A bank's simulated gateway: refuse the next N instructions, or settle after a delay */
    put: operations['SimulatedBankController_faults'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulated-bank/payments/{instructionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A payment the bank's simulated gateway was instructed to make (PENDING, SETTLED, FAILED); the bank's own only */
    get: operations['SimulatedBankController_payment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ApprovalDto: {
      /** @example Checked against the bank advice */
      comment?: string;
    };
    ReasonDto: {
      /** @example Goods short-delivered: 3 wagons missing */
      reason: string;
    };
    LoginDto: {
      /** @example applicant@hami-logistics.example */
      email: string;
      /** @example caravan-demo-2026 */
      password: string;
      /**
       * @description The one-time code, for a person with a second factor (AUTH.OTP_REQUIRED without it)
       * @example 123456
       */
      otp?: string;
    };
    AccessTokenView: {
      accessToken: string;
      /** @example Bearer */
      tokenType: string;
      /**
       * @description seconds
       * @example 900
       */
      expiresIn: number;
    };
    SecondFactorStartView: {
      /**
       * @description The seed, to type into an authenticator app
       * @example JBSWY3DPEHPK3PXP
       */
      secret: string;
      /**
       * @description The same, for a QR code
       * @example otpauth://totp/Caravan:approver…
       */
      uri: string;
    };
    OneTimeCodeDto: {
      /** @example 123456 */
      code: string;
    };
    ChangePasswordDto: {
      currentPassword: string;
      /** @description At least 12 characters, and hard to guess (not a common or breached password, nor one's name) */
      newPassword: string;
    };
    CompleteResetDto: {
      /** @example applicant@hami-logistics.example */
      email: string;
      /** @description The one-time code the operator handed over */
      code: string;
      newPassword: string;
    };
    UserView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      organisationId: string;
      email: string;
      displayName: string;
      roles: (
        | 'APPLICANT'
        | 'FINANCE_MANAGER'
        | 'PAYABLES_CLERK'
        | 'TREASURER'
        | 'CUSTODIAN_OFFICER'
        | 'CREDIT_OFFICER'
        | 'APPROVER'
        | 'TREASURY'
        | 'BACK_OFFICE'
        | 'ADMIN'
        | 'AUDITOR'
      )[];
      /** @example 5000000.00 */
      approvalAuthority?: string | null;
      active: boolean;
      /**
       * @description GET /auth/me: whether one signs in with a one-time code, must enrol one, or may; PROVIDER: one signs in through one’s bank, whose sign-in sees to it
       * @enum {string}
       */
      secondFactor?: 'ENABLED' | 'REQUIRED' | 'OPTIONAL' | 'PROVIDER';
    };
    NewOrganisationDto: {
      /**
       * @example SME
       * @enum {string}
       */
      kind: 'SME' | 'CORE_ENTERPRISE' | 'CUSTODIAN' | 'BANK' | 'OPERATOR';
      /** @example 哈密丝路物流有限公司 */
      name: string;
      /**
       * @description 统一社会信用代码 (18 characters)
       * @example 91650502MA78XK3L2Q
       */
      creditCode: string;
    };
    OrganisationView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'SME' | 'CORE_ENTERPRISE' | 'CUSTODIAN' | 'BANK' | 'OPERATOR';
      name: string;
      creditCode: string;
    };
    OrganisationPageView: {
      items: components['schemas']['OrganisationView'][];
      total: number;
      limit: number;
      offset: number;
    };
    NewUserDto: {
      /** @example applicant@hami-logistics.example */
      email: string;
      /** @example 王芳 */
      displayName: string;
      /** @example caravan-demo-2026 */
      password: string;
      /**
       * @example [
       *       "APPLICANT"
       *     ]
       */
      roles: (
        | 'APPLICANT'
        | 'FINANCE_MANAGER'
        | 'PAYABLES_CLERK'
        | 'TREASURER'
        | 'CUSTODIAN_OFFICER'
        | 'CREDIT_OFFICER'
        | 'APPROVER'
        | 'TREASURY'
        | 'BACK_OFFICE'
        | 'ADMIN'
        | 'AUDITOR'
      )[];
      /**
       * @description Approvers only: the largest financing they may approve, CNY
       * @example 5000000.00
       */
      approvalAuthority?: string;
    };
    ResetCodeView: {
      /** @description Shown once: hand it to the person, who sets their own password with it */
      code: string;
      /** Format: date-time */
      expiresAt: string;
    };
    SingleSignOnProviderView: {
      organisationId: string;
      name: string;
    };
    SingleSignOnStartDto: {
      organisationId: string;
      /**
       * @description Where the provider sends the browser back: one the bank registered
       * @example https://caravan.example/portal/
       */
      redirectUri: string;
    };
    SingleSignOnStartView: {
      authorizationUrl: string;
    };
    SingleSignOnCompleteDto: {
      /**
       * @description The query string the browser came back with, as it came
       * @example ?code=…&state=…&iss=…
       */
      callback: string;
    };
    GroupRolesDto: {
      /**
       * @description A group as the provider names it
       * @example caravan-approvers
       */
      group: string;
      /**
       * @example [
       *       "APPROVER"
       *     ]
       */
      roles: (
        | 'APPLICANT'
        | 'FINANCE_MANAGER'
        | 'PAYABLES_CLERK'
        | 'TREASURER'
        | 'CUSTODIAN_OFFICER'
        | 'CREDIT_OFFICER'
        | 'APPROVER'
        | 'TREASURY'
        | 'BACK_OFFICE'
        | 'ADMIN'
        | 'AUDITOR'
      )[];
      /**
       * @description Approvers only: the largest financing the group’s members may approve, CNY
       * @example 5000000.00
       */
      approvalAuthority?: string;
    };
    SingleSignOnSettingsDto: {
      /**
       * @description The provider’s issuer (its discovery document is read from there)
       * @example https://login.bank.example/realms/staff
       */
      issuer: string;
      /** @example caravan */
      clientId: string;
      /** @description Caravan’s secret at the provider; kept sealed, never shown again. Absent: a public client (PKCE alone). */
      clientSecret?: string;
      /** @example openid email profile groups */
      scope?: string;
      /**
       * @description The claim that lists the person’s groups
       * @example groups
       */
      groupsClaim?: string;
      /**
       * @description The portal addresses registered with the provider to come back to
       * @example [
       *       "https://caravan.example/portal/"
       *     ]
       */
      redirectUris: string[];
      groups: components['schemas']['GroupRolesDto'][];
      /** @example the bank moves its officers to its own sign-in */
      reason?: string;
    };
    ReceivableDocumentView: {
      /** Format: uuid */
      id: string;
      /** @example invoice-HM-2026-001234.pdf */
      name: string;
      /** @example application/pdf */
      contentType: string;
      /** @description bytes */
      size: number;
      sha256: string;
      /** Format: date-time */
      uploadedAt: string;
    };
    RegisterReceivableDto: {
      /**
       * Format: uuid
       * @description The core enterprise that owes it (the creditor is the caller's organisation)
       * @example 5b0e7f0e-6a1c-4a57-9d0e-1d1b7a0c0002
       */
      debtorId: string;
      /**
       * @description Invoice or freight bill number
       * @example HM-2026-001234
       */
      invoiceNumber: string;
      /**
       * @description Waybill / bill-of-lading references
       * @example [
       *       "WB-HAMI-2026-0778",
       *       "CR-X9-55012"
       *     ]
       */
      waybillRefs?: string[];
      /**
       * Format: date
       * @example 2026-11-20
       */
      issueDate: string;
      /**
       * Format: date
       * @example 2027-02-18
       */
      dueDate: string;
      /**
       * @description Positive decimal string, at most two decimals
       * @example 1250000.00
       */
      amount: string;
      /**
       * @default CNY
       * @enum {string}
       */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD';
    };
    ReceivableView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      creditorId: string;
      /** Format: uuid */
      debtorId: string;
      /** @example HM-2026-001234 */
      invoiceNumber: string;
      waybillRefs: string[];
      /** Format: date */
      issueDate: string;
      /** Format: date */
      dueDate: string;
      /** @example 1250000.00 */
      amount: string;
      /**
       * @description credit notes and returns so far
       * @example 25000.00
       */
      dilutedAmount: string;
      /**
       * @description amount − diluted: what may be financed
       * @example 1225000.00
       */
      eligibleAmount: string;
      /** @example CNY */
      currency: string;
      /** @enum {string} */
      status: 'REGISTERED' | 'SUBMITTED' | 'CONFIRMED' | 'DISPUTED' | 'PLEDGED' | 'SETTLED' | 'WRITTEN_OFF' | 'CANCELLED';
      /** Format: date-time */
      registeredAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    ReceivablePageView: {
      items: components['schemas']['ReceivableView'][];
      total: number;
      limit: number;
      offset: number;
    };
    ConfirmReceivableDto: {
      /** @example Matches our goods-received note GRN-2026-1187 */
      reason?: string;
    };
    DilutionDto: {
      /**
       * @example CREDIT_NOTE
       * @enum {string}
       */
      kind: 'CREDIT_NOTE' | 'RETURN';
      /**
       * @description The credit note or return number; one dilution per reference
       * @example CN-2026-0042
       */
      reference: string;
      /** @example 25000.00 */
      amount: string;
      /** @example 20 t of coal rejected for ash content */
      reason: string;
    };
    CommodityDto: {
      /** @example Thermal coal, 5500 kcal/kg */
      name: string;
      /** @example t */
      unit: string;
      /**
       * @description Share taken off the market value, 0 ≤ haircut < 1
       * @example 0.15
       */
      haircut: string;
    };
    CommodityView: {
      /** @example COAL-5500 */
      code: string;
      /** @example Thermal coal, 5500 kcal/kg */
      name: string;
      /** @example t */
      unit: string;
      /** @example 0.15 */
      haircut: string;
      /** Format: date-time */
      updatedAt: string;
    };
    PriceDto: {
      /**
       * Format: date
       * @example 2026-11-25
       */
      date: string;
      /**
       * @description Per unit of the commodity
       * @example 812.35
       */
      price: string;
      /**
       * @default CNY
       * @enum {string}
       */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD';
      /** @example CCTD Hami pithead index */
      source: string;
    };
    CommodityPriceView: {
      /** @example COAL-5500 */
      commodityCode: string;
      /**
       * Format: date
       * @example 2026-11-25
       */
      priceDate: string;
      /** @example 812.35 */
      price: string;
      /** @example CNY */
      currency: string;
      /** @example CCTD Hami pithead index */
      source: string;
    };
    CommodityPricePageView: {
      items: components['schemas']['CommodityPriceView'][];
      total: number;
      limit: number;
      offset: number;
    };
    IssueReceiptDto: {
      /** @example HBY-2026-000731 */
      receiptNumber: string;
      /**
       * Format: uuid
       * @description The SME that owns the goods
       */
      holderId: string;
      /** @example COAL-5500 */
      commodityCode: string;
      /** @example Q5500, ash ≤ 15% */
      grade: string;
      /**
       * @description In the commodity's unit
       * @example 12000.000
       */
      quantity: string;
      /** @example Hami bonded yard, bay 7 */
      location: string;
    };
    WarehouseReceiptView: {
      /** Format: uuid */
      id: string;
      /** @example HBY-2026-000731 */
      receiptNumber: string;
      /** Format: uuid */
      custodianId: string;
      /** Format: uuid */
      holderId: string;
      /** @example COAL-5500 */
      commodityCode: string;
      /** @example Q5500, ash ≤ 15% */
      grade: string;
      /** @example 12000.000 */
      quantity: string;
      /** @example t */
      unit: string;
      /** @example Hami bonded yard, bay 7 */
      location: string;
      /** @enum {string} */
      status: 'ISSUED' | 'PLEDGED' | 'SPLIT' | 'RELEASED' | 'CANCELLED';
      /**
       * Format: uuid
       * @description The receipt it was split from
       */
      parentId: string | null;
      /** Format: date-time */
      issuedAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    WarehouseReceiptPageView: {
      items: components['schemas']['WarehouseReceiptView'][];
      total: number;
      limit: number;
      offset: number;
    };
    SplitDto: {
      /**
       * @description Must add up exactly to the receipt’s quantity
       * @example [
       *       "8000.000",
       *       "4000.000"
       *     ]
       */
      quantities: string[];
    };
    SetLimitDto: {
      /**
       * @example CORE_ENTERPRISE
       * @enum {string}
       */
      kind: 'CORE_ENTERPRISE' | 'SME' | 'DEBTOR_CONCENTRATION' | 'COMMODITY_CONCENTRATION';
      /**
       * @description An organisation id, or a commodity code for COMMODITY_CONCENTRATION
       * @example 5b0e7f0e-6a1c-4a57-9d0e-1d1b7a0c0002
       */
      subject: string;
      /** @example 200000000.00 */
      amount: string;
    };
    CreditLimitView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      bankId: string;
      /** @enum {string} */
      kind: 'CORE_ENTERPRISE' | 'SME' | 'DEBTOR_CONCENTRATION' | 'COMMODITY_CONCENTRATION';
      subject: string;
      /** @example 200000000.00 */
      amount: string;
      /** @example 1250000.00 */
      utilised: string;
      /** @example 198750000.00 */
      available: string;
      /** @example CNY */
      currency: string;
    };
    CreditLimitPageView: {
      items: components['schemas']['CreditLimitView'][];
      total: number;
      limit: number;
      offset: number;
    };
    LimitSubjectDto: {
      /**
       * @example CORE_ENTERPRISE
       * @enum {string}
       */
      kind: 'CORE_ENTERPRISE' | 'SME' | 'DEBTOR_CONCENTRATION' | 'COMMODITY_CONCENTRATION';
      /**
       * @description An organisation id, or a commodity code for COMMODITY_CONCENTRATION
       * @example 5b0e7f0e-6a1c-4a57-9d0e-1d1b7a0c0002
       */
      subject: string;
    };
    ReserveDto: {
      /** @example RF-2026-000123 */
      reference: string;
      /** @example 1000000.00 */
      amount: string;
      subjects: components['schemas']['LimitSubjectDto'][];
    };
    ReleaseDto: {
      /**
       * @description Omit to release everything still reserved
       * @example 250000.00
       */
      amount?: string;
    };
    ApplicationDto: {
      /** @enum {string} */
      product: 'RECEIVABLE_FINANCING' | 'WAREHOUSE_RECEIPT_LOAN';
      /**
       * Format: uuid
       * @description The receivable or warehouse receipt
       */
      assetId: string;
      /**
       * Format: uuid
       * @description The bank asked to finance
       */
      bankId: string;
      /** @example 980000.00 */
      amount: string;
      /**
       * @description Warehouse-receipt loans only, among what the bank's product offers (GET /banks/{id}/products)
       * @enum {string}
       */
      method?: 'BULLET' | 'EQUAL_INSTALMENT' | 'EQUAL_PRINCIPAL' | 'FIXED_PRINCIPAL_PERCENT' | 'INTEREST_ONLY';
      /** @description Instalments, warehouse-receipt loans only, up to the product’s maximum */
      instalments?: number;
      /**
       * @description Warehouse-receipt loans only, among what the product offers (monthly by default)
       * @enum {string}
       */
      repaymentFrequency?: 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'AT_MATURITY';
      /**
       * @description Receivable financing: with recourse to the SME if the buyer does not pay
       * @default true
       */
      recourse?: boolean;
    };
    ApplyDto: {
      /** @enum {string} */
      product: 'RECEIVABLE_FINANCING' | 'WAREHOUSE_RECEIPT_LOAN';
      /**
       * Format: uuid
       * @description The receivable or warehouse receipt
       */
      assetId: string;
      /**
       * Format: uuid
       * @description The bank asked to finance
       */
      bankId: string;
      /** @example 980000.00 */
      amount: string;
      /**
       * @description Warehouse-receipt loans only, among what the bank's product offers (GET /banks/{id}/products)
       * @enum {string}
       */
      method?: 'BULLET' | 'EQUAL_INSTALMENT' | 'EQUAL_PRINCIPAL' | 'FIXED_PRINCIPAL_PERCENT' | 'INTEREST_ONLY';
      /** @description Instalments, warehouse-receipt loans only, up to the product’s maximum */
      instalments?: number;
      /**
       * @description Warehouse-receipt loans only, among what the product offers (monthly by default)
       * @enum {string}
       */
      repaymentFrequency?: 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'AT_MATURITY';
      /**
       * @description Receivable financing: with recourse to the SME if the buyer does not pay
       * @default true
       */
      recourse?: boolean;
      /**
       * Format: uuid
       * @description The trial’s quote (POST /financings/trial): its policy version and terms are booked; it must match and hold
       */
      quoteId: string;
    };
    DecisionPartyView: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    DecisionPersonView: {
      /**
       * @description Null for the platform’s own steps
       * @example 王敏
       */
      displayName: string | null;
      /**
       * @description The role the person acted in
       * @example CREDIT_OFFICER
       */
      role: string | null;
      /** @example 丝路银行乌鲁木齐分行 */
      organisation: string | null;
      /** @description The platform acted (a workflow), not a person */
      system: boolean;
    };
    DecisionDocumentView: {
      /** Format: uuid */
      id: string;
      /** @example invoice-HM-2026-001234.pdf */
      name: string;
      /** @example application/pdf */
      contentType: string;
    };
    DecisionReceivableView: {
      /** @example HM-2026-001234 */
      invoiceNumber: string;
      /** @example 1250000.00 */
      faceValue: string;
      /**
       * @description Credit notes and returns so far
       * @example 0.00
       */
      dilutedAmount: string;
      /**
       * @description Face value less dilutions: what may be financed
       * @example 1250000.00
       */
      eligibleAmount: string;
      /**
       * @description The most of the eligible amount the bank advances (its policy at application)
       * @example 0.8
       */
      advanceRate: string;
      /** Format: date */
      issueDate: string;
      /** Format: date */
      dueDate: string;
      /** @example PLEDGED */
      status: string;
      /** @example 国网新疆电力 */
      buyer: string;
      /**
       * Format: date-time
       * @description When the buyer confirmed the invoice
       */
      buyerConfirmedAt: string | null;
      buyerConfirmedBy: components['schemas']['DecisionPersonView'] | null;
      documents: components['schemas']['DecisionDocumentView'][];
    };
    DecisionReceiptView: {
      /** @example HBY-2026-000731 */
      receiptNumber: string;
      /** @example COAL-5500 */
      commodityCode: string;
      /** @example 动力煤 5500 大卡 */
      commodityName: string;
      /** @example Q5500 */
      grade: string;
      /** @example 1000.000 */
      quantity: string;
      /** @example t */
      unit: string;
      /** @example bay 7 */
      location: string;
      /**
       * @description Price per unit
       * @example 812.35
       */
      unitPrice: string;
      /**
       * Format: date
       * @description The price’s date (the latest on or before today)
       */
      priceDate: string;
      /**
       * @description Quantity × price
       * @example 812350.00
       */
      grossValue: string;
      /** @example PLEDGED */
      status: string;
      /** @example 哈密保税物流园 */
      custodian: string;
    };
    AssetStepView: {
      /** @example receivable.confirm */
      action: string;
      /** Format: date-time */
      at: string;
      by: components['schemas']['DecisionPersonView'];
    };
    DecisionAssetView: {
      /** @enum {string} */
      type: 'RECEIVABLE' | 'WAREHOUSE_RECEIPT';
      /** Format: uuid */
      id: string;
      receivable: components['schemas']['DecisionReceivableView'] | null;
      receipt: components['schemas']['DecisionReceiptView'] | null;
      /** @description The asset’s trail, oldest first */
      history: components['schemas']['AssetStepView'][];
    };
    DecisionCollateralView: {
      /**
       * @description Receivable: the eligible amount; receipt: its value today after the haircut
       * @example 690497.50
       */
      value: string;
      /**
       * @description The commodity’s haircut; null for a receivable
       * @example 0.15
       */
      haircut: string | null;
      /**
       * @description Amount / collateral value, four decimals
       * @example 0.5793
       */
      ltv: string | null;
      /**
       * @description The most the amount may be of the value (advance rate or LTV cap) under its terms
       * @example 0.7
       */
      maxRatio: string;
      /**
       * @description Receipt loans: above this LTV a margin call is made
       * @example 0.8
       */
      maintenanceLtv: string | null;
      /** @example CNY */
      currency: string;
    };
    DecisionLimitView: {
      /** @example COMMODITY_CONCENTRATION */
      kind: string;
      /**
       * @description An organisation’s id or a commodity code
       * @example COAL-5500
       */
      subject: string;
      /**
       * @description The organisation’s or the commodity’s name
       * @example 动力煤 5500 大卡
       */
      subjectName: string;
      /**
       * @description Null: the bank set no such limit (the financing is refused)
       * @example 50000000.00
       */
      limit: string | null;
      /** @description Used without this financing */
      utilisedBefore: string | null;
      /** @description Used with it */
      utilisedAfter: string | null;
      /** @description Limit less used with it (negative: over the limit) */
      availableAfter: string | null;
      /** @description Whether the financing has reserved on the limit (at disbursement); before, after = before + amount */
      reserved: boolean;
      /** @example CNY */
      currency: string;
    };
    DecisionScheduleLineView: {
      number: number;
      /** Format: date */
      dueDate: string;
      /** @example 500000.00 */
      principal: string;
      /** @example 1812.50 */
      interest: string;
      /** @example 501812.50 */
      payment: string;
    };
    DecisionPriceView: {
      /**
       * @description The booked schedule, or the terms re-based to start today
       * @enum {string}
       */
      basis: 'BOOKED' | 'IF_ACCEPTED_TODAY';
      /** Format: date */
      startDate: string | null;
      /** @example 0.0435 */
      annualRate: string;
      /** @example 0.001 */
      upfrontFeeRate: string;
      /** @example 0.0653 */
      penaltyRate: string;
      /** @example 1000.00 */
      fee: string;
      /** @example 7370.83 */
      totalInterest: string;
      /**
       * @description Principal, interest and fees
       * @example 1008370.83
       */
      totalPayable: string;
      /** @example CNY */
      currency: string;
      lines: components['schemas']['DecisionScheduleLineView'][];
    };
    DecisionStepView: {
      /**
       * @description counterparty.confirmed, recommended, approved, approval.not.counted or rejected
       * @example recommended
       */
      step: string;
      /** Format: date-time */
      at: string;
      by: components['schemas']['DecisionPersonView'];
      /** @example Buyer pays on time; exposure within appetite */
      comment: string | null;
    };
    DecisionDeadlineView: {
      /**
       * @description What is awaited: a step of the financing, or the invoice’s payment (asset.due)
       * @example approval
       */
      what: string;
      /**
       * @description By when: a date-time, or a date for the invoice
       * @example 2026-12-09T08:00:00.000Z
       */
      by: string;
      /** @description Who is awaited */
      organisation: string | null;
      /**
       * @example [
       *       "APPROVER"
       *     ]
       */
      roles: string[];
    };
    PartyRiskView: {
      /** Format: uuid */
      organisationId: string;
      /** @example 哈密丝路物流有限公司 */
      name: string;
      /** @description Its other financings with this bank, any stage */
      financings: number;
      /** @description Of them, repaying now */
      repaying: number;
      /**
       * @description Principal outstanding on them
       * @example 600000.00
       */
      outstanding: string;
      /** @description The most days any of them is past due now */
      daysPastDueNow: number;
      /**
       * @description The worst ageing bucket any of them ever reached; null: none booked
       * @example 1-30
       */
      worstAgeingEver: string | null;
      /** @description Its receivables the debtor ever disputed (as creditor for an SME, as debtor for a buyer), on the whole platform */
      disputedReceivables: number;
    };
    DecisionRiskView: {
      sme: components['schemas']['PartyRiskView'];
      /** @description Receivable financing: the buyer who pays */
      buyer: components['schemas']['PartyRiskView'] | null;
    };
    FinancingDecisionView: {
      /** Format: uuid */
      financingId: string;
      /** @example WR-2026-000012 */
      ref: string;
      /** @enum {string} */
      product: 'RECEIVABLE_FINANCING' | 'WAREHOUSE_RECEIPT_LOAN';
      /** @example AWAITING_APPROVAL */
      stage: string;
      /** @example 400000.00 */
      amount: string;
      /** @example CNY */
      currency: string;
      sme: components['schemas']['DecisionPartyView'];
      /** @description The buyer (receivable) or the custodian (receipt) who confirms */
      counterparty: components['schemas']['DecisionPartyView'];
      asset: components['schemas']['DecisionAssetView'];
      collateral: components['schemas']['DecisionCollateralView'];
      /** @description Every limit the eligibility check counts the financing against */
      limits: components['schemas']['DecisionLimitView'][];
      /** @description Null when a due date lies beyond the working-day calendar */
      price: components['schemas']['DecisionPriceView'] | null;
      /** @description The buyer’s acknowledgement of the assignment, or the custodian’s */
      confirmation: components['schemas']['DecisionStepView'] | null;
      recommendation: components['schemas']['DecisionStepView'] | null;
      /** @description Every approval and rejection, oldest first */
      decisions: components['schemas']['DecisionStepView'][];
      deadlines: components['schemas']['DecisionDeadlineView'][];
      risk: components['schemas']['DecisionRiskView'];
    };
    CommentDto: {
      /** @example Buyer is our client; exposure within appetite */
      comment?: string;
    };
    AcceptDto: {
      /** @example Buyer is our client; exposure within appetite */
      comment?: string;
      /**
       * @description The offer’s start date the SME was shown (GET /financings/:id, offer): refused when the offer now starts another day
       * @example 2027-01-31
       */
      startDate?: string;
      /**
       * @description The sha256 (hex) of the contract read (GET /financings/:id/contract): required when the bank has a contract, refused unless it is the one in force
       * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
       */
      contractSha256?: string;
    };
    PaymentDto: {
      /**
       * @description The bank's reference; a payment is applied once
       * @example BNK-20270131-000451
       */
      reference: string;
      /** @example 1008250.00 */
      amount: string;
      /**
       * @description The day the money was the bank’s (its value date, not after today): interest and penalty count to it. Default: the day it is allocated
       * @example 2027-01-31
       */
      valueDate?: string;
    };
    ReleaseGoodsDto: {
      /**
       * Format: uuid
       * @description A pledged receipt securing this financing
       */
      receiptId: string;
      /**
       * @description In the commodity's unit
       * @example 200.000
       */
      quantity: string;
    };
    TopUpDto: {
      /**
       * Format: uuid
       * @description Another receipt the SME holds, to pledge as more collateral
       */
      receiptId: string;
    };
    InterestSettlementDto: {
      /** @enum {string} */
      frequency: 'MONTHLY' | 'QUARTERLY';
      /**
       * @description Day of the settlement month (按季结息: the 20th of a quarter’s last month)
       * @example 20
       */
      day?: number;
    };
    RoundingDto: {
      /**
       * @description Half-up (四舍五入) or half-even
       * @enum {string}
       */
      mode: 'HALF_UP' | 'HALF_EVEN';
      /**
       * @description The level instalment in multiples of this; the last takes the rest
       * @enum {string}
       */
      instalmentMultiple?: '1' | '10' | '100';
    };
    GraceDto: {
      /** @description Periods without principal */
      principalPeriods?: number;
      /** @description Periods whose interest is paid with the next instalment */
      interestPeriods?: number;
    };
    FeeDto: {
      /** @enum {string} */
      kind: 'UPFRONT' | 'PER_PERIOD';
      /**
       * @description On the principal
       * @example 0.001
       */
      rate?: string;
      /** @example 200.00 */
      amount?: string;
    };
    RepaymentOptionsDto: {
      /** @description What the SME may choose (the first three when omitted) */
      amortisations?: ('BULLET' | 'EQUAL_INSTALMENT' | 'EQUAL_PRINCIPAL' | 'FIXED_PRINCIPAL_PERCENT' | 'INTEREST_ONLY')[];
      /** @description Monthly when omitted */
      repaymentFrequencies?: ('WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'AT_MATURITY')[];
      /** @example 36 */
      maxInstalments?: number;
    };
    RateBoundsDto: {
      /** @example 0.03 */
      minRate?: string;
      /** @example 0.12 */
      maxRate?: string;
    };
    PricingDto: {
      /** @enum {string} */
      interestType?: 'DECLINING' | 'FLAT';
      /**
       * @description Flat interest per period, or over the term by actual days
       * @enum {string}
       */
      flatBasis?: 'PER_PERIOD' | 'ACTUAL_DAYS';
      /**
       * @description FIXED_PRINCIPAL_PERCENT: each instalment’s share of the principal; the last is the balloon
       * @example 0.1
       */
      principalPercent?: string;
      interestSettlement?: components['schemas']['InterestSettlementDto'];
      /**
       * @description A fixed repayment day of the month
       * @example 20
       */
      repaymentDay?: number;
      /** @enum {string} */
      firstPeriod?: 'SHORT' | 'LONG';
      rounding?: components['schemas']['RoundingDto'];
      grace?: components['schemas']['GraceDto'];
      fees?: components['schemas']['FeeDto'][];
      /**
       * @description 罚息: penalty on overdue principal as a multiple of the contract rate
       * @example 1.5
       */
      penaltyMultiple?: string;
      /**
       * @description 复利: interest on overdue interest, as an annual rate
       * @example 0.0653
       */
      compoundRate?: string;
      /**
       * @description 复利 as a multiple of the contract rate
       * @example 1.5
       */
      compoundMultiple?: string;
      /**
       * @description Due dates on non-working days roll (China’s calendar)
       * @enum {string}
       */
      dueDateRoll?: 'NONE' | 'FOLLOWING' | 'MODIFIED_FOLLOWING';
      options?: components['schemas']['RepaymentOptionsDto'];
      bounds?: components['schemas']['RateBoundsDto'];
      /** @example 0.0435 */
      annualRate: string;
      /** @example 0.0653 */
      penaltyRate: string;
      /** @example 0.001 */
      upfrontFeeRate: string;
      /** @enum {string} */
      dayCount: 'ACT/360' | 'ACT/365F' | 'ACT/ACT-ISDA' | '30/360-US' | '30E/360' | 'ACT/364' | 'PERIODIC-12' | 'ACT/365' | '30/360';
      /**
       * @description Days after a due date before penalty interest runs
       * @example 3
       */
      graceDays: number;
    };
    PricingByProductDto: {
      RECEIVABLE_FINANCING: components['schemas']['PricingDto'];
      WAREHOUSE_RECEIPT_LOAN: components['schemas']['PricingDto'];
    };
    BankProductsDto: {
      /**
       * @description 0: the platform default, until the bank adopts a policy of its own
       * @example 3
       */
      version: number;
      /** Format: date-time */
      effectiveFrom: string | null;
      pricing: components['schemas']['PricingByProductDto'];
    };
    TierDto: {
      /** @example 1000000.00 */
      upTo: string | null;
      /** @example 1 */
      approvals: number;
    };
    DeadlinesDto: {
      counterparty: number;
      recommendation: number;
      approval: number;
      acceptance: number;
      repaymentReminder: number;
      /** @description Days to cure a margin call */
      marginCure?: number;
    };
    PolicyDto: {
      tiers: components['schemas']['TierDto'][];
      deadlines: components['schemas']['DeadlinesDto'];
      /** @example 0.8 */
      maxAdvanceRate: string;
      /** @example 0.7 */
      maxLtv: string;
      /**
       * @description Above this loan-to-value a margin call is made
       * @example 0.8
       */
      maintenanceLtv: string;
      /**
       * @example [
       *       "penalty",
       *       "fee",
       *       "interest",
       *       "principal"
       *     ]
       */
      allocationOrder?: ('penalty' | 'fee' | 'interest' | 'principal')[];
      pricing: components['schemas']['PricingByProductDto'];
      /**
       * Format: date-time
       * @description In force from this time (or the approval, if later)
       */
      effectiveFrom?: string;
    };
    BucketView: {
      /** @enum {string} */
      bucket: 'CURRENT' | '1-30' | '31-60' | '61-90' | '90+';
      /** @description Open loans in the bucket */
      count: number;
      /**
       * @description Their principal outstanding
       * @example 1000000.00
       */
      outstanding: string;
    };
    PortfolioTotal: {
      count: number;
      /** @example 1000000.00 */
      outstanding: string;
    };
    PortfolioView: {
      /** @example CNY */
      currency: string;
      /** @description Every bucket, in ageing order, empty ones with zeros */
      buckets: components['schemas']['BucketView'][];
      total: components['schemas']['PortfolioTotal'];
    };
    PortfolioLoanView: {
      /** Format: uuid */
      id: string;
      ref: string;
      product: string;
      /** @description The borrowing SME */
      sme: string;
      /** @description The buyer (receivables) or custodian (warehouse receipts) */
      counterparty: string | null;
      /** @example 1000000.00 */
      amount: string;
      /**
       * @description Principal outstanding
       * @example 750000.00
       */
      outstanding: string;
      /** @example CNY */
      currency: string;
      /** @enum {string} */
      ageing: 'CURRENT' | '1-30' | '31-60' | '61-90' | '90+';
      disbursedAt: string | null;
    };
    PortfolioLoanPage: {
      items: components['schemas']['PortfolioLoanView'][];
      total: number;
      limit: number;
      offset: number;
    };
    CsvColumnsDto: {
      /** @example 1 */
      bookingDate: number;
      valueDate?: number;
      /** @description A signed amount column; or give debit and credit */
      amount?: number;
      debit?: number;
      credit?: number;
      reference?: number;
      endToEndId?: number;
      counterpartyName?: number;
      counterpartyAccount?: number;
      remittance?: number;
    };
    CsvMappingDto: {
      /** @enum {string} */
      delimiter: ',' | ';' | '\t';
      hasHeader: boolean;
      /** @enum {string} */
      decimalSeparator: '.' | ',';
      /** @enum {string} */
      dateFormat: 'YYYY-MM-DD' | 'DD.MM.YYYY' | 'YYYYMMDD' | 'DD/MM/YYYY';
      /** @example CNY */
      currency: string;
      columns: components['schemas']['CsvColumnsDto'];
    };
    BankAccountDto: {
      /**
       * @example COLLECTION_ACCOUNT
       * @enum {string}
       */
      ledgerAccount:
        | 'LOAN_PRINCIPAL'
        | 'INTEREST_RECEIVABLE'
        | 'PENALTY_RECEIVABLE'
        | 'COLLECTION_ACCOUNT'
        | 'SME_SETTLEMENT'
        | 'BANK_FUNDING'
        | 'FEE_INCOME'
        | 'INTEREST_INCOME'
        | 'PENALTY_INCOME'
        | 'BANK_CHARGES'
        | 'BANK_INTEREST'
        | 'RECONCILIATION_DIFFERENCES';
      /**
       * @description The holder’s name payers write on a transfer (户名); the bank’s name when omitted
       * @example 丝路银行贷款归集户
       */
      name?: string;
      /** @example CNY */
      currency: string;
      /**
       * @description The character set of the account’s MT940 and CSV files; detected from the bytes when not set
       * @enum {string}
       */
      statementEncoding?: 'UTF-8' | 'GBK' | 'GB18030' | 'ISO-8859-1';
    };
    ManualMatchDto: {
      /**
       * @description Statement lines, all of one currency and direction
       * @example [
       *       "1042"
       *     ]
       */
      lineIds: string[];
      /**
       * @description Expected movements the lines settle, earliest first
       * @example [
       *       "0b7c…"
       *     ]
       */
      expectedIds: string[];
      /** @description Required when the amounts differ: the difference is written off (within tolerance) */
      reason?: string;
    };
    AwaitedMovementView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'DISBURSEMENT' | 'PAYOUT' | 'REPAYMENT';
      /** @example WR-2026-000042 */
      financingRef: string;
      /**
       * @description The end-to-end id the platform keys it by
       * @example WR-2026-000042/instalment/1
       */
      endToEndId: string;
      /**
       * @description What the payer quotes
       * @example RF471234567890ABCDEF
       */
      reference: string;
      /** @enum {string} */
      direction: 'CRDT' | 'DBIT';
      /** @example 258333.33 */
      amount: string;
      /**
       * @description What is still awaited after part payments
       * @example 258333.33
       */
      remaining: string;
      /** @example CNY */
      currency: string;
      /** @example 2027-01-24 */
      valueFrom: string | null;
      /** @example 2027-02-03 */
      valueTo: string | null;
      /** @description Who pays (a repayment) or is paid (a disbursement, a payout) */
      payer: string | null;
      /** @enum {string} */
      status: 'OPEN' | 'PARTIAL' | 'MATCHED';
      /** @description The bank account it should appear on (none registered: null) */
      account: string | null;
    };
    AwaitedMovementPageView: {
      items: components['schemas']['AwaitedMovementView'][];
      total: number;
      limit: number;
      offset: number;
    };
    StatementRuleDto: {
      /**
       * @description What the rule explains, as people read it in the matches
       * @example 账户管理费
       */
      name: string;
      /**
       * @description The bank transaction code the line carries: camt's Domain/Family/SubFamily or proprietary code, MT940's type code (NCHG)
       * @example ACMT/MDOP/CHRG
       */
      bankTransactionCode?: string;
      /**
       * @description Text found in the line's remittance information, whatever the case
       * @example 手续费
       */
      textContains?: string;
      /**
       * @description Only lines of this direction; both when omitted
       * @enum {string}
       */
      direction?: 'CRDT' | 'DBIT';
      /**
       * @description Where the lines are booked: the bank’s charges, or interest the account earns
       * @enum {string}
       */
      ledgerAccount: 'BANK_CHARGES' | 'BANK_INTEREST';
    };
    FaultsDto: {
      /**
       * Format: uuid
       * @description The bank whose simulated gateway misbehaves
       */
      bankId: string;
      /**
       * @description Refuse the next N payment instructions
       * @example 1
       */
      failNext: number;
      /**
       * @description Settle each instruction only after this many ms
       * @example 0
       */
      delayMs: number;
    };
    /**
     * @description A refusal’s stable code. Besides these, `HTTP.<status>` for a plain HTTP refusal and `INTERNAL` for a fault.
     * @enum {string}
     */
    ErrorCode:
      | 'AUTH.BUSY'
      | 'AUTH.FORBIDDEN'
      | 'AUTH.INVALID_CREDENTIALS'
      | 'AUTH.INVALID_OTP'
      | 'AUTH.NO_ENROLMENT'
      | 'AUTH.OTP_REQUIRED'
      | 'AUTH.SECOND_FACTOR_REQUIRED'
      | 'AUTH.SSO_AUTHORITY_WITHOUT_APPROVER'
      | 'AUTH.SSO_EMAIL_TAKEN'
      | 'AUTH.SSO_EMAIL_UNVERIFIED'
      | 'AUTH.SSO_FAILED'
      | 'AUTH.SSO_INSECURE_ISSUER'
      | 'AUTH.SSO_MFA_REQUIRED'
      | 'AUTH.SSO_NO_ROLE'
      | 'AUTH.SSO_NOT_A_BANK'
      | 'AUTH.SSO_NOT_CONFIGURED'
      | 'AUTH.SSO_PROVIDER_UNAVAILABLE'
      | 'AUTH.SSO_REDIRECT_NOT_REGISTERED'
      | 'AUTH.TOO_MANY_ATTEMPTS'
      | 'AUTH.UNAUTHENTICATED'
      | 'DUAL_CONTROL.ALREADY_PENDING'
      | 'DUAL_CONTROL.NOT_A_CHECKER'
      | 'DUAL_CONTROL.NOT_A_MAKER'
      | 'DUAL_CONTROL.NOT_FOUND'
      | 'DUAL_CONTROL.NOT_PENDING'
      | 'DUAL_CONTROL.NOT_YOUR_REQUEST'
      | 'DUAL_CONTROL.OWN_REQUEST'
      | 'DUAL_CONTROL.UNKNOWN_KIND'
      | 'FINANCING.ABOVE_AUTHORITY'
      | 'FINANCING.ABOVE_MAXIMUM'
      | 'FINANCING.ALREADY_APPROVED_BY_YOU'
      | 'FINANCING.ASSET_NOT_ELIGIBLE'
      | 'FINANCING.BAD_PAYMENT'
      | 'FINANCING.BAD_QUANTITY'
      | 'FINANCING.BANK_NOT_FOUND'
      | 'FINANCING.BELOW_LTV_LINE'
      | 'FINANCING.CONTRACT_CHANGED'
      | 'FINANCING.CONTRACT_NOT_FOUND'
      | 'FINANCING.CONTRACT_NOT_PDF'
      | 'FINANCING.CONTRACT_NOT_READ'
      | 'FINANCING.CONTRACT_TOO_LARGE'
      | 'FINANCING.CONVENTIONS_CLASH'
      | 'FINANCING.ILLEGAL_TRANSITION'
      | 'FINANCING.INVALID_TERMS'
      | 'FINANCING.MAINTENANCE_BELOW_LTV'
      | 'FINANCING.NOT_A_BANK'
      | 'FINANCING.NOT_AT_THIS_STEP'
      | 'FINANCING.NOT_COLLATERAL'
      | 'FINANCING.NOT_FOUND'
      | 'FINANCING.NOT_IN_CALENDAR'
      | 'FINANCING.NOT_RECOMMENDED'
      | 'FINANCING.NOT_YOURS'
      | 'FINANCING.OFFER_CHANGED'
      | 'FINANCING.OWN_RECOMMENDATION'
      | 'FINANCING.QUOTE_EXPIRED'
      | 'FINANCING.QUOTE_MISMATCH'
      | 'FINANCING.QUOTE_NOT_FOUND'
      | 'FINANCING.QUOTE_USED'
      | 'FINANCING.RATE_OUT_OF_BOUNDS'
      | 'FINANCING.REASON_REQUIRED'
      | 'FINANCING.UNSOUND_TIERS'
      | 'HTTP.REQUEST_TIMEOUT'
      | 'IDEMPOTENCY.IN_PROGRESS'
      | 'IDEMPOTENCY.KEY_REUSED'
      | 'IDENTITY.AUTHORITY_WITHOUT_APPROVER'
      | 'IDENTITY.DUPLICATE_CREDIT_CODE'
      | 'IDENTITY.DUPLICATE_EMAIL'
      | 'IDENTITY.ORGANISATION_NOT_FOUND'
      | 'IDENTITY.RESET_REFUSED'
      | 'IDENTITY.ROLE_NOT_FOR_ORGANISATION'
      | 'IDENTITY.SIGNS_IN_THROUGH_PROVIDER'
      | 'IDENTITY.USER_NOT_FOUND'
      | 'IDENTITY.WEAK_PASSWORD'
      | 'IDENTITY.WRONG_PASSWORD'
      | 'LEDGER.ALREADY_REVERSED'
      | 'LEDGER.ENTRY_NOT_FOUND'
      | 'LEDGER.FOUR_EYES'
      | 'LEDGER.KEY_TAKEN'
      | 'LEDGER.NON_POSITIVE_LINE'
      | 'LEDGER.ONE_SIDE_PER_LINE'
      | 'LEDGER.REVERSAL_OF_REVERSAL'
      | 'LEDGER.TOO_FEW_LINES'
      | 'LEDGER.UNBALANCED'
      | 'LIMITS.BELOW_UTILISATION'
      | 'LIMITS.EXCEEDED'
      | 'LIMITS.NO_LIMIT'
      | 'LIMITS.RELEASE_EXCEEDS_RESERVED'
      | 'LIMITS.RESERVATION_MISMATCH'
      | 'LIMITS.RESERVATION_NOT_FOUND'
      | 'MONEY.CURRENCY_MISMATCH'
      | 'MONEY.INVALID_AMOUNT'
      | 'MONEY.TOO_PRECISE'
      | 'MONEY.UNSUPPORTED_CURRENCY'
      | 'PAYMENT.FAILED'
      | 'PAYMENT.INSTRUCTION_MISMATCH'
      | 'PAYMENT.NOT_FOUND'
      | 'PAYMENT.PENDING'
      | 'RECEIVABLE.ALREADY_DECIDED'
      | 'RECEIVABLE.AMOUNT_NOT_POSITIVE'
      | 'RECEIVABLE.CURRENCY_MISMATCH'
      | 'RECEIVABLE.DEBTOR_NOT_CORE_ENTERPRISE'
      | 'RECEIVABLE.DILUTION_EXCEEDS_ELIGIBLE'
      | 'RECEIVABLE.DISPUTE_REASON_REQUIRED'
      | 'RECEIVABLE.DOCUMENT_EMPTY'
      | 'RECEIVABLE.DOCUMENT_NOT_FOUND'
      | 'RECEIVABLE.DOCUMENT_TOO_LARGE'
      | 'RECEIVABLE.DOCUMENT_TYPE'
      | 'RECEIVABLE.DUE_BEFORE_ISSUE'
      | 'RECEIVABLE.DUPLICATE_DILUTION'
      | 'RECEIVABLE.DUPLICATE_INVOICE'
      | 'RECEIVABLE.ILLEGAL_TRANSITION'
      | 'RECEIVABLE.NOT_AWAITING_CONFIRMATION'
      | 'RECEIVABLE.NOT_DEBTOR'
      | 'RECEIVABLE.NOT_DILUTABLE'
      | 'RECEIVABLE.NOT_FOUND'
      | 'RECEIVABLE.SELF_DEBT'
      | 'RECONCILIATION.ACCOUNT_NOT_FOUND'
      | 'RECONCILIATION.ACCOUNT_REQUIRED'
      | 'RECONCILIATION.ALREADY_REVERSED'
      | 'RECONCILIATION.ALREADY_SETTLED'
      | 'RECONCILIATION.BAD_PERIOD'
      | 'RECONCILIATION.BAD_STATEMENT'
      | 'RECONCILIATION.CSV_MAPPING_NOT_FOUND'
      | 'RECONCILIATION.DECISION_NOT_FOUND'
      | 'RECONCILIATION.DUPLICATE_STATEMENT'
      | 'RECONCILIATION.EXPECTED_NOT_FOUND'
      | 'RECONCILIATION.IMPORTS_BUSY'
      | 'RECONCILIATION.LINE_DECIDED'
      | 'RECONCILIATION.LINE_NOT_FOUND'
      | 'RECONCILIATION.MAPPING_WITHOUT_AMOUNT'
      | 'RECONCILIATION.MISMATCHED_PAYMENT'
      | 'RECONCILIATION.NO_CSV_MAPPING'
      | 'RECONCILIATION.NOT_A_SUGGESTION'
      | 'RECONCILIATION.PAYMENT_ALLOCATED'
      | 'RECONCILIATION.REASON_REQUIRED'
      | 'RECONCILIATION.RULE_WITHOUT_CRITERION'
      | 'RECONCILIATION.RUN_NOT_FOUND'
      | 'RECONCILIATION.RUN_WITHOUT_BANK'
      | 'RECONCILIATION.STATEMENT_TOO_LARGE'
      | 'REGISTRY.ALREADY_DISCHARGED'
      | 'REGISTRY.ASSET_ENCUMBERED'
      | 'REGISTRY.ASSET_NOT_FOUND'
      | 'REGISTRY.ASSET_TYPE_UNSUPPORTED'
      | 'REGISTRY.NOT_THE_HOLDER'
      | 'REGISTRY.PLEDGE_NOT_FOUND'
      | 'REQUEST.INVALID'
      | 'REQUEST.INVALID_ID'
      | 'REQUEST.INVALID_IDEMPOTENCY_KEY'
      | 'REQUEST.MALFORMED_JSON'
      | 'REQUEST.TOO_MANY'
      | 'WAREHOUSE.BAD_CODE'
      | 'WAREHOUSE.COMMODITY_NOT_FOUND'
      | 'WAREHOUSE.DUPLICATE_RECEIPT'
      | 'WAREHOUSE.HOLDER_NOT_SME'
      | 'WAREHOUSE.ILLEGAL_TRANSITION'
      | 'WAREHOUSE.NO_PRICE'
      | 'WAREHOUSE.NOT_PLEDGED'
      | 'WAREHOUSE.RECEIPT_NOT_FOUND'
      | 'WAREHOUSE.RELEASE_TOO_LARGE'
      | 'WAREHOUSE.SPLIT_NOT_EXACT'
      | 'WAREHOUSE.SPLIT_PART_NOT_POSITIVE'
      | 'WAREHOUSE.SPLIT_TOO_FEW'
      | 'WAREHOUSE.UNKNOWN_COMMODITY';
    /** @description RFC 9457 problem details (application/problem+json) with a stable code. */
    Problem: {
      type: string;
      title: string;
      status: number;
      code: components['schemas']['ErrorCode'];
      detail?: string;
      errors?: {
        field?: string;
        message?: string;
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description PostgreSQL and Temporal both answer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description one of them does not */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ready for traffic */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description a check is down: the load balancer sends no traffic here */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        /** @description The field to sort by; without it, the list's own order */
        sort?: 'occurredAt' | 'action' | 'entityType' | 'actor';
        /** @description Ascending (the default with sort) or descending */
        order?: 'asc' | 'desc';
        /** @description Search text, matched anywhere in the list's names and references */
        q?: string;
        entityType?: string;
        entityId?: string;
        /** @description Part of who acted: a person's e-mail or a platform label (case-insensitive) */
        actor?: string;
        /** @description From this instant on (inclusive) */
        from?: string;
        /** @description Before this instant (exclusive) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DualControlController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        /** @description The field to sort by; without it, the list's own order */
        sort?: 'requestedAt' | 'decidedAt' | 'kind' | 'status';
        /** @description Ascending (the default with sort) or descending */
        order?: 'asc' | 'desc';
        /** @description Search text, matched anywhere in the list's names and references */
        q?: string;
        /** @description todo: awaiting a second person's decision; done: decided */
        queue?: 'todo' | 'done';
        status?: 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED' | 'FAILED';
        kind?: string;
        /** @description What the change is about: an entry, a financing and payment reference, a line */
        subject?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DualControlController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DualControlController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApprovalDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DualControlController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DualControlController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  IdentityController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccessTokenView'];
        };
      };
      /** @description AUTH.INVALID_CREDENTIALS */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  IdentityController_startSecondFactor: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecondFactorStartView'];
        };
      };
    };
  };
  IdentityController_confirmSecondFactor: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OneTimeCodeDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  IdentityController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  IdentityController_signOutEverywhere: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  IdentityController_completeReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompleteResetDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  IdentityController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
    };
  };
  IdentityController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        kind?: 'SME' | 'CORE_ENTERPRISE' | 'CUSTODIAN' | 'BANK' | 'OPERATOR';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganisationPageView'];
        };
      };
    };
  };
  IdentityController_onboard: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewOrganisationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganisationView'];
        };
      };
    };
  };
  IdentityController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganisationView'];
        };
      };
    };
  };
  IdentityController_users: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'][];
        };
      };
    };
  };
  IdentityController_addUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
    };
  };
  IdentityController_deactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
    };
  };
  IdentityController_reactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
    };
  };
  IdentityController_resetSecondFactor: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  IdentityController_startReset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResetCodeView'];
        };
      };
    };
  };
  SingleSignOnController_providers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SingleSignOnProviderView'][];
        };
      };
    };
  };
  SingleSignOnController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SingleSignOnStartDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SingleSignOnStartView'];
        };
      };
    };
  };
  SingleSignOnController_complete: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SingleSignOnCompleteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccessTokenView'];
        };
      };
    };
  };
  SingleSignOnController_settings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SingleSignOnController_propose: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SingleSignOnSettingsDto'];
      };
    };
    responses: {
      /** @description The approval request */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReceivablesController_listDocuments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceivableDocumentView'][];
        };
      };
    };
  };
  ReceivablesController_attach: {
    parameters: {
      query: {
        name: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReceivablesController_document: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        documentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReceivablesController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        /** @description The field to sort by; without it, the list's own order */
        sort?: 'registeredAt' | 'invoiceNumber' | 'amount' | 'issueDate' | 'dueDate' | 'status';
        /** @description Ascending (the default with sort) or descending */
        order?: 'asc' | 'desc';
        /** @description Search text, matched anywhere in the list's names and references */
        q?: string;
        /** @description todo: awaiting the debtor's answer; done: answered (confirmed, disputed and after) */
        queue?: 'todo' | 'done';
        status?: 'REGISTERED' | 'SUBMITTED' | 'CONFIRMED' | 'DISPUTED' | 'PLEDGED' | 'SETTLED' | 'WRITTEN_OFF' | 'CANCELLED';
        creditorId?: string;
        debtorId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceivablePageView'];
        };
      };
    };
  };
  ReceivablesController_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterReceivableDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceivableView'];
        };
      };
      /** @description problem+json naming each invalid field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description RECEIVABLE.DUPLICATE_INVOICE */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReceivablesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceivableView'];
        };
      };
      /** @description RECEIVABLE.NOT_FOUND, also for one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReceivablesController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceivableView'];
        };
      };
    };
  };
  ReceivablesController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfirmReceivableDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceivableView'];
        };
      };
      /** @description RECEIVABLE.ALREADY_DECIDED or RECEIVABLE.NOT_AWAITING_CONFIRMATION */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReceivablesController_dispute: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceivableView'];
        };
      };
    };
  };
  ReceivablesController_dilute: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DilutionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceivableView'];
        };
      };
    };
  };
  ReceivablesController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceivableView'];
        };
      };
    };
  };
  WarehouseReceiptsController_defineCommodity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommodityDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WarehouseReceiptsController_commodities: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommodityView'][];
        };
      };
    };
  };
  WarehouseReceiptsController_priceHistory: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommodityPricePageView'];
        };
      };
    };
  };
  WarehouseReceiptsController_price: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PriceDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WarehouseReceiptsController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        /** @description The field to sort by; without it, the list's own order */
        sort?: 'issuedAt' | 'receiptNumber' | 'commodityCode' | 'quantity' | 'status';
        /** @description Ascending (the default with sort) or descending */
        order?: 'asc' | 'desc';
        /** @description Search text, matched anywhere in the list's names and references */
        q?: string;
        status?: 'ISSUED' | 'PLEDGED' | 'SPLIT' | 'RELEASED' | 'CANCELLED';
        commodityCode?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WarehouseReceiptPageView'];
        };
      };
    };
  };
  WarehouseReceiptsController_issue: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IssueReceiptDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WarehouseReceiptsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WarehouseReceiptsController_valuation: {
    parameters: {
      query?: {
        /** @description Defaults to today */
        date?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WarehouseReceiptsController_split: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SplitDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WarehouseReceiptsController_release: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WarehouseReceiptsController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PledgesController_search: {
    parameters: {
      query: {
        assetType: 'RECEIVABLE' | 'WAREHOUSE_RECEIPT';
        assetId: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  PledgesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CreditLimitsController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        /** @description The field to sort by; without it, the list's own order */
        sort?: 'kind' | 'subject' | 'amount' | 'utilised' | 'available' | 'updatedAt';
        /** @description Ascending (the default with sort) or descending */
        order?: 'asc' | 'desc';
        /** @description Search text, matched anywhere in the list's names and references */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreditLimitPageView'];
        };
      };
    };
  };
  CreditLimitsController_set: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetLimitDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CreditLimitsController_reserve: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReserveDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CreditLimitsController_release: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        reference: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReleaseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LedgerController_balances: {
    parameters: {
      query?: {
        /** @description One financing; the whole book without it */
        financingRef?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LedgerController_entries: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        /** @description The field to sort by; without it, the list's own order */
        sort?: 'postedAt' | 'valueDate' | 'kind';
        /** @description Ascending (the default with sort) or descending */
        order?: 'asc' | 'desc';
        /** @description Search text, matched anywhere in the list's names and references */
        q?: string;
        financingRef?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LedgerController_reverse: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      /** @description The approval request: the reversal is posted once another person approves it */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_trial: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApplicationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_quote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        /** @description The field to sort by; without it, the list's own order */
        sort?: 'createdAt' | 'amount' | 'ref' | 'stage' | 'deadline';
        /** @description Ascending (the default with sort) or descending */
        order?: 'asc' | 'desc';
        /** @description Search text, matched anywhere in the list's names and references */
        q?: string;
        stage?: string;
        /** @description todo: awaiting the caller's move (an SME's acceptance, a counterparty's acknowledgement, a credit officer's recommendation, an approver's approval); done: every other */
        queue?: 'todo' | 'done';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_apply: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApplyDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_decision: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FinancingDecisionView'];
        };
      };
    };
  };
  FinancingsController_document: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        documentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_timeline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_acknowledge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_recommend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_pay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PaymentDto'];
      };
    };
    responses: {
      /** @description The approval request: the payment is allocated once another person approves it */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_releaseGoods: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReleaseGoodsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingsController_topUp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TopUpDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingPolicyController_policy: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingPolicyController_products: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        bankId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BankProductsDto'];
        };
      };
    };
  };
  FinancingPolicyController_versions: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingPolicyController_propose: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PolicyDto'];
      };
    };
    responses: {
      /** @description The approval request: nothing is in force until another person approves it */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingContractController_upload: {
    parameters: {
      query: {
        name: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version kept and the approval request: offered to SMEs once another approver adopts it */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingContractController_versions: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FinancingContractController_version: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The PDF */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
    };
  };
  FinancingContractController_contract: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The PDF; X-Contract-Version and X-Contract-Sha256 name it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
    };
  };
  PortfolioController_buckets: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortfolioView'];
        };
      };
    };
  };
  PortfolioController_loans: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path: {
        bucket: 'CURRENT' | '1-30' | '31-60' | '61-90' | '90+';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortfolioLoanPage'];
        };
      };
    };
  };
  StatementsController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatementsController_import: {
    parameters: {
      query: {
        format: 'camt.053' | 'camt.054' | 'mt940' | 'csv';
        /** @description The account whose settings read the file: required for CSV (its column mapping); for MT940 its encoding setting (else the file’s first :25: account’s) */
        account?: string;
        /** @description MT940 and CSV: the file’s character set, over the account’s setting and detection */
        encoding?: 'UTF-8' | 'GBK' | 'GB18030' | 'ISO-8859-1';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatementsController_mapping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CsvMappingDto'];
        };
      };
    };
  };
  StatementsController_saveMapping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CsvMappingDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CsvMappingDto'];
        };
      };
    };
  };
  StatementsController_exceptions: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        /** @description The field to sort by; without it, the list's own order */
        sort?: 'bookedOn' | 'amount' | 'counterparty' | 'account';
        /** @description Ascending (the default with sort) or descending */
        order?: 'asc' | 'desc';
        /** @description Search text, matched anywhere in the list's names and references */
        q?: string;
        /** @description todo (the default): lines no rule matched; done: those a person matched or wrote off */
        queue?: 'todo' | 'done';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_report: {
    parameters: {
      query: {
        from: string;
        to: string;
        account?: string;
        format?: 'json' | 'csv';
        /** @description The CSV's column headers: English (the default) or Chinese */
        lang?: 'en' | 'zh-CN';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_accounts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_mapAccount: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BankAccountDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_decisions: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        /** @description The field to sort by; without it, the list's own order */
        sort?: 'decidedAt' | 'confidence' | 'writtenOff' | 'method' | 'status';
        /** @description Ascending (the default with sort) or descending */
        order?: 'asc' | 'desc';
        /** @description Search text, matched anywhere in the list's names and references */
        q?: string;
        /** @description todo: suggestions awaiting a person; done: matches made or reversed */
        queue?: 'todo' | 'done';
        status?: 'ACTIVE' | 'SUGGESTED' | 'REVERSED';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_match: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ManualMatchDto'];
      };
    };
    responses: {
      /** @description Beyond the write-off tolerance: the approval request, decided by another person */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_decision: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Beyond the write-off tolerance: the approval request, decided by another person */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_reverse: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReconciliationController_writeOff: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      /** @description Beyond the write-off tolerance: the approval request, decided by another person */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AwaitedController_movements: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        /** @description The field to sort by; without it, the list's own order */
        sort?: 'valueFrom' | 'amount' | 'remaining' | 'financingRef' | 'status' | 'kind';
        /** @description Ascending (the default with sort) or descending */
        order?: 'asc' | 'desc';
        /** @description Search text, matched anywhere in the list's names and references */
        q?: string;
        /** @description The financing's loan number */
        financingRef?: string;
        /** @description The bank account it should appear on */
        account?: string;
        /** @description Movements whose value-date window reaches this day or later */
        from?: string;
        /** @description Movements whose value-date window opens this day or earlier */
        to?: string;
        status?: 'OPEN' | 'PARTIAL' | 'MATCHED';
        kind?: 'DISBURSEMENT' | 'PAYOUT' | 'REPAYMENT';
        /** @description todo: still awaited (open or partly paid); done: matched */
        queue?: 'todo' | 'done';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AwaitedMovementPageView'];
        };
      };
    };
  };
  StatementRulesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatementRulesController_propose: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StatementRuleDto'];
      };
    };
    responses: {
      /** @description The approval request: the rule applies from the next run once a second person approves it */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SimulatedBankController_faults: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FaultsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SimulatedBankController_payment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instructionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
