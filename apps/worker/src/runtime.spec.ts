import { bindAddress } from './runtime';

describe('the worker metrics’ bind address', () => {
  it('is host:port for a name or an IPv4 address', () => {
    expect(bindAddress('127.0.0.1', 9464)).toBe('127.0.0.1:9464');
    expect(bindAddress('metrics.internal', 9464)).toBe('metrics.internal:9464');
  });

  it('brackets an IPv6 address, which METRICS_HOST accepts, so its port stays apart', () => {
    expect(bindAddress('::', 9464)).toBe('[::]:9464');
    expect(bindAddress('::1', 9464)).toBe('[::1]:9464');
    expect(bindAddress('fd00::5', 9464)).toBe('[fd00::5]:9464');
  });
});
