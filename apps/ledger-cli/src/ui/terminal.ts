import { terminalSettings } from '@inr/ledger-api/config';

// Colour and progress only when a person is watching: a pipe or CI log gets plain text.
const colourOn = (stream: NodeJS.WriteStream): boolean =>
  stream.isTTY === true && terminalSettings().colour;

const paint =
  (code: number) =>
  (text: string, stream: NodeJS.WriteStream = process.stdout): string =>
    colourOn(stream) ? `\u001b[${code}m${text}\u001b[0m` : text;

export const green = paint(32);
export const red = paint(31);
export const yellow = paint(33);
export const bold = paint(1);

export function isInteractive(stream: NodeJS.WriteStream = process.stderr): boolean {
  return stream.isTTY === true;
}
