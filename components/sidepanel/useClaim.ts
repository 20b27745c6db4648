import { useEffect } from 'react';
import { sendMessage } from '@/lib/messaging';

/** How often a claim is renewed while the post stays open: well inside its two-minute lease. */
const RENEW_MS = 60_000;

/**
 * In a team, the post open in the panel is claimed for the agent, renewed while it stays open,
 * and let go when the agent moves on: colleagues see "Anna is replying" meanwhile.
 */
export function useClaim(key: string | null, inTeam: boolean): void {
  useEffect(() => {
    if (!key || !inTeam) return;
    const claim = () => void sendMessage('claimPost', { key }).catch(() => undefined);
    claim();
    const renew = setInterval(claim, RENEW_MS);
    return () => {
      clearInterval(renew);
      void sendMessage('releasePost', { key }).catch(() => undefined);
    };
  }, [key, inTeam]);
}
