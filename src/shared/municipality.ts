// 全国地方公共団体コード: five digits and a check digit (JIS X 0401/0402).
export function municipalityCheckDigit(fiveDigits: string): number {
  const weights = [6, 5, 4, 3, 2];
  const sum = [...fiveDigits].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  // "the ones digit of 11 minus the remainder": a remainder of 0 gives 1, of 1 gives 0.
  return (11 - (sum % 11)) % 10;
}

export function isMunicipalityCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return municipalityCheckDigit(code.slice(0, 5)) === Number(code[5]);
}
