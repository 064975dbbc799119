/** "2026-03-14 09:05 UTC", as the setup summary writes a time. */
export function utcMinute(timestamp: number): string {
  return `${new Date(timestamp).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
