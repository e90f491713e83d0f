// Texts of the SME's offer, contract and payments, in Simplified Chinese and English (typed by the Chinese).

export const zhOffer = {} as const;

export const enOffer: Record<keyof typeof zhOffer, string> = {};
