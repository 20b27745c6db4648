import { useEffect, useState } from 'react';
import { OUTSIDE_TEAM, teamViewItem, type TeamView } from '@/lib/team/view';

/** The team as the service worker last said it: status and claims (OUTSIDE_TEAM without one). */
export function useTeam(): TeamView {
  const [view, setView] = useState<TeamView>(OUTSIDE_TEAM);
  useEffect(() => {
    void teamViewItem.getValue().then(setView);
    return teamViewItem.watch((value) => setView(value ?? OUTSIDE_TEAM));
  }, []);
  return view;
}
