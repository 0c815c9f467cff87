import { describe, expect, it } from 'vitest';
import { isMunicipalityCode, municipalityCheckDigit } from './municipality';

describe('全国地方公共団体コード', () => {
  it('accepts real codes with their check digit', () => {
    for (const code of ['462012', '131016', '011002', '271004', '472018'])
      expect(isMunicipalityCode(code)).toBe(true);
  });
  it('refuses a wrong check digit, wrong length or letters', () => {
    for (const code of ['462011', '46201', '4620123', '46201a', ''])
      expect(isMunicipalityCode(code)).toBe(false);
  });
  it('follows the rule for remainders 0 and 1', () => {
    expect(municipalityCheckDigit('99000')).toBe(1); // sum 99, remainder 0
    expect(municipalityCheckDigit('10000')).toBe(5);
  });
});
