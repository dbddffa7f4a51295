import { addDays, addMonths, isIsoDate } from './iso-date';

describe('ISO calendar dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
  });

  it('adds months clamping to the end of shorter months', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-03-03', -12)).toBe('2025-03-03');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2023-01-01', 0)).toBe('2023-01-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-01-01', 365 + 366)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('refuses to do arithmetic on a malformed date', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });
});
