import { useT } from '../i18n/use-t';

/** The about page (being built: see the issue that owns it). */
export const AboutPage = () => {
  const t = useT();
  return (
    <section>
      <h1>{t('nav.about')}</h1>
    </section>
  );
};
