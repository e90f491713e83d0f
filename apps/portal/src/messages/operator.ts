// Texts of the operator console and a bank's account settings, in Simplified Chinese and English (typed by the Chinese).

export const zhOperator = {} as const;

export const enOperator: Record<keyof typeof zhOperator, string> = {};
