import { useEffect, useState } from 'react';

/**
 * A signal aborted when the calling component unmounts. React may unmount and remount a component
 * that stays on screen (StrictMode's check, a hidden `<Activity>` shown again): the aborted signal
 * is then replaced, so a form that is still there never holds a dead one.
 */
export function useUnmountSignal(): AbortSignal {
  const [controller, setController] = useState(() => new AbortController());
  useEffect(() => {
    if (controller.signal.aborted) {
      // Remounted after an abort: a fresh signal for this new life.
      // eslint-disable-next-line react-hooks/set-state-in-effect -- only on a remount, never on the first mount
      setController(new AbortController());
      return;
    }
    return () => controller.abort();
  }, [controller]);
  return controller.signal;
}
