/**
 * The environment variable that carries a contract's receiver URL to the command after `listen --`:
 * `CALLBACK_VERIFY_URL_` and the contract id upper-cased, every other character `_`.
 * @example contractEnvName('createInvoice/invoicePaid/post') // 'CALLBACK_VERIFY_URL_CREATEINVOICE_INVOICEPAID_POST'
 */
export function contractEnvName(contractId: string): string {
  return `CALLBACK_VERIFY_URL_${contractId
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`;
}
