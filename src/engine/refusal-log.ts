/**
 * Refused handshakes, logged once per burst and address: the first refusal is logged at once;
 * further ones from that address within `quietMs` only counted, and their count logged with
 * the next refusal after that. A flood of bad tokens then costs a few log lines, not one each.
 */
export class RefusalLog {
  private readonly addresses = new Map<string, { loggedAt: number; unlogged: number }>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly quietMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  refused(address: string, reason: string): void {
    const now = this.now();
    const state = this.addresses.get(address);
    if (state && now - state.loggedAt < this.quietMs) {
      state.unlogged += 1;
      return;
    }
    for (const [known, entry] of this.addresses) if (known !== address && now - entry.loggedAt >= this.quietMs) this.addresses.delete(known);
    const earlier = state && state.unlogged > 0 ? ` (and ${state.unlogged} more refused from it since the last line)` : '';
    this.log(`refused a console from ${address}: ${reason}${earlier}; further refusals from it within ${Math.round(this.quietMs / 1000)} s are counted, not logged`);
    this.addresses.set(address, { loggedAt: now, unlogged: 0 });
  }
}
