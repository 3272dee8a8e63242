/**
 * next/dynamic for the phone's own bundle: the component is fetched when first rendered (or when
 * its loader is called early, as the lobby does), showing `loading` until then.
 */
import { useEffect, useState, type ComponentType, type ReactNode } from "react";

interface DynamicOptions {
  ssr?: boolean;
  loading?: () => ReactNode;
}

export default function dynamic<P extends object>(load: () => Promise<ComponentType<P>>, options: DynamicOptions = {}): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const loadOnce = () => (pending ??= load().then((component) => (loaded = component)));

  return function Dynamic(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (component) return;
      let current = true;
      // A failed fetch (the network dropped) is tried again the next time the screen shows.
      loadOnce().then(
        (ready) => current && setComponent(() => ready),
        () => (pending = null),
      );
      return () => {
        current = false;
      };
    }, [component]);
    const Component = component;
    return Component ? <Component {...props} /> : <>{options.loading?.() ?? null}</>;
  };
}
