import { useEffect } from 'react';
import { isPage } from '../../state/app-slice';
import { useAppStore } from './store-context';

/** Keeps the page in the URL hash (#/estimate), so reload and back/forward keep the place. */
export const useHashRoute = () => {
  const page = useAppStore((s) => s.page);
  const navigate = useAppStore((s) => s.navigate);
  useEffect(() => {
    const read = () => {
      const name = window.location.hash.replace(/^#\/?/, '');
      if (isPage(name)) navigate(name);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [navigate]);
  useEffect(() => {
    if (window.location.hash !== `#/${page}`) window.history.replaceState(null, '', `#/${page}`);
  }, [page]);
};
