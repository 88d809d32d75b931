import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';

/** "An import was interrupted": shown once after a start that found imports a closed tab cut short. */
export const InterruptedImports = ({ found }: { found: Promise<string[]> }) => {
  const t = useT();
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void found.then((n) => { if (live) setNames(n); }, () => undefined);
    return () => { live = false; };
  }, [found]);
  if (names.length === 0) return null;
  return (
    <div className="banner" role="alert" data-testid="interrupted-imports">
      <span>{t('trust.interrupted', { files: names.join(', ') })}</span>
      <button type="button" className="secondary" onClick={() => setNames([])}>{t('trust.dismiss')}</button>
    </div>
  );
};
