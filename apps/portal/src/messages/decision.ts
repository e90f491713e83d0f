// Texts of the banker's decision page, in Simplified Chinese and English (typed by the Chinese).

export const zhDecision = {} as const;

export const enDecision: Record<keyof typeof zhDecision, string> = {};
