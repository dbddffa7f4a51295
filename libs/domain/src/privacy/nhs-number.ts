/**
 * NHS number check digit (modulus 11): weights 10..2 on the first nine digits,
 * check = 11 - (sum mod 11); 11 means 0 and 10 means the number is not valid.
 */
export function isValidNhsNumber(digits: string): boolean {
  const clean = digits.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(clean)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(clean[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(clean[9]);
}
