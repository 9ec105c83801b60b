// "3 d 4 h" / "5 h 12 min" / expired, and an urgency band for colour, from the
// expiry and the server-corrected now.
export interface Countdown {
  expired: boolean;
  days: number;
  hours: number;
  minutes: number;
  urgency: 'ok' | 'soon' | 'urgent' | 'expired';
}

export function countdown(expiresAt: string, now: number, warnDays = 3): Countdown {
  const ms = Date.parse(expiresAt) - now;
  if (ms <= 0) return { expired: true, days: 0, hours: 0, minutes: 0, urgency: 'expired' };
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const urgency = ms <= 86_400_000 ? 'urgent' : ms <= warnDays * 86_400_000 ? 'soon' : 'ok';
  return { expired: false, days, hours, minutes: minutes % 60, urgency };
}
