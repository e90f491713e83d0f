// Texts of the portfolio page, in Simplified Chinese and English (typed by the Chinese).

export const zhPortfolio = {} as const;

export const enPortfolio: Record<keyof typeof zhPortfolio, string> = {};
