import { safeUrl } from './safe-url';

describe('safeUrl', () => {
  it.each([
    ['/receivables?access_token=eyJhbGciOi.x.y', '/receivables?access_token=%5Bredacted%5D'],
    ['/auth/login?password=hunter2&email=a%40b.example', '/auth/login?password=%5Bredacted%5D&email=a%40b.example'],
    ['/receivables?limit=20&offset=40', '/receivables?limit=20&offset=40'],
    ['/health', '/health'],
  ])('%s', (url, safe) => expect(safeUrl(url)).toBe(safe));
});
