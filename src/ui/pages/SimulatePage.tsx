import { useT } from '../i18n/use-t';

/** The simulate page (being built: see the issue that owns it). */
export const SimulatePage = () => {
  const t = useT();
  return (
    <section>
      <h1>{t('nav.simulate')}</h1>
    </section>
  );
};
