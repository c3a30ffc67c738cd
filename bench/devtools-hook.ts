// Counts React commits the way React DevTools sees them (this hook works in production builds):
// for each commit, whether the dialog's component rendered in it. Must load before React.
interface Fiber {
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
}

declare global {
  interface Window {
    __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown;
    /** `renders[name]`: commits in which the component `watch[name]` rendered. */
    reactCommits: { total: number; renders: Record<string, number>; watch: Record<string, unknown> };
  }
}

const PERFORMED_WORK = 1;

function rendered(fiber: Fiber | null, type: unknown): boolean {
  for (let node = fiber; node; node = node.sibling) {
    if (node.type === type && (node.flags & PERFORMED_WORK) !== 0) return true;
    if (rendered(node.child, type)) return true;
  }
  return false;
}

window.reactCommits = { total: 0, renders: {}, watch: {} };
window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers: new Map(),
  inject: () => 1,
  checkDCE: () => undefined,
  onScheduleFiberRoot: () => undefined,
  onCommitFiberUnmount: () => undefined,
  onPostCommitFiberRoot: () => undefined,
  onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
    const commits = window.reactCommits;
    commits.total += 1;
    for (const [name, type] of Object.entries(commits.watch)) {
      if (rendered(root.current, type)) commits.renders[name] = (commits.renders[name] ?? 0) + 1;
    }
  },
};

export {};
